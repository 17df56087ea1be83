/**
 * Embedding: "Copy embed code" gives an <iframe> snippet; pasted into a deck's page on another origin, it
 * shows the chosen view alone, sized to its frame, and plays.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "./fixtures";
import { waitForRun } from "./link-helpers";
import { openDrawer } from "./panel-helpers";
import { startStaticHost } from "./static-server";

test("a deck's iframe of the copied embed code shows the chosen view alone, sized to the frame, and plays", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/?n=300&w=4");
  await waitForRun(page);
  await openDrawer(page);
  await page.getByLabel("Embed").selectOption("lanes");
  await page.getByRole("button", { name: "Copy embed code" }).click();
  await expect(page.getByText("Copied")).toBeVisible();
  const code = await page.evaluate(() => navigator.clipboard.readText());
  expect(code).toMatch(
    /^<iframe src="http:\/\/localhost:\d+\/\?lv=1&amp;w=4&amp;n=300&amp;embed=1&amp;show=lanes" /,
  );

  // The deck: another origin, not isolated, the snippet as pasted.
  const dir = mkdtempSync(join(tmpdir(), "txlanes-deck-"));
  writeFileSync(
    join(dir, "index.html"),
    `<!doctype html><title>Deck</title><link rel="icon" href="data:,"><h1>Slide 3</h1>${code}`,
  );
  const deck = await startStaticHost(dir, "/deck/");
  try {
    await page.goto(deck.url);
    const frame = page.frameLocator("iframe");
    await expect(frame.getByTestId("embed")).toHaveAttribute("data-view", "lanes");
    await expect(frame.getByTestId("lanes-view")).toBeVisible();
    await expect(frame.getByTestId("graph-view")).toHaveCount(0);
    await expect(frame.getByRole("form", { name: "Scenario" })).toHaveCount(0);
    // Sized to the frame: the view and its bar fill the 800x450 box, nothing is cut off.
    const box = await page.locator("iframe").boundingBox();
    const inner = await frame.getByTestId("embed").boundingBox();
    const bar = await frame.getByTestId("embed-bar").boundingBox();
    expect(box && inner && bar).toBeTruthy();
    if (!box || !inner || !bar) return;
    expect(Math.abs(inner.width - box.width)).toBeLessThan(2);
    expect(Math.abs(inner.height - box.height)).toBeLessThan(2);
    expect(bar.y + bar.height).toBeLessThanOrEqual(box.y + box.height + 1);
    // It plays: from the start, the playhead moves on.
    const time = frame.getByTestId("playhead-time");
    await frame.getByTestId("scrub").press("Home");
    const start = await time.textContent();
    await frame.getByRole("button", { name: "Play" }).click();
    await expect(time).not.toHaveText(start ?? "");
    await expect(frame.getByRole("button", { name: "Pause" })).toBeVisible();
  } finally {
    await deck.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
