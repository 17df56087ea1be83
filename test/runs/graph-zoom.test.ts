/**
 * The graph zoomed: the drawing scales about its centre, the hit test finds nodes where they are drawn and
 * none off the plot, fewer edges are in view, framing a found transaction zooms until its node holds its
 * number, with the node on screen, and framing a chapter's transactions keeps every one of them on screen.
 */
import { describe, expect, it } from "vitest";
import { chapterFrame } from "../../src/engine/analysis/chapter-frame";
import { txStatesOf } from "../../src/engine/analysis/tx-state";
import { PRESETS } from "../../src/engine/scenario/presets";
import { DEFAULT_SCENARIO } from "../../src/engine/scenario/scenario";
import { readBlockFile } from "../../src/runtime/block-file";
import { loadBlock } from "../../src/runtime/block-source";
import { simulate } from "../../src/runtime/simulate";
import { planEdges } from "../../src/ui/views/graph/edge-plan";
import { planLabels, roughMeasure } from "../../src/ui/views/graph/graph-labels";
import { layoutGraph, nodeAt } from "../../src/ui/views/graph/graph-layout";
import { buildGraphModel } from "../../src/ui/views/graph/graph-model";
import { fitZoom } from "../../src/ui/views/graph/graph-zoom";

const run = simulate({ ...DEFAULT_SCENARIO, txs: 1000 });
const model = buildGraphModel(run);
const plot = { left: 34, top: 20, width: 1200, height: 250 };
const onPlot = (x: number, y: number): boolean =>
  x >= plot.left && x <= plot.left + plot.width && y >= plot.top && y <= plot.top + plot.height;

describe("graph zoom", () => {
  it("scales the drawing, finds nodes where drawn and none off the plot, and has fewer edges in view", () => {
    const whole = layoutGraph(model, plot);
    const g = layoutGraph(model, plot, { k: 4, cx: 0.5, cy: 0.5 });
    expect(g.view).toEqual(plot);
    expect(g.box.width).toBeCloseTo(plot.width * 4);
    expect(g.pitch).toBeGreaterThan(whole.pitch * 2);
    let on = 0;
    for (let t = 0; t < model.txs; t++) {
      if (onPlot(g.x[t], g.y[t])) {
        on++;
        expect(nodeAt(g, g.x[t], g.y[t])).toBe(t);
      } else {
        const far =
          g.x[t] < plot.left - g.pitch ||
          g.x[t] > plot.left + plot.width + g.pitch ||
          g.y[t] < plot.top - g.pitch ||
          g.y[t] > plot.top + plot.height + g.pitch;
        if (far) expect(nodeAt(g, g.x[t], g.y[t])).toBe(-1);
      }
    }
    expect(on).toBeGreaterThan(0);
    expect(on).toBeLessThan(model.txs);
    expect(planEdges(model, g).visible).toBeLessThan(planEdges(model, whole).visible);
  });

  it("frames a found transaction: on screen, its number inside its node", () => {
    for (const tx of [0, 500, 999]) {
      const z = fitZoom(model, plot, [tx], 11);
      // A one-digit number fits the whole graph's nodes already; longer ones need the zoom.
      if (tx >= 10) expect(z, `tx ${tx}`).not.toBeNull();
      const g = layoutGraph(model, plot, z);
      expect(onPlot(g.x[tx], g.y[tx]), `tx ${tx} on screen`).toBe(true);
      const states = txStatesOf(run).seek(run.log.time[run.log.length - 1]);
      const f = {
        time: 0,
        flashUs: 0,
        still: true,
        textPx: 11,
        named: [],
        selectedTx: null,
        hoverTx: null,
        showCritical: false,
      };
      expect(planLabels(g, states, run, [], f, roughMeasure).labelled).toContain(tx);
    }
    // The teaching block's nodes already hold their numbers: nothing to zoom.
    const teaching = buildGraphModel(
      simulate({ ...DEFAULT_SCENARIO, source: "mod3mod4", txs: 24, workers: 4 }),
    );
    expect(fitZoom(teaching, plot, [3], 11)).toBeNull();
  });

  it("frames every chapter's transactions with all of them on screen, at 11 px and talk mode's 18 px", async () => {
    // Hot-account chapter 2 names tx 0 and tx 1, a lane apart: zooming on until their nodes were big left
    // both off the plot.
    for (const p of PRESETS)
      if (p.chapters.length > 0) {
        const r = simulate(p.scenario, await loadBlock(p.scenario, readBlockFile));
        const m = buildGraphModel(r);
        for (let n = 1; n <= p.chapters.length; n++) {
          const frame = chapterFrame(p.chapters, n, r.log, r.elapsedUs);
          if (!frame || frame.txs.length === 0) continue;
          for (const px of [11, 18]) {
            const g = layoutGraph(m, plot, fitZoom(m, plot, frame.txs, px), px);
            for (const t of frame.txs)
              expect(onPlot(g.x[t], g.y[t]), `${p.id} chapter ${n}: tx ${t} at ${px} px`).toBe(true);
          }
        }
      }
  }, 60_000);
});
