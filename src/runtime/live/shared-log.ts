import { Arena } from "../../engine/arena";
import {
  COLUMN_NAMES,
  COLUMNS,
  type EventColumns,
  type EventLog,
  type EventLogData,
  type EventSink,
  makeColumns,
  writeEvent,
} from "../../engine/trace/eventlog";
import { Ev, type EventKind } from "../../engine/trace/kinds";
import { type RunControl, T_COMMITS, T_DROPPED, T_LOG_LEN, T_TX } from "./control";

/** Bytes one entry takes in shared memory: one element of every column. */
export const LOG_ENTRY_BYTES = COLUMN_NAMES.reduce((sum, c) => sum + COLUMNS[c].BYTES_PER_ELEMENT, 0);

/**
 * One fixed-capacity event log per worker thread in shared memory, in the columns of an EventLog. The
 * writer publishes its length with Atomics.store every few tasks (ThreadSink), so the page can read the
 * logs while they grow; a full log stops taking entries (the run goes on) and counts what it dropped.
 */
export class SharedLogs {
  readonly columns: EventColumns;

  private constructor(
    readonly threads: number,
    readonly capacity: number,
    arena: Arena,
  ) {
    this.columns = makeColumns(threads * capacity, (Type, n) =>
      Type === Float64Array ? arena.float64(n) : Type === Uint8Array ? arena.uint8(n) : arena.int32(n),
    );
  }

  /** Bytes the logs of `threads` threads of `capacity` entries each take (each column 8-byte aligned). */
  static bytes(threads: number, capacity: number): number {
    return threads * capacity * LOG_ENTRY_BYTES + 8 * COLUMN_NAMES.length;
  }

  /** Logs over a buffer of at least bytes(threads, capacity); old contents do not matter (lengths do). */
  static attach(sab: SharedArrayBuffer, threads: number, capacity: number): SharedLogs {
    return new SharedLogs(threads, capacity, Arena.shared(sab, false));
  }

  /** Every entry published so far by the first `threads` threads, merged and sorted by time. */
  snapshot(control: RunControl, threads = this.threads): EventLogData {
    return this.readSince(control, new Int32Array(threads));
  }

  /**
   * The entries published since `read` (entries already read, per thread), merged by time (ties in thread
   * order, as EventLog.freeze orders them), at most `limit` of them, the earliest; `read` moves past them.
   * Each thread's log is in time order, so a merge of the threads' new entries needs no sort.
   */
  readSince(control: RunControl, read: Int32Array, limit = Number.POSITIVE_INFINITY): EventLogData {
    const threads = read.length;
    const at = new Int32Array(threads);
    const end = new Int32Array(threads);
    let published = 0;
    for (let t = 0; t < threads; t++) {
      const len = Atomics.load(control.thread, control.threadWord(t, T_LOG_LEN));
      at[t] = t * this.capacity + read[t];
      end[t] = t * this.capacity + len;
      published += len - read[t];
    }
    const n = Math.min(published, limit);
    const c = this.columns;
    const out = makeColumns(n);
    for (let o = 0; o < n; o++) {
      let t = -1;
      for (let u = 0; u < threads; u++) {
        if (at[u] < end[u] && (t < 0 || c.time[at[u]] < c.time[at[t]])) t = u;
      }
      const i = at[t]++;
      writeEvent(
        out,
        o,
        c.time[i],
        c.worker[i],
        c.kind[i] as EventKind,
        c.tx[i],
        c.inc[i],
        c.key[i],
        c.other[i],
      );
    }
    for (let t = 0; t < threads; t++) read[t] = at[t] - t * this.capacity;
    return { length: n, ...out };
  }

  /** Appends every entry published so far to `into`. */
  collect(control: RunControl, into: EventLog, threads = this.threads): EventLog {
    const c = this.columns;
    for (let t = 0; t < threads; t++) {
      const len = Atomics.load(control.thread, control.threadWord(t, T_LOG_LEN));
      for (let i = t * this.capacity, end = i + len; i < end; i++) {
        into.emit(c.time[i], c.worker[i], c.kind[i] as EventKind, c.tx[i], c.inc[i], c.key[i], c.other[i]);
      }
    }
    return into;
  }
}

/** Entries and time (µs) a worker may hold back from the page: the page reads the logs ten times a second. */
const PUBLISH_ENTRIES = 64;
export const PUBLISH_US = 5000;

/** What a test can make a worker do on a chosen transaction. */
export interface Fault {
  readonly kind: "throw" | "hang";
  readonly tx: number;
}

/**
 * The event sink of one worker thread: appends to its shared log, publishes the transaction it is on and
 * counts commits (progress). The log's length is published by publish(): an atomic store per entry costs
 * more than the entry, so the worker publishes after a few tasks or a few milliseconds (publishBy), and
 * whenever it stops or waits. A fault, when given, fires when the chosen transaction starts executing.
 */
export class ThreadSink implements EventSink {
  private len = 0;
  private published = 0;
  /** When the length was last published (µs since the run's origin). */
  private publishedAt = 0;
  private commits = 0;
  private readonly base: number;
  private readonly txAt: number;
  private readonly lenAt: number;
  private readonly commitsAt: number;
  private readonly droppedAt: number;

  constructor(
    private readonly logs: SharedLogs,
    private readonly c: RunControl,
    thread: number,
    private readonly fault: Fault | null,
  ) {
    this.base = thread * logs.capacity;
    this.txAt = c.threadWord(thread, T_TX);
    this.lenAt = c.threadWord(thread, T_LOG_LEN);
    this.commitsAt = c.threadWord(thread, T_COMMITS);
    this.droppedAt = c.threadWord(thread, T_DROPPED);
    // A thread may take part in several phases of one run (rounds): carry on where it left off.
    this.len = Atomics.load(c.thread, this.lenAt);
    this.published = this.len;
    this.commits = Atomics.load(c.thread, this.commitsAt);
  }

  emit(
    time: number,
    worker: number,
    kind: EventKind,
    tx: number,
    inc: number,
    key: number,
    other: number,
  ): void {
    // The transaction and commit words are this thread's alone and only watched (hangs, progress): plain
    // stores.
    if (kind === Ev.ExecStart || kind === Ev.ValidateStart) {
      this.c.thread[this.txAt] = tx;
      if (kind === Ev.ExecStart && this.fault?.tx === tx) this.fire(this.fault);
    } else if (kind === Ev.Commit) {
      this.c.thread[this.commitsAt] = ++this.commits;
    }
    if (this.len === this.logs.capacity) {
      Atomics.add(this.c.thread, this.droppedAt, 1);
      return;
    }
    writeEvent(this.logs.columns, this.base + this.len++, time, worker, kind, tx, inc, key, other);
  }

  /**
   * Publishes the entries written so far (`now`: µs since the origin, when known): the atomic store of the
   * length orders them before it.
   */
  publish(now = this.publishedAt): void {
    this.publishedAt = now;
    if (this.published === this.len) return;
    this.published = this.len;
    Atomics.store(this.c.thread, this.lenAt, this.len);
  }

  /** Publishes once enough entries or time have gone by since the last time. */
  publishBy(now: number): void {
    if (this.len - this.published >= PUBLISH_ENTRIES || now - this.publishedAt >= PUBLISH_US)
      this.publish(now);
  }

  private fire(fault: Fault): void {
    if (fault.kind === "throw") throw new Error(`injected fault: transaction ${fault.tx} throws`);
    // A worker that never returns: spin without a heartbeat, deaf to cancel, until it is terminated.
    const never = new Int32Array(1);
    while (Atomics.load(never, 0) === 0) {
      // no heartbeat, no stop check
    }
  }
}
