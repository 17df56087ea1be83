import type { Block } from "../engine/block";
import type { SequentialOracle } from "../engine/schedulers/sequential-oracle";
import type { Units } from "../engine/schedulers/units";
import type { Placement } from "../engine/sharding/placement";
import { firstRound, nextRound } from "../engine/sharding/receipts";

/** The oracle's side of the same protocol: rounds in order, shards in order, from its own outputs. */
export function oracleReceipts(oracle: SequentialOracle, block: Block, p: Placement): void {
  let round: Units[] = firstRound(block, p);
  while (round.some((u) => u.n > 0)) {
    const outputs = round.map((units) => oracle.run(units));
    round = nextRound(block, p, round, outputs);
  }
}
