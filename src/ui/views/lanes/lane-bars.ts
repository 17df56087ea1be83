/**
 * The worker timeline of a run: every execution and validation as a bar on its lane, with how it ended
 * (and when it turned out wasted), the stretches a lane sat idle because every transaction left waited for
 * a lock, plus batch boundaries and round starts. Built once per run from the log.
 */

import type { LockStalls } from "../../../engine/analysis/lock-stalls";
import { logIndexOf } from "../../../engine/analysis/log-index";
import { SpanEnd, SpanKind, type Spans } from "../../../engine/analysis/spans";
import { type EventLogData, logEnd } from "../../../engine/trace/eventlog";

/** LockWait: the lane is idle while every transaction left waits for a lock (tx = the first of them). */
export const BarKind = { ...SpanKind, LockWait: 2 } as const;

/** How a bar ended: executions finish or suspend; validations pass or fail. */
export const BarEnd = SpanEnd;

/** The spans of the log's index, plus lock waits, plus batch boundaries and round starts. */
export interface LaneBars
  extends Pick<
    Spans,
    "lanes" | "laneStart" | "start" | "end" | "tx" | "inc" | "kind" | "ended" | "abortAt" | "key" | "other"
  > {
  readonly workersPerShard: number;
  /** Batch start times per shard (batched runs), and round starts (sharded runs), in time order. */
  readonly batchStarts: readonly Float64Array[];
  readonly roundStarts: Float64Array;
  readonly roundNumbers: Int32Array;
  /** Block access lists: transactions whose execution disagreed with their entry (its end, the check). */
  readonly rejected: ReadonlySet<number>;
}

type BarColumns = Omit<
  LaneBars,
  "lanes" | "workersPerShard" | "batchStarts" | "roundStarts" | "roundNumbers" | "rejected"
>;

export function buildLaneBars(
  log: EventLogData,
  lanes: number,
  shards: number,
  stalls?: LockStalls,
  /** Spans built elsewhere (a live run's, grown a frame at a time): `log` then needs only its marks. */
  grown?: Spans,
): LaneBars {
  const index = logIndexOf(log, lanes, shards);
  const { batches, workersPerShard } = index;
  const spans = grown ?? index.spans;
  const batchStarts: number[][] = Array.from({ length: index.shards }, () => []);
  for (let b = 0; b < batches.count; b++) batchStarts[batches.shard[b]].push(log.time[batches.startEvent[b]]);
  const endTime = logEnd(log);
  const bars = stalls && stalls.count > 0 ? withLockWaits(spans, endTime, stalls) : spans;
  return {
    lanes,
    workersPerShard,
    laneStart: bars.laneStart,
    start: bars.start,
    end: bars.end,
    tx: bars.tx,
    inc: bars.inc,
    kind: bars.kind,
    ended: bars.ended,
    abortAt: bars.abortAt,
    key: bars.key,
    other: bars.other,
    batchStarts: batchStarts.map((s) => Float64Array.from(s)),
    roundStarts: index.roundStarts,
    roundNumbers: index.roundNumbers,
    rejected: new Set(index.listMismatchedTxs),
  };
}

/** The spans with, on each lane, a lock-wait bar where the lane's idle stretches meet the lock stalls. */
function withLockWaits(spans: Spans, end: number, st: LockStalls): BarColumns {
  const lanes = spans.lanes;
  // Per lane: [from, to, stall] of each lock wait, in time order.
  const waits: number[][] = Array.from({ length: lanes }, () => []);
  for (let lane = 0; lane < lanes; lane++) {
    // A lane's gaps come in time order: the first stall that may meet the next gap only moves forward.
    let k = 0;
    const gap = (from: number, to: number): void => {
      while (k < st.count && st.end[k] <= from) k++;
      for (let j = k; j < st.count && st.start[j] < to; j++) {
        const a = Math.max(from, st.start[j]);
        const b = Math.min(to, st.end[j]);
        if (b > a) waits[lane].push(a, b, j);
      }
    };
    let free = 0;
    for (let i = spans.laneStart[lane]; i < spans.laneStart[lane + 1]; i++) {
      gap(free, spans.start[i]);
      free = Math.max(free, spans.end[i]);
    }
    gap(free, end);
  }
  const n = spans.count + waits.reduce((sum, w) => sum + w.length / 3, 0);
  const out: BarColumns = {
    laneStart: new Int32Array(lanes + 1),
    start: new Float64Array(n),
    end: new Float64Array(n),
    tx: new Int32Array(n),
    inc: new Int32Array(n),
    kind: new Uint8Array(n),
    ended: new Uint8Array(n),
    abortAt: new Float64Array(n),
    key: new Int32Array(n),
    other: new Int32Array(n),
  };
  let o = 0;
  const copySpan = (i: number): void => {
    out.start[o] = spans.start[i];
    out.end[o] = spans.end[i];
    out.tx[o] = spans.tx[i];
    out.inc[o] = spans.inc[i];
    out.kind[o] = spans.kind[i];
    out.ended[o] = spans.ended[i];
    out.abortAt[o] = spans.abortAt[i];
    out.key[o] = spans.key[i];
    out.other[o] = spans.other[i];
    o++;
  };
  const addWait = (from: number, to: number, j: number): void => {
    out.start[o] = from;
    out.end[o] = to;
    out.tx[o] = st.tx[j];
    out.inc[o] = 0;
    out.kind[o] = BarKind.LockWait;
    out.ended[o] = BarEnd.Finished;
    out.abortAt[o] = Number.POSITIVE_INFINITY;
    out.key[o] = st.key[j];
    out.other[o] = st.other[j];
    o++;
  };
  for (let lane = 0; lane < lanes; lane++) {
    // Merge the lane's spans and waits by start (a wait starts in a gap, so never ties a span's start).
    const w = waits[lane];
    let q = 0;
    for (let i = spans.laneStart[lane]; i < spans.laneStart[lane + 1]; i++) {
      for (; q < w.length && w[q] < spans.start[i]; q += 3) addWait(w[q], w[q + 1], w[q + 2]);
      copySpan(i);
    }
    for (; q < w.length; q += 3) addWait(w[q], w[q + 1], w[q + 2]);
    out.laneStart[lane + 1] = o;
  }
  return out;
}

/** Number of lane l's bars that started at or before t. */
export function barsStartedBy(b: LaneBars, lane: number, t: number): number {
  let lo = b.laneStart[lane];
  let hi = b.laneStart[lane + 1];
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (b.start[mid] <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo - b.laneStart[lane];
}

/**
 * The bar of lane l nearest time t (within `slack`), among bars that have started by `now`; -1 for idle.
 * With `kind`, the nearest bar of that kind wins over one of the other kind (the pointer's band says which).
 */
export function barAt(b: LaneBars, lane: number, t: number, now: number, slack = 0, kind = -1): number {
  const first = b.laneStart[lane];
  const visible = first + barsStartedBy(b, lane, Math.min(t + slack, now));
  let best = -1;
  let bestScore = Number.POSITIVE_INFINITY;
  for (let i = visible - 1; i >= first && i >= visible - 6; i--) {
    const gap = Math.max(0, b.start[i] - t, t - Math.min(b.end[i], now));
    if (gap > slack) continue;
    // Any bar of the wanted kind beats every bar of the other kind.
    const score = gap + (kind >= 0 && b.kind[i] !== kind ? 2 * slack + 1 : 0);
    if (score < bestScore) {
      best = i;
      bestScore = score;
    }
  }
  return best;
}
