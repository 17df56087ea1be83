/**
 * Compare mode has one playhead over two runs: it steps through the events of both, so the playhead's
 * log is the two logs merged by time (stable: the left run's events first at equal times).
 */
import { COLUMN_NAMES, type EventLogData, makeColumns } from "./eventlog";

export function mergeLogs(a: EventLogData, b: EventLogData): EventLogData {
  const n = a.length + b.length;
  const out = makeColumns(n);
  let i = 0;
  let j = 0;
  for (let k = 0; k < n; k++) {
    const fromA = j >= b.length || (i < a.length && a.time[i] <= b.time[j]);
    const src = fromA ? a : b;
    const at = fromA ? i++ : j++;
    for (const name of COLUMN_NAMES) out[name][k] = src[name][at];
  }
  return { length: n, ...out };
}
