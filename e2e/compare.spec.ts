/** Compare: two runs of one block side by side on one playhead, with the difference between them. */
import { readLink } from "../src/app/url-sync";
import { findPreset, presetLink } from "../src/engine/scenario/presets";
import { expect, test } from "./fixtures";
import { openLink, paramsOf } from "./link-helpers";
import { playhead } from "./view-helpers";

const preset = findPreset("optimistic-vs-declared");
if (!preset) throw new Error("the compare preset is missing");

/** Units committed at the playhead on one side ("12 / 1,000" -> 12). */
async function committed(page: import("@playwright/test").Page, side: "left" | "right"): Promise<number> {
  const text = (await page.getByTestId(`compare-${side}-committed`).textContent()) ?? "";
  return Number(text.split("/")[0].replaceAll(",", "").trim());
}

test("both sides follow one playhead whose end is the later run's end", async ({ page }) => {
  const { search, hash } = presetLink(preset);
  await openLink(page, `/${search}${hash}`);
  await expect(page.getByTestId("compare-right")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("compare-diff")).toContainText(/Right is .* than left|same time/);
  await expect(page.getByTestId("compare-left")).toContainText("Block-STM");
  await expect(page.getByTestId("compare-right")).toContainText("Account locks");

  // The end of the playhead is the longer of the two runs.
  const durations = await Promise.all(
    (["left", "right"] as const).map(async (s) => page.getByTestId(`compare-${s}-time`).textContent()),
  );
  const { end } = await playhead(page);
  const us = (t: string | null) => {
    const m = /([\d.,]+) (µs|ms|s)/.exec(t ?? "");
    return m ? Number(m[1].replaceAll(",", "")) * ({ µs: 1, ms: 1e3, s: 1e6 }[m[2]] ?? 1) : Number.NaN;
  };
  expect(end).toBeCloseTo(Math.max(...durations.map(us)), -1);

  await page.keyboard.press("Home");
  expect(await committed(page, "left")).toBe(0);
  expect(await committed(page, "right")).toBe(0);
  // Scrub to the middle: both sides show that one moment (each has committed part of the block).
  await page.getByTestId("scrub").fill(String(end / 2));
  const mid = [await committed(page, "left"), await committed(page, "right")];
  expect(mid[0] + mid[1]).toBeGreaterThan(0);
  // Play to the end at full speed: the playhead stops at the end of the later run, both sides done.
  for (let i = 0; i < 12; i++) await page.keyboard.press("]");
  await page.keyboard.press("Space");
  await expect(page.getByRole("button", { name: "Play", exact: true })).toBeVisible();
  await expect.poll(() => committed(page, "left")).toBe(1000);
  await expect.poll(() => committed(page, "right")).toBe(1000);
  await page.screenshot({ path: test.info().outputPath("compare-1280.png") });
});

test("the Compare button opens the other scheduler, the right side's workers edit the link", async ({
  page,
  context,
}) => {
  await openLink(page, "/?lv=1&n=300&acc=50&w=4");
  await page.getByRole("button", { name: "Compare" }).click();
  await expect(page.getByTestId("compare-right")).toContainText("Account locks · 4 workers", {
    timeout: 30_000,
  });
  await page.getByRole("group", { name: "Right side" }).getByLabel("Workers").fill("16");
  await expect(page.getByTestId("compare-right")).toContainText("16 workers", { timeout: 30_000 });
  // The address bar catches up within its write throttle; wait until its link carries the edit.
  await expect
    .poll(() => {
      const url = new URL(page.url());
      return readLink(url.search, url.hash).view.compare?.workers;
    })
    .toBe(16);
  // The link carries the compare side: opened in a new page, it shows the same two runs.
  const other = await context.newPage();
  await openLink(other, page.url());
  await expect(other.getByTestId("compare-right")).toContainText("Account locks · 16 workers", {
    timeout: 30_000,
  });
  expect(paramsOf(other).get("w")).toBe("4");
  await other.getByRole("button", { name: "Compare" }).click();
  await expect(other.getByTestId("compare-stage")).toHaveCount(0);
  await other.close();
});

test("the NFT preset compares without and with aggregators; the right side's checkbox turns them off", async ({
  page,
}) => {
  const nft = findPreset("nft-mint");
  if (!nft) throw new Error("the nft-mint preset is missing");
  const { search, hash } = presetLink(nft);
  await openLink(page, `/${search}${hash}`);
  const right = page.getByTestId("compare-right").locator("header").first();
  await expect(right).toContainText("Block-STM · 8 workers · aggregators", { timeout: 30_000 });
  await expect(page.getByTestId("compare-left").locator("header").first()).not.toContainText("aggregators");
  await expect(page.getByTestId("compare-diff")).toContainText(/Right is .* faster than left/);
  await page.screenshot({ path: test.info().outputPath("compare-aggregators-1280.png") });
  const box = page.getByRole("group", { name: "Right side" }).getByLabel("Aggregators");
  await expect(box).toBeChecked();
  await box.uncheck();
  await expect(right).not.toContainText("aggregators", { timeout: 30_000 });
  await expect(page.getByTestId("compare-diff")).toContainText(/same time/, { timeout: 30_000 });
});
