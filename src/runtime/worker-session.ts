/**
 * One module worker behind comlink, doing one job at a time. Starting a job cancels the one in flight by
 * terminating the worker (a job is synchronous work inside it, so nothing else could stop it); the next job
 * starts a fresh worker. Every way a job can fail (the worker crashes, sends an unreadable message, throws,
 * or runs past its time limit) ends in a rejection with a readable message.
 */
import { type Endpoint, type Remote, wrap } from "comlink";

/** The part of a Worker the clients use (a real Worker satisfies it; tests pass a stand-in). */
export interface WorkerLike extends Endpoint {
  terminate(): void;
}

export interface JobOptions {
  /** What messages call the worker ("simulation") and the job ("run"). */
  readonly worker: string;
  readonly job: string;
  /** A job that has not finished by then is treated as hung and its worker stopped. */
  readonly timeoutMs?: number;
}

export class WorkerSession<Api> {
  private live: { worker: WorkerLike; remote: Remote<Api> } | null = null;
  private abort: ((reason: Error) => void) | null = null;

  constructor(
    private readonly createWorker: () => WorkerLike,
    /** The rejection of a job that was replaced or cancelled: expected, not an error to show. */
    private readonly cancelled: () => Error,
  ) {}

  /** Runs `job` on the worker; `isLive()` tells a job that loops whether it is still the current one. */
  run<T>(job: (remote: Remote<Api>, isLive: () => boolean) => Promise<T>, options: JobOptions): Promise<T> {
    this.cancel();
    const { worker, remote } = this.live ?? this.start();
    const { job: jobName, worker: workerName, timeoutMs } = options;
    return new Promise<T>((resolve, reject) => {
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
        const detail = "message" in event && typeof event.message === "string" ? `: ${event.message}` : "";
        fail(new Error(`The ${workerName} worker crashed${detail}. The next ${jobName} starts a new one.`));
      };
      const onMessageError = (): void =>
        fail(new Error(`The ${workerName} worker sent a result that could not be read.`));
      const timer =
        timeoutMs === undefined
          ? undefined
          : setTimeout(
              () =>
                fail(
                  new Error(`The ${jobName} did not finish within ${timeoutMs / 1000} s and was stopped.`),
                ),
              timeoutMs,
            );
      worker.addEventListener("error", onError);
      worker.addEventListener("messageerror", onMessageError);
      this.abort = fail;
      job(remote, () => !settled).then(
        (value) => {
          if (finish()) resolve(value);
        },
        (error: unknown) =>
          fail(new Error(`The ${jobName} failed: ${error instanceof Error ? error.message : String(error)}`)),
      );
    });
  }

  /** Ends the job in flight as cancelled (its worker is stopped). */
  cancel(): void {
    this.abort?.(this.cancelled());
  }

  /** Cancel any job and stop the worker (page teardown). */
  dispose(): void {
    this.cancel();
    this.stop();
  }

  private start(): { worker: WorkerLike; remote: Remote<Api> } {
    const worker = this.createWorker();
    this.live = { worker, remote: wrap<Api>(worker) };
    return this.live;
  }

  private stop(): void {
    this.live?.worker.terminate();
    this.live = null;
  }
}
