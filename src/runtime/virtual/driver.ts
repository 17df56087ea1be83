import { DONE, type Executor, IDLE } from "../../engine/schedulers/executor";
import { Cancelled, type CancelToken } from "../cancel";
import { MinHeap } from "./min-heap";

// What a worker does at its next time in the queue.
const CLAIM = 0;
const BEGIN = 1;
const COMPLETE = 2;
const SLEEPING = 3;
const FINISHED = 4;

/**
 * The virtual driver: steps `workers` virtual workers through one executor on a virtual clock, from time
 * t0. Each worker claims a task, begins it once the claim's cost has elapsed, completes it once the task's
 * cost has elapsed, and claims again once what completing cost has elapsed: every path to a task (the
 * first one, after a wake-up, a task handed back by the scheduler) pays its claim before the task starts.
 * A worker with nothing to claim sleeps until another worker completes a task, or until the executor's
 * next message lands (wakeAt). Ties are broken by worker number, so the same input always gives the same
 * interleaving. Returns the time the last worker finished.
 */
export function runVirtual(ex: Executor, workers: number, t0: number, cancel?: CancelToken): number {
  const heap = new MinHeap();
  const state = new Uint8Array(workers);
  for (let w = 0; w < workers; w++) heap.push(t0, w);
  // Something changed: sleeping workers look for work again.
  const wake = (t: number): void => {
    for (let o = 0; o < workers; o++) {
      if (state[o] !== SLEEPING) continue;
      state[o] = CLAIM;
      heap.push(t, o);
    }
  };
  // The wake-up for the next message landing: one entry at a time, as "worker" `workers`.
  const timer = workers;
  let timerAt = Number.POSITIVE_INFINITY;
  let end = t0;
  let steps = 0;
  while (heap.size > 0) {
    const t = heap.topTime;
    const w = heap.topWorker;
    heap.pop();
    if ((++steps & 0xfff) === 0 && cancel?.cancelled) throw new Cancelled();
    if (w === timer) {
      timerAt = Number.POSITIVE_INFINITY;
      wake(t);
    } else if (state[w] === BEGIN) {
      state[w] = COMPLETE;
      heap.push(t + ex.begin(w, t), w);
    } else if (state[w] === COMPLETE) {
      state[w] = CLAIM;
      heap.push(t + ex.complete(w, t), w);
      wake(t);
    } else {
      const d = ex.claim(w, t);
      if (d === DONE) {
        state[w] = FINISHED;
        if (t > end) end = t;
        // The run may have ended without a last completion (dropped tasks): sleepers must see it too.
        wake(t);
      } else if (d === IDLE) {
        state[w] = SLEEPING;
        const at = ex.wakeAt?.() ?? Number.POSITIVE_INFINITY;
        if (at > t && at < timerAt) {
          timerAt = at;
          heap.push(at, timer);
        }
      } else {
        state[w] = BEGIN;
        heap.push(t + d, w);
      }
    }
  }
  for (let w = 0; w < workers; w++) {
    if (state[w] !== FINISHED) throw new Error(`virtual driver stalled: worker ${w} never finished`);
  }
  ex.finish(end);
  return end;
}
