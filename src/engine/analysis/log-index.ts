import type { EventLogData } from "../trace/eventlog";
import { Ev, isLaterLeg } from "../trace/kinds";
import { type TxEvents, txEvents } from "./explain";
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
export const EventFlag = {
  /** An execution start of a unit that had started before (after an abort or a suspension). */
  ReExecution: 1,
  /** A commit whose latest execution reverted. */
  CommittedRevert: 2,
  /** A two-phase commit's apply or settle: part of the execution its debit began, not one of its own. */
  LaterLeg: 4,
} as const;
const { ReExecution: RE_EXECUTION, CommittedRevert: COMMITTED_REVERT, LaterLeg: LATER_LEG } = EventFlag;

/** Events between two checkpoints: a query scans at most this many. */
const STRIDE = 64;

/**
 * Declared-access batches in start order: each BatchStart's log index, its BatchEnd's on the same shard
 * (-1 = open when the log ends), its shard and the executions started on that shard in between.
 */
export interface Batches {
  readonly count: number;
  readonly startEvent: Int32Array;
  readonly endEvent: Int32Array;
  readonly shard: Int32Array;
  readonly executions: Int32Array;
}

/**
 * Cross-shard messages in send order: the MsgSend's log index, its MsgRecv's (-1 = still in flight when the
 * log ends: each receive is paired with the earliest unpaired send of the same transaction, kind, source
 * and destination), source and destination shards, and the kind (MsgKind).
 */
export interface Messages {
  readonly count: number;
  readonly sendEvent: Int32Array;
  readonly recvEvent: Int32Array;
  readonly src: Int32Array;
  readonly dst: Int32Array;
  readonly kind: Uint8Array;
}

/**
 * The one index over a log that every reader uses, built in one pass (plus the spans'): counter
 * checkpoints every STRIDE events, per-event flags, cumulative wasted work, the spans (each lane's busy
 * intervals, with their prefix sums, and each transaction's), the per-transaction event lists, batches,
 * messages and rounds, where each transaction first ran, and a block access list's mismatches. Get it with logIndexOf, which builds it once
 * per log and lane layout.
 */
export interface LogIndex {
  readonly log: EventLogData;
  readonly lanes: number;
  /** Shards the lanes are split into: lane w is on shard floor(w / workersPerShard). */
  readonly shards: number;
  readonly workersPerShard: number;
  readonly spans: Spans;
  /** Each transaction's events in log order. */
  readonly events: TxEvents;
  readonly checkpoints: Int32Array;
  readonly flags: Uint8Array;
  /** wasted[c]: wasted microseconds over the first c events. */
  readonly wasted: Float64Array;
  /** busyBefore[l][k]: busy time of lane l in its first k spans. */
  readonly busyBefore: readonly Float64Array[];
  /** When each transaction became final (its last commit: a receipt run commits a leg at a time), sorted. */
  readonly finalTimes: Float64Array;
  readonly batches: Batches;
  readonly messages: Messages;
  /** Sharded rounds: when each began (its first RoundStart) and its number, in time order. */
  readonly roundStarts: Float64Array;
  readonly roundNumbers: Int32Array;
  /**
   * Per transaction: the lane of its first execution start (-1 = it never started) and the ordinal, on
   * that lane's shard, of the batch begun last by then (-1 = none).
   */
  readonly firstLane: Int32Array;
  readonly firstBatch: Int32Array;
  /** Per transaction: 1 if it sent or received a cross-shard message. */
  readonly messaged: Uint8Array;
  /** A bal run's disagreements with its block access list: each ListMismatch's log index, in log order. */
  readonly listMismatches: Int32Array;
  /** The transactions with at least one, ascending. */
  readonly listMismatchedTxs: Int32Array;
}

/** The shard of a lane (events outside the lanes count on the nearest shard). */
export function shardOfLane(index: Pick<LogIndex, "shards" | "workersPerShard">, lane: number): number {
  return Math.min(index.shards - 1, Math.floor(Math.max(0, lane) / index.workersPerShard));
}

const built = new WeakMap<EventLogData, LogIndex[]>();

/**
 * The index of a log seen as `lanes` lanes on `shards` shards: built on first use, then shared. Without
 * lanes, any index already built for the log (one over the lanes its events name if there is none yet):
 * for what depends on neither lanes nor shards (final times, rounds, the events of each transaction, the
 * messages sent).
 */
export function logIndexOf(log: EventLogData, lanes?: number, shards = 1): LogIndex {
  const list = built.get(log) ?? [];
  if (lanes === undefined && list.length > 0) return list[0];
  let named = lanes ?? 0;
  if (lanes === undefined) for (let i = 0; i < log.length; i++) named = Math.max(named, log.worker[i] + 1);
  let index = list.find((x) => x.lanes === named && x.shards === Math.max(1, shards));
  if (!index) {
    index = buildLogIndex(log, named, shards);
    list.push(index);
    built.set(log, list);
  }
  return index;
}

export function buildLogIndex(log: EventLogData, lanes: number, shards = 1): LogIndex {
  const n = log.length;
  const spans = buildSpans(log, lanes);
  const at = {
    shards: Math.max(1, shards),
    workersPerShard: Math.max(1, Math.round(lanes / Math.max(1, shards))),
  };
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
  const firstLane = new Int32Array(maxTx + 1).fill(-1);
  const firstBatch = new Int32Array(maxTx + 1).fill(-1);
  const messaged = new Uint8Array(maxTx + 1);
  // Batches: per shard, how many have begun and the one open now.
  const batchList: { start: number; end: number; shard: number; executions: number }[] = [];
  const batchesOn = new Int32Array(at.shards);
  const openBatch = new Int32Array(at.shards).fill(-1);
  const rounds = new Map<number, number>();
  const sends: number[] = [];
  const recvs: number[] = [];
  const sendShard: number[] = [];
  // Sends not yet received, by (tx, kind, source, destination): message ordinals in send order.
  const inFlight = new Map<string, number[]>();
  const mismatches: number[] = [];

  const checkpoints = new Int32Array((Math.floor(n / STRIDE) + 1) * COUNTERS);
  const flags = new Uint8Array(n);
  const wasted = new Float64Array(n + 1);
  const counts = new Int32Array(COUNTERS);
  for (let i = 0; i < n; i++) {
    if (i % STRIDE === 0) checkpoints.set(counts, (i / STRIDE) * COUNTERS);
    const tx = log.tx[i];
    const shard = shardOfLane(at, log.worker[i]);
    switch (log.kind[i]) {
      case Ev.ExecStart:
        if (isLaterLeg(log.other[i])) flags[i] |= LATER_LEG;
        else if (executed[tx]) flags[i] |= RE_EXECUTION;
        executed[tx] = 1;
        reverted[tx] = 0;
        if (openBatch[shard] >= 0) batchList[openBatch[shard]].executions++;
        if (tx >= 0 && firstLane[tx] < 0) {
          firstLane[tx] = Math.max(0, log.worker[i]);
          firstBatch[tx] = batchesOn[shard] - 1;
        }
        break;
      case Ev.BatchStart:
        openBatch[shard] = batchList.push({ start: i, end: -1, shard, executions: 0 }) - 1;
        batchesOn[shard]++;
        break;
      case Ev.BatchEnd: {
        const b = openBatch[shard];
        if (b >= 0 && log.other[batchList[b].start] === log.other[i]) {
          batchList[b].end = i;
          openBatch[shard] = -1;
        }
        break;
      }
      case Ev.RoundStart:
        if (!rounds.has(log.other[i])) rounds.set(log.other[i], log.time[i]);
        break;
      case Ev.ListMismatch:
        mismatches.push(i);
        break;
      case Ev.MsgSend: {
        if (tx >= 0) messaged[tx] = 1;
        const id = `${tx}:${log.other[i]}:${shard}>${log.key[i]}`;
        const m = sends.push(i) - 1;
        recvs.push(-1);
        sendShard.push(shard);
        const queue = inFlight.get(id);
        if (queue) queue.push(m);
        else inFlight.set(id, [m]);
        break;
      }
      case Ev.MsgRecv: {
        if (tx >= 0) messaged[tx] = 1;
        const m = inFlight.get(`${tx}:${log.other[i]}:${log.key[i]}>${shard}`)?.shift();
        if (m !== undefined) recvs[m] = i;
        break;
      }
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
  const batches: Batches = {
    count: batchList.length,
    startEvent: Int32Array.from(batchList, (b) => b.start),
    endEvent: Int32Array.from(batchList, (b) => b.end),
    shard: Int32Array.from(batchList, (b) => b.shard),
    executions: Int32Array.from(batchList, (b) => b.executions),
  };
  const messages: Messages = {
    count: sends.length,
    sendEvent: Int32Array.from(sends),
    recvEvent: Int32Array.from(recvs),
    src: Int32Array.from(sendShard),
    dst: Int32Array.from(sends, (i) => log.key[i]),
    kind: Uint8Array.from(sends, (i) => log.other[i]),
  };
  const roundList = [...rounds.entries()].sort((a, b) => a[1] - b[1]);
  return {
    log,
    lanes,
    ...at,
    spans,
    events: txEvents(log),
    checkpoints,
    flags,
    wasted,
    busyBefore,
    finalTimes,
    batches,
    messages,
    roundStarts: Float64Array.from(roundList, (r) => r[1]),
    roundNumbers: Int32Array.from(roundList, (r) => r[0]),
    firstLane,
    firstBatch,
    messaged,
    listMismatches: Int32Array.from(mismatches),
    listMismatchedTxs: Int32Array.from(new Set(mismatches.map((i) => log.tx[i]))).sort(),
  };
}

/** The batch that the BatchStart at log index i began, or -1. */
export function batchStartedAt(index: LogIndex, i: number): number {
  const b = countBelow(index.batches.startEvent, i);
  return b < index.batches.count && index.batches.startEvent[b] === i ? b : -1;
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
