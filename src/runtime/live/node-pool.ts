import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { wrap } from "comlink";
import type { Scenario } from "../../engine/scenario/scenario";
import { nodeEndpoint } from "./node-endpoint";
import { LivePool, type PoolThread } from "./pool";
import { type LiveOptions, type LiveRunResult, runOnPool } from "./run-live";
import { threadsForCores } from "./support";
import type { LiveWorkerApi } from "./worker-api";

/**
 * A worker_threads thread running node-worker.ts. Node cannot load TypeScript by itself: the thread
 * starts from a tiny module that registers tsx (the project's TypeScript runner) and then imports the entry.
 */
function spawnNodeThread(): PoolThread {
  const entry = new URL("./node-worker.ts", import.meta.url).href;
  const tsx = import.meta.resolve("tsx/esm/api");
  const boot = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(entry)});`;
  const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`));
  // An idle pool does not keep the process alive; a run in flight keeps it alive with its own timer.
  worker.unref();
  let onDeath: (message: string) => void = () => {};
  let alive = true;
  worker.on("error", (e) => {
    if (alive) onDeath(e instanceof Error ? e.message : String(e));
  });
  worker.on("exit", (code) => {
    if (alive) onDeath(`exited with code ${code}`);
  });
  return {
    api: wrap<LiveWorkerApi>(nodeEndpoint(worker)),
    terminate: () => {
      alive = false;
      void worker.terminate();
    },
    onDeath: (listener) => {
      onDeath = listener;
    },
  };
}

/** Threads a live run may use in this process, and starts on by default: the machine's cores, capped. */
export function nodeThreadLimit(): number {
  return threadsForCores(availableParallelism());
}

/** A pool of worker_threads threads; up to the machine's cores unless told otherwise (tests oversubscribe). */
export function createNodePool(maxThreads = nodeThreadLimit()): LivePool {
  return new LivePool(spawnNodeThread, maxThreads);
}

let shared: LivePool | null = null;

/** Runs a scenario live on a process-wide Node pool (started on first use). */
export function runLive(scenario: Scenario, opts: LiveOptions = {}): Promise<LiveRunResult> {
  shared ??= createNodePool();
  return runOnPool(shared, scenario, opts);
}

/** Stops the process-wide pool's threads. */
export function closeLivePool(): void {
  shared?.close();
  shared = null;
}
