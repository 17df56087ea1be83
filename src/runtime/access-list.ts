import type { Block } from "../engine/block";
import { corruptsList, type Scenario } from "../engine/scenario/scenario";
import { defaultTamper, type Tamper, tamperList } from "../engine/schedulers/bal/tamper";
import { SequentialOracle } from "../engine/schedulers/sequential-oracle";
import { wholeTransactions } from "../engine/schedulers/units";

/**
 * The block as a builder publishes it for the bal scheduler: it runs the block in order (the sequential
 * oracle, returned with its final state) and records each transaction's reads and writes with their
 * post-values. One entry is made wrong, to show that the check catches it: `tamper` if given (tests),
 * else the corrupt-list toggle's entry (defaultTamper) when the scenario asks for it. `tamper` in the
 * answer is the entry that was made wrong, if any.
 */
export function listedBlock(
  block: Block,
  scenario: Pick<Scenario, "cost" | "scheduler" | "corruptList">,
  tamper?: Tamper,
): { block: Block; oracle: SequentialOracle; tamper?: Tamper } {
  const oracle = new SequentialOracle(block, Float64Array.from(block.keys.initial), scenario.cost);
  oracle.run(wholeTransactions(block.n));
  const list = oracle.accessList();
  const wrong = tamper ?? (corruptsList(scenario) ? (defaultTamper(list) ?? undefined) : undefined);
  return {
    block: { ...block, accessList: wrong ? tamperList(list, wrong) : list },
    oracle,
    tamper: wrong,
  };
}
