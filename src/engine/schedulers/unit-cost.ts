import type { Block } from "../block";
import type { CostModel } from "../scenario/scenario";
import { PHASE_GAS, type PhaseT, type Units } from "./units";

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

/** Share of a transaction's gas spent by the end of each leg (Phase): debit, apply, settle add up to 1. */
const LEG_END = PHASE_GAS.map((_, p) => PHASE_GAS.slice(1, p + 1).reduce((a, b) => a + b, 0));

/**
 * Virtual cost of a transaction's legs `from` to `to` (Phase, Debit to Settle) run one after the other:
 * rounded at the legs' cumulative ends, so the legs that run add up to the whole transaction exactly.
 */
export function legsUs(gasUs: number, from: PhaseT, to: PhaseT): number {
  return ticks(gasUs * LEG_END[to]) - ticks(gasUs * LEG_END[from - 1]);
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
