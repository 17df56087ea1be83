import { defineConfig } from "@playwright/test";

/** PW_PORT lets several checkouts or helpers run the suite side by side. */
const port = Number(process.env.PW_PORT ?? 4173);

/** Debian's Chromium, as this machine and CI have it (Playwright cannot download browsers here). */
export const CHROMIUM = {
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
};

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
    trace: "retain-on-failure",
  },
  webServer: {
    command: `npx vite preview --port ${port} --strictPort`,
    url: `http://localhost:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
