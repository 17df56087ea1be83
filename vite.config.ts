import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// Cross-origin isolation (SharedArrayBuffer for the live worker pool) needs these on every response.
const isolationHeaders = {
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Embedder-Policy": "require-corp",
};

export default defineConfig({
  plugins: [react()],
  server: { headers: isolationHeaders },
  preview: { headers: isolationHeaders },
  worker: { format: "es" },
  build: { target: "es2022", sourcemap: true },
});
