import { defineConfig } from "@playwright/test";
import { CHROMIUM } from "../setup/chromium";

const port = Number(process.env.BENCH_PORT ?? 4174);

/** The frame-rate benchmark (`npm run bench:fps`): not part of `npm test`; it prints figures. */
export default defineConfig({
  testDir: ".",
  testMatch: "**/*.bench.ts",
  workers: 1,
  retries: 0,
  timeout: 180_000,
  expect: { timeout: 60_000 },
  reporter: "list",
  outputDir: "../../test-results/bench",
  use: {
    baseURL: `http://localhost:${port}`,
    browserName: "chromium",
    viewport: { width: 1280, height: 720 },
    launchOptions: CHROMIUM,
  },
  webServer: {
    command: `npx vite preview --port ${port} --strictPort`,
    cwd: "../..",
    url: `http://localhost:${port}`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
