import { describe, expect, it } from "vitest";
import type { SimThreadPoint } from "../../../app/jobs";
import type { ThreadSweepPoint } from "../../../app/live-sweep";
import { formatTimes } from "../../format";
import { MARGIN } from "./speedup-frame";
import { simPointText, THREAD_AXIS_LABEL, THREAD_SERIES, threadMarks, threadPointText } from "./thread-chart";

const PLAN = [2, 4, 6, 8];
const MEASURED: ThreadSweepPoint[] = [
  { threads: 2, speedup: 0.93, speedupMin: 0.9, speedupMax: 0.97, runs: 5 },
  { threads: 4, speedup: 1.71, speedupMin: 1.5, speedupMax: 1.8, runs: 5 },
  { threads: 6, speedup: 2.2, speedupMin: 1.9, speedupMax: 3.4, runs: 5 },
];
const SIMULATED: SimThreadPoint[] = PLAN.map((threads) => ({ threads, speedup: threads * 0.45 }));

describe("the thread sweep chart", () => {
  it("plots each measured median and range and each simulated speedup where the axis says, inside the plot", () => {
    const right = 340;
    const bottom = 170 - MARGIN.bottom;
    const marks = threadMarks({ plan: PLAN, measured: MEASURED, simulated: SIMULATED }, right, bottom);
    marks.measured.forEach((m, i) => {
      const p = MEASURED[i];
      expect(m.threads).toBe(p.threads);
      expect(marks.y.invert(m.cy)).toBeCloseTo(p.speedup, 9);
      expect(marks.y.invert(m.yMin)).toBeCloseTo(p.speedupMin, 9);
      expect(marks.y.invert(m.yMax)).toBeCloseTo(p.speedupMax, 9);
      expect(m.text).toBe(threadPointText(p));
    });
    marks.simulated.forEach((m, i) => {
      expect(marks.y.invert(m.cy)).toBeCloseTo(SIMULATED[i].speedup, 9);
      expect(m.cx).toBe(marks.x(PLAN[i]));
      expect(m.text).toBe(`${PLAN[i]} threads: simulated ${formatTimes(SIMULATED[i].speedup)}`);
    });
    // The same thread count is plotted at the same x in both series.
    expect(marks.measured.map((m) => m.cx)).toEqual(marks.simulated.slice(0, 3).map((m) => m.cx));
    for (const m of [...marks.measured, ...marks.simulated]) {
      expect(m.cx).toBeGreaterThanOrEqual(MARGIN.left);
      expect(m.cx).toBeLessThanOrEqual(right);
      expect(m.cy).toBeLessThanOrEqual(bottom);
    }
    // The highest figure (a range's top, or the simulated line) stays inside the plot.
    expect(
      Math.min(...marks.measured.map((m) => m.yMax), ...marks.simulated.map((m) => m.cy)),
    ).toBeGreaterThanOrEqual(MARGIN.top);
  });

  it("names both series in the legend and on the axis, and one thread in the singular", () => {
    expect(THREAD_SERIES.measured).toMatch(/^measured on this machine/);
    expect(THREAD_SERIES.simulated).toMatch(/^simulated: the same block on the virtual clock/);
    expect(THREAD_AXIS_LABEL).toBe("threads: measured live, simulated virtual →");
    expect(simPointText({ threads: 1, speedup: 1 })).toBe("1 thread: simulated 1.00×");
    expect(threadPointText({ threads: 1, speedup: 0.9, speedupMin: 0.8, speedupMax: 1, runs: 5 })).toBe(
      "1 thread: measured 0.90× (median of 5 runs, range 0.80×–1.00×)",
    );
  });
});
