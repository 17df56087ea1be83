/**
 * Main-thread side of the sweep worker. One sweep at a time: starting one cancels the one in flight, and a
 * cancel terminates the worker (a point is one synchronous run, nothing else could stop it); the next sweep
 * starts a fresh worker. Points arrive one by one; every failure ends in a rejection with a readable message.
 */
import type { Remote } from "comlink";
import type { SweepPlan, SweepPoint } from "./sweep";
import type { SweepWorkerApi } from "./sweep-worker";
import { type WorkerLike, WorkerSession } from "./worker-session";

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
  private readonly session: WorkerSession<SweepWorkerApi>;

  constructor(options: { createWorker?: () => WorkerLike } = {}) {
    this.session = new WorkerSession(
      options.createWorker ?? createSweepWorker,
      () => new SweepCancelledError(),
    );
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
    return this.session.run(
      async (remote, isLive) => {
        const points: P[] = [];
        for (const task of tasks) {
          const point = await call(remote, task);
          if (!isLive()) break;
          points.push(point);
          onPoint?.(point, points.length, tasks.length);
        }
        return points;
      },
      { worker: "sweep", job: "sweep" },
    );
  }

  cancel(): void {
    this.session.cancel();
  }

  /** Cancel any sweep and stop the worker (page teardown). */
  dispose(): void {
    this.session.dispose();
  }
}
