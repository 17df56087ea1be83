import { Arena } from "../../engine/arena";

/**
 * The shared words of one live run, besides the executors' own memory: the stop flag, the start barrier,
 * per group (the workers running one shard) its progress counter and barrier, per worker thread its
 * heartbeat, current transaction and counters.
 * Carved with an Arena, so the host and every worker see the same layout from the same dimensions.
 */
export interface ControlDims {
  readonly threads: number;
  readonly groups: number;
}

/** Values of the stop word. */
export const RUNNING = 0;
export const CANCELLED = 1;
export const FAILED = 2;

// Global words.
export const STOP = 0;
/** The start barrier of a phase (count, generation). */
export const GO_COUNT = 1;
export const GO_GEN = 2;
/** Every region is padded to a cache line (16 words) so threads do not slow each other by false sharing. */
const LINE = 16;
const GLOBAL_WORDS = LINE;

// Words per group.
export const G_PROGRESS = 0;
/** Threads announced as looking for work (see ThreadSync.announce). */
export const G_WAITERS = 1;
export const G_COUNT = 2;
export const G_GEN = 3;
const GROUP_WORDS = LINE;

// Words per thread.
export const T_BEAT = 0;
/** Transaction the thread is on (-1 between tasks), so a failure can name it. */
export const T_TX = 1;
export const T_LOG_LEN = 2;
export const T_DROPPED = 3;
export const T_COMMITS = 4;
/** Where the burn loop folds its result, so the work cannot be optimized away. */
export const T_FOLD = 5;
const THREAD_WORDS = LINE;

export class RunControl {
  readonly global: Int32Array;
  readonly group: Int32Array;
  readonly thread: Int32Array;
  /** [0] = the run's time origin (epoch microseconds), set by whoever releases the second start barrier. */
  readonly origin: Float64Array;

  constructor(
    readonly dims: ControlDims,
    arena: Arena,
  ) {
    this.global = arena.int32(GLOBAL_WORDS);
    this.group = arena.int32(dims.groups * GROUP_WORDS);
    this.thread = arena.int32(dims.threads * THREAD_WORDS);
    this.origin = arena.float64(1);
  }

  /** A fresh shared control block for a run with these dimensions. */
  static create(dims: ControlDims): { sab: SharedArrayBuffer; control: RunControl } {
    const sizing = Arena.local();
    new RunControl(dims, sizing);
    const sab = new SharedArrayBuffer(Math.max(8, sizing.bytes));
    return { sab, control: new RunControl(dims, Arena.shared(sab, true)) };
  }

  static attach(sab: SharedArrayBuffer, dims: ControlDims): RunControl {
    return new RunControl(dims, Arena.shared(sab, false));
  }

  groupWord(g: number, word: number): number {
    return g * GROUP_WORDS + word;
  }

  threadWord(t: number, word: number): number {
    return t * THREAD_WORDS + word;
  }

  stopped(): boolean {
    return Atomics.load(this.global, STOP) !== RUNNING;
  }

  /** Sets the stop word (the first reason wins) and wakes every thread that waits on a shared word. */
  stop(reason: number): void {
    Atomics.compareExchange(this.global, STOP, RUNNING, reason);
    Atomics.notify(this.global, STOP);
    Atomics.notify(this.global, GO_GEN);
    for (let g = 0; g < this.dims.groups; g++) {
      Atomics.notify(this.group, this.groupWord(g, G_PROGRESS));
      Atomics.notify(this.group, this.groupWord(g, G_GEN));
    }
  }
}

/** A per-thread word summed over every thread of a run (commits, dropped events). */
export function sumThreads(control: RunControl, word: number): number {
  let n = 0;
  for (let t = 0; t < control.dims.threads; t++)
    n += Atomics.load(control.thread, control.threadWord(t, word));
  return n;
}
