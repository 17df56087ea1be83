/**
 * The default block's edges are bundled by level, and the bands that have room carry their edge counts:
 * each count is checked against the same block's graph, built here from its own run. The counts that found
 * no room are counted with the other labels hidden.
 */
import type { Page } from "@playwright/test";
import { DEFAULT_SCENARIO } from "../src/engine/scenario/scenario";
import { simulate } from "../src/runtime/simulate";
import { formatInt } from "../src/ui/format";
import { buildGraphModel } from "../src/ui/views/graph/graph-model";
import { expect, test } from "./fixtures";
import { openLink } from "./link-helpers";

const model = buildGraphModel(simulate(DEFAULT_SCENARIO));
/** Edges per pair of levels ("from>to"), counted from the run's edges. */
const pairs = new Map<string, number>();
for (let e = 0; e < model.edgeFrom.length; e++) {
  const key = `${model.column[model.edgeFrom[e]]}>${model.column[model.edgeTo[e]]}`;
  pairs.set(key, (pairs.get(key) ?? 0) + 1);
}

const nodes = (page: Page) => page.getByTestId("graph-view").locator("canvas").nth(1);

/** The graph's hook: "from>to:count" for each band whose count is drawn. */
async function bandLabels(page: Page): Promise<[string, string][]> {
  const text = (await nodes(page).getAttribute("data-band-labels")) ?? "";
  return text
    .split(";")
    .filter(Boolean)
    .map((entry) => {
      const [pair, count] = entry.split(":");
      return [pair, count];
    });
}

for (const viewport of [
  { width: 1280, height: 720 },
  { width: 390, height: 844 },
]) {
  test.describe(`at ${viewport.width}x${viewport.height}`, () => {
    test.use({ viewport });

    test("the bands carry their edge counts, as the run's graph counts them", async ({ page }) => {
      await openLink(page, "/");
      await expect(nodes(page)).toHaveAttribute("data-edges", "bundled");
      await expect(page.getByTestId("graph-edge-note")).toContainText(
        `${formatInt(model.edgeFrom.length)} edges in ${formatInt(pairs.size)} bands, labelled with their edge counts`,
      );
      await expect.poll(async () => (await bandLabels(page)).length).toBeGreaterThan(0);
      const labels = await bandLabels(page);
      for (const [pair, count] of labels)
        expect(count, `band ${pair}`).toBe(formatInt(pairs.get(pair) ?? -1));
      // Each band is labelled at most once; those left out are among the labels counted as hidden.
      expect(new Set(labels.map(([pair]) => pair)).size).toBe(labels.length);
      const hidden = Number(await nodes(page).getAttribute("data-labels-hidden"));
      expect(hidden).toBeGreaterThanOrEqual(pairs.size - labels.length);
    });
  });
}
