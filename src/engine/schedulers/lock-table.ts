import type { Arena } from "../arena";
import { Mode } from "./unit-access";

/** Who locks what, in lock order: group g (a unit, or one side of a transaction) declares keys start[g]..start[g + 1]. */
export interface LockGroups {
  readonly start: Int32Array;
  readonly key: Int32Array;
  /** Mode of each key: Write takes an exclusive lock; Read a lock shared with reads, Delta one shared with deltas. */
  readonly mode: Uint8Array;
}

/** A key's queue while the lock table is built: the shared holders since the last change of mode. */
interface KeyQueue {
  /** What the current holders wait for: the last writer, or the shared holders of the other mode before. */
  before: number[];
  holders: number[];
  /** Mode of the holders (Read or Delta), or Write when the last one is a writer (then holders is empty). */
  mode: number;
}

/**
 * Account locks granted in group order, as per-key FIFO queues: a group gets its locks once every earlier group
 * it conflicts with (write/write, write/read or read/write on a declared key; deltas conflict with reads and
 * writes, not with deltas) has released them. Built from the immediate predecessors on each key (the last
 * writer, or the shared holders since it), so every edge points to an earlier group and no wait can be
 * circular. The edges are plain data, the same in every thread; the count of locks each group still waits
 * for is shared (Atomics), so any thread may release.
 */
export class LockTable {
  /** Immediate predecessors of each group (CSR) and the key each waits behind. */
  readonly predStart: Int32Array;
  readonly pred: Int32Array;
  readonly predKey: Int32Array;
  /** Successors: the groups each one's release lets closer to their locks. */
  private readonly succStart: Int32Array;
  private readonly succ: Int32Array;
  private readonly succKey: Int32Array;
  /** Shared: predecessors each group still waits for (0 = it holds its locks or has released them). */
  readonly pending: Int32Array;

  constructor(groups: LockGroups, arena: Arena) {
    const n = groups.start.length - 1;
    const predStart = new Int32Array(n + 1);
    const pred: number[] = [];
    const predKey: number[] = [];
    const queues = new Map<number, KeyQueue>();
    const queue = (k: number): KeyQueue => {
      let q = queues.get(k);
      if (!q) {
        q = { before: [], holders: [], mode: Mode.Write };
        queues.set(k, q);
      }
      return q;
    };
    const seen = new Int32Array(n).fill(-1);
    const add = (g: number, p: number, k: number): void => {
      if (seen[p] === g) return;
      seen[p] = g;
      pred.push(p);
      predKey.push(k);
    };
    // A group waits for the current shared holders unless it joins them (same shared mode).
    const waitsFor = (q: KeyQueue, mode: number): number[] =>
      q.holders.length > 0 && (mode === Mode.Write || mode !== q.mode) ? q.holders : q.before;
    for (let g = 0; g < n; g++) {
      for (let i = groups.start[g]; i < groups.start[g + 1]; i++) {
        const k = groups.key[i];
        for (const p of waitsFor(queue(k), groups.mode[i])) add(g, p, k);
      }
      // Locks are queued after the group's own waits are known: a key declared once per group.
      for (let i = groups.start[g]; i < groups.start[g + 1]; i++) {
        const q = queue(groups.key[i]);
        const mode = groups.mode[i];
        if (mode === Mode.Write) {
          q.before = [g];
          q.holders = [];
        } else if (q.holders.length > 0 && mode === q.mode) q.holders.push(g);
        else {
          if (q.holders.length > 0) q.before = q.holders;
          q.holders = [g];
        }
        q.mode = mode;
      }
      predStart[g + 1] = pred.length;
    }
    this.predStart = predStart;
    this.pred = Int32Array.from(pred);
    this.predKey = Int32Array.from(predKey);
    // Successor lists: the same edges, by predecessor.
    this.succStart = new Int32Array(n + 1);
    for (const p of pred) this.succStart[p + 1]++;
    for (let g = 0; g < n; g++) this.succStart[g + 1] += this.succStart[g];
    this.succ = new Int32Array(pred.length);
    this.succKey = new Int32Array(pred.length);
    const fill = this.succStart.slice(0, n);
    for (let g = 0; g < n; g++) {
      for (let e = predStart[g]; e < predStart[g + 1]; e++) {
        const at = fill[this.pred[e]]++;
        this.succ[at] = g;
        this.succKey[at] = this.predKey[e];
      }
    }
    this.pending = arena.int32(n);
  }

  /**
   * Sets every group's wait count to its number of predecessors. Once per run, before any thread locks or
   * releases (an arena fills one value for all, so the counts are set by whoever starts the run).
   */
  reset(): void {
    for (let g = 0; g < this.pending.length; g++) this.pending[g] = this.predStart[g + 1] - this.predStart[g];
  }

  /** Group g holds its locks (or never needed to wait). */
  granted(g: number): boolean {
    return Atomics.load(this.pending, g) === 0;
  }

  /**
   * Group g releases its locks: each successor whose last awaited predecessor this was gets its locks now
   * (`grant(successor, key)`, with the key it last waited for).
   */
  release(g: number, grant: (s: number, key: number) => void): void {
    for (let e = this.succStart[g]; e < this.succStart[g + 1]; e++) {
      const s = this.succ[e];
      if (Atomics.sub(this.pending, s, 1) === 1) grant(s, this.succKey[e]);
    }
  }
}
