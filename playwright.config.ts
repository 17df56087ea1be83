import { defineConfig } from "@playwright/test";
import { CHROMIUM } from "./e2e/setup/chromium";

/** PW_PORT lets several checkouts or helpers run the suite side by side. */
const port = Number(process.env.PW_PORT ?? 4173);

/** Browser tests run against the production build (`vite build` first), served by `vite preview`. */
export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  workers: 1,
  retries: 0,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: "list",
  outputDir: "test-results",
  use: {
    baseURL: `http://localhost:${port}`,
    browserName: "chromium",
    viewport: { width: 1280, height: 720 },
    launchOptions: CHROMIUM,
    // vite preview sends the isolation headers, so the service worker would only precache the build, again
    // in every test's fresh context; the specs of the service worker (static-host, embed) allow it.
    serviceWorkers: "block",
    trace: "retain-on-failure",
  },
  webServer: {
    command: `npx vite preview --port ${port} --strictPort`,
    url: `http://localhost:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
