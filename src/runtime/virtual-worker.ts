/**
 * The run worker: simulates a scenario with the virtual driver off the main thread. The client
 * (virtual-client.ts) owns its lifetime; a cancel terminates the whole worker, since a run is synchronous.
 */
import { expose, type ProxyMethods, releaseProxy, transfer } from "comlink";
import type { RunResult } from "../engine/run-result";
import type { Scenario } from "../engine/scenario/scenario";
import { fetchBlockFile } from "./block-fetch";
import { type LoadedBlock, loadBlock } from "./block-source";
import { type ProgressFn, throttledProgress } from "./progress";
import { simulate } from "./simulate";
import { buffersOf } from "./transfer-buffers";

/** The client's callback as it arrives here: a comlink proxy, released when the run ends. */
type RemoteProgress = ProgressFn & Partial<ProxyMethods>;

const api = {
  /** `block`: an uploaded block (transferred by the client) to run instead of the scenario's source. */
  async run(scenario: Scenario, onProgress?: RemoteProgress, block?: LoadedBlock): Promise<RunResult> {
    try {
      const loaded = block ?? (await loadBlock(scenario, fetchBlockFile));
      const result = simulate(scenario, { ...loaded, onProgress: throttledProgress(onProgress) });
      return transfer(result, buffersOf(result));
    } finally {
      onProgress?.[releaseProxy]?.();
    }
  },
};

export type VirtualWorkerApi = typeof api;

expose(api);
