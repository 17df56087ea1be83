import type { Arena } from "../arena";

const LOCK = 0;
const SIZE = 1;

/**
 * The ready units as a binary min-heap in shared memory, under a spin lock held for a few dozen instructions:
 * whoever takes work gets the lowest-numbered ready unit. The same code runs single-threaded (virtual
 * driver) and across worker threads (Atomics on the lock word order the plain heap accesses).
 */
export class ReadyQueue {
  private readonly heap: Int32Array;
  private readonly ctrl: Int32Array;

  constructor(capacity: number, arena: Arena) {
    this.heap = arena.int32(Math.max(1, capacity));
    this.ctrl = arena.int32(2);
  }

  private lock(): void {
    while (Atomics.compareExchange(this.ctrl, LOCK, 0, 1) !== 0) {}
  }

  private unlock(): void {
    Atomics.store(this.ctrl, LOCK, 0);
  }

  push(u: number): void {
    this.lock();
    const h = this.heap;
    let i = this.ctrl[SIZE]++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (h[p] <= u) break;
      h[i] = h[p];
      i = p;
    }
    h[i] = u;
    this.unlock();
  }

  /** Removes and returns the lowest unit, or -1 when none is ready. */
  pop(): number {
    this.lock();
    const h = this.heap;
    const n = this.ctrl[SIZE];
    if (n === 0) {
      this.unlock();
      return -1;
    }
    const top = h[0];
    const last = h[n - 1];
    this.ctrl[SIZE] = n - 1;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n - 1) break;
      const c = l + 1 < n - 1 && h[l + 1] < h[l] ? l + 1 : l;
      if (h[c] >= last) break;
      h[i] = h[c];
      i = c;
    }
    h[i] = last;
    this.unlock();
    return top;
  }
}
