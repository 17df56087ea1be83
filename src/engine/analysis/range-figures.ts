/**
 * What happened in a stretch of a run, from the log index: the events between two times (a range the
 * viewer selects on the lanes) counted by kind, the transactions that became final in it, and how busy the
 * lanes were. Each is a difference of two lookups at the range's ends, so any range costs the same.
 */
import { Count, countBelow, countsAt, countUpTo, type LogIndex, laneBusyAt } from "./log-index";

export interface RangeFigures {
  readonly from: number;
  readonly to: number;
  readonly executions: number;
  readonly reExecutions: number;
  readonly aborts: number;
  readonly suspensions: number;
  readonly validations: number;
  /** Transactions whose last unit committed in the range (a receipt run's earlier legs do not count). */
  readonly finals: number;
  readonly messages: number;
  /** Share of the lanes' time in the range spent executing or validating, 0..1. */
  readonly busy: number;
}

/** Figures of the events with from <= time <= to (the ends are swapped if given the wrong way round). */
export function rangeFigures(index: LogIndex, a: number, b: number): RangeFigures {
  const from = Math.min(a, b);
  const to = Math.max(a, b);
  const { log, finalTimes } = index;
  const before = countsAt(index, countBelow(log.time, from, log.length));
  const upTo = countsAt(index, countUpTo(log.time, to, log.length));
  const count = (c: number): number => upTo[c] - before[c];
  let busy = 0;
  for (let l = 0; l < index.lanes; l++) busy += laneBusyAt(index, l, to) - laneBusyAt(index, l, from);
  const span = (to - from) * index.lanes;
  return {
    from,
    to,
    executions: count(Count.Executions),
    reExecutions: count(Count.ReExecutions),
    aborts: count(Count.Aborts),
    suspensions: count(Count.Suspensions),
    validations: count(Count.Validations),
    finals: countUpTo(finalTimes, to) - countBelow(finalTimes, from),
    messages: count(Count.Messages),
    busy: span > 0 ? Math.min(1, busy / span) : 0,
  };
}
