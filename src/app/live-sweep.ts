/**
 * The contention chart's live sweep: measured runs of the shown block over 1..N threads (N = the cores found),
 * one after another on the live pool, only when the user asks. The controller owns it.
 */
import { createStore, type StoreApi } from "zustand/vanilla";
import type { Scenario } from "../engine/scenario/scenario";
import type { LoadedBlock } from "../runtime/block-source";
import type { LiveRunResult } from "../runtime/live/run-live";
import { type ThreadSweepPoint, threadSweepPlan, threadSweepPoint } from "../runtime/live/thread-sweep";
import { RunCancelledError } from "../runtime/virtual-client";

export type { ThreadSweepPoint };

/** The part of the live client a sweep uses: full-speed measured runs at a thread count. */
export interface ThreadMeasurer {
  readonly maxThreads: number;
  measure(
    scenario: Scenario,
    threads: number,
    onProgress?: (done: number, total: number) => void,
    block?: LoadedBlock,
  ): Promise<LiveRunResult>;
  cancel(): void;
}

export interface LiveSweepState {
  /** The scenario swept (its key); empty before the first sweep. */
  readonly key: string;
  /** Thread counts to measure, in order. */
  readonly plan: readonly number[];
  readonly points: readonly ThreadSweepPoint[];
  readonly running: boolean;
  /** How far the point being measured is, 0 to 1. */
  readonly progress: number;
  readonly error: string | null;
  /** Stopped before it finished (by the user, or by a live run that took the cores). */
  readonly cancelled: boolean;
}

const IDLE: LiveSweepState = {
  key: "",
  plan: [],
  points: [],
  running: false,
  progress: 0,
  error: null,
  cancelled: false,
};

/** Why a live sweep of `scenario` cannot start now, in plain words; null when it can. */
export function liveSweepRefusal(
  scenario: Scenario,
  cores: number,
  busy: { liveRun: boolean; measuring: boolean; simulatedSweep: boolean },
): string | null {
  if (busy.liveRun)
    return "A live run is in flight: the sweep waits for it, so the two do not share the cores.";
  if (busy.measuring)
    return "This machine is being measured: the sweep waits for it, so the two do not share the cores.";
  if (busy.simulatedSweep)
    return "The simulated sweep is still computing: the measured one waits for it, so the two do not share the cores.";
  if (scenario.scheduler === "sequential")
    return "The sequential scheduler runs on one thread per shard: choose a parallel scheduler to sweep threads.";
  if (threadSweepPlan(scenario.shards, cores).length === 0)
    return `${scenario.shards} shards need at least ${scenario.shards} threads; this machine has ${cores}.`;
  return null;
}

export class LiveSweep {
  readonly store: StoreApi<LiveSweepState> = createStore<LiveSweepState>()(() => IDLE);
  private generation = 0;

  constructor(private readonly client: () => ThreadMeasurer) {}

  /**
   * Measures `scenario` at every thread count of its plan, a point at a time; `key` names the scenario and
   * its block. `block`: an opened block file, which every point runs (a mainnet source is fetched by the client).
   */
  async start(scenario: Scenario, key: string, block?: () => LoadedBlock): Promise<void> {
    const id = ++this.generation;
    const mine = (): boolean => this.generation === id;
    this.store.setState({ ...IDLE, key, running: true });
    try {
      const client = this.client();
      const plan = threadSweepPlan(scenario.shards, client.maxThreads);
      this.store.setState({ plan });
      const loaded = block?.();
      for (const threads of plan) {
        // Progress comes on a port of its own and may arrive after its point's result: only the point in
        // flight moves the bar.
        let inFlight = true;
        const run = await client.measure(
          scenario,
          threads,
          (done, total) => {
            if (mine() && inFlight) this.store.setState({ progress: total > 0 ? done / total : 0 });
          },
          loaded,
        );
        inFlight = false;
        if (!mine()) return;
        this.store.setState((s) => ({ points: [...s.points, threadSweepPoint(run)], progress: 0 }));
      }
      this.store.setState({ running: false });
    } catch (e) {
      if (!mine()) return;
      const cancelled = e instanceof RunCancelledError;
      this.store.setState({
        running: false,
        cancelled,
        error: cancelled ? null : e instanceof Error ? e.message : String(e),
      });
    }
  }

  /** Stops the sweep in flight; the points measured so far stay. */
  cancel(): void {
    if (!this.store.getState().running) return;
    this.generation++;
    this.client().cancel();
    this.store.setState({ running: false, cancelled: true, progress: 0 });
  }
}
