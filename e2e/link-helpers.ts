/** What the link, preset, talk and compare tests share: opening a link and waiting for its run. */
import type { Page } from "@playwright/test";
import { expect } from "./fixtures";

/** Opens `path` and waits until a run is shown and no run is in flight. */
export async function openLink(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await waitForRun(page);
}

export async function waitForRun(page: Page): Promise<void> {
  await expect(page.getByTestId("hash-check")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("progressbar", { name: "Run progress" })).toHaveCount(0, { timeout: 30_000 });
}

/**
 * Waits until the page has brought the address bar up to date more than `after` times: a write reads the
 * state at the moment it fires, so the first sync after a change carries that change.
 */
export async function addressSynced(page: Page, after = 0): Promise<number> {
  let now = after;
  await expect
    .poll(async () => {
      now = Number((await page.locator("html").getAttribute("data-address-syncs")) ?? 0);
      return now;
    })
    .toBeGreaterThan(after);
  return now;
}

/** The link's query parameters as a map (the address bar is the current link). */
export function paramsOf(page: Page): URLSearchParams {
  return new URL(page.url()).searchParams;
}
