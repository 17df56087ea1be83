/**
 * The graph's labels never collide: over a dense run, at talk mode's 18 px and the default 11 px, with a
 * transaction selected, another hovered, aborts flashing and many transactions named, no two drawn label
 * boxes overlap, each lies inside the plot, and every label left out is counted in "+N labels hidden".
 */
import { describe, expect, it } from "vitest";
import { txStatesOf } from "../../src/engine/analysis/tx-state";
import { DEFAULT_SCENARIO } from "../../src/engine/scenario/scenario";
import { simulate } from "../../src/runtime/simulate";
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
});
