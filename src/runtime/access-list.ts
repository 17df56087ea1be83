import type { Block } from "../engine/block";
import type { CostModel } from "../engine/scenario/scenario";
import { type Tamper, tamperList } from "../engine/schedulers/bal/tamper";
import { SequentialOracle } from "../engine/schedulers/sequential-oracle";
import { wholeTransactions } from "../engine/schedulers/units";

/**
 * The block as a builder publishes it for the bal scheduler: it runs the block in order (the sequential
 * oracle, returned with its final state) and records each transaction's reads and writes with their
 * post-values. `tamper` makes one entry wrong, to show that the check catches it.
 */
export function listedBlock(
  block: Block,
  cost: CostModel,
  tamper?: Tamper,
): { block: Block; oracle: SequentialOracle } {
  const oracle = new SequentialOracle(block, Float64Array.from(block.keys.initial), cost);
  oracle.run(wholeTransactions(block.n));
  const list = oracle.accessList();
  return { block: { ...block, accessList: tamper ? tamperList(list, tamper) : list }, oracle };
}
