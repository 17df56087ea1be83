/**
 * Run by `npm run test:e2e` before Playwright: makes sure a Chromium is there to drive. Debian's is used
 * as it is; otherwise Playwright's own build is installed once (a download of about 150 MB); where neither
 * can be had, one line says what to do, and the command fails.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium } from "@playwright/test";
import { DEBIAN_CHROMIUM } from "./chromium";

const installed = (): boolean => existsSync(DEBIAN_CHROMIUM) || existsSync(chromium.executablePath());

if (!installed()) {
  console.log("No Chromium for the browser tests yet: installing Playwright's (once, about 150 MB)…");
  const cli = createRequire(import.meta.url).resolve("@playwright/test/cli");
  const install = spawnSync(process.execPath, [cli, "install", "chromium"], { stdio: "inherit" });
  if (install.status !== 0 || !installed()) {
    console.error(
      `No Chromium for the browser tests: neither ${DEBIAN_CHROMIUM} (Debian: apt-get install chromium) ` +
        "nor Playwright's (`npx playwright install chromium` failed; see above) could be had.",
    );
    process.exit(1);
  }
}
