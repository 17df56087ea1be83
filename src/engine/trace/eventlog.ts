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

/** A frozen, column-oriented event log: one typed-array entry per event, sorted by time then worker. */
export interface EventLogData {
  readonly length: number;
  readonly time: Float64Array;
  readonly worker: Int32Array;
  readonly kind: Uint8Array;
  readonly tx: Int32Array;
  readonly inc: Int32Array;
  readonly key: Int32Array;
  readonly other: Int32Array;
}

/** Growable append-only event log (the virtual driver's sink; also the merged form of live logs). */
export class EventLog implements EventSink {
  length = 0;
  time = new Float64Array(1024);
  worker = new Int32Array(1024);
  kind = new Uint8Array(1024);
  tx = new Int32Array(1024);
  inc = new Int32Array(1024);
  key = new Int32Array(1024);
  other = new Int32Array(1024);

  emit(
    time: number,
    worker: number,
    kind: EventKind,
    tx: number,
    inc: number,
    key: number,
    other: number,
  ): void {
    if (this.length === this.time.length) this.grow();
    const i = this.length++;
    this.time[i] = time;
    this.worker[i] = worker;
    this.kind[i] = kind;
    this.tx[i] = tx;
    this.inc[i] = inc;
    this.key[i] = key;
    this.other[i] = other;
  }

  private grow(): void {
    const n = this.time.length * 2;
    const g = <T extends Float64Array | Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.time = g(this.time, (k) => new Float64Array(k));
    this.worker = g(this.worker, (k) => new Int32Array(k));
    this.kind = g(this.kind, (k) => new Uint8Array(k));
    this.tx = g(this.tx, (k) => new Int32Array(k));
    this.inc = g(this.inc, (k) => new Int32Array(k));
    this.key = g(this.key, (k) => new Int32Array(k));
    this.other = g(this.other, (k) => new Int32Array(k));
  }

  /**
   * Trimmed copy ordered by (time, emission order). Drivers emit in non-decreasing time per worker, but
   * different workers interleave, so views and exports get one stable time order.
   */
  freeze(): EventLogData {
    const n = this.length;
    const order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    const t = this.time;
    order.sort((a, b) => t[a] - t[b] || a - b);
    const pick = <T extends Float64Array | Int32Array | Uint8Array>(a: T, out: T): T => {
      for (let i = 0; i < n; i++) out[i] = a[order[i]];
      return out;
    };
    return {
      length: n,
      time: pick(this.time, new Float64Array(n)),
      worker: pick(this.worker, new Int32Array(n)),
      kind: pick(this.kind, new Uint8Array(n)),
      tx: pick(this.tx, new Int32Array(n)),
      inc: pick(this.inc, new Int32Array(n)),
      key: pick(this.key, new Int32Array(n)),
      other: pick(this.other, new Int32Array(n)),
    };
  }
}
