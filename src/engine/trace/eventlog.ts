import type { EventKind } from "./kinds";

/** Where drivers and schedulers write events. Times are microseconds (virtual or measured). */
export interface EventSink {
  emit(
    time: number,
    worker: number,
    kind: EventKind,
    tx: number,
    inc: number,
    key: number,
    other: number,
  ): void;
}

/**
 * The log's columns, said once: the growable log, the frozen one, the merged one and the live workers'
 * logs in shared memory are all made from this table.
 */
export const COLUMNS = {
  time: Float64Array,
  worker: Int32Array,
  kind: Uint8Array,
  tx: Int32Array,
  inc: Int32Array,
  key: Int32Array,
  other: Int32Array,
} as const;
export type ColumnName = keyof typeof COLUMNS;
export const COLUMN_NAMES = Object.keys(COLUMNS) as readonly ColumnName[];
/** A column's array, in plain or shared memory. */
type ArrayOf<T> = T extends Float64ArrayConstructor
  ? Float64Array
  : T extends Uint8ArrayConstructor
    ? Uint8Array
    : Int32Array;
export type EventColumns = { [K in ColumnName]: ArrayOf<(typeof COLUMNS)[K]> };

type ColumnType = (typeof COLUMNS)[ColumnName];
/** Makes one column of n entries (plain memory unless told otherwise: a shared arena). */
export type MakeColumn = (type: ColumnType, n: number) => EventColumns[ColumnName];

/** Every column, n entries each. */
export function makeColumns(n: number, make: MakeColumn = (Type, k) => new Type(k)): EventColumns {
  return Object.fromEntries(COLUMN_NAMES.map((c) => [c, make(COLUMNS[c], n)])) as EventColumns;
}

/** Writes one event into row i of the columns: the one place a row's fields are spelled out. */
export function writeEvent(
  c: EventColumns,
  i: number,
  time: number,
  worker: number,
  kind: EventKind,
  tx: number,
  inc: number,
  key: number,
  other: number,
): void {
  c.time[i] = time;
  c.worker[i] = worker;
  c.kind[i] = kind;
  c.tx[i] = tx;
  c.inc[i] = inc;
  c.key[i] = key;
  c.other[i] = other;
}

/** A frozen, column-oriented event log: one typed-array entry per event, sorted by time then worker. */
export interface EventLogData extends Readonly<EventColumns> {
  readonly length: number;
}

/** The time of a log's last event: the end of its run (0 for an empty log). */
export function logEnd(log: EventLogData): number {
  return log.length > 0 ? log.time[log.length - 1] : 0;
}

/** Growable append-only event log (the virtual driver's sink; also the merged form of live logs). */
export class EventLog implements EventSink {
  length = 0;
  private c: EventColumns = makeColumns(1024);

  emit(
    time: number,
    worker: number,
    kind: EventKind,
    tx: number,
    inc: number,
    key: number,
    other: number,
  ): void {
    if (this.length === this.c.time.length) this.grow();
    writeEvent(this.c, this.length++, time, worker, kind, tx, inc, key, other);
  }

  private grow(): void {
    const bigger = makeColumns(this.c.time.length * 2);
    for (const name of COLUMN_NAMES) bigger[name].set(this.c[name]);
    this.c = bigger;
  }

  /**
   * Trimmed copy ordered by (time, emission order). Drivers emit in non-decreasing time per worker, but
   * different workers interleave, so views and exports get one stable time order.
   */
  freeze(): EventLogData {
    const n = this.length;
    const order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    const t = this.c.time;
    order.sort((a, b) => t[a] - t[b] || a - b);
    const out = makeColumns(n);
    for (const name of COLUMN_NAMES) {
      const from = this.c[name];
      const to = out[name];
      for (let i = 0; i < n; i++) to[i] = from[order[i]];
    }
    return { length: n, ...out };
  }
}
