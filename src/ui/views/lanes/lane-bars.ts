/**
 * The worker timeline of a run: every execution and validation as a bar on its lane, with how it ended
 * (and when it turned out wasted), the stretches a lane sat idle because every transaction left waited for
 * a lock, plus batch boundaries and round starts. Built once per run from the log.
 */
import type { LockStalls } from "../../../engine/analysis/lock-stalls";
import type { EventLogData } from "../../../engine/trace/eventlog";
import { Ev } from "../../../engine/trace/kinds";

/** LockWait: the lane is idle while every transaction left waits for a lock (tx = the first of them). */
export const BarKind = { Execute: 0, Validate: 1, LockWait: 2 } as const;

/** How a bar ended: executions finish or suspend; validations pass or fail. */
export const BarEnd = { Finished: 0, Suspended: 1, Valid: 2, Invalid: 3, Open: 4 } as const;

export interface LaneBars {
  readonly lanes: number;
  readonly workersPerShard: number;
  /** Bars of lane l are laneStart[l]..laneStart[l+1], in start order. */
  readonly laneStart: Int32Array;
  readonly start: Float64Array;
  readonly end: Float64Array;
  readonly tx: Int32Array;
  readonly inc: Int32Array;
  readonly kind: Uint8Array;
  readonly ended: Uint8Array;
  /** When the execution's incarnation was aborted (Infinity = never): from then on it is wasted work. */
  readonly abortAt: Float64Array;
  /** The key and the other transaction that made it suspend or abort, or that a lock wait is behind (-1 = none). */
  readonly key: Int32Array;
  readonly other: Int32Array;
  /** Batch start times per shard (batched runs), and round starts (sharded runs), in time order. */
  readonly batchStarts: readonly Float64Array[];
  readonly roundStarts: Float64Array;
  readonly roundNumbers: Int32Array;
}

interface Bar {
  lane: number;
  start: number;
  end: number;
  tx: number;
  inc: number;
  kind: number;
  ended: number;
  abortAt: number;
  key: number;
  other: number;
}

export function buildLaneBars(
  log: EventLogData,
  lanes: number,
  shards: number,
  stalls?: LockStalls,
): LaneBars {
  const workersPerShard = Math.max(1, Math.round(lanes / Math.max(1, shards)));
  const bars: Bar[] = [];
  const open: (Bar | null)[] = new Array(lanes).fill(null);
  // The last finished execution of each transaction: an abort names its incarnation.
  const lastExec = new Map<number, Bar>();
  const batchStarts: number[][] = Array.from({ length: Math.max(1, shards) }, () => []);
  const rounds = new Map<number, number>();
  const close = (lane: number, tx: number, t: number, ended: number, key = -1, other = -1): Bar | null => {
    const bar = lane >= 0 ? open[lane] : null;
    if (!bar || bar.tx !== tx) return null;
    bar.end = t;
    bar.ended = ended;
    bar.key = key;
    bar.other = other;
    open[lane] = null;
    return bar;
  };
  for (let i = 0; i < log.length; i++) {
    const t = log.time[i];
    const w = log.worker[i];
    const lane = w >= 0 && w < lanes ? w : -1;
    const tx = log.tx[i];
    switch (log.kind[i]) {
      case Ev.ExecStart:
      case Ev.ValidateStart:
        if (lane < 0) break;
        open[lane] = {
          lane,
          start: t,
          end: t,
          tx,
          inc: log.inc[i],
          kind: log.kind[i] === Ev.ExecStart ? BarKind.Execute : BarKind.Validate,
          ended: BarEnd.Open,
          abortAt: Number.POSITIVE_INFINITY,
          key: -1,
          other: -1,
        };
        bars.push(open[lane]);
        break;
      case Ev.ExecEnd: {
        const bar = close(lane, tx, t, BarEnd.Finished);
        if (bar) lastExec.set(tx, bar);
        break;
      }
      case Ev.Suspend:
        close(lane, tx, t, BarEnd.Suspended, log.key[i], log.other[i]);
        break;
      case Ev.ValidateEnd:
        close(lane, tx, t, log.other[i] ? BarEnd.Valid : BarEnd.Invalid);
        break;
      case Ev.Abort: {
        const bar = lastExec.get(tx);
        if (bar && bar.inc === log.inc[i] && bar.abortAt === Number.POSITIVE_INFINITY) {
          bar.abortAt = t;
          bar.key = log.key[i];
          bar.other = log.other[i];
        }
        break;
      }
      case Ev.BatchStart:
        batchStarts[Math.min(shards - 1, Math.floor(Math.max(0, w) / workersPerShard))].push(t);
        break;
      case Ev.RoundStart:
        if (!rounds.has(log.other[i])) rounds.set(log.other[i], t);
        break;
    }
  }
  const endTime = log.length > 0 ? log.time[log.length - 1] : 0;
  for (const bar of open) if (bar) bar.end = endTime;

  // Group by lane; within a lane the log order is start order.
  bars.sort((a, b) => a.lane - b.lane || a.start - b.start);
  if (stalls && stalls.count > 0) {
    bars.push(...lockWaits(bars, lanes, endTime, stalls));
    bars.sort((a, b) => a.lane - b.lane || a.start - b.start);
  }
  const laneStart = new Int32Array(lanes + 1);
  for (const b of bars) laneStart[b.lane + 1]++;
  for (let l = 0; l < lanes; l++) laneStart[l + 1] += laneStart[l];
  const n = bars.length;
  const out = {
    start: new Float64Array(n),
    end: new Float64Array(n),
    tx: new Int32Array(n),
    inc: new Int32Array(n),
    kind: new Uint8Array(n),
    ended: new Uint8Array(n),
    abortAt: new Float64Array(n),
    key: new Int32Array(n),
    other: new Int32Array(n),
  };
  bars.forEach((b, i) => {
    out.start[i] = b.start;
    out.end[i] = b.end;
    out.tx[i] = b.tx;
    out.inc[i] = b.inc;
    out.kind[i] = b.kind;
    out.ended[i] = b.ended;
    out.abortAt[i] = b.abortAt;
    out.key[i] = b.key;
    out.other[i] = b.other;
  });
  const roundList = [...rounds.entries()].sort((a, b) => a[1] - b[1]);
  return {
    lanes,
    workersPerShard,
    laneStart,
    ...out,
    batchStarts: batchStarts.map((s) => Float64Array.from(s)),
    roundStarts: Float64Array.from(roundList, (r) => r[1]),
    roundNumbers: Int32Array.from(roundList, (r) => r[0]),
  };
}

/** Where each lane's idle stretches (bars sorted by lane, then start) meet the lock stalls. */
function lockWaits(bars: readonly Bar[], lanes: number, end: number, st: LockStalls): Bar[] {
  const out: Bar[] = [];
  // A lane's gaps come in time order: the first stall that may meet the next gap only moves forward.
  let k = 0;
  const gap = (lane: number, from: number, to: number): void => {
    while (k < st.count && st.end[k] <= from) k++;
    for (let j = k; j < st.count && st.start[j] < to; j++) {
      const a = Math.max(from, st.start[j]);
      const b = Math.min(to, st.end[j]);
      if (b <= a) continue;
      out.push({
        lane,
        start: a,
        end: b,
        tx: st.tx[j],
        inc: 0,
        kind: BarKind.LockWait,
        ended: BarEnd.Finished,
        abortAt: Number.POSITIVE_INFINITY,
        key: st.key[j],
        other: st.other[j],
      });
    }
  };
  let i = 0;
  for (let lane = 0; lane < lanes; lane++) {
    k = 0;
    let free = 0;
    for (; i < bars.length && bars[i].lane === lane; i++) {
      gap(lane, free, bars[i].start);
      free = Math.max(free, bars[i].end);
    }
    gap(lane, free, end);
  }
  return out;
}

/** Number of lane l's bars that started at or before t. */
export function barsStartedBy(b: LaneBars, lane: number, t: number): number {
  let lo = b.laneStart[lane];
  let hi = b.laneStart[lane + 1];
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (b.start[mid] <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo - b.laneStart[lane];
}

/**
 * The bar of lane l nearest time t (within `slack`), among bars that have started by `now`; -1 for idle.
 * With `kind`, the nearest bar of that kind wins over one of the other kind (the pointer's band says which).
 */
export function barAt(b: LaneBars, lane: number, t: number, now: number, slack = 0, kind = -1): number {
  const first = b.laneStart[lane];
  const visible = first + barsStartedBy(b, lane, Math.min(t + slack, now));
  let best = -1;
  let bestScore = Number.POSITIVE_INFINITY;
  for (let i = visible - 1; i >= first && i >= visible - 6; i--) {
    const gap = Math.max(0, b.start[i] - t, t - Math.min(b.end[i], now));
    if (gap > slack) continue;
    // Any bar of the wanted kind beats every bar of the other kind.
    const score = gap + (kind >= 0 && b.kind[i] !== kind ? 2 * slack + 1 : 0);
    if (score < bestScore) {
      best = i;
      bestScore = score;
    }
  }
  return best;
}
