/**
 * What the graph draws of its edges and nodes, checked against real runs: every edge one by one while
 * they are few enough for the plot, else bands per pair of levels whose counts add up to the run's edges;
 * tiny nodes as density per level; and the panel note says which, with the run's own figures.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_SCENARIO, type Scenario } from "../../src/engine/scenario/scenario";
import { simulate } from "../../src/runtime/simulate";
import { edgeNote, legibleEdges, planEdges } from "../../src/ui/views/graph/edge-plan";
import { layoutGraph } from "../../src/ui/views/graph/graph-layout";
import { buildGraphModel } from "../../src/ui/views/graph/graph-model";

const modelOf = (over: Partial<Scenario>) =>
  buildGraphModel(simulate({ ...DEFAULT_SCENARIO, txs: 300, accounts: 60, skew: 0.8, ...over }));
/** The graph panel's plot at 1280×720, and on a 390×844 phone. */
const desk = { left: 34, top: 20, width: 1200, height: 250 };
const phone = { left: 34, top: 20, width: 320, height: 200 };
const none = { selected: false, hovered: false };

describe("the graph's edges", () => {
  it("draws the teaching block's edges one by one and says how many", () => {
    const m = modelOf({ source: "mod3mod4", txs: 24, workers: 4 });
    const plan = planEdges(m, layoutGraph(m, desk));
    expect(plan.total).toBeGreaterThan(0);
    expect(plan.total).toBeLessThanOrEqual(legibleEdges(desk));
    expect(plan.mode).toBe("each");
    expect(plan.visible).toBe(plan.total);
    expect(edgeNote(plan, m, none)).toBe(`${plan.total} edges drawn`);
  });

  it("bundles a 1,000-transaction block's edges by level, the counts adding up to the run's", () => {
    const m = modelOf({ txs: 1000, accounts: 200 });
    for (const box of [desk, phone]) {
      const plan = planEdges(m, layoutGraph(m, box));
      expect(plan.total).toBe(m.edgeFrom.length);
      expect(plan.total).toBeGreaterThan(legibleEdges(box));
      expect(plan.mode).toBe("bundled");
      // Recount every pair of levels from the edges themselves.
      const pairs = new Map<string, number>();
      for (let e = 0; e < m.edgeFrom.length; e++) {
        const key = `${m.column[m.edgeFrom[e]]}>${m.column[m.edgeTo[e]]}`;
        pairs.set(key, (pairs.get(key) ?? 0) + 1);
      }
      expect(plan.bands.length).toBe(pairs.size);
      for (const b of plan.bands) {
        expect(b.from).toBeLessThan(b.to);
        expect(b.count).toBe(pairs.get(`${b.from}>${b.to}`));
      }
      expect(plan.bands.reduce((s, b) => s + b.count, 0)).toBe(plan.total);
      const total = plan.total.toLocaleString("en-US");
      const bands = plan.bands.length.toLocaleString("en-US");
      const first = (note: string): string => note.split(" · ")[0];
      expect(first(edgeNote(plan, m, { selected: true, hovered: false }))).toBe(
        `edges bundled by level: ${total} edges in ${bands} bands, labelled with their edge counts; the selected transaction's drawn in full`,
      );
      expect(first(edgeNote(plan, m, none))).toBe(
        `edges bundled by level: ${total} edges in ${bands} bands, labelled with their edge counts; point at a transaction to draw its own`,
      );
    }
  });

  it("summarises a 10,000-transaction block as density per level", () => {
    const m = modelOf({ txs: 10_000, accounts: 10_000, skew: 0, workers: 16 });
    const plan = planEdges(m, layoutGraph(m, phone));
    expect(plan.density).toBe(true);
    expect(edgeNote(plan, m, none)).toContain("10,000 nodes as density per level");
    // The teaching block's nodes are big: drawn one by one.
    const t = modelOf({ source: "mod3mod4", txs: 24, workers: 4 });
    expect(planEdges(t, layoutGraph(t, phone)).density).toBe(false);
  });
});
