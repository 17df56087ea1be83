/**
 * Counts at the playhead that log-index's counters do not keep: transactions final so far (a sharded
 * receipt run commits each leg apart, so commits are not transactions) and sharded rounds begun. Each is a
 * sorted list of times built once per log; a count at a time is one binary search.
 */
import { txEvents } from "../../../engine/analysis/explain";
import type { CrossShardName } from "../../../engine/scenario/scenario";
import type { EventLogData } from "../../../engine/trace/eventlog";
import { Ev, MsgKind } from "../../../engine/trace/kinds";

const finals = new WeakMap<EventLogData, Float64Array>();
const rounds = new WeakMap<EventLogData, { protocol: CrossShardName; times: Float64Array }>();

/** Time each transaction became final (its last Commit), sorted. */
export function completionTimes(log: EventLogData): Float64Array {
  let times = finals.get(log);
  if (times) return times;
  const ev = txEvents(log);
  const out: number[] = [];
  for (let tx = 0; tx + 1 < ev.start.length; tx++) {
    for (let p = ev.start[tx + 1] - 1; p >= ev.start[tx]; p--) {
      if (log.kind[ev.index[p]] === Ev.Commit) {
        out.push(log.time[ev.index[p]]);
        break;
      }
    }
  }
  times = Float64Array.from(out).sort();
  finals.set(log, times);
  return times;
}

/**
 * When each round began: receipts rounds (the first RoundStart of each number) or, under locks, each
 * two-phase-commit exchange (its PREPARE, or the ABORT of a transaction that failed before preparing). Sorted.
 */
export function roundTimes(log: EventLogData, crossShard: CrossShardName): Float64Array {
  const cached = rounds.get(log);
  if (cached?.protocol === crossShard) return cached.times;
  const out: number[] = [];
  const seen = new Set<number>();
  for (let i = 0; i < log.length; i++) {
    const k = log.kind[i];
    if (crossShard === "receipts" && k === Ev.RoundStart && !seen.has(log.other[i])) {
      seen.add(log.other[i]);
      out.push(log.time[i]);
    } else if (
      crossShard === "locks" &&
      k === Ev.MsgSend &&
      (log.other[i] === MsgKind.Prepare || log.other[i] === MsgKind.Abort)
    ) {
      out.push(log.time[i]);
    }
  }
  const times = Float64Array.from(out).sort();
  rounds.set(log, { protocol: crossShard, times });
  return times;
}

/** How many of the sorted times are <= t. */
export function countUpTo(sorted: Float64Array, t: number): number {
  let a = 0;
  let b = sorted.length;
  while (a < b) {
    const m = (a + b) >>> 1;
    if (sorted[m] <= t) a = m + 1;
    else b = m;
  }
  return a;
}
