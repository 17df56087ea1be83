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

/** The spans of a log with `lanes` worker lanes (events of other lanes start no span). */
export function buildSpans(log: EventLogData, lanes: number): Spans {
  const n = log.length;
  // Spans in start order first; sorted by lane at the end.
  const startEvent: number[] = [];
  const endEvent: number[] = [];
  const kind: number[] = [];
  const ended: number[] = [];
  const abortEvent: number[] = [];
  // The span open on each lane (-1 = none).
  const open = new Int32Array(lanes).fill(-1);
  // Per transaction: its last finished execution (an abort names its incarnation), -1 = none.
  let txs = 0;
  for (let i = 0; i < n; i++) if (log.tx[i] >= txs) txs = log.tx[i] + 1;
  const lastExec = new Int32Array(txs).fill(-1);
  let maxTx = -1;
  const close = (lane: number, i: number, how: number): number => {
    const id = lane >= 0 ? open[lane] : -1;
    if (id < 0 || log.tx[startEvent[id]] !== log.tx[i]) return -1;
    endEvent[id] = i;
    ended[id] = how;
    open[lane] = -1;
    return id;
  };
  for (let i = 0; i < n; i++) {
    const w = log.worker[i];
    const lane = w >= 0 && w < lanes ? w : -1;
    const tx = log.tx[i];
    switch (log.kind[i]) {
      case Ev.ExecStart:
      case Ev.ValidateStart: {
        if (lane < 0) break;
        const id = startEvent.length;
        startEvent.push(i);
        endEvent.push(-1);
        kind.push(log.kind[i] === Ev.ExecStart ? SpanKind.Execute : SpanKind.Validate);
        ended.push(SpanEnd.Open);
        abortEvent.push(-1);
        open[lane] = id;
        if (tx > maxTx) maxTx = tx;
        break;
      }
      case Ev.ExecEnd: {
        const id = close(lane, i, SpanEnd.Finished);
        if (id >= 0 && tx >= 0) lastExec[tx] = id;
        break;
      }
      case Ev.Suspend:
        close(lane, i, SpanEnd.Suspended);
        break;
      case Ev.ValidateEnd:
        close(lane, i, log.other[i] ? SpanEnd.Valid : SpanEnd.Invalid);
        break;
      case Ev.Abort: {
        const id = tx >= 0 ? lastExec[tx] : -1;
        if (id >= 0 && log.inc[startEvent[id]] === log.inc[i] && abortEvent[id] < 0) {
          abortEvent[id] = i;
        }
        break;
      }
    }
  }

  const count = startEvent.length;
  const lastTime = n > 0 ? log.time[n - 1] : 0;
  // By lane, then start: a counting sort by lane keeps each lane's spans in start (log) order. at[from] is
  // where the span started from-th goes.
  const laneStart = new Int32Array(lanes + 1);
  for (let from = 0; from < count; from++) laneStart[log.worker[startEvent[from]] + 1]++;
  for (let l = 0; l < lanes; l++) laneStart[l + 1] += laneStart[l];
  const next = laneStart.slice(0, lanes);
  const at = new Int32Array(count);
  for (let from = 0; from < count; from++) at[from] = next[log.worker[startEvent[from]]]++;
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
    eventSpan: new Int32Array(n).fill(-1),
  };
  for (let from = 0; from < count; from++) {
    const k = at[from];
    const a = startEvent[from];
    const e = endEvent[from];
    const x = abortEvent[from];
    s.lane[k] = log.worker[a];
    s.kind[k] = kind[from];
    s.tx[k] = log.tx[a];
    s.inc[k] = log.inc[a];
    s.start[k] = log.time[a];
    s.end[k] = e >= 0 ? log.time[e] : lastTime;
    s.ended[k] = ended[from];
    s.startEvent[k] = a;
    s.endEvent[k] = e;
    s.abortAt[k] = x >= 0 ? log.time[x] : Number.POSITIVE_INFINITY;
    s.abortEvent[k] = x;
    // The abort's or the suspension's key and writer.
    const cause = x >= 0 ? x : ended[from] === SpanEnd.Suspended ? e : -1;
    s.key[k] = cause >= 0 ? log.key[cause] : -1;
    s.other[k] = cause >= 0 ? log.other[cause] : -1;
    if (kind[from] === SpanKind.Execute && log.other[a] > 0) s.leg[k] = log.other[a];
    s.eventSpan[a] = k;
    if (e >= 0) s.eventSpan[e] = k;
  }

  // Per transaction, in start order: counting sort by tx of the spans taken in start order.
  const txStart = new Int32Array(maxTx + 2);
  for (let k = 0; k < count; k++) if (s.tx[k] >= 0) txStart[s.tx[k] + 1]++;
  for (let t = 0; t <= maxTx; t++) txStart[t + 1] += txStart[t];
  const fill = txStart.slice(0, maxTx + 1);
  const txSpan = new Int32Array(txStart[maxTx + 1]);
  for (let from = 0; from < count; from++) {
    const k = at[from];
    if (s.tx[k] >= 0) txSpan[fill[s.tx[k]]++] = k;
  }
  return { count, lanes, ...s, txStart, txSpan };
}

/** The spans of transaction tx, in start order (span indices). */
export function spansOf(spans: Spans, tx: number): Int32Array {
  if (tx < 0 || tx + 1 >= spans.txStart.length) return new Int32Array(0);
  return spans.txSpan.subarray(spans.txStart[tx], spans.txStart[tx + 1]);
}
