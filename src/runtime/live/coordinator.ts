/**
 * The live coordinator: it owns a pool of live worker threads and does everything a run needs besides
 * executing it (the block, the sequential oracle, hashing, dispatching phases, freezing the log). In the
 * browser it runs in its own module worker (coordinator-worker.ts), so none of it lands on the page's main
 * thread; the page's side is live-client.ts.
 */
import { type ProxyMethods, releaseProxy, transfer } from "comlink";
import { ethBlockOf, type Scenario } from "../../engine/scenario/scenario";
import { fetchBlockFile } from "../block-fetch";
import { type LoadedBlock, loadBlock } from "../block-source";
import { type Calibration, calibrate } from "../calibrate/calibrate";
import { Cancelled } from "../cancel";
import { type ProgressFn, throttledProgress } from "../progress";
import { buffersOf } from "../transfer-buffers";
import type { LiveMemory } from "./live-view";
import type { LivePool } from "./pool";
import { type LiveOptions, type LiveRunResult, runOnPool } from "./run-live";

/** The page's callbacks as they arrive here: comlink proxies, released when the run ends. */
type Remote<F> = F & Partial<ProxyMethods>;

/** How a call ended, as the page reads it (a rejection would lose what kind of end it was). */
export type Outcome<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly cancelled: boolean; readonly message: string };

const failure = (e: unknown) => ({
  ok: false as const,
  cancelled: e instanceof Cancelled,
  message: e instanceof Error ? e.message : String(e),
});

/** A shared word the page sets to cancel, read without waiting for a message. */
const signalOf = (stop: Int32Array) => ({
  get cancelled() {
    return Atomics.load(stop, 0) !== 0;
  },
});

export type CoordinatorOptions = Pick<LiveOptions, "workers" | "slowdown" | "runs" | "warmUp" | "fault">;

/** The coordinator's calls, over a pool of up to `maxThreads` threads made by `createPool` on first use. */
export function coordinatorApi(createPool: (maxThreads: number) => LivePool) {
  let pool: LivePool | null = null;
  return {
    /**
     * Runs a scenario live on this thread's pool (of `maxThreads` threads, started on first use). `stop`: a
     * shared word the page sets to cancel, read at every tick of the run without waiting for a message.
     */
    async run(
      maxThreads: number,
      scenario: Scenario,
      options: CoordinatorOptions,
      stop: Int32Array,
      block?: LoadedBlock,
      onProgress?: Remote<ProgressFn>,
      onStart?: Remote<(memory: LiveMemory) => void>,
    ): Promise<Outcome<LiveRunResult>> {
      pool ??= createPool(maxThreads);
      const signal = signalOf(stop);
      try {
        const loaded =
          block ??
          (ethBlockOf(scenario.source) === null ? undefined : await loadBlock(scenario, fetchBlockFile));
        if (signal.cancelled) throw new Cancelled();
        const result = await runOnPool(pool, scenario, {
          ...options,
          ...loaded,
          signal,
          onProgress: throttledProgress(onProgress),
          onStart: onStart ? (memory) => void onStart(memory) : undefined,
        });
        // The result's arrays move to the page; the shared ones (the block's, the state) stay shared.
        return transfer({ ok: true, value: result }, buffersOf(result));
      } catch (e) {
        return failure(e);
      } finally {
        onProgress?.[releaseProxy]?.();
        onStart?.[releaseProxy]?.();
      }
    },

    /** Measures the virtual clock's cost fields on this pool: the same calibration as `npm run cli -- calibrate`. */
    async calibrate(
      maxThreads: number,
      runs: number,
      stop: Int32Array,
      onProgress?: Remote<ProgressFn>,
    ): Promise<Outcome<Calibration>> {
      pool ??= createPool(maxThreads);
      try {
        const calibration = await calibrate(
          pool,
          runs,
          (done, total) => onProgress?.(done, total),
          signalOf(stop),
        );
        return { ok: true, value: calibration };
      } catch (e) {
        return failure(e);
      } finally {
        onProgress?.[releaseProxy]?.();
      }
    },
  };
}

export type CoordinatorApi = ReturnType<typeof coordinatorApi>;
