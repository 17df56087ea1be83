/** The live pool in the browser: module Web Workers, started by the coordinator's thread. */
import { wrap } from "comlink";
import { LivePool, type PoolThread } from "./pool";
import type { LiveWorkerApi } from "./worker-api";

function spawnBrowserThread(index: number): PoolThread {
  const worker = new Worker(new URL("./browser-worker.ts", import.meta.url), {
    type: "module",
    name: `txlanes-live-${index}`,
  });
  let onDeath: (message: string) => void = () => {};
  worker.addEventListener("error", (event) => {
    // Handled: the run reports it; it is not an uncaught error.
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

export function createBrowserPool(maxThreads: number): LivePool {
  return new LivePool(spawnBrowserThread, maxThreads);
}
