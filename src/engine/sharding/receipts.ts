import type { Block } from "../block";
import { CONTRACTS } from "../contracts/registry";
import { Phase, type Units } from "../schedulers/units";
import type { EventSink } from "../trace/eventlog";
import { Ev, MsgKind } from "../trace/kinds";
import type { Placement } from "./placement";

/**
 * Asynchronous cross-shard receipts (as NEAR passes receipts between blocks). Round 0: every shard runs
 * its transactions in block order, a local one whole, a cross-shard one as its debit leg. Each successful
 * debit sends a receipt; in the next round the target shard runs the apply leg; an apply that fails (or
 * that has something to deliver) sends a settle receipt back, run the round after: a refund or the output.
 *
 * Serial order this defines: round by round; within a round shard by shard (shards share no keys, so their
 * relative order does not matter); within a shard, units in transaction order. The result equals
 * sequential execution of exactly that order, and every asset's supply is conserved once all receipts land.
 */
export function firstRound(block: Block, p: Placement): Units[] {
  const per: UnitList[] = Array.from({ length: p.shards }, () => new UnitList());
  for (let t = 0; t < block.n; t++) {
    per[p.home[t]].push(t, p.home[t] === p.target[t] ? Phase.Full : Phase.Debit, 0, 0);
  }
  return per.map((l) => l.sorted());
}

/** Units of the next round from the outputs of this one (an empty list everywhere means done). */
export function nextRound(
  block: Block,
  p: Placement,
  round: readonly Units[],
  outputs: readonly Float64Array[],
): Units[] {
  const per: UnitList[] = Array.from({ length: p.shards }, () => new UnitList());
  round.forEach((units, s) => {
    for (let u = 0; u < units.n; u++) {
      const t = units.tx[u];
      const out = outputs[s][u];
      if (units.phase[u] === Phase.Debit && out >= 0) per[p.target[t]].push(t, Phase.Apply, out, 0);
      else if (units.phase[u] === Phase.Apply && (out < 0 || CONTRACTS[block.kind[t]].settlesOnSuccess)) {
        per[p.home[t]].push(t, Phase.Settle, units.payload[u], out);
      }
    }
  });
  return per.map((l) => l.sorted());
}

class UnitList {
  tx: number[] = [];
  phase: number[] = [];
  payload: number[] = [];
  result: number[] = [];
  push(t: number, phase: number, payload: number, result: number): void {
    this.tx.push(t);
    this.phase.push(phase);
    this.payload.push(payload);
    this.result.push(result);
  }
  /** In transaction order (receipts arrive from many shards). */
  sorted(): Units {
    const idx = this.tx.map((_, i) => i).sort((a, b) => this.tx[a] - this.tx[b]);
    return {
      n: idx.length,
      tx: Int32Array.from(idx, (i) => this.tx[i]),
      phase: Uint8Array.from(idx, (i) => this.phase[i]),
      payload: Float64Array.from(idx, (i) => this.payload[i]),
      result: Float64Array.from(idx, (i) => this.result[i]),
    };
  }
}

/**
 * Logs the receipts that carry `next` round's units: each leaves its source shard when that shard ended
 * the round (`ends[shard]`) and arrives at `arrive`; shard s's messages go on its first lane (s * lanesPerShard).
 */
export function logReceipts(
  sink: EventSink,
  p: Placement,
  next: readonly Units[],
  ends: readonly number[],
  arrive: number,
  lanesPerShard: number,
): void {
  next.forEach((units, dest) => {
    for (let u = 0; u < units.n; u++) {
      const tx = units.tx[u];
      const settle = units.phase[u] === Phase.Settle;
      const src = settle ? p.target[tx] : p.home[tx];
      const kind = settle ? MsgKind.Settle : MsgKind.Receipt;
      sink.emit(ends[src], src * lanesPerShard, Ev.MsgSend, tx, 0, dest, kind);
      sink.emit(arrive, dest * lanesPerShard, Ev.MsgRecv, tx, 0, src, kind);
    }
  });
}
