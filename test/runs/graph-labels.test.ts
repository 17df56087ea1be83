/**
 * The graph's labels never collide: over a dense run, at talk mode's 18 px and the default 11 px, with a
 * transaction selected, another hovered, aborts flashing and many transactions named, no two drawn label
 * boxes overlap, each lies inside the plot, and every label left out is counted in "+N labels hidden".
 * Bundled edges: each band's label is its edge count recounted from the run's edges, drawn on the band.
 */
import { describe, expect, it } from "vitest";
import { txStatesOf } from "../../src/engine/analysis/tx-state";
import { DEFAULT_SCENARIO } from "../../src/engine/scenario/scenario";
import { simulate } from "../../src/runtime/simulate";
import { bandPoint, planEdges } from "../../src/ui/views/graph/edge-plan";
import { hiddenText, planLabels, roughMeasure } from "../../src/ui/views/graph/graph-labels";
import { layoutGraph } from "../../src/ui/views/graph/graph-layout";
import { buildGraphModel } from "../../src/ui/views/graph/graph-model";
import { overlaps } from "../../src/ui/views/graph/label-placer";
import { litEdges } from "../../src/ui/views/graph/lit-edges";

const run = simulate({ ...DEFAULT_SCENARIO, txs: 120, accounts: 12, skew: 1, workers: 4 });
const model = buildGraphModel(run);
const end = run.log.time[run.log.length - 1];

describe("graph labels", () => {
  it.each([
    [18, { left: 60, top: 30, width: 1180, height: 250 }],
    [11, { left: 34, top: 20, width: 320, height: 200 }],
  ])("at %i px none overlap, all inside the plot, the rest counted", (textPx, box) => {
    const g = layoutGraph(model, box);
    const states = txStatesOf(run);
    let sawHidden = false;
    let sawKey = false;
    for (const share of [0.2, 0.5, 0.8]) {
      const time = end * share;
      states.seek(time);
      const f = {
        time,
        flashUs: end / 5,
        still: false,
        textPx,
        named: Array.from({ length: 30 }, (_, i) => i * 4),
        selectedTx: 7,
        hoverTx: 60,
        showCritical: false,
      };
      const lit = litEdges(model, states, run, f);
      const plan = planLabels(g, states, run, lit, f, roughMeasure);
      const { labels } = plan;
      for (const l of labels) {
        expect(l.box.x0).toBeGreaterThanOrEqual(box.left);
        expect(l.box.y0).toBeGreaterThanOrEqual(box.top);
        expect(l.box.x1).toBeLessThanOrEqual(box.left + box.width + 1e-6);
        expect(l.box.y1).toBeLessThanOrEqual(box.top + box.height + 1e-6);
      }
      for (let i = 0; i < labels.length; i++)
        for (let j = i + 1; j < labels.length; j++)
          expect(overlaps(labels[i].box, labels[j].box), `${labels[i].text} / ${labels[j].text}`).toBe(false);
      // The selected transaction is always said.
      expect(labels.some((l) => l.kind === "selected" && l.text.startsWith("tx 7 · "))).toBe(true);
      sawKey ||= labels.some((l) => l.kind === "abort" || l.kind === "wait");
      const note = labels.filter((l) => l.kind === "hidden");
      if (plan.hidden > 0) {
        sawHidden = true;
        expect(note.map((l) => l.text)).toEqual([hiddenText(plan.hidden)]);
      } else expect(note).toEqual([]);
      // Every labelled transaction's number is a drawn label.
      for (const t of plan.labelled) expect(labels.some((l) => l.text === String(t))).toBe(true);
    }
    expect(sawKey, "an abort's key is named at some moment").toBe(true);
    expect(sawHidden, "the dense run leaves some label out").toBe(true);
  });

  it("says how many are hidden", () => {
    expect(hiddenText(1)).toBe("+1 label hidden");
    expect(hiddenText(1234)).toBe("+1,234 labels hidden");
  });

  it.each([
    [11, { left: 34, top: 20, width: 1200, height: 250 }],
    [18, { left: 60, top: 30, width: 1180, height: 250 }],
    [11, { left: 34, top: 20, width: 320, height: 200 }],
  ])(
    "at %i px numbers the bands with their edge counts, on the band, colliding with nothing",
    (textPx, box) => {
      const big = simulate({ ...DEFAULT_SCENARIO, txs: 1000, accounts: 200, skew: 0.8 });
      const m = buildGraphModel(big);
      const g = layoutGraph(m, box, null, textPx);
      const edges = planEdges(m, g);
      expect(edges.mode).toBe("bundled");
      // Each pair of levels' edges, counted from the run's edges themselves.
      const pairs = new Map<string, number>();
      for (let e = 0; e < m.edgeFrom.length; e++) {
        const key = `${m.column[m.edgeFrom[e]]}>${m.column[m.edgeTo[e]]}`;
        pairs.set(key, (pairs.get(key) ?? 0) + 1);
      }
      const states = txStatesOf(big).seek(big.log.time[big.log.length - 1] / 2);
      const f = {
        time: big.log.time[big.log.length - 1] / 2,
        flashUs: 0,
        still: true,
        textPx,
        named: [],
        selectedTx: 500,
        hoverTx: null,
        showCritical: false,
      };
      const plan = planLabels(g, states, big, litEdges(m, states, big, f), f, roughMeasure, edges.bands);
      expect(plan.bandLabels.length, "some bands carry their counts").toBeGreaterThan(0);
      for (const { band, label } of plan.bandLabels) {
        expect(label.kind).toBe("band");
        expect(label.text).toBe(pairs.get(`${band.from}>${band.to}`)?.toLocaleString("en-US"));
        // Centred on a point of its band.
        const cx = (label.box.x0 + label.box.x1) / 2;
        const cy = (label.box.y0 + label.box.y1) / 2;
        const on = [0.5, 0.35, 0.65, 0.2, 0.8].some((t) => {
          const [x, y] = bandPoint(g, band, t);
          return Math.abs(x - cx) < 1e-6 && Math.abs(y - cy) < 1e-6;
        });
        expect(on, `band ${band.from}>${band.to}'s label on the band`).toBe(true);
      }
      const { labels } = plan;
      for (let i = 0; i < labels.length; i++)
        for (let j = i + 1; j < labels.length; j++)
          expect(overlaps(labels[i].box, labels[j].box), `${labels[i].text} / ${labels[j].text}`).toBe(false);
      // The bands left unlabelled are counted with the other labels hidden.
      if (plan.bandLabels.length < edges.bands.length) {
        expect(plan.hidden).toBeGreaterThan(0);
        expect(labels.filter((l) => l.kind === "hidden").map((l) => l.text)).toEqual([
          hiddenText(plan.hidden),
        ]);
      }
    },
  );
});
