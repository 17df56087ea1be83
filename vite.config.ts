import { readFileSync } from "node:fs";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";
import { VitePWA } from "vite-plugin-pwa";

// Cross-origin isolation (SharedArrayBuffer for the live worker pool) needs these on every response.
const isolationHeaders = {
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Embedder-Policy": "require-corp",
};

/** The Content-Security-Policy of public/_headers, the one place it is written. */
function contentSecurityPolicy(): string {
  const line = /^\s*Content-Security-Policy:\s*(.+)$/m.exec(readFileSync("public/_headers", "utf8"));
  if (!line) throw new Error("public/_headers has no Content-Security-Policy line");
  return line[1].trim();
}

/**
 * The built index.html carries the policy as a <meta> tag, first in <head>, for hosts that cannot send
 * headers. Not in dev: the dev server's hot reload injects inline scripts.
 */
function cspMeta(): Plugin {
  return {
    name: "txlanes-csp-meta",
    apply: "build",
    transformIndexHtml: () => [
      {
        tag: "meta",
        attrs: { "http-equiv": "Content-Security-Policy", content: contentSecurityPolicy() },
        injectTo: "head-prepend",
      },
    ],
  };
}

export default defineConfig({
  // Relative URLs everywhere: one build runs from any host at any sub-path.
  base: "./",
  plugins: [
    react(),
    cspMeta(),
    // The one service worker: precache and isolation headers (src/service-worker.ts); the page registers
    // it itself (src/app/release.ts).
    VitePWA({
      strategies: "injectManifest",
      srcDir: "src",
      filename: "service-worker.ts",
      injectRegister: false,
      manifest: false,
      injectManifest: {
        // The app, its workers, its styles and the mainnet blocks (under 1 MB each): everything a run needs.
        globPatterns: ["**/*.{html,js,css,svg,json}"],
        maximumFileSizeToCacheInBytes: 2 * 1024 * 1024,
      },
    }),
  ],
  server: { headers: isolationHeaders },
  preview: { headers: isolationHeaders },
  worker: { format: "es" },
  build: { target: "es2022", sourcemap: true },
});
