import type { RunResult } from "../run-result";
import type { Metrics } from "./metrics";

/** What a measured run below 1× is made of, each figure computed from the run. */
export interface SlowerFacts {
  /** Modelled real work of the mean transaction: its gas at gasPerUs, times cost.work (µs). */
  readonly workPerTxUs: number;
  /** Measured sequential time per transaction: the work plus the sequential run's own bookkeeping (µs). */
  readonly sequentialPerTxUs: number;
  /** Worker time the parallel run spent per transaction beyond the sequential run's (µs). */
  readonly extraPerTxUs: number;
  /** Executions aborted and redone, against the block's transactions. */
  readonly reExecutions: number;
  /** The least busy worker and the share of the run it was executing or validating; the busiest's share. */
  readonly idlestLane: number;
  readonly idlestBusy: number;
  readonly busiestBusy: number;
}

/** Re-executions per transaction above this are the stated cause. */
const CONFLICT_SHARE = 0.2;
/** A worker busy less than this share of the busiest one's time is the stated cause. */
const IDLE_SHARE = 0.5;

export function slowerFacts(run: RunResult, m: Metrics): SlowerFacts {
  const { block, scenario } = run;
  let gas = 0;
  for (let t = 0; t < block.n; t++) gas += block.gas[t];
  let idlestLane = 0;
  for (let l = 1; l < m.lanes; l++) if (m.laneUtilization[l] < m.laneUtilization[idlestLane]) idlestLane = l;
  return {
    workPerTxUs: ((gas / Math.max(1, block.n)) * scenario.cost.work) / scenario.cost.gasPerUs,
    sequentialPerTxUs: m.sequentialUs / Math.max(1, block.n),
    extraPerTxUs: (m.lanes * m.elapsedUs - m.sequentialUs) / Math.max(1, block.n),
    reExecutions: m.reExecutions,
    idlestLane,
    idlestBusy: m.laneUtilization[idlestLane] ?? 0,
    busiestBusy: Math.max(0, ...m.laneUtilization),
  };
}

const us = (x: number): string => `${x < 10 ? x.toFixed(2) : x.toFixed(1)} µs`;

/**
 * Why a measured run is slower than sequential, in one sentence from the run's own figures; null when it is
 * not below 1× (or not measured). Conflicts first (redone work), then an idle worker, then bookkeeping.
 */
export function whySlower(run: RunResult, m: Metrics): string | null {
  if (m.clock !== "measured" || m.speedup >= 1) return null;
  const f = slowerFacts(run, m);
  const n = m.txs;
  if (f.reExecutions > CONFLICT_SHARE * n) {
    return `Below 1× because the transactions conflict: ${f.reExecutions.toLocaleString("en-US")} of ${m.executions.toLocaleString("en-US")} executions were aborted and redone, and the workers wait on each other.`;
  }
  if (m.lanes > 1 && f.idlestBusy < IDLE_SHARE * f.busiestBusy) {
    return `Below 1× because the work was uneven: worker ${f.idlestLane} was busy ${Math.round(f.idlestBusy * 100)}% of the run, the busiest ${Math.round(f.busiestBusy * 100)}%.`;
  }
  return `Below 1× because the scheduler's bookkeeping outweighs the work: a transaction is ${us(f.workPerTxUs)} of real work (${us(f.sequentialPerTxUs)} per transaction sequentially), and the parallel run spent ${us(f.extraPerTxUs)} more worker time per transaction on claiming, validating and committing.`;
}
