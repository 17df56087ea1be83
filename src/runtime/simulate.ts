import { invalidSince } from "../engine/analysis/list-check";
import { otherWorkers, supplyOf } from "../engine/analysis/unsafe";
import type { Block } from "../engine/block";
import { applyLazyFees, type EthBlockInfo } from "../engine/ethereum/import";
import type { RunResult } from "../engine/run-result";
import { ethBlockOf, isUnsafe, runsOnShards, type Scenario } from "../engine/scenario/scenario";
import type { Tamper } from "../engine/schedulers/bal/tamper";
import { SequentialOracle } from "../engine/schedulers/sequential-oracle";
import { sequentialUs } from "../engine/schedulers/unit-cost";
import { wholeTransactions } from "../engine/schedulers/units";
import { place } from "../engine/sharding/placement";
import { withTargetLegs } from "../engine/sharding/two-phase-legs";
import { stateHash } from "../engine/state-hash";
import { EventLog, type EventSink } from "../engine/trace/eventlog";
import { Ev, type EventKind } from "../engine/trace/kinds";
import { generateBlock } from "../engine/workload/generate";
import { listedBlock } from "./access-list";
import type { CancelToken } from "./cancel";
import { oracleReceipts } from "./oracle-receipts";
import { type PieceContext, runPiece } from "./virtual/run-piece";
import { simulateLocks } from "./virtual/sharded-locks";
import { simulateReceipts } from "./virtual/sharded-receipts";

export interface SimulateOptions {
  /** Run this block instead of generating one from the scenario (required for Ethereum sources). */
  block?: Block;
  /** What is known of the block when it is a real Ethereum block (carried into the result for views). */
  eth?: EthBlockInfo;
  onProgress?: (done: number, total: number) => void;
  signal?: CancelToken;
  /** Receives the final state of the parallel run (for callers that inspect values). */
  onState?: (state: Float64Array) => void;
  /**
   * bal only: the entry of the block access list to make wrong, in place of the one the scenario's
   * corruptList picks (the list is otherwise the builder's).
   */
  tamper?: Tamper;
  /** Set on the second run of an unsafe scheduler, so that it is not compared again. */
  compared?: boolean;
}

/** Counts commits as they are logged, to report progress. */
class ProgressSink implements EventSink {
  commits = 0;
  constructor(
    private readonly log: EventLog,
    private readonly total: number,
    private readonly onProgress?: (done: number, total: number) => void,
  ) {}
  emit(
    time: number,
    worker: number,
    kind: EventKind,
    tx: number,
    inc: number,
    key: number,
    other: number,
  ): void {
    this.log.emit(time, worker, kind, tx, inc, key, other);
    if (kind === Ev.Commit && this.onProgress && (++this.commits & 1023) === 0) {
      this.onProgress(this.commits, this.total);
    }
  }
}

/**
 * Runs a scenario in the virtual driver: deterministic, any worker and shard count. Also runs the
 * sequential oracle over the serial order the run defines and hashes both final states.
 */
export function simulate(scenario: Scenario, opts: SimulateOptions = {}): RunResult {
  if (!opts.block && ethBlockOf(scenario.source) !== null) {
    throw new Error(
      `${scenario.source} is a real block: load it first (loadBlock) and pass it as opts.block`,
    );
  }
  const generated = opts.block ?? generateBlock(scenario);
  const { shards, cost } = scenario;
  // A block access list is what the block builder's run recorded: the oracle runs first and the block
  // carries its list (with one entry made wrong, if asked).
  if (!runsOnShards(scenario.scheduler, shards))
    throw new Error("a block access list is per block: the bal scheduler runs 1 shard");
  const listed = scenario.scheduler === "bal" ? listedBlock(generated, scenario, opts.tamper) : null;
  const block = listed?.block ?? generated;
  const oracle = listed?.oracle ?? new SequentialOracle(block, Float64Array.from(block.keys.initial), cost);
  const workers = scenario.scheduler === "sequential" ? 1 : scenario.workers;
  const log = new EventLog();
  const sink = new ProgressSink(log, block.n, opts.onProgress);
  const ctx: PieceContext = {
    scheduler: scenario.scheduler,
    block,
    state: Float64Array.from(block.keys.initial),
    cost,
    sink,
    workers,
    cancel: opts.signal,
  };
  let elapsedUs: number;
  let rounds = 1;
  const placement = shards > 1 ? place(block, shards) : null;
  if (placement === null) {
    const units = wholeTransactions(block.n);
    if (!listed) oracle.run(units);
    elapsedUs = runPiece(ctx, units, 0, 0).end;
  } else if (scenario.crossShard === "receipts") {
    ({ elapsedUs, rounds } = simulateReceipts(ctx, placement));
    oracleReceipts(oracle, block, placement);
  } else {
    ({ elapsedUs, rounds } = simulateLocks(ctx, placement));
    oracle.run(wholeTransactions(block.n));
  }
  const frozen = log.freeze();
  if (block.feeSweep) {
    // A block that does not match its access list is invalid: nothing of it is applied, its fees included.
    if (invalidSince(frozen) === Number.POSITIVE_INFINITY)
      applyLazyFees(ctx.state, { ...block.feeSweep, txs: block.n });
    applyLazyFees(oracle.state, { ...block.feeSweep, txs: block.n });
  }
  opts.onProgress?.(block.n, block.n);
  opts.onState?.(ctx.state);
  return {
    scenario,
    mode: "virtual",
    block,
    log: frozen,
    lanes: workers * shards,
    elapsedUs,
    sequentialUs: sequentialUs(block, cost),
    stateHash: stateHash(ctx.state),
    sequentialStateHash: stateHash(oracle.state),
    sequential: withTargetLegs(oracle.trace(), block, placement, scenario),
    rounds,
    eth: opts.eth,
    listTamper: listed?.tamper,
    unsafe: isUnsafe(scenario.scheduler)
      ? {
          supply: { run: supplyOf(block.keys, ctx.state), sequential: supplyOf(block.keys, oracle.state) },
          // Validators with other core counts: the same block, one run more (not compared again).
          other: opts.compared
            ? undefined
            : {
                workers: otherWorkers(workers),
                stateHash: simulate(
                  { ...scenario, workers: otherWorkers(workers) },
                  { block, signal: opts.signal, compared: true },
                ).stateHash,
              },
        }
      : undefined,
  };
}
