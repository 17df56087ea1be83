/**
 * Every chapter of every preset, on its own run, framed as talk mode frames it: after the run's start the
 * lanes draw something at the chapter's moment (never a blank frame), and the transactions its caption names carry their
 * numbers on the lanes at 1280 px wide with talk mode's 18 px text.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { chapterFrame, namedTxs } from "../../src/engine/analysis/chapter-frame";
import { laneBusyAt } from "../../src/engine/analysis/log-index";
import { analyzeRun } from "../../src/engine/analysis/run-analysis";
import type { RunResult } from "../../src/engine/run-result";
import { PRESETS } from "../../src/engine/scenario/presets";
import { readBlockFile } from "../../src/runtime/block-file";
import { loadBlock } from "../../src/runtime/block-source";
import { simulate } from "../../src/runtime/simulate";
import { drawLanes, layoutLanes } from "../../src/ui/views/lanes/draw-lanes";
import { barsStartedBy, buildLaneBars } from "../../src/ui/views/lanes/lane-bars";
import type { Palette } from "../../src/ui/views/palette";

/** A 2D context that draws nothing: the lanes' labels are what drawLanes returns. */
const nullContext = (): CanvasRenderingContext2D =>
  new Proxy({} as CanvasRenderingContext2D, {
    get: (_, name) => (name === "measureText" ? (t: string) => ({ width: t.length * 10 }) : () => {}),
    set: () => true,
  });

const palette = new Proxy({} as Palette, { get: () => "#888" });

const runs = new Map<string, RunResult>();
beforeAll(async () => {
  for (const p of PRESETS) runs.set(p.id, simulate(p.scenario, await loadBlock(p.scenario, readBlockFile)));
});

const chapters = PRESETS.flatMap((p) => p.chapters.map((c, i) => [p.id, i + 1, c.caption] as const));

describe("chapter frames", () => {
  it.each(chapters)("%s chapter %i: framed, not blank, its named transactions labelled", (id, n) => {
    const p = PRESETS.find((q) => q.id === id)!;
    const run = runs.get(id)!;
    const frame = chapterFrame(p.chapters, n, run.log, run.elapsedUs);
    expect(frame, "the chapter has a moment on its run").toBeDefined();
    if (!frame) return;
    const end = run.log.time[run.log.length - 1];
    const bars = buildLaneBars(run.log, run.lanes, p.scenario.shards);
    const L = layoutLanes(bars, p.scenario.shards, end, 1280, 300, 18, frame.window);
    // Something is on the lanes in the window by the chapter's moment.
    let shown = 0;
    for (let l = 0; l < bars.lanes; l++) {
      const first = bars.laneStart[l];
      for (let i = first; i < first + barsStartedBy(bars, l, frame.to); i++)
        if (bars.end[i] >= L.window.from && bars.start[i] <= L.window.to) shown++;
    }
    // A chapter at the run's start shows the block before anything ran (a task is claimed before it
    // starts, so no execution starts at 0); every later chapter has something on the lanes.
    if (frame.to === 0) expect(shown, "nothing has run at 0").toBe(0);
    else expect(shown, "bars in the frame").toBeGreaterThan(0);
    const named = namedTxs(p.chapters[n - 1].caption);
    expect(frame.txs).toEqual(expect.arrayContaining(named));
    const labelled = drawLanes(
      nullContext(),
      bars,
      (lane, t) => laneBusyAt(analyzeRun(run).index, lane, t),
      L,
      { time: frame.to, selectedTx: null, hoverTx: null, named: frame.txs },
      palette,
      null,
    );
    expect(labelled).toEqual(expect.arrayContaining(named));
  });
});
