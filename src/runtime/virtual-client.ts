/**
 * Main-thread side of the run worker. One run at a time: starting a run cancels the one in flight by
 * terminating its worker (a virtual run is one synchronous call, so nothing else could stop it); the next
 * run starts a fresh worker. Every way a run can fail ends in a rejected promise with a readable message.
 */
import { type Endpoint, proxy, type Remote, transfer, wrap } from "comlink";
import type { Scenario } from "../engine/scenario/scenario";
import type { LoadedBlock } from "./block-source";
import type { RunResult } from "./run-result";
import { buffersOf } from "./transfer-buffers";
import type { ProgressFn, VirtualWorkerApi } from "./virtual-worker";

export type { ProgressFn };

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

/** The part of a Worker the client uses (a real Worker satisfies it; tests pass a stand-in). */
export interface WorkerLike extends Endpoint {
  terminate(): void;
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
  private readonly createWorker: () => WorkerLike;
  private readonly timeoutMs: number;
  private live: { worker: WorkerLike; remote: Remote<VirtualWorkerApi> } | null = null;
  private abort: ((reason: Error) => void) | null = null;

  constructor(options: VirtualClientOptions = {}) {
    this.createWorker = options.createWorker ?? createRunWorker;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  run(scenario: Scenario, onProgress?: ProgressFn, block?: LoadedBlock): Promise<RunResult> {
    this.cancel();
    const { worker, remote } = this.live ?? this.start();
    return new Promise<RunResult>((resolve, reject) => {
      let settled = false;
      const finish = (): boolean => {
        if (settled) return false;
        settled = true;
        clearTimeout(timer);
        worker.removeEventListener("error", onError);
        worker.removeEventListener("messageerror", onMessageError);
        this.abort = null;
        return true;
      };
      const fail = (error: Error): void => {
        if (!finish()) return;
        this.stop();
        reject(error);
      };
      const onError = (event: Event): void => {
        // Handled here: the message goes to the page, not to the console as an uncaught error.
        event.preventDefault();
        const detail = "message" in event && typeof event.message === "string" ? event.message : "";
        fail(
          new Error(
            `The simulation worker crashed${detail ? `: ${detail}` : ""}. The next run starts a new one.`,
          ),
        );
      };
      const onMessageError = (): void =>
        fail(new Error("The simulation worker sent a result that could not be read."));
      const timer = setTimeout(
        () => fail(new Error(`The run did not finish within ${this.timeoutMs / 1000} s and was stopped.`)),
        this.timeoutMs,
      );
      worker.addEventListener("error", onError);
      worker.addEventListener("messageerror", onMessageError);
      this.abort = fail;
      const sent = block ? transfer(block, buffersOf(block)) : undefined;
      remote.run(scenario, onProgress && proxy(onProgress), sent).then(
        (result) => {
          if (finish()) resolve(result);
        },
        (error: unknown) =>
          fail(new Error(`The run failed: ${error instanceof Error ? error.message : String(error)}`)),
      );
    });
  }

  cancel(): void {
    this.abort?.(new RunCancelledError());
  }

  /** Cancel any run and stop the worker (page teardown). */
  dispose(): void {
    this.cancel();
    this.stop();
  }

  private start(): { worker: WorkerLike; remote: Remote<VirtualWorkerApi> } {
    const worker = this.createWorker();
    this.live = { worker, remote: wrap<VirtualWorkerApi>(worker) };
    return this.live;
  }

  private stop(): void {
    this.live?.worker.terminate();
    this.live = null;
  }
}
