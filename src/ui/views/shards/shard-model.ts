/**
 * The shards of a run as queues and messages: per shard, when each of its units arrived (at the start, or
 * with the receipt that carried it) and when it committed; the keys two-phase commit holds locked on it;
 * every cross-shard message as a send/receive pair; the votes; round starts. Queries at a playhead are
 * binary searches.
 */
import { countUpTo, logIndexOf, shardOfLane } from "../../../engine/analysis/log-index";
import { type EventLogData, logEnd } from "../../../engine/trace/eventlog";
import { Ev, MsgKind } from "../../../engine/trace/kinds";

export interface Messages {
  readonly count: number;
  /** Sorted by send time. A message never received is in flight until the end of the run. */
  readonly send: Float64Array;
  readonly recv: Float64Array;
  readonly src: Int32Array;
  readonly dst: Int32Array;
  readonly kind: Uint8Array;
  readonly tx: Int32Array;
  /** Longest flight: bounds the search for messages in flight. */
  readonly maxFlight: number;
}

export interface ShardModel {
  readonly shards: number;
  readonly workersPerShard: number;
  /** Per shard, sorted: when each unit became available to it, and when each committed. */
  readonly arrivals: readonly Float64Array[];
  readonly commits: readonly Float64Array[];
  /** Per shard: round start times (sorted) and their numbers. */
  readonly roundStarts: readonly Float64Array[];
  readonly roundNumbers: readonly Int32Array[];
  /** Per shard, two-phase commit: when the keys held locked changed, and then how many keys, by how many txs. */
  readonly lockTimes: readonly Float64Array[];
  readonly lockedKeys: readonly Int32Array[];
  readonly lockingTxs: readonly Int32Array[];
  /** When the number of transactions holding keys on any shard changed, and then how many (each counted once). */
  readonly holderTimes: Float64Array;
  readonly holders: Int32Array;
  /** Votes sent, in time order, and how many of the first i + 1 were yes. */
  readonly voteTimes: Float64Array;
  readonly yesSoFar: Int32Array;
  readonly messages: Messages;
}

export function buildShardModel(log: EventLogData, lanes: number, shards: number): ShardModel {
  const index = logIndexOf(log, lanes, shards);
  const { workersPerShard } = index;
  const arrivals: number[][] = Array.from({ length: shards }, () => []);
  const commits: number[][] = Array.from({ length: shards }, () => []);
  const roundStarts: number[][] = Array.from({ length: shards }, () => []);
  const roundNumbers: number[][] = Array.from({ length: shards }, () => []);
  // Per transaction: units committed so far, and when its latest message arrived (NaN = none yet).
  const committed = new Map<number, number>();
  const lastRecv = new Map<number, number>();
  const lockTimes: number[][] = Array.from({ length: shards }, () => []);
  const lockedKeys: number[][] = Array.from({ length: shards }, () => []);
  const lockingTxs: number[][] = Array.from({ length: shards }, () => []);
  const keysNow = new Int32Array(shards);
  const txsNow = new Int32Array(shards);
  const sidesHeld = new Map<number, number>();
  const holderTimes: number[] = [];
  const holders: number[] = [];
  const end = logEnd(log);

  for (let i = 0; i < log.length; i++) {
    const t = log.time[i];
    const tx = log.tx[i];
    const shard = shardOfLane(index, log.worker[i]);
    switch (log.kind[i]) {
      case Ev.Commit: {
        const k = committed.get(tx) ?? 0;
        committed.set(tx, k + 1);
        // A first leg is in the block from the start; a later leg arrives with its receipt.
        arrivals[shard].push(k === 0 ? 0 : (lastRecv.get(tx) ?? t));
        commits[shard].push(t);
        break;
      }
      case Ev.LockHold:
      case Ev.LockRelease: {
        const sign = log.kind[i] === Ev.LockHold ? 1 : -1;
        keysNow[shard] += sign * log.other[i];
        txsNow[shard] += sign;
        lockTimes[shard].push(t);
        lockedKeys[shard].push(keysNow[shard]);
        lockingTxs[shard].push(txsNow[shard]);
        const sides = (sidesHeld.get(tx) ?? 0) + sign;
        sidesHeld.set(tx, sides);
        if (sides === 0) sidesHeld.delete(tx);
        if (sides === (sign > 0 ? 1 : 0)) {
          holderTimes.push(t);
          holders.push(sidesHeld.size);
        }
        break;
      }
      case Ev.MsgRecv:
        lastRecv.set(tx, t);
        break;
      case Ev.RoundStart:
        roundStarts[shard].push(t);
        roundNumbers[shard].push(log.other[i]);
        break;
    }
  }
  const sorted = (a: number[]): Float64Array => Float64Array.from(a).sort();
  // Messages as the index paired them; the votes among them.
  const m = index.messages;
  const send = Float64Array.from(m.sendEvent, (i) => log.time[i]);
  const recv = Float64Array.from(m.recvEvent, (i) => (i >= 0 ? log.time[i] : end));
  const voteTimes: number[] = [];
  const yesSoFar: number[] = [];
  let maxFlight = 0;
  for (let k = 0; k < m.count; k++) {
    maxFlight = Math.max(maxFlight, recv[k] - send[k]);
    if (m.kind[k] !== MsgKind.Vote && m.kind[k] !== MsgKind.VoteNo) continue;
    voteTimes.push(send[k]);
    yesSoFar.push((yesSoFar.at(-1) ?? 0) + (m.kind[k] === MsgKind.Vote ? 1 : 0));
  }
  return {
    shards,
    workersPerShard,
    arrivals: arrivals.map(sorted),
    commits: commits.map(sorted),
    roundStarts: roundStarts.map((r) => Float64Array.from(r)),
    roundNumbers: roundNumbers.map((r) => Int32Array.from(r)),
    lockTimes: lockTimes.map((a) => Float64Array.from(a)),
    lockedKeys: lockedKeys.map((a) => Int32Array.from(a)),
    lockingTxs: lockingTxs.map((a) => Int32Array.from(a)),
    holderTimes: Float64Array.from(holderTimes),
    holders: Int32Array.from(holders),
    voteTimes: Float64Array.from(voteTimes),
    yesSoFar: Int32Array.from(yesSoFar),
    messages: {
      count: m.count,
      send,
      recv,
      src: m.src,
      dst: m.dst,
      kind: m.kind,
      tx: Int32Array.from(m.sendEvent, (i) => log.tx[i]),
      maxFlight,
    },
  };
}

export interface ShardAt {
  /** Units that have arrived and not yet committed. */
  readonly queue: number;
  readonly committed: number;
  /** Every unit the shard runs in the whole run. */
  readonly total: number;
  /** Current round number as the log counts it (from 0), or -1 before the first or without rounds. */
  readonly round: number;
  /** Keys held locked by two-phase commits, and by how many transactions. */
  readonly lockedKeys: number;
  readonly lockingTxs: number;
}

export function shardAt(m: ShardModel, s: number, t: number): ShardAt {
  const committed = countUpTo(m.commits[s], t);
  const arrived = countUpTo(m.arrivals[s], t);
  const r = countUpTo(m.roundStarts[s], t);
  const l = countUpTo(m.lockTimes[s], t);
  return {
    queue: Math.max(0, arrived - committed),
    committed,
    total: m.arrivals[s].length,
    round: r > 0 ? m.roundNumbers[s][r - 1] : -1,
    lockedKeys: l > 0 ? m.lockedKeys[s][l - 1] : 0,
    lockingTxs: l > 0 ? m.lockingTxs[s][l - 1] : 0,
  };
}

/** Transactions holding keys on some shard at t, each counted once. */
export function holdersAt(m: ShardModel, t: number): number {
  const n = countUpTo(m.holderTimes, t);
  return n > 0 ? m.holders[n - 1] : 0;
}

/** Votes sent up to t: yes and no. */
export function votesAt(m: ShardModel, t: number): { yes: number; no: number } {
  const n = countUpTo(m.voteTimes, t);
  const yes = n > 0 ? m.yesSoFar[n - 1] : 0;
  return { yes, no: n - yes };
}

/** Indices of the messages in flight at t (sent at or before t, received after). */
export function inFlight(m: Messages, t: number): number[] {
  const out: number[] = [];
  const last = countUpTo(m.send, t);
  for (let i = last - 1; i >= 0 && m.send[i] >= t - m.maxFlight; i--) {
    if (m.recv[i] > t) out.push(i);
  }
  return out.reverse();
}
