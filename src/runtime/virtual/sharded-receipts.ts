import type { Placement } from "../../engine/sharding/placement";
import { firstRound, logReceipts, nextRound } from "../../engine/sharding/receipts";
import { Ev } from "../../engine/trace/kinds";
import { type PieceContext, runPiece } from "./run-piece";

/**
 * Sharded run with asynchronous receipts: every shard runs its units of a round with its own workers, all
 * shards in step; receipts produced in a round are sent when the shard finishes it and run in the next
 * round, one message latency later.
 */
export function simulateReceipts(ctx: PieceContext, p: Placement): { elapsedUs: number; rounds: number } {
  const w = ctx.workers;
  let round = firstRound(ctx.block, p);
  let t = 0;
  let r = 0;
  for (;;) {
    const outputs: Float64Array[] = [];
    const ends: number[] = [];
    round.forEach((units, s) => {
      if (units.n > 0) ctx.sink.emit(t, s * w, Ev.RoundStart, -1, 0, -1, r);
      const { end, output } = runPiece(ctx, units, s * w, t);
      outputs.push(output);
      ends.push(end);
    });
    r++;
    const end = Math.max(...ends);
    const next = nextRound(ctx.block, p, round, outputs);
    if (next.every((u) => u.n === 0)) return { elapsedUs: end, rounds: r };
    const arrive = end + ctx.cost.msgUs;
    logReceipts(ctx.sink, p, next, ends, arrive, w);
    round = next;
    t = arrive;
  }
}
