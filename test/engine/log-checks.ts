import type { EventLogData } from "../../src/engine/trace/eventlog";
import { Ev } from "../../src/engine/trace/kinds";

/**
 * The first abort of a transaction logged after its commit, described; null when there is none. For
 * runs where every transaction is one unit (unsharded, or sharded with locks): a commit is final.
 */
export function abortAfterCommit(log: EventLogData): string | null {
  const committedAt = new Map<number, number>();
  for (let i = 0; i < log.length; i++) {
    const tx = log.tx[i];
    if (log.kind[i] === Ev.Commit) committedAt.set(tx, log.time[i]);
    else if (log.kind[i] === Ev.Abort && committedAt.has(tx))
      return `tx ${tx} aborted at ${log.time[i]} µs after it committed at ${committedAt.get(tx)} µs`;
  }
  return null;
}
