/**
 * Compare mode has one playhead over two runs: it steps through the events of both, so the playhead's
 * log is the two logs merged by time (stable: the left run's events first at equal times).
 */
import type { EventLogData } from "./eventlog";

export function mergeLogs(a: EventLogData, b: EventLogData): EventLogData {
  const n = a.length + b.length;
  const out = {
    length: n,
    time: new Float64Array(n),
    worker: new Int32Array(n),
    kind: new Uint8Array(n),
    tx: new Int32Array(n),
    inc: new Int32Array(n),
    key: new Int32Array(n),
    other: new Int32Array(n),
  };
  let i = 0;
  let j = 0;
  for (let k = 0; k < n; k++) {
    const fromA = j >= b.length || (i < a.length && a.time[i] <= b.time[j]);
    const src = fromA ? a : b;
    const at = fromA ? i++ : j++;
    out.time[k] = src.time[at];
    out.worker[k] = src.worker[at];
    out.kind[k] = src.kind[at];
    out.tx[k] = src.tx[at];
    out.inc[k] = src.inc[at];
    out.key[k] = src.key[at];
    out.other[k] = src.other[at];
  }
  return out;
}
