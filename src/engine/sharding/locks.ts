import type { Block } from "../block";
import type { Placement } from "./placement";

/**
 * Synchronous cross-shard transactions under two-phase commit: the home shard (coordinator) sends
 * PREPARE, the target shard locks the keys and votes, the coordinator executes the whole transaction and
 * sends COMMIT. Each shard processes its transactions in block order and a cross-shard one waits until both
 * shards reach it, so the serial order is block order itself: the result equals sequential execution of the
 * block, at the price of stalling both shards for two message round trips per cross-shard transaction.
 */
export interface LockPlan {
  /** Per shard: its transactions in block order (local ones and the cross-shard ones it takes part in). */
  readonly perShard: readonly Int32Array[];
  readonly cross: Uint8Array;
}

export function lockPlan(block: Block, p: Placement): LockPlan {
  const per: number[][] = Array.from({ length: p.shards }, () => []);
  const cross = new Uint8Array(block.n);
  for (let t = 0; t < block.n; t++) {
    per[p.home[t]].push(t);
    if (p.home[t] !== p.target[t]) {
      cross[t] = 1;
      per[p.target[t]].push(t);
    }
  }
  return { perShard: per.map((l) => Int32Array.from(l)), cross };
}
