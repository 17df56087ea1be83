/**
 * Counts at the playhead that log-index's counters do not keep: transactions final so far (a sharded
 * receipt run commits each leg apart, so commits are not transactions) and sharded rounds begun. Each is a
 * sorted list of times the log's index keeps; a count at a time is one binary search.
 */
import { type LogIndex, logIndexOf } from "../../../engine/analysis/log-index";
import type { CrossShardName } from "../../../engine/scenario/scenario";
import type { EventLogData } from "../../../engine/trace/eventlog";
import { MsgKind } from "../../../engine/trace/kinds";

export { countUpTo } from "../../../engine/analysis/log-index";

const exchanges = new WeakMap<LogIndex, Float64Array>();

/** Time each transaction became final (its last Commit), sorted. */
export function completionTimes(log: EventLogData): Float64Array {
  return logIndexOf(log).finalTimes;
}

/**
 * When each round began: receipts rounds (the first RoundStart of each number) or, under locks, each
 * two-phase-commit exchange (its PREPARE, or the ABORT of a transaction that failed before preparing). Sorted.
 */
export function roundTimes(log: EventLogData, crossShard: CrossShardName): Float64Array {
  const index = logIndexOf(log);
  if (crossShard === "receipts") return index.roundStarts;
  let times = exchanges.get(index);
  if (!times) {
    const { messages } = index;
    const out: number[] = [];
    for (let m = 0; m < messages.count; m++) {
      if (messages.kind[m] === MsgKind.Prepare || messages.kind[m] === MsgKind.Abort)
        out.push(log.time[messages.sendEvent[m]]);
    }
    times = Float64Array.from(out);
    exchanges.set(index, times);
  }
  return times;
}
