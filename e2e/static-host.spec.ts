/**
 * The production build on a plain static host (no COOP/COEP, no CSP header) under a sub-path, as GitHub Pages
 * serves a project site: the service worker isolates the page, precaches it for offline use, and hands a new
 * release over with a notice.
 */
import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { addressSynced, waitForRun } from "./link-helpers";
import { expectFinishedRun, expectMeasuredRun, openDrawer, sourceKnob, switchToLive } from "./panel-helpers";
import { type StaticHost, startStaticHost } from "./static-server";

const BLOCKS = [12965000, 14029313, 17666333, 19606599, 19807137];

test.use({ serviceWorkers: "allow" });
// A first visit installs the service worker and reloads; each release then installs in the background.
test.describe.configure({ timeout: 120_000 });

let host: StaticHost;
let releases: string;

test.beforeEach(async () => {
  releases = mkdtempSync(join(tmpdir(), "txlanes-releases-"));
  host = await startStaticHost(release("A"));
});

test.afterEach(async () => {
  await host.close();
  rmSync(releases, { recursive: true, force: true });
});

/**
 * A copy of dist/ as a distinct release: its index.html is tagged, and the service worker's precache
 * manifest carries the page's new revision, as a rebuild would write it (Workbox revisions are MD5s).
 */
function release(tag: string): string {
  const dir = join(releases, tag);
  cpSync("dist", dir, { recursive: true });
  const md5 = (text: string): string => createHash("md5").update(text).digest("hex");
  const html = readFileSync(join(dir, "index.html"), "utf8");
  const tagged = html.replace('<html lang="en">', `<html lang="en" data-release="${tag}">`);
  const worker = readFileSync(join(dir, "service-worker.js"), "utf8");
  expect(tagged, "index.html has its <html lang> tag").not.toBe(html);
  expect(worker, "the precache manifest lists index.html by its MD5").toContain(md5(html));
  writeFileSync(join(dir, "index.html"), tagged);
  writeFileSync(join(dir, "service-worker.js"), worker.replace(md5(html), md5(tagged)));
  return dir;
}

/** The first visit: the service worker installs, takes the page and reloads it isolated. */
async function firstVisit(page: Page): Promise<void> {
  await page.goto(host.url);
  await page.waitForFunction(() => crossOriginIsolated && navigator.serviceWorker.controller !== null);
  await waitForRun(page);
}

const releaseOf = (page: Page) => page.locator("html").getAttribute("data-release");

test("under a sub-path of a host that sends no headers, then offline after one visit: isolated, virtual and live runs, the five blocks", async ({
  page,
  context,
}) => {
  await firstVisit(page);
  expect(new URL(page.url()).pathname).toBe("/txlanes/");
  await expectFinishedRun(page, /8 workers/);
  // Everything came from under the sub-path: nothing was asked of the host's root.
  expect(host.requests.filter((path) => !path.startsWith("/txlanes/"))).toEqual([]);

  // The network goes off: the browser is offline and the host is gone.
  await host.close();
  await context.setOffline(true);
  await page.reload();
  await waitForRun(page);
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  const hashes = await page.evaluate(
    (numbers) => Promise.all(numbers.map(async (n) => (await (await fetch(`blocks/${n}.json`)).json()).hash)),
    BLOCKS,
  );
  expect(hashes).toEqual(BLOCKS.map((n) => JSON.parse(readFileSync(`public/blocks/${n}.json`, "utf8")).hash));
  await openDrawer(page);
  await sourceKnob(page).selectOption("eth-12965000");
  await expectFinishedRun(page, /Ethereum block 12,965,000/);
  await sourceKnob(page).selectOption("synthetic");
  await switchToLive(page, 2, 1);
  await expectMeasuredRun(page, /2,000 transactions · Block-STM · 2 workers/);
});

test("a live link on its first visit runs live once the service worker has isolated the page", async ({
  page,
  context,
}) => {
  // Not isolated on arrival: the link runs virtual (with a notice) and the page writes its address, which
  // keeps mode=live; only then does the service worker arrive, and its reload opens the page isolated, live.
  let addressWritten = (): void => {};
  const written = new Promise<void>((resolve) => {
    addressWritten = resolve;
  });
  await context.route(/service-worker\.js$/, async (route) => {
    await written;
    await route.continue();
  });
  await page.goto(`${host.url}?lv=1&n=2000&w=2&mode=live`);
  await expect(page.getByTestId("link-notices")).toContainText("so the link opened in virtual mode");
  await addressSynced(page);
  expect(new URL(page.url()).searchParams.get("mode")).toBe("live");
  addressWritten();
  await page.waitForFunction(() => crossOriginIsolated && navigator.serviceWorker.controller !== null);
  await expectMeasuredRun(page, /2,000 transactions · Block-STM · 2 workers/);
  expect(new URL(page.url()).searchParams.get("mode")).toBe("live");
});

/**
 * The page has registered its service worker, then the host gets a new release and the browser looks for
 * one (as it does on its own from time to time; the page's next open also looks).
 */
async function publish(page: Page, tag: string): Promise<void> {
  await expect(page.locator("html")).toHaveAttribute("data-worker-registrations", "1");
  host.root = release(tag);
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
}

test("a new release: a notice, then the new version on the user's word, or at once on the next open", async ({
  page,
}) => {
  await firstVisit(page);
  expect(await releaseOf(page)).toBe("A");
  // The open page keeps its release while the next one installs in the background, and says so.
  await publish(page, "B");
  const notice = page.getByTestId("release-notice");
  await expect(notice).toContainText("A new version of TxLanes is ready");
  expect(await releaseOf(page)).toBe("A");
  await notice.getByRole("button", { name: "Reload" }).click();
  await expect(page.locator("html")).toHaveAttribute("data-release", "B");
  await waitForRun(page);
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  await expect(notice).toHaveCount(0);
  // A release installed while the page was open is taken as soon as the page opens again: never stale.
  await publish(page, "C");
  await expect(notice).toBeVisible();
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-release", "C");
  await waitForRun(page);
  await expect(notice).toHaveCount(0);
});
