/**
 * Talk mode at 1280x720: on every chapter whose caption names transactions, the graph draws each named
 * transaction's number, and the number's ink with its halo (measured here with the canvas's own font) lies
 * inside its node's disc, or its box lies clear beside the node. Every graph on the page is checked (both sides of a
 * compare).
 */
import type { Locator, Page } from "@playwright/test";
import { namedTxs } from "../src/engine/analysis/chapter-frame";
import { PRESETS, presetLink } from "../src/engine/scenario/presets";
import { canvasFont } from "../src/ui/views/canvas";
import { HALO_PX } from "../src/ui/views/graph/node-number";
import { expect, test } from "./fixtures";
import { openLink } from "./link-helpers";

interface NamedNumber {
  readonly tx: number;
  readonly x: number;
  readonly y: number;
  readonly r: number;
  readonly box: readonly [number, number, number, number];
  readonly inside: boolean;
}

/** The graph's hook: "tx:x y r:x0 y0 x1 y1:inside" for each named transaction's number, ";" between. */
async function namedNumbers(canvas: Locator): Promise<NamedNumber[]> {
  const text = (await canvas.getAttribute("data-named-numbers")) ?? "";
  return text
    .split(";")
    .filter(Boolean)
    .map((entry) => {
      const [tx, node, box, inside] = entry.split(":");
      const [x, y, r] = node.split(" ").map(Number);
      const [x0, y0, x1, y1] = box.split(" ").map(Number);
      return { tx: Number(tx), x, y, r, box: [x0, y0, x1, y1], inside: inside === "1" };
    });
}

/** How far the number's ink reaches from its node's centre (inside), or how near its box comes (beside). */
function reach(page: Page, n: NamedNumber, font: string): Promise<number> {
  return page.evaluate(
    ({ n, font }) => {
      const ctx = document.createElement("canvas").getContext("2d");
      if (!ctx) throw new Error("no 2D canvas");
      ctx.font = font;
      ctx.textAlign = "center";
      ctx.textBaseline = "middle";
      const [x0, y0, x1, y1] = n.box;
      if (n.inside) {
        // Drawn centred in its box: the ink's corners, each as far from the node's centre as it reaches.
        const m = ctx.measureText(String(n.tx));
        const cx = (x0 + x1) / 2;
        const cy = (y0 + y1) / 2;
        const xs = [cx - m.actualBoundingBoxLeft, cx + m.actualBoundingBoxRight];
        const ys = [cy - m.actualBoundingBoxAscent, cy + m.actualBoundingBoxDescent];
        return Math.max(...xs.flatMap((x) => ys.map((y) => Math.hypot(x - n.x, y - n.y))));
      }
      // The box's nearest point to the node's centre.
      const dx = Math.max(x0 - n.x, 0, n.x - x1);
      const dy = Math.max(y0 - n.y, 0, n.y - y1);
      return Math.hypot(dx, dy);
    },
    { n, font },
  );
}

const chapters = PRESETS.flatMap((p) =>
  p.chapters.flatMap((c, i) =>
    namedTxs(c.caption).length > 0 ? [[p, i + 1, namedTxs(c.caption)] as const] : [],
  ),
);

test("some chapters name transactions", () => {
  expect(chapters.length).toBeGreaterThan(0);
});

for (const [preset, n, named] of chapters) {
  test(`${preset.id} chapter ${n}: the numbers of tx ${named.join(", ")} sit on their nodes or beside them`, async ({
    page,
  }) => {
    const { search, hash } = presetLink(preset);
    await openLink(page, `/${search}${hash}`);
    if (preset.compare) await expect(page.getByTestId("compare-right")).toBeVisible({ timeout: 30_000 });
    await page.locator("body").click({ position: { x: 2, y: 300 } });
    await page.keyboard.press("t");
    for (let i = 0; i < n; i++) await page.keyboard.press("PageDown");
    await expect(page.getByTestId("chapter-count")).toHaveText(`chapter ${n}/${preset.chapters.length}`);
    const graphs = page.getByTestId("graph-view");
    await expect(graphs).toHaveCount(preset.compare ? 2 : 1);
    for (const graph of await graphs.all()) {
      const canvas = graph.locator("canvas").nth(1);
      const px = Number.parseFloat(
        await canvas.evaluate((el) => getComputedStyle(el).getPropertyValue("--canvas-text")),
      );
      expect(px, "talk mode's canvas text").toBe(18);
      const font = canvasFont(px, 700);
      await expect
        .poll(async () => (await namedNumbers(canvas)).map((m) => m.tx))
        .toEqual(expect.arrayContaining(named));
      for (const m of await namedNumbers(canvas)) {
        const far = await reach(page, m, font);
        if (m.inside)
          expect(far + HALO_PX, `tx ${m.tx}'s digits inside its node (r ${m.r})`).toBeLessThanOrEqual(m.r);
        else expect(far, `tx ${m.tx}'s number clear of its node (r ${m.r})`).toBeGreaterThanOrEqual(m.r);
      }
    }
  });
}
