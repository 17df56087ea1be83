import type { SequentialTrace } from "../analysis/sequential-trace";
import type { Block } from "../block";
import type { Scenario } from "../scenario/scenario";
import { legsUs } from "../schedulers/unit-cost";
import { Phase } from "../schedulers/units";
import type { Placement } from "./placement";

/**
 * The sequential trace a run is bounded by: unchanged, except under two-phase commit on keys, where the
 * whole-transaction trace is told which part of each
 * cross-shard transaction runs where: its debit on its home shard, and its reads of keys on the target
 * shard in the apply that follows. Where a key lives is read from the block's key groups here, not from
 * the executor, so the bound does not share the executor's placement of reads.
 */
export function withTargetLegs(
  trace: SequentialTrace,
  block: Block,
  p: Placement | null,
  { crossShard, cost }: Pick<Scenario, "crossShard" | "cost">,
): SequentialTrace {
  if (p === null || crossShard !== "locks") return trace;
  const beforeUs = new Float64Array(trace.units);
  const lateRead = new Uint8Array(trace.readKey.length);
  for (let u = 0; u < trace.units; u++) {
    const t = trace.unitTx[u];
    if (p.home[t] === p.target[t]) continue;
    beforeUs[u] = legsUs(block.gas[t] / cost.gasPerUs, Phase.Debit, Phase.Debit);
    for (let r = trace.readStart[u]; r < trace.readStart[u + 1]; r++) {
      if (block.keys.group[trace.readKey[r]] % p.shards === p.target[t]) lateRead[r] = 1;
    }
  }
  return { ...trace, targetLeg: { beforeUs, lateRead } };
}
