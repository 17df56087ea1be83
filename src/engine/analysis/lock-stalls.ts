import { type EventLogData, logEnd } from "../trace/eventlog";
import { Ev } from "../trace/kinds";

/**
 * When every transaction not yet started is queued for a lock (account locks): a worker free then has
 * nothing it may take. Per stall, the lowest such transaction (the head of the line) and a wait of it on a
 * transaction still unfinished: the key and the earlier transaction it is queued behind; a new head starts
 * a new stall. Sorted, not overlapping.
 */
export interface LockStalls {
  readonly count: number;
  readonly start: Float64Array;
  readonly end: Float64Array;
  readonly tx: Int32Array;
  readonly key: Int32Array;
  readonly other: Int32Array;
}

export function lockStalls(log: EventLogData, txs: number): LockStalls {
  const started = new Uint8Array(txs);
  const waiting = new Uint8Array(txs);
  const ended = new Uint8Array(txs);
  /** Each transaction's logged waits, as [key, other] pairs. */
  const waits = new Map<number, number[]>();
  let unstarted = txs;
  let queued = 0;
  // The lowest transaction not started yet: every one below it has started.
  let low = 0;
  const out = {
    start: [] as number[],
    end: [] as number[],
    tx: [] as number[],
    key: [] as number[],
    other: [] as number[],
  };
  let open = false;
  for (let i = 0; i < log.length; i++) {
    const tx = log.tx[i];
    const known = tx >= 0 && tx < txs;
    switch (known ? log.kind[i] : -1) {
      case Ev.LockWait:
        if (started[tx]) break;
        if (!waiting[tx]) queued++;
        waiting[tx] = 1;
        waits.set(tx, [...(waits.get(tx) ?? []), log.key[i], log.other[i]]);
        break;
      case Ev.ExecEnd:
        ended[tx] = 1;
        break;
      case Ev.LockGrant:
        if (waiting[tx]) queued--;
        waiting[tx] = 0;
        break;
      case Ev.ExecStart:
        if (started[tx]) break;
        started[tx] = 1;
        unstarted--;
        if (waiting[tx]) queued--;
        waiting[tx] = 0;
        while (low < txs && started[low]) low++;
        break;
    }
    // The state after every event at this time decides (several events share a time).
    if (i + 1 < log.length && log.time[i + 1] === log.time[i]) continue;
    const stalled = unstarted > 0 && queued === unstarted;
    // A new head of the line starts a new stall.
    if (open && (!stalled || out.tx[out.tx.length - 1] !== low)) {
      out.end.push(log.time[i]);
      open = false;
    }
    if (stalled && !open) {
      const w = waits.get(low) ?? [-1, -1];
      let at = w.length - 2;
      for (let k = 0; k < w.length; k += 2) {
        if (w[k + 1] >= 0 && w[k + 1] < txs && !ended[w[k + 1]]) {
          at = k;
          break;
        }
      }
      out.start.push(log.time[i]);
      out.tx.push(low);
      out.key.push(w[at]);
      out.other.push(w[at + 1]);
      open = true;
    }
  }
  if (open) out.end.push(logEnd(log));
  return {
    count: out.start.length,
    start: Float64Array.from(out.start),
    end: Float64Array.from(out.end),
    tx: Int32Array.from(out.tx),
    key: Int32Array.from(out.key),
    other: Int32Array.from(out.other),
  };
}
