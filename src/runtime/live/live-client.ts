/**
 * Main-thread side of the live mode in the browser: a pool of module Web Workers, started on first use and
 * kept. One run at a time: a new run cancels the one in flight (through shared memory: the threads stop
 * within a slice of work) and starts when it has stopped. Same Runner shape as the virtual client.
 */
import { wrap } from "comlink";
import { ethBlockOf, type Scenario } from "../../engine/scenario/scenario";
import { fetchBlockFile } from "../block-fetch";
import { type LoadedBlock, loadBlock } from "../block-source";
import { Cancelled } from "../cancel";
import { type ProgressFn, RunCancelledError, type Runner } from "../virtual-client";
import { LivePool, type PoolThread } from "./pool";
import { type LiveOptions, type LiveRunResult, runOnPool } from "./run-live";
import { liveThreadLimit } from "./support";
import type { LiveWorkerApi } from "./worker-api";

/** Timed repetitions of a full-speed live run on the page (the median one is shown, with the range). */
const PAGE_RUNS = 5;

function spawnBrowserThread(index: number): PoolThread {
  const worker = new Worker(new URL("./browser-worker.ts", import.meta.url), {
    type: "module",
    name: `txlanes-live-${index}`,
  });
  let onDeath: (message: string) => void = () => {};
  worker.addEventListener("error", (event) => {
    // Handled: the run reports it; it is not an uncaught page error.
    event.preventDefault();
    onDeath(event.message || "the worker crashed");
  });
  return {
    api: wrap<LiveWorkerApi>(worker),
    terminate: () => worker.terminate(),
    onDeath: (listener) => {
      onDeath = listener;
    },
  };
}

export function createBrowserPool(maxThreads = liveThreadLimit()): LivePool {
  return new LivePool(spawnBrowserThread, maxThreads);
}

/** Options of the next runs: threads, teaching pace, and a view of each run's logs as they grow. */
export type LiveClientOptions = Pick<LiveOptions, "workers" | "slowdown" | "onStart">;

export class LiveClient implements Runner {
  private readonly pool: LivePool;
  private signal: { cancelled: boolean } | null = null;
  private inFlight: Promise<unknown> = Promise.resolve();

  constructor(
    public options: LiveClientOptions = {},
    pool?: LivePool,
  ) {
    this.pool = pool ?? createBrowserPool();
  }

  get maxThreads(): number {
    return this.pool.maxThreads;
  }

  /** `block`: an opened block to run; a mainnet source is fetched and imported here (as the run worker does). */
  run(scenario: Scenario, onProgress?: ProgressFn, block?: LoadedBlock): Promise<LiveRunResult> {
    this.cancel();
    const signal = { cancelled: false };
    this.signal = signal;
    const previous = this.inFlight;
    const run = previous.then(async () => {
      const loaded =
        block ??
        (ethBlockOf(scenario.source) === null ? undefined : await loadBlock(scenario, fetchBlockFile));
      if (signal.cancelled) throw new Cancelled();
      // At full speed, measured like a benchmark; slowed to be watched, once.
      const runs = (this.options.slowdown ?? 1) > 1 ? 1 : PAGE_RUNS;
      return runOnPool(this.pool, scenario, {
        ...this.options,
        ...loaded,
        signal,
        onProgress,
        warmUp: true,
        runs,
      });
    });
    this.inFlight = run.catch(() => {});
    return run.catch((e: unknown) => {
      if (e instanceof Cancelled) throw new RunCancelledError();
      throw new Error(`The live run failed: ${e instanceof Error ? e.message : String(e)}`);
    });
  }

  cancel(): void {
    if (this.signal) this.signal.cancelled = true;
    this.pool.cancel();
  }

  /** Cancel any run and stop the threads (page teardown). */
  dispose(): void {
    this.cancel();
    this.pool.close();
  }
}
