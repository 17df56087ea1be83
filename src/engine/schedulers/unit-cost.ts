import type { Block } from "../block";
import type { CostModel } from "../scenario/scenario";
import { PHASE_GAS, type Units } from "./units";

/** Virtual cost of executing each unit: its share of the transaction's gas at the cost model's speed. */
export function unitCosts(block: Block, units: Units, cost: CostModel): Float64Array {
  const out = new Float64Array(units.n);
  for (let u = 0; u < units.n; u++) {
    out[u] = (block.gas[units.tx[u]] * PHASE_GAS[units.phase[u]]) / cost.gasPerUs;
  }
  return out;
}
