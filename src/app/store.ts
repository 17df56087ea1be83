/**
 * The first page's state: the knobs as typed, their validation, the run in flight and the last good run.
 * A valid edit re-runs after a short pause (cancelling the run in flight); an invalid one shows the
 * message and keeps the last good result on screen.
 */
import { createStore, type StoreApi } from "zustand/vanilla";
import { computeMetrics, type Metrics } from "../engine/analysis/metrics";
import { DEFAULT_SCENARIO, type Scenario } from "../engine/scenario/scenario";
import { type ScenarioIssue, validateScenario } from "../engine/scenario/validate";
import type { RunResult } from "../runtime/run-result";
import { RunCancelledError, type Runner } from "../runtime/virtual-client";
import { type Draft, draftFrom, draftToInput, type KnobId } from "./knobs";

/** A finished run and what the page shows of it. */
export interface ShownRun {
  readonly scenario: Scenario;
  readonly result: RunResult;
  readonly metrics: Metrics;
  /** Wall time the simulation took on this machine, in milliseconds. */
  readonly computeMs: number;
}

export interface RunState {
  readonly draft: Draft;
  /** Problems with the draft; empty when it is a valid scenario. */
  readonly issues: readonly ScenarioIssue[];
  readonly running: boolean;
  /** Share of the run in flight that is done, 0..1. */
  readonly progress: number;
  readonly shown: ShownRun | null;
  /** Why the latest run failed (the last good run stays shown). */
  readonly error: string | null;
  /** Change one knob; a valid result re-runs after the debounce. */
  edit(id: KnobId, value: string): void;
  /** Run the draft now if it is valid. */
  runNow(): void;
}

export interface RunStoreOptions {
  initial?: Scenario;
  debounceMs?: number;
}

export const DEBOUNCE_MS = 250;

export function createRunStore(runner: Runner, options: RunStoreOptions = {}): StoreApi<RunState> {
  const initial = options.initial ?? DEFAULT_SCENARIO;
  const debounceMs = options.debounceMs ?? DEBOUNCE_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let runId = 0;
  // The last scenario sent to the runner: an edit that lands on the same scenario need not re-run.
  let requested = "";
  // Fields the knobs do not cover (cost model, pool counts, ...) come from the last valid scenario.
  let base = initial;

  return createStore<RunState>()((set, get) => {
    const check = (draft: Draft) => validateScenario(draftToInput(draft, base));

    const start = (scenario: Scenario): void => {
      const id = ++runId;
      requested = JSON.stringify(scenario);
      set({ running: true, progress: 0 });
      const t0 = performance.now();
      runner
        .run(scenario, (done, total) => {
          if (id === runId) set({ progress: total > 0 ? done / total : 0 });
        })
        .then(
          (result) => {
            if (id !== runId) return;
            const computeMs = performance.now() - t0;
            set({
              running: false,
              progress: 1,
              error: null,
              shown: { scenario, result, metrics: computeMetrics(result), computeMs },
            });
          },
          (error: unknown) => {
            if (id !== runId || error instanceof RunCancelledError) return;
            requested = "";
            set({ running: false, error: error instanceof Error ? error.message : String(error) });
          },
        );
    };

    return {
      draft: draftFrom(initial),
      issues: [],
      running: false,
      progress: 0,
      shown: null,
      error: null,

      edit(id, value) {
        const draft = { ...get().draft, [id]: value };
        const checked = check(draft);
        clearTimeout(timer);
        if (!checked.ok) {
          set({ draft, issues: checked.errors });
          return;
        }
        set({ draft, issues: [] });
        base = checked.scenario;
        if (JSON.stringify(checked.scenario) === requested) return;
        timer = setTimeout(() => start(checked.scenario), debounceMs);
      },

      runNow() {
        clearTimeout(timer);
        const checked = check(get().draft);
        if (!checked.ok) {
          set({ issues: checked.errors });
          return;
        }
        base = checked.scenario;
        start(checked.scenario);
      },
    };
  });
}
