/**
 * Which Chromium the browser tests drive, in one place: Debian's at /usr/bin/chromium where it is installed
 * (this machine and CI, where Playwright cannot download browsers), otherwise Playwright's own build (a
 * contributor's macOS, Windows or Linux laptop), which `ensure-chromium.ts` installs on demand.
 */
import { existsSync } from "node:fs";

export const DEBIAN_CHROMIUM = "/usr/bin/chromium";

export const CHROMIUM = {
  ...(existsSync(DEBIAN_CHROMIUM) ? { executablePath: DEBIAN_CHROMIUM } : {}),
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
};
