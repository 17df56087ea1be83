import type { EventLogData } from "../trace/eventlog";
import { Ev } from "../trace/kinds";

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

/** Events between two checkpoints: a query scans at most this many. */
const STRIDE = 64;

/**
 * One pass over a log that makes metrics at any playhead cheap: counter checkpoints every STRIDE events,
 * per-event flags, cumulative wasted work, and each lane's busy intervals with their prefix sums.
 */
export interface LogIndex {
  readonly log: EventLogData;
  readonly lanes: number;
  readonly checkpoints: Int32Array;
  readonly flags: Uint8Array;
  /** wasted[c]: wasted microseconds over the first c events. */
  readonly wasted: Float64Array;
  readonly busyStart: readonly Float64Array[];
  readonly busyEnd: readonly Float64Array[];
  /** busyBefore[l][k]: busy time of lane l in its first k intervals. */
  readonly busyBefore: readonly Float64Array[];
}

export function buildLogIndex(log: EventLogData, lanes: number): LogIndex {
  const n = log.length;
  let maxTx = -1;
  for (let i = 0; i < n; i++) if (log.tx[i] > maxTx) maxTx = log.tx[i];
  // Per transaction: its current unit has executed (reset by its commit: a receipt's next leg is a new unit);
  // its latest execution reverted; the incarnation and length of its latest finished execution.
  const executed = new Uint8Array(maxTx + 1);
  const reverted = new Uint8Array(maxTx + 1);
  const lastInc = new Int32Array(maxTx + 1).fill(-1);
  const lastDur = new Float64Array(maxTx + 1);
  // Per lane: start time of the open execution or validation (NaN = none).
  const openExec = new Float64Array(lanes).fill(Number.NaN);
  const openValidate = new Float64Array(lanes).fill(Number.NaN);
  const starts: number[][] = Array.from({ length: lanes }, () => []);
  const ends: number[][] = Array.from({ length: lanes }, () => []);
  const close = (lane: number, from: number, to: number): void => {
    starts[lane].push(from);
    ends[lane].push(to);
  };

  const checkpoints = new Int32Array((Math.floor(n / STRIDE) + 1) * COUNTERS);
  const flags = new Uint8Array(n);
  const wasted = new Float64Array(n + 1);
  const counts = new Int32Array(COUNTERS);
  for (let i = 0; i < n; i++) {
    if (i % STRIDE === 0) checkpoints.set(counts, (i / STRIDE) * COUNTERS);
    const t = log.time[i];
    const w = log.worker[i];
    const lane = w >= 0 && w < lanes ? w : -1;
    const tx = log.tx[i];
    let waste = 0;
    switch (log.kind[i]) {
      case Ev.ExecStart:
        if (executed[tx]) flags[i] |= RE_EXECUTION;
        executed[tx] = 1;
        reverted[tx] = 0;
        if (lane >= 0) openExec[lane] = t;
        break;
      case Ev.ExecEnd:
        if (lane >= 0 && !Number.isNaN(openExec[lane])) {
          close(lane, openExec[lane], t);
          lastInc[tx] = log.inc[i];
          lastDur[tx] = t - openExec[lane];
          openExec[lane] = Number.NaN;
        }
        break;
      case Ev.Suspend:
        // The partial execution up to the ESTIMATE is lost: the transaction starts over when resumed.
        if (lane >= 0 && !Number.isNaN(openExec[lane])) {
          close(lane, openExec[lane], t);
          waste = t - openExec[lane];
          openExec[lane] = Number.NaN;
        }
        break;
      case Ev.ValidateStart:
        if (lane >= 0) openValidate[lane] = t;
        break;
      case Ev.ValidateEnd:
        if (lane >= 0 && !Number.isNaN(openValidate[lane])) {
          close(lane, openValidate[lane], t);
          openValidate[lane] = Number.NaN;
        }
        break;
      case Ev.Abort:
        // The aborted incarnation's whole execution was wasted; charge it once.
        if (tx >= 0 && lastInc[tx] === log.inc[i]) {
          waste = lastDur[tx];
          lastInc[tx] = -1;
        }
        break;
      case Ev.Revert:
        reverted[tx] = 1;
        break;
      case Ev.Commit:
        if (reverted[tx]) flags[i] |= COMMITTED_REVERT;
        executed[tx] = 0;
        reverted[tx] = 0;
        break;
    }
    wasted[i + 1] = wasted[i] + waste;
    addEvent(counts, log.kind[i], flags[i]);
  }
  if (n % STRIDE === 0) checkpoints.set(counts, (n / STRIDE) * COUNTERS);

  const end = n > 0 ? log.time[n - 1] : 0;
  for (let l = 0; l < lanes; l++) {
    if (!Number.isNaN(openExec[l])) close(l, openExec[l], end);
    if (!Number.isNaN(openValidate[l])) close(l, openValidate[l], end);
  }
  const busyStart = starts.map((s) => Float64Array.from(s));
  const busyEnd = ends.map((e) => Float64Array.from(e));
  const busyBefore = busyStart.map((s, l) => {
    const acc = new Float64Array(s.length + 1);
    for (let k = 0; k < s.length; k++) acc[k + 1] = acc[k] + busyEnd[l][k] - s[k];
    return acc;
  });
  return { log, lanes, checkpoints, flags, wasted, busyStart, busyEnd, busyBefore };
}

function addEvent(counts: Int32Array, kind: number, flag: number): void {
  switch (kind) {
    case Ev.ExecStart:
      counts[Count.Executions]++;
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

/** Number of events with time <= t (the log is sorted by time). */
export function eventsUpTo(log: EventLogData, t: number): number {
  let lo = 0;
  let hi = log.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (log.time[mid] <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
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
  const s = index.busyStart[lane];
  let lo = 0;
  let hi = s.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (s[mid] <= t) lo = mid + 1;
    else hi = mid;
  }
  if (lo === 0) return 0;
  const k = lo - 1;
  return index.busyBefore[lane][k] + Math.min(index.busyEnd[lane][k], t) - s[k];
}
