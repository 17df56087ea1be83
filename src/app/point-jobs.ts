/**
 * Background work that yields points one by one on a sweep worker (the contention chart's sweep, the block
 * panel's scheduler table). One job at a time per worker: asking for another key cancels the one in
 * flight; finished jobs are kept, so asking for one again costs nothing.
 */
import { createStore, type StoreApi } from "zustand/vanilla";
import { SweepCancelledError, type SweepClient } from "../runtime/sweep-client";

export interface JobState<P> {
  /** What the points are of (empty: nothing asked yet). */
  readonly key: string;
  readonly points: readonly P[];
  readonly total: number;
  readonly error: string | null;
  /** Stopped by the user before it finished. */
  readonly stopped: boolean;
}

/** The part of a sweep client a job uses. */
export type PointClient = Pick<SweepClient, "run" | "runTasks" | "cancel" | "dispose">;

export type StartJob<P> = (client: PointClient, onPoint: (point: P) => void) => Promise<readonly P[]>;

/** How many finished jobs are kept. */
const KEEP = 8;

export class PointJobs<P> {
  readonly store: StoreApi<JobState<P>>;
  private client: PointClient | null = null;
  private readonly finished = new Map<string, readonly P[]>();

  constructor(private readonly createClient: () => PointClient) {
    this.store = createStore<JobState<P>>()(() => ({
      key: "",
      points: [],
      total: 0,
      error: null,
      stopped: false,
    }));
  }

  /** Shows the job `key` (of `total` points): kept if finished, else started, cancelling any other. */
  want(key: string, total: number, start: StartJob<P>): void {
    if (this.store.getState().key === key) return;
    const done = this.finished.get(key);
    if (done) {
      this.client?.cancel();
      this.store.setState({ key, points: done, total, error: null, stopped: false });
      return;
    }
    this.store.setState({ key, points: [], total, error: null, stopped: false });
    this.client ??= this.createClient();
    const mine = (): boolean => this.store.getState().key === key;
    start(this.client, (point) => {
      if (mine()) this.store.setState((s) => ({ points: [...s.points, point] }));
    }).then(
      (points) => {
        if (points.length < total) return;
        this.finished.set(key, points);
        if (this.finished.size > KEEP) this.finished.delete(this.finished.keys().next().value ?? "");
      },
      (error: unknown) => {
        if (error instanceof SweepCancelledError || !mine()) return;
        this.store.setState({ error: error instanceof Error ? error.message : String(error) });
      },
    );
  }

  /** The user stops the job: its points so far stay. */
  stop(): void {
    this.client?.cancel();
    this.store.setState({ stopped: true });
  }

  /** Nobody shows the job any more: its worker stops, and asking for it again starts it over. */
  release(): void {
    this.client?.cancel();
    if (this.store.getState().points.length < this.store.getState().total) this.store.setState({ key: "" });
  }

  dispose(): void {
    this.client?.dispose();
    this.client = null;
  }
}

/** Whether the job is still producing points. */
export function jobRunning(s: JobState<unknown>): boolean {
  return s.key !== "" && s.error === null && !s.stopped && s.points.length < s.total;
}
