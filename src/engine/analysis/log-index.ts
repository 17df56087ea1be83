import type { EventLogData } from "../trace/eventlog";
import { Ev, isLaterLeg } from "../trace/kinds";
import { buildSpans, SpanEnd, type Spans } from "./spans";

/** Counters that only grow as the playhead moves forward. */
export const Count = {
  Executions: 0,
  ReExecutions: 1,
  Validations: 2,
  Aborts: 3,
  Suspensions: 4,
  Commits: 5,
  Reverts: 6,
  Batches: 7,
  Messages: 8,
} as const;
const COUNTERS = 9;

/** Event flags found by the pass, since they depend on earlier events. */
const RE_EXECUTION = 1;
const COMMITTED_REVERT = 2;
/** A two-phase commit's apply or settle: part of the execution its debit began, not one of its own. */
const LATER_LEG = 4;

/** Events between two checkpoints: a query scans at most this many. */
const STRIDE = 64;

/**
 * One pass over a log that makes metrics at any playhead cheap: counter checkpoints every STRIDE events,
 * per-event flags, cumulative wasted work, and the spans (each lane's busy intervals, with their prefix
 * sums).
 */
export interface LogIndex {
  readonly log: EventLogData;
  readonly lanes: number;
  readonly spans: Spans;
  readonly checkpoints: Int32Array;
  readonly flags: Uint8Array;
  /** wasted[c]: wasted microseconds over the first c events. */
  readonly wasted: Float64Array;
  /** busyBefore[l][k]: busy time of lane l in its first k spans. */
  readonly busyBefore: readonly Float64Array[];
  /** When each transaction became final (its last commit: a receipt run commits a leg at a time), sorted. */
  readonly finalTimes: Float64Array;
}

export function buildLogIndex(log: EventLogData, lanes: number): LogIndex {
  const n = log.length;
  const spans = buildSpans(log, lanes);
  // Work lost, charged at the event that lost it: a suspension loses the partial execution up to the
  // ESTIMATE (the transaction starts over when resumed); an abort, the aborted incarnation's execution.
  const waste = new Float64Array(n);
  for (let k = 0; k < spans.count; k++) {
    const length = spans.end[k] - spans.start[k];
    if (spans.ended[k] === SpanEnd.Suspended) waste[spans.endEvent[k]] += length;
    if (spans.abortEvent[k] >= 0) waste[spans.abortEvent[k]] += length;
  }
  let maxTx = -1;
  for (let i = 0; i < n; i++) if (log.tx[i] > maxTx) maxTx = log.tx[i];
  // Per transaction: its current unit has executed (reset by its commit: a receipt's next leg is a new unit);
  // its latest execution reverted.
  const executed = new Uint8Array(maxTx + 1);
  const reverted = new Uint8Array(maxTx + 1);
  const lastCommit = new Float64Array(maxTx + 1).fill(Number.NaN);

  const checkpoints = new Int32Array((Math.floor(n / STRIDE) + 1) * COUNTERS);
  const flags = new Uint8Array(n);
  const wasted = new Float64Array(n + 1);
  const counts = new Int32Array(COUNTERS);
  for (let i = 0; i < n; i++) {
    if (i % STRIDE === 0) checkpoints.set(counts, (i / STRIDE) * COUNTERS);
    const tx = log.tx[i];
    switch (log.kind[i]) {
      case Ev.ExecStart:
        if (isLaterLeg(log.other[i])) flags[i] |= LATER_LEG;
        else if (executed[tx]) flags[i] |= RE_EXECUTION;
        executed[tx] = 1;
        reverted[tx] = 0;
        break;
      case Ev.Revert:
        reverted[tx] = 1;
        break;
      case Ev.Commit:
        if (reverted[tx]) flags[i] |= COMMITTED_REVERT;
        lastCommit[tx] = log.time[i];
        executed[tx] = 0;
        reverted[tx] = 0;
        break;
    }
    wasted[i + 1] = wasted[i] + waste[i];
    addEvent(counts, log.kind[i], flags[i]);
  }
  if (n % STRIDE === 0) checkpoints.set(counts, (n / STRIDE) * COUNTERS);

  const busyBefore = Array.from({ length: lanes }, (_, l) => {
    const from = spans.laneStart[l];
    const acc = new Float64Array(spans.laneStart[l + 1] - from + 1);
    for (let k = 0; k + 1 < acc.length; k++)
      acc[k + 1] = acc[k] + spans.end[from + k] - spans.start[from + k];
    return acc;
  });
  const finalTimes = lastCommit.filter((t) => !Number.isNaN(t)).sort();
  return { log, lanes, spans, checkpoints, flags, wasted, busyBefore, finalTimes };
}

function addEvent(counts: Int32Array, kind: number, flag: number): void {
  switch (kind) {
    case Ev.ExecStart:
      if (!(flag & LATER_LEG)) counts[Count.Executions]++;
      if (flag & RE_EXECUTION) counts[Count.ReExecutions]++;
      break;
    case Ev.ValidateEnd:
      counts[Count.Validations]++;
      break;
    case Ev.Abort:
      counts[Count.Aborts]++;
      break;
    case Ev.Suspend:
      counts[Count.Suspensions]++;
      break;
    case Ev.Commit:
      counts[Count.Commits]++;
      if (flag & COMMITTED_REVERT) counts[Count.Reverts]++;
      break;
    case Ev.BatchStart:
      counts[Count.Batches]++;
      break;
    case Ev.MsgSend:
      counts[Count.Messages]++;
      break;
  }
}

/** Number of values <= t among the first n of a sorted array (event times, completion times). */
export function countUpTo(sorted: ArrayLike<number>, t: number, n = sorted.length): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Number of values < t among the first n of a sorted array. */
export function countBelow(sorted: ArrayLike<number>, t: number, n = sorted.length): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Number of events with time <= t (the log is sorted by time). */
export function eventsUpTo(log: EventLogData, t: number): number {
  return countUpTo(log.time, t, log.length);
}

/** Counters over the first `events` events: one checkpoint plus at most STRIDE - 1 events. */
export function countsAt(index: LogIndex, events: number): Int32Array {
  const cp = Math.floor(events / STRIDE);
  const counts = index.checkpoints.slice(cp * COUNTERS, (cp + 1) * COUNTERS);
  for (let i = cp * STRIDE; i < events; i++) addEvent(counts, index.log.kind[i], index.flags[i]);
  return counts;
}

/** Time lane l spent executing or validating up to time t. */
export function laneBusyAt(index: LogIndex, lane: number, t: number): number {
  const { spans } = index;
  const first = spans.laneStart[lane];
  let lo = first;
  let hi = spans.laneStart[lane + 1];
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (spans.start[mid] <= t) lo = mid + 1;
    else hi = mid;
  }
  if (lo === first) return 0;
  const k = lo - 1;
  return index.busyBefore[lane][k - first] + Math.min(spans.end[k], t) - spans.start[k];
}
