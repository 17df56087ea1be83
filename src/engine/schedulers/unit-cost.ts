import type { Block } from "../block";
import type { CostModel } from "../scenario/scenario";
import { PHASE_GAS, type Units } from "./units";

/** Steps of the virtual clock per microsecond: 2^10, about a nanosecond each. */
const TICKS_PER_US = 1024;

/**
 * A cost on the virtual clock, rounded to its step. Sums of such costs are exact in floating point (up to
 * 2^43 µs), whatever their order: that is what makes the bounds hold exactly, not up to rounding, and a
 * one-worker sequential run take exactly the sequential time.
 */
export function ticks(us: number): number {
  return Math.round(us * TICKS_PER_US) / TICKS_PER_US;
}

/** Virtual cost of executing each unit: its share of the transaction's gas at the cost model's speed. */
export function unitCosts(block: Block, units: Units, cost: CostModel): Float64Array {
  const out = new Float64Array(units.n);
  for (let u = 0; u < units.n; u++) {
    out[u] = ticks((block.gas[units.tx[u]] * PHASE_GAS[units.phase[u]]) / cost.gasPerUs);
  }
  return out;
}

/** What one worker pays to take one task from the scheduler. */
export function claimUs(cost: CostModel): number {
  return ticks(cost.taskUs);
}

/** The sequential baseline: one worker takes each whole transaction in turn and executes it. */
export function sequentialUs(block: Block, cost: CostModel): number {
  const claim = claimUs(cost);
  let us = 0;
  for (let t = 0; t < block.n; t++) us += claim + ticks(block.gas[t] / cost.gasPerUs);
  return us;
}
