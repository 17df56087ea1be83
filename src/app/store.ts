/**
 * The first page's state: the knobs as typed, their validation, the run in flight and the last good run.
 * A valid edit re-runs after a short pause (cancelling the run in flight); an invalid one shows the
 * message and keeps the last good result on screen.
 */

import { createStore, type StoreApi } from "zustand/vanilla";
import { computeMetrics, type Metrics } from "../engine/analysis/metrics";
import type { RunResult } from "../engine/run-result";
import { DEFAULT_SCENARIO, type Scenario } from "../engine/scenario/scenario";
import { scenarioKey } from "../engine/scenario/scenario-key";
import { type ScenarioIssue, validateScenario } from "../engine/scenario/validate";
import type { RunMode } from "../engine/scenario/view-state";
import type { LiveView } from "../runtime/live/run-live";
import { RunCancelledError, type Runner } from "../runtime/virtual-client";
import { bump } from "./counters";
import { type Draft, draftFrom, draftToInput, type KnobId } from "./knobs";
import { threadLimitText, workersToFill } from "./link-mode";
import { importUpload, UPLOAD_SOURCE, type Upload } from "./upload";

/** The live client as the store drives it: a Runner whose teaching pace can change between runs. */
export interface LiveRunner extends Runner {
  options: { slowdown?: number; onStart?: (view: LiveView) => void };
  readonly maxThreads: number;
}

/** A live run in flight: its event logs as they grow in shared memory, for the live lanes. */
export interface LiveRun {
  readonly view: LiveView;
  readonly shards: number;
}

/** A finished run and what the page shows of it. */
export interface ShownRun {
  readonly scenario: Scenario;
  readonly result: RunResult;
  readonly metrics: Metrics;
  /** Wall time the simulation took on this machine, in milliseconds. */
  readonly computeMs: number;
  /** The opened block file the run ran (its scenario's source is then only a placeholder); null otherwise. */
  readonly upload: Upload | null;
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
  /** Stop the run in flight (its threads stop within a slice of work); the last finished run stays shown. */
  stop(): void;
  /**
   * Show this (valid) scenario: the knobs take its values and it runs now unless it is already running; in
   * `mode` when given (a link's), the scenario's workers as they are.
   */
  apply(scenario: Scenario, mode?: RunMode): void;
  /** Drop the run in flight (and any pending edit); the shown run stays. */
  cancel(): void;
  /** An uploaded Ethereum block: it runs while the Block knob says "upload". */
  readonly upload: Upload | null;
  readonly mode: RunMode;
  /** Live mode: every task is stretched to this many times its cost by sleeping (1..100,000), to watch it. */
  readonly slowdown: number;
  /** The live run in flight once its parallel phase has started; null otherwise. */
  readonly live: LiveRun | null;
  /** Keep an uploaded block and run it (the scenario's executor knobs still apply). */
  setUpload(upload: Upload): void;
  setMode(mode: RunMode, slowdown?: number): void;
}

export interface RunStoreOptions {
  initial?: Scenario;
  debounceMs?: number;
  /** Creates the live client the first time live mode is chosen. */
  createLive?: () => LiveRunner;
}

export const DEBOUNCE_MS = 250;

/** What the page says after Stop. */
export const STOPPED = "Run stopped. The page shows the last finished run; change a knob to run again.";

export function createRunStore(runner: Runner, options: RunStoreOptions = {}): StoreApi<RunState> {
  const initial = options.initial ?? DEFAULT_SCENARIO;
  const debounceMs = options.debounceMs ?? DEBOUNCE_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let runId = 0;
  // The last scenario sent to the runner: an edit that lands on the same scenario need not re-run.
  let requested = "";
  // Fields the knobs do not cover (cost model, pool counts, ...) come from the last valid scenario.
  let base = initial;
  // The live client, made on first use; uploads are told apart by a counter in the dedupe key.
  let live: LiveRunner | null = null;
  let uploads = 0;
  const runnerFor = (mode: RunMode): Runner => {
    if (mode === "virtual") return runner;
    live ??= options.createLive?.() ?? null;
    if (!live) throw new Error("live mode is not available here");
    return live;
  };

  return createStore<RunState>()((set, get) => {
    const check = (draft: Draft) => {
      const upload = draft.source === UPLOAD_SOURCE;
      // An uploaded block brings its own transactions: the scenario's source is only a placeholder.
      const checked = validateScenario(
        draftToInput(upload ? { ...draft, source: "synthetic" } : draft, base),
      );
      if (upload && checked.scenario.feeMode === "in-tx" && checked.scenario.shards > 1) {
        const message = `an Ethereum block with feeMode "in-tx" runs on 1 shard (got ${checked.scenario.shards}); use feeMode "lazy" to shard it`;
        return { ok: false as const, errors: [{ field: "shards", message }], scenario: checked.scenario };
      }
      const { mode } = get();
      const limit = live?.maxThreads ?? Number.POSITIVE_INFINITY;
      if (mode !== "live" || !checked.ok || checked.scenario.workers * checked.scenario.shards <= limit)
        return checked;
      const message = `${threadLimitText(limit)}: workers × shards must be at most ${limit} (got ${checked.scenario.workers * checked.scenario.shards})`;
      return { ok: false as const, errors: [{ field: "workers", message }], scenario: checked.scenario };
    };
    /**
     * Readies `mode`'s runner and cancels the other mode's run in flight; the caller sets the mode. Leaving
     * live mode cancels the live client only for this store's own run: the client may be measuring.
     */
    const leaveFor = (mode: RunMode): void => {
      if (mode === get().mode) return;
      if (mode === "live") {
        runnerFor("live");
        runner.cancel();
      } else if (get().running) live?.cancel();
    };
    const runKey = (scenario: Scenario): string =>
      `${scenarioKey(scenario)} upload ${get().draft.source === UPLOAD_SOURCE ? uploads : 0} ${get().mode}`;

    const start = (scenario: Scenario): void => {
      const id = ++runId;
      bump("runsStarted");
      requested = runKey(scenario);
      set({ running: true, progress: 0, live: null });
      const t0 = performance.now();
      const { draft, mode } = get();
      const upload = draft.source === UPLOAD_SOURCE ? get().upload : null;
      // Starts synchronously (the runner cancels the run in flight at once); a throw becomes the run's error.
      const launch = (): Promise<RunResult> => {
        try {
          const chosen = runnerFor(mode);
          // Only this run, while in flight, may fill the live slot or move the progress: the live worker sends
          // both on ports of their own, so a start or progress may arrive after the run's result, or after a
          // newer run began.
          const current = (): boolean => id === runId && get().running;
          if (mode === "live" && live)
            live.options = {
              ...live.options,
              onStart: (view) => {
                if (current()) set({ live: { view, shards: scenario.shards } });
              },
            };
          return chosen.run(
            scenario,
            (done, total) => {
              if (current()) set({ progress: total > 0 ? done / total : 0 });
            },
            upload ? importUpload(upload, scenario.feeMode) : undefined,
          );
        } catch (error) {
          return Promise.reject(error);
        }
      };
      launch().then(
        (result) => {
          if (id !== runId) return;
          const computeMs = performance.now() - t0;
          set({
            running: false,
            progress: 1,
            live: null,
            error: null,
            shown: { scenario, result, metrics: computeMetrics(result), computeMs, upload },
          });
        },
        (error: unknown) => {
          if (id !== runId || error instanceof RunCancelledError) return;
          requested = "";
          set({ running: false, live: null, error: error instanceof Error ? error.message : String(error) });
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
        if (runKey(checked.scenario) === requested) return;
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
        // A mode switch can make a refused draft valid (live thread limit).
        set({ issues: [] });
        start(checked.scenario);
      },

      stop() {
        if (!get().running) return;
        // Its late result or rejection belongs to no run any more; the same scenario may run again.
        get().cancel();
        set({ error: STOPPED });
      },

      apply(scenario, mode = get().mode) {
        clearTimeout(timer);
        leaveFor(mode);
        base = scenario;
        set({ mode, draft: draftFrom(scenario), issues: [] });
        if (runKey(scenario) !== requested) start(scenario);
      },

      cancel() {
        clearTimeout(timer);
        runId++;
        requested = "";
        runnerFor(get().mode).cancel();
        if (get().running) set({ running: false, live: null });
      },

      upload: null,
      mode: "virtual",
      slowdown: 1,
      live: null,

      setUpload(upload) {
        uploads++;
        set({ upload, draft: { ...get().draft, source: UPLOAD_SOURCE } });
        get().runNow();
      },

      setMode(mode, slowdown = get().slowdown) {
        const entering = mode === "live" && get().mode !== "live";
        leaveFor(mode);
        if (live) live.options = { ...live.options, slowdown };
        set({ mode, slowdown });
        // Entering live mode fills this machine's cores: workers × shards up to its threads, not the
        // scenario's virtual worker count. A pace change in live mode keeps the workers the user chose.
        const { draft } = get();
        const shards = Math.max(1, Number(draft.shards) || 1);
        const fill = workersToFill(live?.maxThreads ?? 1, shards);
        if (entering && draft.workers !== String(fill)) set({ draft: { ...draft, workers: String(fill) } });
        get().runNow();
      },
    };
  });
}
