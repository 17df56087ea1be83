/**
 * Every execution and validation of a log as a span on its lane: when it started and ended, how it ended,
 * and, decoded once from the end or abort event's `other`, what stopped it. The readers that pair start and
 * end events (the log index's busy time and waste, the lane bars, the Chrome trace, the inspector) read
 * these instead of pairing them again.
 */
import type { EventLogData } from "../trace/eventlog";
import { Ev } from "../trace/kinds";

export const SpanKind = { Execute: 0, Validate: 1 } as const;

/** How a span ended: executions finish or suspend; validations pass or fail; Open = the log ended first. */
export const SpanEnd = { Finished: 0, Suspended: 1, Valid: 2, Invalid: 3, Open: 4 } as const;

export interface Spans {
  readonly count: number;
  readonly lanes: number;
  /** Spans of lane l are laneStart[l]..laneStart[l+1], in start order. */
  readonly laneStart: Int32Array;
  readonly lane: Int32Array;
  readonly kind: Uint8Array;
  readonly tx: Int32Array;
  readonly inc: Int32Array;
  readonly start: Float64Array;
  /** Its end, or the log's last time when still open. */
  readonly end: Float64Array;
  readonly ended: Uint8Array;
  /** Log indices of the start and the end event (-1 = open). */
  readonly startEvent: Int32Array;
  readonly endEvent: Int32Array;
  /** An execution whose incarnation was aborted: when (Infinity = never) and the abort's log index (-1). */
  readonly abortAt: Float64Array;
  readonly abortEvent: Int32Array;
  /**
   * What stopped it: a suspension's ESTIMATE key and its writer, or an abort's stale key and the writer
   * whose entry is there now (-1 = the initial state); -1 and -1 otherwise.
   */
  readonly key: Int32Array;
  readonly other: Int32Array;
  /** An execution's leg, decoded from its start event: 1 debit, 2 apply, 3 settle of a two-phase commit; 0 = whole. */
  readonly leg: Uint8Array;
  /** The span each event starts or ends (-1 for other events), by log index. */
  readonly eventSpan: Int32Array;
  /** Spans of transaction t are txSpan[txStart[t]..txStart[t+1]], in start order. */
  readonly txStart: Int32Array;
  readonly txSpan: Int32Array;
}

/** The span open on a lane: its id and its transaction. */
interface Open {
  readonly id: number;
  readonly tx: number;
}

/**
 * Spans built from a log taken in pieces, each piece continuing the events taken before it (each lane's
 * events in time order): a live run's logs are read a frame at a time, a finished log in one piece. Event
 * indices count from the first event taken.
 */
export class SpanBuilder {
  private taken = 0;
  private lastTime = Number.NEGATIVE_INFINITY;
  // Per span, in start order (its id).
  private readonly lane: number[] = [];
  private readonly kind: number[] = [];
  private readonly tx: number[] = [];
  private readonly inc: number[] = [];
  private readonly start: number[] = [];
  private readonly end: number[] = [];
  private readonly ended: number[] = [];
  private readonly startEvent: number[] = [];
  private readonly endEvent: number[] = [];
  private readonly abortAt: number[] = [];
  private readonly abortEvent: number[] = [];
  private readonly key: number[] = [];
  private readonly other: number[] = [];
  private readonly leg: number[] = [];
  private readonly open: (Open | null)[];
  /** Per transaction: its last finished execution (an abort names its incarnation). */
  private readonly lastExec = new Map<number, number>();
  private maxTx = -1;

  constructor(readonly lanes: number) {
    this.open = new Array(lanes).fill(null);
  }

  /** Events [from, to) of `log`, after every event taken so far. */
  add(log: EventLogData, from = 0, to = log.length): void {
    for (let i = from; i < to; i++) {
      const at = this.taken++;
      const time = log.time[i];
      if (time > this.lastTime) this.lastTime = time;
      const w = log.worker[i];
      const lane = w >= 0 && w < this.lanes ? w : -1;
      const tx = log.tx[i];
      switch (log.kind[i]) {
        case Ev.ExecStart:
        case Ev.ValidateStart: {
          if (lane < 0) break;
          const id = this.startEvent.length;
          this.lane.push(lane);
          this.kind.push(log.kind[i] === Ev.ExecStart ? SpanKind.Execute : SpanKind.Validate);
          this.tx.push(tx);
          this.inc.push(log.inc[i]);
          this.start.push(time);
          this.end.push(Number.NaN);
          this.ended.push(SpanEnd.Open);
          this.startEvent.push(at);
          this.endEvent.push(-1);
          this.abortAt.push(Number.POSITIVE_INFINITY);
          this.abortEvent.push(-1);
          this.key.push(-1);
          this.other.push(-1);
          this.leg.push(log.kind[i] === Ev.ExecStart && log.other[i] > 0 ? log.other[i] : 0);
          this.open[lane] = { id, tx };
          if (tx > this.maxTx) this.maxTx = tx;
          break;
        }
        case Ev.ExecEnd: {
          const id = this.close(lane, tx, at, time, SpanEnd.Finished);
          if (id >= 0) this.lastExec.set(tx, id);
          break;
        }
        case Ev.Suspend: {
          const id = this.close(lane, tx, at, time, SpanEnd.Suspended);
          // What stopped it, unless an abort names it later: the ESTIMATE's key and its writer.
          if (id >= 0 && this.abortEvent[id] < 0) this.cause(id, log.key[i], log.other[i]);
          break;
        }
        case Ev.ValidateEnd:
          this.close(lane, tx, at, time, log.other[i] ? SpanEnd.Valid : SpanEnd.Invalid);
          break;
        case Ev.Abort: {
          const id = this.lastExec.get(tx);
          if (id !== undefined && this.inc[id] === log.inc[i] && this.abortEvent[id] < 0) {
            this.abortEvent[id] = at;
            this.abortAt[id] = time;
            this.cause(id, log.key[i], log.other[i]);
          }
          break;
        }
      }
    }
  }

  private close(lane: number, tx: number, at: number, time: number, how: number): number {
    const o = lane >= 0 ? this.open[lane] : null;
    if (!o || o.tx !== tx) return -1;
    this.endEvent[o.id] = at;
    this.end[o.id] = time;
    this.ended[o.id] = how;
    this.open[lane] = null;
    return o.id;
  }

  private cause(id: number, key: number, other: number): void {
    this.key[id] = key;
    this.other[id] = other;
  }

  /** The spans so far; an open span ends at the latest event's time. */
  spans(): Spans {
    const count = this.startEvent.length;
    const lanes = this.lanes;
    const lastTime = this.taken > 0 ? this.lastTime : 0;
    // By lane, then start: a counting sort by lane keeps each lane's spans in start order.
    const laneStart = new Int32Array(lanes + 1);
    for (let id = 0; id < count; id++) laneStart[this.lane[id] + 1]++;
    for (let l = 0; l < lanes; l++) laneStart[l + 1] += laneStart[l];
    const place = laneStart.slice(0, lanes);
    const s = {
      laneStart,
      lane: new Int32Array(count),
      kind: new Uint8Array(count),
      tx: new Int32Array(count),
      inc: new Int32Array(count),
      start: new Float64Array(count),
      end: new Float64Array(count),
      ended: new Uint8Array(count),
      startEvent: new Int32Array(count),
      endEvent: new Int32Array(count),
      abortAt: new Float64Array(count),
      abortEvent: new Int32Array(count),
      key: new Int32Array(count),
      other: new Int32Array(count),
      leg: new Uint8Array(count),
      eventSpan: new Int32Array(this.taken).fill(-1),
    };
    const at = new Int32Array(count);
    for (let id = 0; id < count; id++) {
      const k = place[this.lane[id]]++;
      at[id] = k;
      s.lane[k] = this.lane[id];
      s.kind[k] = this.kind[id];
      s.tx[k] = this.tx[id];
      s.inc[k] = this.inc[id];
      s.start[k] = this.start[id];
      s.end[k] = this.endEvent[id] >= 0 ? this.end[id] : lastTime;
      s.ended[k] = this.ended[id];
      s.startEvent[k] = this.startEvent[id];
      s.endEvent[k] = this.endEvent[id];
      s.abortAt[k] = this.abortAt[id];
      s.abortEvent[k] = this.abortEvent[id];
      s.key[k] = this.key[id];
      s.other[k] = this.other[id];
      s.leg[k] = this.leg[id];
      s.eventSpan[this.startEvent[id]] = k;
      if (this.endEvent[id] >= 0) s.eventSpan[this.endEvent[id]] = k;
    }
    // Per transaction, in start order: a counting sort by tx of the spans in start order (their ids).
    const maxTx = this.maxTx;
    const txStart = new Int32Array(maxTx + 2);
    for (let id = 0; id < count; id++) if (this.tx[id] >= 0) txStart[this.tx[id] + 1]++;
    for (let t = 0; t <= maxTx; t++) txStart[t + 1] += txStart[t];
    const fill = txStart.slice(0, maxTx + 1);
    const txSpan = new Int32Array(txStart[maxTx + 1]);
    for (let id = 0; id < count; id++) if (this.tx[id] >= 0) txSpan[fill[this.tx[id]]++] = at[id];
    return { count, lanes, ...s, txStart, txSpan };
  }
}

/** The spans of a log with `lanes` worker lanes (events of other lanes start no span). */
export function buildSpans(log: EventLogData, lanes: number): Spans {
  const builder = new SpanBuilder(lanes);
  builder.add(log);
  return builder.spans();
}

/** The spans of transaction tx, in start order (span indices). */
export function spansOf(spans: Spans, tx: number): Int32Array {
  if (tx < 0 || tx + 1 >= spans.txStart.length) return new Int32Array(0);
  return spans.txSpan.subarray(spans.txStart[tx], spans.txStart[tx + 1]);
}
