import { DONE, type Executor, IDLE } from "../../engine/schedulers/executor";
import { MinHeap } from "./min-heap";

/** Cancellation flag shared with whoever started the run. */
export interface CancelToken {
  cancelled: boolean;
}

export class Cancelled extends Error {
  constructor() {
    super("run cancelled");
  }
}

/**
 * The virtual driver: steps `workers` virtual workers through one executor on a virtual clock, from time
 * t0. Each worker alternates begin (at its current time) and complete (after the task's cost), plus the
 * scheduling cost `taskUs` between tasks. Ties are broken by worker number, so the same input always
 * gives the same interleaving. A worker with nothing to do sleeps until another worker completes a task.
 * Returns the time the last worker finished.
 */
export function runVirtual(
  ex: Executor,
  workers: number,
  t0: number,
  taskUs: number,
  cancel?: CancelToken,
): number {
  const heap = new MinHeap();
  // Per worker: 0 = about to begin, 1 = busy (next step completes), 2 = sleeping, 3 = done.
  const state = new Uint8Array(workers);
  for (let w = 0; w < workers; w++) heap.push(t0, w);
  // Something changed: sleeping workers look for work again.
  const wake = (t: number): void => {
    for (let o = 0; o < workers; o++) {
      if (state[o] !== 2) continue;
      state[o] = 0;
      heap.push(t, o);
    }
  };
  let end = t0;
  let steps = 0;
  while (heap.size > 0) {
    const t = heap.topTime;
    const w = heap.topWorker;
    heap.pop();
    if ((++steps & 0xfff) === 0 && cancel?.cancelled) throw new Cancelled();
    if (state[w] === 1) {
      ex.complete(w, t);
      state[w] = 0;
      heap.push(t + taskUs, w);
      wake(t);
      continue;
    }
    const d = ex.begin(w, t);
    if (d === DONE) {
      state[w] = 3;
      if (t > end) end = t;
      // The run may have ended without a last completion (dropped tasks): sleepers must see it too.
      wake(t);
    } else if (d === IDLE) {
      state[w] = 2;
    } else {
      state[w] = 1;
      heap.push(t + d, w);
    }
  }
  for (let w = 0; w < workers; w++) {
    if (state[w] !== 3) throw new Error(`virtual driver stalled: worker ${w} never finished`);
  }
  ex.finish(end);
  return end;
}
