/**
 * Main-thread side of the run worker. One run at a time: starting a run cancels the one in flight by
 * terminating its worker (a virtual run is one synchronous call, so nothing else could stop it); the next
 * run starts a fresh worker. Every way a run can fail ends in a rejected promise with a readable message.
 */
import { proxy, transfer } from "comlink";
import type { RunResult } from "../engine/run-result";
import type { Scenario } from "../engine/scenario/scenario";
import type { LoadedBlock } from "./block-source";
import type { ProgressFn } from "./progress";
import { buffersOf } from "./transfer-buffers";
import type { VirtualWorkerApi } from "./virtual-worker";
import { type WorkerLike, WorkerSession } from "./worker-session";

/**
 * What the app needs from a driver: run a scenario (on `block` when given: an uploaded block), or drop the
 * run in flight.
 */
export interface Runner {
  run(scenario: Scenario, onProgress?: ProgressFn, block?: LoadedBlock): Promise<RunResult>;
  cancel(): void;
}

/** The rejection of a run that was replaced or cancelled: expected, not an error to show. */
export class RunCancelledError extends Error {
  override readonly name = "RunCancelledError";
  constructor() {
    super("The run was cancelled.");
  }
}

export interface VirtualClientOptions {
  createWorker?: () => WorkerLike;
  /** A run that has not finished by then is treated as hung: the worker is stopped. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 120_000;

function createRunWorker(): WorkerLike {
  return new Worker(new URL("./virtual-worker.ts", import.meta.url), { type: "module", name: "txlanes-run" });
}

export class VirtualClient implements Runner {
  private readonly session: WorkerSession<VirtualWorkerApi>;
  private readonly timeoutMs: number;

  constructor(options: VirtualClientOptions = {}) {
    this.session = new WorkerSession(options.createWorker ?? createRunWorker, () => new RunCancelledError());
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  run(scenario: Scenario, onProgress?: ProgressFn, block?: LoadedBlock): Promise<RunResult> {
    const sent = block ? transfer(block, buffersOf(block)) : undefined;
    return this.session.run((remote) => remote.run(scenario, onProgress && proxy(onProgress), sent), {
      worker: "simulation",
      job: "run",
      timeoutMs: this.timeoutMs,
    });
  }

  cancel(): void {
    this.session.cancel();
  }

  /** Cancel any run and stop the worker (page teardown). */
  dispose(): void {
    this.session.dispose();
  }
}
