/**
 * Main-thread side of the sweep worker. One sweep at a time: starting one cancels the one in flight, and a
 * cancel terminates the worker (a point is one synchronous run, nothing else could stop it); the next sweep
 * starts a fresh worker. Points arrive one by one; every failure ends in a rejection with a readable message.
 */
import { type Remote, wrap } from "comlink";
import type { SweepPlan, SweepPoint } from "./sweep";
import type { SweepWorkerApi } from "./sweep-worker";
import type { WorkerLike } from "./virtual-client";

/** The rejection of a sweep that was replaced or cancelled: expected, not an error to show. */
export class SweepCancelledError extends Error {
  override readonly name = "SweepCancelledError";
  constructor() {
    super("The sweep was cancelled.");
  }
}

export type PointFn = (point: SweepPoint, done: number, total: number) => void;

function createSweepWorker(): WorkerLike {
  return new Worker(new URL("./sweep-worker.ts", import.meta.url), { type: "module", name: "txlanes-sweep" });
}

export class SweepClient {
  private readonly createWorker: () => WorkerLike;
  private live: { worker: WorkerLike; remote: Remote<SweepWorkerApi> } | null = null;
  private abort: ((reason: Error) => void) | null = null;

  constructor(options: { createWorker?: () => WorkerLike } = {}) {
    this.createWorker = options.createWorker ?? createSweepWorker;
  }

  run(plan: SweepPlan, onPoint?: PointFn): Promise<SweepPoint[]> {
    return this.runTasks(plan.tasks, (remote, task) => remote.point(plan.base, plan.axis, task), onPoint);
  }

  /** Any list of tasks on the sweep worker, one call each, in order (the block panel's scheduler table). */
  runTasks<T, P>(
    tasks: readonly T[],
    call: (remote: Remote<SweepWorkerApi>, task: T) => Promise<P>,
    onPoint?: (point: P, done: number, total: number) => void,
  ): Promise<P[]> {
    this.cancel();
    const { worker, remote } = this.live ?? this.start();
    return new Promise<P[]>((resolve, reject) => {
      let settled = false;
      const finish = (): boolean => {
        if (settled) return false;
        settled = true;
        worker.removeEventListener("error", onError);
        this.abort = null;
        return true;
      };
      const fail = (error: Error): void => {
        if (!finish()) return;
        this.stop();
        reject(error);
      };
      const onError = (event: Event): void => {
        // Handled here: the message goes to the chart, not to the console as an uncaught error.
        event.preventDefault();
        const detail = "message" in event && typeof event.message === "string" ? `: ${event.message}` : "";
        fail(new Error(`The sweep worker crashed${detail}.`));
      };
      worker.addEventListener("error", onError);
      this.abort = fail;
      const points: P[] = [];
      const next = async (): Promise<void> => {
        for (const task of tasks) {
          const point = await call(remote, task);
          if (settled) return;
          points.push(point);
          onPoint?.(point, points.length, tasks.length);
        }
        if (finish()) resolve(points);
      };
      next().catch((error: unknown) =>
        fail(new Error(`The sweep failed: ${error instanceof Error ? error.message : String(error)}`)),
      );
    });
  }

  cancel(): void {
    this.abort?.(new SweepCancelledError());
  }

  /** Cancel any sweep and stop the worker (page teardown). */
  dispose(): void {
    this.cancel();
    this.stop();
  }

  private start(): { worker: WorkerLike; remote: Remote<SweepWorkerApi> } {
    const worker = this.createWorker();
    this.live = { worker, remote: wrap<SweepWorkerApi>(worker) };
    return this.live;
  }

  private stop(): void {
    this.live?.worker.terminate();
    this.live = null;
  }
}
