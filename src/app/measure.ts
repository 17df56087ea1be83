/**
 * "Measure this machine": the CLI's calibration run on the browser's own live pool (in the coordinator's
 * worker, off the main thread), and the measured medians set as the scenario's cost fields on request. A run
 * whose cost fields are exactly the ones set from the measurement is labelled as measured in this browser;
 * the label is derived from the figures, so a cost knob changed by hand (or a link with other figures) drops it.
 */
import { createStore, type StoreApi } from "zustand/vanilla";
import { COST_RANGES } from "../engine/scenario/ranges";
import type { CostModel } from "../engine/scenario/scenario";
import {
  type Calibration,
  costSpread,
  MEASURED_FIELDS,
  type MeasuredField,
  significant,
} from "../runtime/calibrate/calibrate";

export { costSpread, MEASURED_FIELDS, MEASURED_WHAT, significant } from "../runtime/calibrate/calibrate";

import { RunCancelledError } from "../runtime/virtual-client";
import { costKnob } from "./knobs";
import type { RunState } from "./store";

/** Warm repetitions the page measures (the CLI's default is 9; the page keeps a speaker waiting less). */
export const PAGE_CALIBRATION_RUNS = 5;

/**
 * What measures: the page's one live client (its calibration, on a pool of at least two threads). It runs one
 * call at a time, so a live run started during a measurement cancels the measurement.
 */
export interface Calibrator {
  calibrate(runs: number, onProgress?: (done: number, total: number) => void): Promise<Calibration>;
  cancel(): void;
}

/** What the page says when a live run took the cores from a measurement. */
export const MEASURE_PREEMPTED =
  "Measurement stopped: a live run started, and the two must not share the cores. Measure again once it has finished.";

/**
 * Why a measurement cannot start now, or null: it times threads against each other, so it never shares the
 * cores with a live run or a measured sweep in flight (that would corrupt both figures).
 */
export function measureRefusal(busy: { liveRun: boolean; liveSweep: boolean }): string | null {
  if (busy.liveRun)
    return "A live run is in flight: measure once it has finished (or Stop it), so the two do not share the cores.";
  if (busy.liveSweep)
    return "The measured thread sweep is in flight: measure once it has finished (or Cancel it), so the two do not share the cores.";
  return null;
}

/** One measured field as the scenario takes it. */
export interface AppliedFigure {
  readonly field: MeasuredField;
  /** The measured median, µs. */
  readonly median: number;
  /** The value set: the median to three significant digits, inside the field's allowed range. */
  readonly value: number;
  /** Set when the range moved the rounded median (to this bound). */
  readonly clamped: boolean;
}

/** The measured medians as cost fields: rounded to three significant digits and clamped to COST_RANGES. */
export function measuredFigures(c: Calibration): AppliedFigure[] {
  return MEASURED_FIELDS.map((field) => {
    const { min, max } = COST_RANGES[field];
    const median = costSpread(c, field).median;
    const rounded = significant(median);
    const value = Math.min(max, Math.max(min, rounded));
    return { field, median, value, clamped: value !== rounded };
  });
}

/** `cost` with the measured fields set; the modelling choices (gas speed, message latency, work) kept. */
export function withMeasuredCost(cost: CostModel, figures: readonly AppliedFigure[]): CostModel {
  const out = { ...cost };
  for (const f of figures) out[f.field] = f.value;
  return out;
}

/** The cost fields a measurement sets. */
export type MeasuredCost = Pick<CostModel, MeasuredField>;

/** Whether `cost` holds exactly the figures set from the measurement. */
export function isMeasuredCost(cost: MeasuredCost, applied: readonly AppliedFigure[] | null): boolean {
  return applied?.every((f) => cost[f.field] === f.value) === true;
}

export type MeasureStatus = "idle" | "measuring" | "done" | "failed";

export interface MeasureState {
  readonly status: MeasureStatus;
  /** Share of the repetitions done (the warm-up included), 0..1. */
  readonly progress: number;
  readonly calibration: Calibration | null;
  readonly error: string | null;
  /** Why the last measurement stopped before it finished, when the user did not stop it (MEASURE_PREEMPTED). */
  readonly notice: string | null;
  /** The figures last set as the cost model; null until "Use as cost model". */
  readonly applied: readonly AppliedFigure[] | null;
  measure(): void;
  cancel(): void;
  /** Sets the scenario's measured cost fields to the medians and runs it now, on the virtual clock. */
  use(): void;
}

export function createMeasureStore(
  makeCalibrator: () => Calibrator,
  runs: StoreApi<RunState>,
): StoreApi<MeasureState> & { dispose(): void } {
  let calibrator: Calibrator | null = null;
  let id = 0;
  const store = createStore<MeasureState>()((set, get) => ({
    status: "idle",
    progress: 0,
    calibration: null,
    error: null,
    notice: null,
    applied: null,

    measure() {
      const mine = ++id;
      set({ status: "measuring", progress: 0, error: null, notice: null });
      // A calibrator that cannot start fails the measurement like a failed probe would.
      Promise.resolve()
        .then(() => {
          calibrator ??= makeCalibrator();
          // Progress comes on a port of its own: it may arrive after the result.
          return calibrator.calibrate(PAGE_CALIBRATION_RUNS, (done, total) => {
            if (mine === id && get().status === "measuring") set({ progress: done / total });
          });
        })
        .then(
          (calibration) => {
            if (mine === id) set({ status: "done", progress: 1, calibration });
          },
          (e: unknown) => {
            if (mine !== id) return;
            // Not cancelled here (cancel() moves id on): a live run took the live client.
            if (e instanceof RunCancelledError)
              set({ status: get().calibration ? "done" : "idle", progress: 0, notice: MEASURE_PREEMPTED });
            else set({ status: "failed", error: e instanceof Error ? e.message : String(e) });
          },
        );
    },

    cancel() {
      if (get().status !== "measuring") return;
      id++;
      calibrator?.cancel();
      set({ status: get().calibration ? "done" : "idle", progress: 0 });
    },

    use() {
      const { calibration } = get();
      if (!calibration) return;
      const applied = measuredFigures(calibration);
      set({ applied });
      const run = runs.getState();
      for (const f of applied) run.edit(costKnob(f.field), String(f.value));
      // The cost fields are the virtual clock's: a live run would not use them.
      if (run.mode === "live") run.setMode("virtual");
      else run.runNow();
    },
  }));
  return {
    ...store,
    /** Forgets the measurement in flight; the live client is the controller's to stop. */
    dispose() {
      id++;
      calibrator = null;
    },
  };
}
