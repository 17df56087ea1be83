/**
 * The page's side of the live mode: the coordinator runs in its own module worker (coordinator-worker.ts),
 * which owns the pool of live threads, so a run never blocks the page. One run at a time: a new run cancels
 * the one in flight (through a shared word: the threads stop within a slice of work) and starts when it
 * has stopped. Same Runner shape as the virtual client.
 */
import { proxy, type Remote, wrap } from "comlink";
import type { Scenario } from "../../engine/scenario/scenario";
import type { LoadedBlock } from "../block-source";
import type { Calibration } from "../calibrate/calibrate";
import type { ProgressFn } from "../progress";
import { RunCancelledError, type Runner } from "../virtual-client";
import type { WorkerLike } from "../worker-session";
import type { CoordinatorApi, Outcome } from "./coordinator";
import { attachLiveView, type LiveMemory, type LiveView } from "./live-view";
import type { LiveOptions, LiveRunResult } from "./run-live";
import { liveThreadLimit } from "./support";

/** Timed repetitions of a full-speed live run on the page (the median one is shown, with the range). */
const PAGE_RUNS = 5;

function createWorkerLike(): WorkerLike {
  return new Worker(new URL("./coordinator-worker.ts", import.meta.url), {
    type: "module",
    name: "txlanes-live",
  });
}

/** Options of the next runs: threads, teaching pace, and a view of each run's logs as they grow. */
export interface LiveClientOptions extends Pick<LiveOptions, "workers" | "slowdown" | "fault"> {
  onStart?: (view: LiveView) => void;
}

export class LiveClient implements Runner {
  private coordinator: { worker: WorkerLike; api: Remote<CoordinatorApi> } | null = null;
  private stop: Int32Array | null = null;
  private inFlight: Promise<unknown> = Promise.resolve();

  constructor(
    public options: LiveClientOptions = {},
    readonly maxThreads = liveThreadLimit(),
    private readonly createWorker: () => WorkerLike = createWorkerLike,
  ) {}

  /** `block`: an opened block to run; a mainnet source is fetched and imported by the coordinator. */
  run(scenario: Scenario, onProgress?: ProgressFn, block?: LoadedBlock): Promise<LiveRunResult> {
    return this.queue(scenario, this.options, onProgress, block);
  }

  /**
   * A full-speed measured run on `threads` threads, without the lanes' view: a point of the thread sweep
   * (`block`: an opened block, as for run()). Like
   * run(), it cancels the run in flight, and the next run() cancels it.
   */
  measure(
    scenario: Scenario,
    threads: number,
    onProgress?: ProgressFn,
    block?: LoadedBlock,
  ): Promise<LiveRunResult> {
    return this.queue(scenario, { workers: threads }, onProgress, block);
  }

  private queue(
    scenario: Scenario,
    options: LiveClientOptions,
    onProgress?: ProgressFn,
    block?: LoadedBlock,
  ): Promise<LiveRunResult> {
    return this.enqueue((stop) => this.call(scenario, options, stop, onProgress, block));
  }

  /**
   * Measures this machine's cost fields on the coordinator's pool (the CLI's calibration, `runs` warm
   * repetitions). It queues behind a run, like a run, and cancel() stops it between repetitions.
   */
  calibrate(runs: number, onProgress?: ProgressFn): Promise<Calibration> {
    return this.enqueue((stop) =>
      this.guarded<Calibration>("The measurement failed", (api) =>
        api.calibrate(this.maxThreads, runs, stop, onProgress && proxy(onProgress)),
      ),
    );
  }

  /** One call at a time: cancels the one in flight and starts `task` once it has ended, unless cancelled first. */
  private enqueue<T>(task: (stop: Int32Array) => Promise<T>): Promise<T> {
    this.cancel();
    const stop = new Int32Array(new SharedArrayBuffer(4));
    this.stop = stop;
    const next = this.inFlight.then(() => {
      if (Atomics.load(stop, 0) !== 0) throw new RunCancelledError();
      return task(stop);
    });
    this.inFlight = next.catch(() => {});
    return next;
  }

  private call(
    scenario: Scenario,
    options: LiveClientOptions,
    stop: Int32Array,
    onProgress?: ProgressFn,
    block?: LoadedBlock,
  ): Promise<LiveRunResult> {
    const { workers, slowdown, fault, onStart } = options;
    // At full speed, measured like a benchmark; slowed to be watched, once.
    const runs = (slowdown ?? 1) > 1 ? 1 : PAGE_RUNS;
    return this.guarded<LiveRunResult>("The live run failed", (api) =>
      api.run(
        this.maxThreads,
        scenario,
        { workers, slowdown, runs, warmUp: true, fault },
        stop,
        block,
        onProgress && proxy(onProgress),
        onStart && proxy((memory: LiveMemory) => onStart(attachLiveView(memory))),
      ),
    );
  }

  /**
   * One call to the coordinator (started if need be), ended readably: a cancelled call rejects with
   * RunCancelledError, a failed one or a crashed coordinator with an Error starting `failed`.
   */
  private guarded<T>(
    failed: string,
    invoke: (api: Remote<CoordinatorApi>) => Promise<Outcome<T>>,
  ): Promise<T> {
    this.coordinator ??= this.start();
    const { worker, api } = this.coordinator;
    return new Promise<T>((resolve, reject) => {
      const fail = (message: string): void => reject(new Error(`${failed}: ${message}`));
      const onError = (event: Event): void => {
        // Handled here: the message goes to the page, not to the console as an uncaught error.
        event.preventDefault();
        const detail = "message" in event && typeof event.message === "string" ? ` (${event.message})` : "";
        this.close();
        fail(`the live coordinator crashed${detail}; the next run starts a new one`);
      };
      worker.addEventListener("error", onError);
      invoke(api)
        .then(
          (outcome) => {
            if (outcome.ok) resolve(outcome.value);
            else if (outcome.cancelled) reject(new RunCancelledError());
            else fail(outcome.message);
          },
          (e: unknown) => fail(e instanceof Error ? e.message : String(e)),
        )
        .finally(() => worker.removeEventListener("error", onError));
    });
  }

  private start(): { worker: WorkerLike; api: Remote<CoordinatorApi> } {
    const worker = this.createWorker();
    return { worker, api: wrap<CoordinatorApi>(worker) };
  }

  private close(): void {
    this.coordinator?.worker.terminate();
    this.coordinator = null;
  }

  /** Stops the run in flight, if any: the coordinator reads the shared word at its next tick. */
  cancel(): void {
    if (this.stop) Atomics.store(this.stop, 0, 1);
  }

  /** Cancel any run and stop the coordinator and its threads (page teardown). */
  dispose(): void {
    this.cancel();
    this.close();
  }
}
