/**
 * Layouts that hold: no horizontal overflow on a 390x844 phone in any mode, and no label cut short at
 * 1280x720 (no text element whose content is wider than its box), with 64 shards, in compare and in talk.
 */
import type { Page } from "@playwright/test";
import { findPreset, PRESETS, presetLink } from "../src/engine/scenario/presets";
import { expect, test } from "./fixtures";
import { openLink } from "./link-helpers";

const compare = PRESETS.find((p) => p.compare);
const teaching = findPreset("mod3mod4");
if (!compare || !teaching) throw new Error("a compare preset and the teaching preset are needed");
const linkOf = (p: NonNullable<typeof compare>): string => {
  const { search, hash } = presetLink(p);
  return `/${search}${hash}`;
};

/** The modes a page can be in, each opened from a fresh page. */
const MODES: readonly { name: string; open: (page: Page) => Promise<void> }[] = [
  { name: "the default run", open: (page) => openLink(page, "/") },
  {
    name: "the scenario drawer open",
    open: async (page) => {
      await openLink(page, "/");
      const toggle = page.locator(".drawer-toggle");
      if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
      await expect(page.locator("#scenario-drawer")).toBeVisible();
    },
  },
  { name: "64 shards", open: (page) => openLink(page, "/?lv=1&shards=64&w=64&n=2000") },
  { name: "compare", open: (page) => openLink(page, linkOf(compare)) },
  {
    name: "talk mode on a chapter",
    open: async (page) => {
      await openLink(page, linkOf(teaching));
      await page.locator("body").click({ position: { x: 2, y: 300 } });
      await page.keyboard.press("t");
      await page.keyboard.press("PageDown");
      await expect(page.getByTestId("chapter-count")).toHaveText(/^chapter 1\//);
    },
  },
];

/** Text elements (no children elements, some text) whose content is wider than their box. */
function truncated(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>("body *")) {
      if (el.children.length > 0 || !el.textContent?.trim()) continue;
      if (el.closest("[hidden], .help-backdrop") || el.getClientRects().length === 0) continue;
      // Text for screen readers only (clipped to a pixel on purpose).
      if (el.clientWidth <= 1) continue;
      const style = getComputedStyle(el);
      if (style.overflowX === "visible" && style.textOverflow !== "ellipsis") continue;
      if (el.scrollWidth > el.clientWidth + 1)
        out.push(`${el.tagName.toLowerCase()}.${el.className}: "${el.textContent.trim().slice(0, 60)}"`);
    }
    return out;
  });
}

test.describe("on a 390x844 phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });
  for (const mode of MODES) {
    test(`${mode.name}: nothing is wider than the screen`, async ({ page }) => {
      await mode.open(page);
      const width = await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0);
      expect(width, "the page's scroll width").toBeLessThanOrEqual(390);
    });
  }
});

test.describe("at 1280x720", () => {
  for (const mode of MODES) {
    test(`${mode.name}: no label is cut short`, async ({ page }) => {
      await mode.open(page);
      expect(await truncated(page)).toEqual([]);
      const width = await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0);
      expect(width).toBeLessThanOrEqual(1280);
    });
  }
});
