/** Every preset opens from its link, keeps that link in the address bar, and plays; the gallery opens them. */
import { PRESETS, presetLink } from "../src/engine/scenario/presets";
import { REAL_SYSTEMS, TPS_REFERENCE } from "../src/ui/landscape/real-systems";
import { expect, test } from "./fixtures";
import { openLink, paramsOf, waitForRun } from "./link-helpers";
import { playhead } from "./view-helpers";

for (const p of PRESETS) {
  test(`preset ${p.id} loads and plays`, async ({ page }) => {
    const { search, hash } = presetLink(p);
    await openLink(page, `/${search}${hash}`);
    await expect(page.getByTestId("link-notices")).toHaveCount(0);
    if (p.compare) await expect(page.getByTestId("compare-right")).toBeVisible({ timeout: 30_000 });
    // Once the page has brought the address bar up to date, it still holds the preset's link.
    await expect(page.locator("html")).toHaveAttribute("data-address-syncs", /^[1-9]/);
    const url = new URL(page.url());
    expect(url.search).toBe(search);
    expect(url.hash).toBe(hash);

    // The lesson shows out of talk mode too, and playing does not move it.
    const card = page.getByTestId("chapter-card");
    await expect(page.locator("html")).not.toHaveClass(/\btalk\b/);
    await expect(page.getByTestId("chapter-caption")).toHaveText(p.lesson);
    const before = await card.boundingBox();

    await page.keyboard.press("Home");
    expect((await playhead(page)).time).toBe(0);
    await page.keyboard.press("Space");
    await expect.poll(async () => (await playhead(page)).time, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await card.boundingBox()).toEqual(before);
  });
}

test("the gallery lists every preset with its lesson and tags, and opens the one picked", async ({
  page,
}) => {
  await openLink(page, "/");
  await page.getByRole("button", { name: "Presets" }).click();
  const gallery = page.getByRole("dialog", { name: "Presets" });
  await expect(gallery.getByRole("listitem")).toHaveCount(PRESETS.length);
  const third = PRESETS[2];
  const card = gallery.getByTestId(`preset-${third.id}`);
  await expect(card).toContainText(third.title);
  await expect(card).toContainText(third.lesson);
  await card.click();
  await expect(gallery).toHaveCount(0);
  await waitForRun(page);
  await expect.poll(() => paramsOf(page).get("p")).toBe(third.id);

  // Digit keys open the first nine presets.
  await page.keyboard.press("1");
  await expect.poll(() => paramsOf(page).get("p"), { timeout: 15_000 }).toBe(PRESETS[0].id);
  await expect(page.getByTestId("run-summary")).toContainText("teaching block");
});

test("Real systems opens by keyboard or click, lists every entry with its source, and the chart names its reference", async ({
  page,
}) => {
  await openLink(page, "/");
  await waitForRun(page);
  const button = page.getByRole("button", { name: "Real systems" });
  const dialog = page.getByRole("dialog", { name: "Real systems" });
  await button.focus();
  await page.keyboard.press("Enter");
  await expect(dialog.getByRole("listitem")).toHaveCount(REAL_SYSTEMS.length);
  for (const s of REAL_SYSTEMS) {
    await expect(dialog.getByRole("link", { name: s.source.title })).toHaveAttribute("href", s.source.url);
    await expect(dialog).toContainText(s.differs);
  }
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await button.click();
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId("mp-reference")).toHaveText(TPS_REFERENCE.what);
});
