import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { RunResult } from "../engine/run-result";
import { COST_RANGES } from "../engine/scenario/ranges";
import { DEFAULT_SCENARIO } from "../engine/scenario/scenario";
import type { Calibration, Spread } from "../runtime/calibrate/calibrate";
import { simulate } from "../runtime/simulate";
import { RunCancelledError, type Runner } from "../runtime/virtual-client";
import { costKnob } from "./knobs";
import {
  type Calibrator,
  createMeasureStore,
  isMeasuredCost,
  MEASURE_PREEMPTED,
  measuredFigures,
  measureRefusal,
  PAGE_CALIBRATION_RUNS,
  withMeasuredCost,
} from "./measure";
import { createRunStore, type LiveRunner } from "./store";

const spread = (median: number): Spread => ({ median, min: median * 0.9, max: median * 1.2 });

/** A calibration's shape with chosen medians: what the page does with figures, whatever the machine. */
function calibrationWith(medians: Record<keyof Calibration["fields"], number>): Calibration {
  const fields = Object.fromEntries(Object.entries(medians).map(([f, m]) => [f, spread(m)]));
  // Both threads taking slots at once cost each several times the slot one thread takes alone.
  return {
    threads: 2,
    runs: PAGE_CALIBRATION_RUNS,
    fields: { ...fields, taskUs: spread(medians.taskUs * 5.5) } as Calibration["fields"],
    taskUsAlone: spread(medians.taskUs),
  };
}

const MEASURED = calibrationWith({
  taskUs: 0.0123456,
  mvReadUs: 0.04449,
  mvWriteUs: 0.123456,
  validateUsPerRead: 0.0098765,
  commitUs: 0.3,
  resumeUs: 0.0117654,
});

describe("measured figures as the cost model", () => {
  it("rounds each median to three significant digits", () => {
    const figures = measuredFigures(MEASURED);
    expect(Object.fromEntries(figures.map((f) => [f.field, f.value]))).toEqual({
      taskUs: 0.0123,
      mvReadUs: 0.0445,
      mvWriteUs: 0.123,
      validateUsPerRead: 0.00988,
      commitUs: 0.3,
      resumeUs: 0.0118,
    });
    expect(figures.every((f) => !f.clamped)).toBe(true);
    expect(figures.find((f) => f.field === "taskUs")?.median).toBe(0.0123456);
  });

  it("clamps a figure outside the allowed range and says so", () => {
    const figures = measuredFigures(calibrationWith({ ...measuredMedians(), commitUs: 123.4 }));
    const commit = figures.find((f) => f.field === "commitUs");
    expect(commit).toEqual({
      field: "commitUs",
      median: 123.4,
      value: COST_RANGES.commitUs.max,
      clamped: true,
    });
    expect(figures.filter((f) => f.clamped).map((f) => f.field)).toEqual(["commitUs"]);
  });

  it("sets only the measured fields: gas speed, message latency and live work stay", () => {
    const base = { ...DEFAULT_SCENARIO.cost, gasPerUs: 1234, msgUs: 77, work: 0.5 };
    const cost = withMeasuredCost(base, measuredFigures(MEASURED));
    expect(cost).toEqual({
      ...base,
      taskUs: 0.0123,
      mvReadUs: 0.0445,
      mvWriteUs: 0.123,
      validateUsPerRead: 0.00988,
      commitUs: 0.3,
      resumeUs: 0.0118,
    });
    expect(isMeasuredCost(cost, measuredFigures(MEASURED))).toBe(true);
    expect(isMeasuredCost({ ...cost, commitUs: 0.31 }, measuredFigures(MEASURED))).toBe(false);
    expect(isMeasuredCost(cost, null)).toBe(false);
  });
});

function measuredMedians(): Record<keyof Calibration["fields"], number> {
  const f = MEASURED.fields;
  return {
    taskUs: MEASURED.taskUsAlone.median,
    mvReadUs: f.mvReadUs.median,
    mvWriteUs: f.mvWriteUs.median,
    validateUsPerRead: f.validateUsPerRead.median,
    commitUs: f.commitUs.median,
    resumeUs: f.resumeUs.median,
  };
}

/** A calibrator whose measurement ends when the test says so. */
function controlledCalibrator() {
  const calls: {
    runs: number;
    progress?: (d: number, t: number) => void;
    settle(c: Calibration | Error): void;
  }[] = [];
  let cancels = 0;
  const calibrator: Calibrator = {
    calibrate: (runs, progress) =>
      new Promise<Calibration>((resolve, reject) =>
        calls.push({ runs, progress, settle: (c) => (c instanceof Error ? reject(c) : resolve(c)) }),
      ),
    cancel: () => {
      cancels++;
      calls.at(-1)?.settle(new RunCancelledError());
    },
  };
  return { calibrator, calls, cancels: () => cancels };
}

const immediateRunner: Runner = { run: (s) => Promise.resolve(simulate(s)), cancel: () => {} };
const SMALL = { ...DEFAULT_SCENARIO, txs: 200, accounts: 50 };

/** A measure store over `runs` on a controlled calibrator, its first measurement started. */
async function measuring(runs = createRunStore(immediateRunner, { initial: SMALL })) {
  const { calibrator, calls, cancels } = controlledCalibrator();
  const measure = createMeasureStore(() => calibrator, runs);
  measure.getState().measure();
  await vi.advanceTimersByTimeAsync(0);
  return { runs, measure, calls, cancels };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("measure store", () => {
  it("measures with progress, then sets the cost knobs to the medians and runs with them", async () => {
    const { runs, measure, calls } = await measuring();
    expect(measure.getState().status).toBe("measuring");
    expect(calls[0].runs).toBe(PAGE_CALIBRATION_RUNS);
    calls[0].progress?.(2, 6);
    expect(measure.getState().progress).toBeCloseTo(1 / 3);

    calls[0].settle(MEASURED);
    await vi.advanceTimersByTimeAsync(0);
    expect(measure.getState()).toMatchObject({ status: "done", progress: 1, calibration: MEASURED });
    // Progress comes on a port of its own: one that arrives after the result moves nothing.
    calls[0].progress?.(5, 6);
    expect(measure.getState().progress).toBe(1);

    measure.getState().use();
    await vi.advanceTimersByTimeAsync(0);
    const applied = measure.getState().applied;
    expect(runs.getState().draft[costKnob("taskUs")]).toBe("0.0123");
    expect(runs.getState().draft[costKnob("validateUsPerRead")]).toBe("0.00988");
    const shown = runs.getState().shown;
    expect(shown?.scenario.cost).toEqual(withMeasuredCost(SMALL.cost, measuredFigures(MEASURED)));
    expect(isMeasuredCost(shown?.scenario.cost ?? SMALL.cost, applied)).toBe(true);

    // A cost knob changed by hand: the draft and the next run no longer hold the measured figures.
    runs.getState().edit(costKnob("commitUs"), "0.5");
    await vi.advanceTimersByTimeAsync(1000);
    expect(runs.getState().shown?.scenario.cost.commitUs).toBe(0.5);
    expect(isMeasuredCost(runs.getState().shown?.scenario.cost ?? SMALL.cost, applied)).toBe(false);
  });

  it("cancels a measurement in flight and keeps the earlier one", async () => {
    const { measure, calls, cancels } = await measuring();
    calls[0].settle(MEASURED);
    await vi.advanceTimersByTimeAsync(0);
    measure.getState().measure();
    await vi.advanceTimersByTimeAsync(0);
    measure.getState().cancel();
    await vi.advanceTimersByTimeAsync(0);
    expect(cancels()).toBe(1);
    expect(measure.getState()).toMatchObject({ status: "done", calibration: MEASURED, error: null });
  });

  it("says so when a live run takes the live client from a measurement, and when one cannot start", async () => {
    const { measure, calls } = await measuring();
    calls[0].settle(new RunCancelledError());
    await vi.advanceTimersByTimeAsync(0);
    expect(measure.getState()).toMatchObject({ status: "idle", notice: MEASURE_PREEMPTED, error: null });
    measure.getState().measure();
    expect(measure.getState()).toMatchObject({ status: "measuring", notice: null });

    expect(measureRefusal({ liveRun: false, liveSweep: false })).toBeNull();
    expect(measureRefusal({ liveRun: true, liveSweep: false })).toMatch(/^A live run is in flight/);
    expect(measureRefusal({ liveRun: false, liveSweep: true })).toMatch(
      /^The measured thread sweep is in flight/,
    );
  });

  it("says why a measurement failed", async () => {
    const { runs, measure, calls } = await measuring();
    calls[0].settle(new Error("The measurement failed: calibration needs at least two threads"));
    await vi.advanceTimersByTimeAsync(0);
    expect(measure.getState()).toMatchObject({
      status: "failed",
      error: "The measurement failed: calibration needs at least two threads",
    });
    const none = createMeasureStore(() => {
      throw new Error("no live pool here");
    }, runs);
    none.getState().measure();
    await vi.advanceTimersByTimeAsync(0);
    expect(none.getState()).toMatchObject({ status: "failed", error: "no live pool here" });
  });

  it("from live mode, switches to the virtual clock, whose cost model the figures are", async () => {
    const liveRuns: number[] = [];
    const live: LiveRunner = {
      options: {},
      maxThreads: 2,
      cancel: () => {},
      run: (scenario) => {
        liveRuns.push(scenario.cost.commitUs);
        return new Promise<RunResult>(() => {});
      },
    };
    const virtualRuns: number[] = [];
    const runner: Runner = {
      run: (scenario) => {
        virtualRuns.push(scenario.cost.commitUs);
        return Promise.resolve(simulate(scenario));
      },
      cancel: () => {},
    };
    const runs = createRunStore(runner, { initial: { ...SMALL, workers: 2 }, createLive: () => live });
    runs.getState().setMode("live");
    const { measure, calls } = await measuring(runs);
    calls[0].settle(MEASURED);
    await vi.advanceTimersByTimeAsync(0);
    measure.getState().use();
    await vi.advanceTimersByTimeAsync(1000);
    expect(runs.getState().mode).toBe("virtual");
    expect(liveRuns).toEqual([SMALL.cost.commitUs]);
    expect(virtualRuns).toEqual([0.3]);
    expect(runs.getState().shown?.scenario.cost.commitUs).toBe(0.3);
  });
});
