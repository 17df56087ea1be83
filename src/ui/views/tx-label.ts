/** How the views name transactions and keys: block position, or the short hash of an imported block. */
import { keyName } from "../../engine/block";
import type { RunResult } from "../../engine/run-result";

/** "tx 41", or an Ethereum transaction's short hash. */
export function txName(result: RunResult, tx: number): string {
  return result.eth?.labels[tx] ?? `tx ${tx}`;
}

/** What an imported transaction calls or pays; null for synthetic blocks. */
export function txTarget(result: RunResult, tx: number): string | null {
  return result.eth?.targets[tx] ?? null;
}

/** "balance[7]"; "storage" for a read of the initial state (no key). */
export function keyLabel(result: RunResult, key: number): string {
  return key < 0 ? "storage" : keyName(result.block.keys, key);
}

/** "worker 3", or "shard 1 · worker 0" when the lanes are split over shards. */
export function laneName(result: RunResult, lane: number): string {
  const shards = result.scenario.shards;
  const perShard = Math.max(1, Math.round(result.lanes / shards));
  return shards > 1 ? `shard ${Math.floor(lane / perShard)} · worker ${lane % perShard}` : `worker ${lane}`;
}
