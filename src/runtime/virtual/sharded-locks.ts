import { wholeTransactionsOf } from "../../engine/schedulers/units";
import { lockPlan } from "../../engine/sharding/locks";
import type { Placement } from "../../engine/sharding/placement";
import { Ev, MsgKind } from "../../engine/trace/kinds";
import { type PieceContext, runPiece } from "./run-piece";

/**
 * Sharded run with two-phase-commit locks. Each shard runs its local transactions between cross-shard
 * ones as a piece with its scheduler; a cross-shard transaction waits for both shards to get there, then
 * PREPARE (coordinator -> target), VOTE (back), execution on the coordinator, COMMIT (to the target).
 */
export function simulateLocks(ctx: PieceContext, p: Placement): { elapsedUs: number; rounds: number } {
  const plan = lockPlan(ctx.block, p);
  const w = ctx.workers;
  const lat = ctx.cost.msgUs;
  const clock = new Float64Array(p.shards);
  const cursor = new Int32Array(p.shards);
  // Runs shard s's local transactions up to (not including) its next cross-shard one.
  const advance = (s: number): void => {
    const list = plan.perShard[s];
    let j = cursor[s];
    while (j < list.length && !plan.cross[list[j]]) j++;
    if (j > cursor[s])
      clock[s] = runPiece(ctx, wholeTransactionsOf(list.subarray(cursor[s], j)), s * w, clock[s]).end;
    cursor[s] = j;
  };
  let exchanges = 0;
  for (let tx = 0; tx < ctx.block.n; tx++) {
    if (!plan.cross[tx]) continue;
    const h = p.home[tx];
    const g = p.target[tx];
    advance(h);
    advance(g);
    const start = Math.max(clock[h], clock[g]);
    ctx.sink.emit(start, h * w, Ev.MsgSend, tx, 0, g, MsgKind.Prepare);
    ctx.sink.emit(start + lat, g * w, Ev.MsgRecv, tx, 0, h, MsgKind.Prepare);
    ctx.sink.emit(start + lat, g * w, Ev.MsgSend, tx, 0, h, MsgKind.Vote);
    ctx.sink.emit(start + 2 * lat, h * w, Ev.MsgRecv, tx, 0, g, MsgKind.Vote);
    const single = wholeTransactionsOf(Int32Array.of(tx));
    const end = runPiece({ ...ctx, scheduler: "sequential", workers: 1 }, single, h * w, start + 2 * lat).end;
    ctx.sink.emit(end, h * w, Ev.MsgSend, tx, 0, g, MsgKind.CommitMsg);
    ctx.sink.emit(end + lat, g * w, Ev.MsgRecv, tx, 0, h, MsgKind.CommitMsg);
    clock[h] = end;
    clock[g] = end + lat;
    cursor[h]++;
    cursor[g]++;
    exchanges++;
  }
  for (let s = 0; s < p.shards; s++) advance(s);
  return { elapsedUs: Math.max(...clock), rounds: exchanges };
}
