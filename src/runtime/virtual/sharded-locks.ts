import { Arena } from "../../engine/arena";
import type { Placement } from "../../engine/sharding/placement";
import { TwoPhaseExecutor } from "../../engine/sharding/two-phase";
import { runVirtual } from "./driver";
import type { PieceContext } from "./run-piece";

/**
 * Sharded run with two-phase commit on keys: one executor over every shard's workers (lanes s * workers ..),
 * messages taking `cost.msgUs` on the virtual clock. Rounds: the cross-shard transactions (one exchange each).
 */
export function simulateLocks(ctx: PieceContext, p: Placement): { elapsedUs: number; rounds: number } {
  const ex = new TwoPhaseExecutor(
    ctx.block,
    p,
    ctx.workers,
    ctx.state,
    ctx.cost,
    ctx.sink,
    ctx.cost.msgUs,
    Arena.local(),
  );
  const elapsedUs = runVirtual(ex, ctx.workers * p.shards, 0, ctx.cancel);
  return { elapsedUs, rounds: p.crossCount };
}
