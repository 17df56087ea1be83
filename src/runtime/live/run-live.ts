import { invalidSince } from "../../engine/analysis/list-check";
import { supplyOf } from "../../engine/analysis/unsafe";
import type { Block } from "../../engine/block";
import { applyLazyFees, type EthBlockInfo } from "../../engine/ethereum/import";
import type { LiveStats, RunResult } from "../../engine/run-result";
import { mustBe, SLOWDOWN_RANGE } from "../../engine/scenario/ranges";
import { ethBlockOf, isUnsafe, type Scenario } from "../../engine/scenario/scenario";
import { SequentialOracle } from "../../engine/schedulers/sequential-oracle";
import { type Units, wholeTransactions } from "../../engine/schedulers/units";
import { type Placement, place } from "../../engine/sharding/placement";
import { firstRound, logReceipts, nextRound } from "../../engine/sharding/receipts";
import { withTargetLegs } from "../../engine/sharding/two-phase-legs";
import { stateHash } from "../../engine/state-hash";
import { EventLog } from "../../engine/trace/eventlog";
import { generateBlock } from "../../engine/workload/generate";
import { listedBlock } from "../access-list";
import { Cancelled, type CancelToken } from "../cancel";
import { oracleReceipts } from "../oracle-receipts";
import { RunControl, sumThreads, T_COMMITS, T_DROPPED } from "./control";
import type { PhaseJob, PhaseReport, Step } from "./job";
import type { LiveMemory, LiveView } from "./live-view";
import { concatUnits, type PlanContext, preparePiece, twoPhaseStep } from "./plan";
import type { LivePool } from "./pool";
import { spreadOf } from "./repetitions";
import { shareBlock, sharedState } from "./share";
import { type Fault, LOG_ENTRY_BYTES, SharedLogs } from "./shared-log";

export type { Fault };

export interface LiveOptions {
  /** Worker threads, 1 to the pool's maximum; default: the scenario's workers x shards, capped (the CLI passes every core). */
  workers?: number;
  /** Teaching pace: every task stretched to this many times its modelled cost (1 to 100,000; 1 = full speed). */
  slowdown?: number;
  signal?: CancelToken;
  onProgress?: (done: number, total: number) => void;
  /**
   * Called when a parallel run that can be watched starts (slowed, or long: see WATCHED_SEQUENTIAL_US), with
   * the shared memory its event logs grow in (attachLiveView).
   */
  onStart?: (memory: LiveMemory) => void;
  /** Run this block instead of generating one from the scenario (required for Ethereum sources). */
  block?: Block;
  /** What is known of the block when it is a real Ethereum block (carried into the result for views). */
  eth?: EthBlockInfo;
  /** Tests: make a worker throw or hang when it starts executing a transaction. */
  fault?: Fault;
  /**
   * First warm up the threads' JIT: on this kind of run (small synthetic blocks, once per pool), then, when
   * timed repetitions follow (runs > 1, full speed), on the block itself (untimedRuns). A cold first run
   * measures the compiler, not the scheduler. Their times are dropped; their states are checked.
   */
  warmUp?: boolean;
  /**
   * Timed repetitions (1 to 50, default 1), each a sequential run then a parallel run of the same block, so
   * drift on the machine touches both alike. The median repetition by speedup is the one reported.
   */
  runs?: number;
}

export type { LiveView };

export interface LiveRunResult extends RunResult {
  readonly live: LiveStats;
}

/** Options a live run cannot take: the message names the option and what it allows. */
export class LiveInputError extends Error {
  override readonly name = "LiveInputError";
}

export const RUNS_MAX = 50;

/** Warm-up: runs of this many transactions, this many times. */
const WARM_UP_TXS = 2000;
const WARM_UP_RUNS = 2;

/** Shared log entries per unit one thread may need (a thread may end up doing most of the work). */
const EVENTS_PER_UNIT = 24;
const LOG_BUDGET_BYTES = 128 << 20;
/** A thread is hung after this long without a heartbeat (or 50 tasks' worth, if longer). */
const MIN_HANG_MS = 2000;

interface Layout {
  readonly shards: number;
  /** Threads per shard (a group). */
  readonly perShard: number;
  readonly threads: number;
}

/** Disjoint thread groups per shard; the sequential scheduler runs on one thread per shard. */
function layoutOf(scenario: Scenario, opts: LiveOptions, maxThreads: number): Layout {
  const { shards } = scenario;
  const workers = opts.workers ?? Math.min(maxThreads, scenario.workers * shards);
  if (!Number.isInteger(workers) || workers < 1 || workers > maxThreads) {
    throw new LiveInputError(
      `workers must be an integer from 1 to ${maxThreads} on this machine (got ${workers})`,
    );
  }
  if (shards > workers) {
    throw new LiveInputError(
      `a live run gives each shard its own worker threads: shards (${shards}) must be at most workers (${workers}); the virtual mode runs any number of shards`,
    );
  }
  const perShard = scenario.scheduler === "sequential" ? 1 : Math.floor(workers / shards);
  return { shards, perShard, threads: perShard * shards };
}

function checkSlowdown(opts: LiveOptions): number {
  const slowdown = opts.slowdown ?? 1;
  if (!Number.isFinite(slowdown) || slowdown < SLOWDOWN_RANGE.min || slowdown > SLOWDOWN_RANGE.max) {
    throw new LiveInputError(`slowdown ${mustBe(SLOWDOWN_RANGE)} (got ${slowdown})`);
  }
  return slowdown;
}

function checkRuns(opts: LiveOptions): number {
  const runs = opts.runs ?? 1;
  if (!Number.isInteger(runs) || runs < 1 || runs > RUNS_MAX) {
    throw new LiveInputError(`runs must be an integer from 1 to ${RUNS_MAX} (got ${runs})`);
  }
  return runs;
}

function checkFault(fault: Fault | undefined, n: number): void {
  if (fault && (!Number.isInteger(fault.tx) || fault.tx < 0 || fault.tx >= n)) {
    throw new LiveInputError(`fault.tx must be a transaction of the block, 0 to ${n - 1} (got ${fault.tx})`);
  }
}

/** When a phase (or a shard's part of it) ended: its last thread's part, then the finishing. */
const lastEnd = (reports: readonly PhaseReport[]): number =>
  Math.max(0, ...reports.map((r) => r.endUs)) + Math.max(0, ...reports.map((r) => r.finishUs));

/** Outputs of lists run as one concatenated list, split back per list. */
function splitOutputs(output: Float64Array, lists: readonly Units[]): Float64Array[] {
  let at = 0;
  return lists.map((u) => {
    at += u.n;
    return output.slice(at - u.n, at);
  });
}

type Programs = readonly (readonly Step[])[];

/** One set of shared control words and the state a run (sequential or parallel) works on. */
interface Stage {
  readonly control: RunControl;
  readonly controlSab: SharedArrayBuffer;
  readonly ctx: PlanContext;
  readonly parallel: boolean;
}

interface Measured {
  readonly us: number;
  readonly state: Float64Array;
}

/** A run in flight: the block in shared memory, the logs, and how each phase is dispatched and watched. */
class LiveRun {
  readonly block: Block;
  readonly placement: Placement | null;
  readonly logs: SharedLogs;
  private readonly logsSab: SharedArrayBuffer;
  private readonly hangMs: number;
  /** Progress over every run of this block: block.n per sequential or parallel run. */
  private progressDone = 0;
  progressTotal = 0;
  /**
   * Whether its parallel runs are watched (onStart), decided on its first sequential run: every parallel run
   * of one call is drawn, or none is (they share the log memory a view reads).
   */
  watched: boolean | null = null;

  constructor(
    private readonly pool: LivePool,
    readonly scenario: Scenario,
    block: Block,
    readonly layout: Layout,
    readonly itersPerUs: number,
    readonly slowdown: number,
    private readonly opts: LiveOptions,
  ) {
    this.block = shareBlock(block);
    this.placement = scenario.shards > 1 ? place(block, scenario.shards) : null;
    // Receipts split a transaction into up to three units.
    const units = this.placement && scenario.crossShard === "receipts" ? 3 * block.n : block.n;
    const budget = Math.floor(LOG_BUDGET_BYTES / LOG_ENTRY_BYTES / layout.threads);
    const capacity = Math.max(1024, Math.min(EVENTS_PER_UNIT * units + 1024, budget));
    this.logsSab = pool.logMemory(SharedLogs.bytes(layout.threads, capacity));
    this.logs = SharedLogs.attach(this.logsSab, layout.threads, capacity);
    let maxGas = 0;
    for (let t = 0; t < block.n; t++) maxGas = Math.max(maxGas, block.gas[t]);
    const longestMs = ((maxGas / scenario.cost.gasPerUs) * Math.max(1, scenario.cost.work) * slowdown) / 1000;
    this.hangMs = Math.max(MIN_HANG_MS, 50 * longestMs);
  }

  /** Progress from here on counts this many more repetitions (a sequential and a parallel run each). */
  plan(repetitions: number): void {
    this.progressTotal = this.progressDone + 2 * this.block.n * repetitions;
  }

  private stage(threads: number, groups: number, parallel: boolean): Stage {
    const { sab, control } = RunControl.create({ threads, groups });
    const ctx = { block: this.block, cost: this.scenario.cost, state: sharedState(this.block) };
    return { control, controlSab: sab, ctx, parallel };
  }

  /** Runs one phase: one program per group of `groupSize` threads. Throws on cancel or failure. */
  private async phase(stage: Stage, programs: Programs, groupSize: number): Promise<readonly PhaseReport[]> {
    const { control, parallel } = stage;
    const done = this.progressDone;
    const jobs: PhaseJob[] = [];
    programs.forEach((steps, group) => {
      for (let rank = 0; rank < groupSize; rank++) {
        jobs.push({
          control: stage.controlSab,
          dims: control.dims,
          logs: this.logsSab,
          logCapacity: this.logs.capacity,
          state: stage.ctx.state.buffer as SharedArrayBuffer,
          block: this.block,
          cost: this.scenario.cost,
          itersPerUs: this.itersPerUs,
          slowdown: this.slowdown,
          thread: group * groupSize + rank,
          group,
          rank,
          groupSize,
          phaseThreads: programs.length * groupSize,
          steps,
          fault: parallel ? (this.opts.fault ?? null) : null,
        });
      }
    });
    const { signal, onProgress } = this.opts;
    const n = this.block.n;
    const out = await this.pool.phase(control, jobs, {
      cancelled: () => signal?.cancelled === true,
      hangMs: this.hangMs,
      onTick: onProgress
        ? () => onProgress(done + Math.min(n, sumThreads(control, T_COMMITS)), this.progressTotal)
        : undefined,
    });
    if (out.failure !== null) throw new Error(out.failure);
    if (out.cancelled) throw new Cancelled();
    return out.reports;
  }

  /**
   * The sequential run, measured in the same run on one thread with the same burn and logging: the serial
   * order the parallel run must reproduce (block order; for receipts, round by round, shard by shard).
   */
  async sequential(): Promise<Measured> {
    const stage = this.stage(1, 1, false);
    const { ctx } = stage;
    const p = this.placement;
    if (p && this.scenario.crossShard === "receipts") {
      let us = 0;
      for (let round = firstRound(this.block, p); round.some((u) => u.n > 0); ) {
        const prepared = preparePiece(ctx, "sequential", concatUnits(round), 0);
        us = lastEnd(await this.phase(stage, [[prepared.step]], 1));
        round = nextRound(this.block, p, round, splitOutputs(prepared.output, round));
      }
      this.progressDone += this.block.n;
      return { us, state: ctx.state };
    }
    const prepared = preparePiece(ctx, "sequential", wholeTransactions(this.block.n), 0);
    const us = lastEnd(await this.phase(stage, [[prepared.step]], 1));
    this.progressDone += this.block.n;
    return { us, state: ctx.state };
  }

  /**
   * The parallel run: one phase, or one phase per round of receipts with the host between rounds. `watched`:
   * onStart hands out a view of its logs as they grow.
   */
  async parallel(watched: boolean): Promise<Measured & { log: EventLog; rounds: number; dropped: number }> {
    const { block, scenario, layout, placement: p } = this;
    const locks = p !== null && scenario.crossShard === "locks";
    const stage = this.stage(layout.threads, layout.shards, true);
    const { control, ctx } = stage;
    if (watched)
      this.opts.onStart?.({
        lanes: layout.threads,
        total: block.n,
        control: stage.controlSab,
        dims: control.dims,
        logs: this.logsSab,
        capacity: this.logs.capacity,
      });
    const w = layout.perShard;
    // Events only the host sees (receipts between rounds); the workers' logs are merged in at the end.
    const log = new EventLog();
    let us: number;
    let rounds = 1;
    if (!p) {
      const piece = preparePiece(ctx, scenario.scheduler, wholeTransactions(block.n), 0);
      us = lastEnd(await this.phase(stage, [[piece.step]], w));
    } else if (locks) {
      const step = twoPhaseStep(ctx, p, w);
      us = lastEnd(
        await this.phase(
          stage,
          Array.from({ length: p.shards }, () => [step]),
          w,
        ),
      );
      rounds = p.crossCount;
    } else {
      ({ us, rounds } = await this.receipts(stage, p, log));
    }
    this.logs.collect(control, log);
    this.progressDone += block.n;
    return { us, state: ctx.state, log, rounds, dropped: sumThreads(control, T_DROPPED) };
  }

  /** Receipts: each round is a phase (every shard on its threads); the host carries receipts between. */
  private async receipts(stage: Stage, p: Placement, log: EventLog): Promise<{ us: number; rounds: number }> {
    const { block, scenario } = this;
    const w = this.layout.perShard;
    let round = firstRound(block, p);
    for (let r = 0; ; r++) {
      const pieces = round.map((units, s) =>
        units.n > 0 ? preparePiece(stage.ctx, scenario.scheduler, units, s * w, r) : null,
      );
      const reports = await this.phase(
        stage,
        pieces.map((x) => (x ? [x.step] : [])),
        w,
      );
      const ends = round.map((_, s) => lastEnd(reports.filter((x) => Math.floor(x.thread / w) === s)));
      const outputs = pieces.map((x) => x?.output ?? new Float64Array(0));
      const next = nextRound(block, p, round, outputs);
      if (next.every((u) => u.n === 0)) return { us: Math.max(...ends), rounds: r + 1 };
      const arrive = (performance.timeOrigin + performance.now()) * 1000 - stage.control.origin[0];
      logReceipts(log, p, next, ends, arrive, w);
      round = next;
    }
  }
}

/** The serial order's trace and final state, as simulate() computes them (no burn, no threads). */
function oracleOf(block: Block, scenario: Scenario, placement: Placement | null): SequentialOracle {
  const oracle = new SequentialOracle(block, Float64Array.from(block.keys.initial), scenario.cost);
  if (placement && scenario.crossShard === "receipts") oracleReceipts(oracle, block, placement);
  else oracle.run(wholeTransactions(block.n));
  return oracle;
}

/**
 * Untimed repetitions before the timed ones: at least one, and enough for the threads to have executed this
 * many transactions of the block, so that the JavaScript engine has compiled its hot code for it (at most
 * UNTIMED_MAX, and no more once UNTIMED_BUDGET_MS have passed: heavy work warms nothing more). With a single
 * one, the first timed repetitions of a 1,000-transaction block on a fresh pool ran 2-3 times slower than
 * later ones (0.5x instead of 1.6x on 2 workers); Node needed about 20,000 transactions, Chromium about
 * 60,000.
 */
const WARM_UP_BLOCK_TXS = 60_000;
const UNTIMED_MAX = 60;
const UNTIMED_BUDGET_MS = 1000;
export const untimedRuns = (txs: number): number =>
  Math.min(UNTIMED_MAX, Math.max(1, Math.ceil(WARM_UP_BLOCK_TXS / Math.max(1, txs))));

async function warmUp(pool: LivePool, scenario: Scenario, workers: number, signal?: CancelToken) {
  const kind = `${scenario.scheduler}/${scenario.shards > 1 ? scenario.crossShard : "unsharded"}/${workers}`;
  if (!pool.firstTime(kind)) return;
  const small: Scenario = {
    ...scenario,
    source: "synthetic",
    txs: WARM_UP_TXS,
    cost: { ...scenario.cost, work: 0 },
  };
  for (let i = 0; i < WARM_UP_RUNS; i++) await runOnPool(pool, { ...small, seed: i }, { workers, signal });
}

interface Timed {
  readonly seq: Measured;
  readonly par: Measured & { log: EventLog; rounds: number; dropped: number };
  readonly parallelHash: string;
}

/**
 * A parallel run is watched (onStart) when slowed, or when its sequential run took this long (us): a
 * shorter one is over before a view of it could be drawn, and handing the page a new view for each of
 * many short repetitions costs the page more than the run.
 */
export const WATCHED_SEQUENTIAL_US = 250_000;

/** One repetition: the sequential run then the parallel run; the sequential state must be the oracle's. */
async function repetition(run: LiveRun, oracleHash: string): Promise<Timed> {
  const seq = await run.sequential();
  run.watched ??= run.slowdown > 1 || seq.us >= WATCHED_SEQUENTIAL_US;
  const par = await run.parallel(run.watched);
  const { feeSweep, n } = run.block;
  // Fees of a real block are swept into the recipient after the block, as simulate() does (not into a
  // block that does not match its access list: it is invalid and nothing of it is applied).
  if (feeSweep) {
    applyLazyFees(seq.state, { ...feeSweep, txs: n });
    const invalid = run.block.accessList && invalidSince(par.log.freeze()) < Number.POSITIVE_INFINITY;
    if (!invalid) applyLazyFees(par.state, { ...feeSweep, txs: n });
  }
  const sequentialHash = stateHash(seq.state);
  if (sequentialHash !== oracleHash) {
    throw new Error(
      `the live sequential run (state ${sequentialHash}) differs from the sequential oracle (state ${oracleHash})`,
    );
  }
  return { seq, par, parallelHash: stateHash(par.state) };
}

/**
 * Runs a scenario for real on the pool's threads over shared memory: first the sequential run on one
 * thread, then the parallel run, both measured, both with the same real work per gas. Returns the same
 * RunResult as simulate() (mode "live") plus live statistics. The parallel state must equal the
 * sequential one: the two hashes are returned side by side for every caller to compare and show.
 */
export async function runOnPool(
  pool: LivePool,
  scenario: Scenario,
  opts: LiveOptions = {},
): Promise<LiveRunResult> {
  if (!opts.block && ethBlockOf(scenario.source) !== null) {
    throw new Error(
      `${scenario.source} is a real block: load it first (loadBlock) and pass it as opts.block`,
    );
  }
  const generated = opts.block ?? generateBlock(scenario);
  const listed = scenario.scheduler === "bal" ? listedBlock(generated, scenario) : null;
  const block = listed?.block ?? generated;
  const layout = layoutOf(scenario, opts, pool.maxThreads);
  const slowdown = checkSlowdown(opts);
  checkFault(opts.fault, block.n);
  const runs = checkRuns(opts);
  if (opts.warmUp) await warmUp(pool, scenario, layout.threads, opts.signal);
  const itersPerUs = (await pool.calibration()) * scenario.cost.work;
  const run = new LiveRun(pool, scenario, block, layout, itersPerUs, slowdown, opts);
  const oracle = listed?.oracle ?? oracleOf(block, scenario, run.placement);
  if (block.feeSweep) applyLazyFees(oracle.state, { ...block.feeSweep, txs: block.n });
  const oracleHash = stateHash(oracle.state);
  // Measured like a benchmark (runs > 1): untimed repetitions of this very block first, its memory touched
  // and its code paths warm. Not when slowed to be watched: sleeping dominates then.
  const untimed = opts.warmUp && runs > 1 && slowdown === 1 ? untimedRuns(block.n) : 0;
  run.plan(runs + untimed);
  // Every repetition's state is checked, the untimed ones' too: a mismatch is what gets reported, never
  // hidden by a median.
  let wrong: Timed | undefined;
  const checked = async (): Promise<Timed> => {
    const t = await repetition(run, oracleHash);
    if (t.parallelHash !== oracleHash) wrong ??= t;
    return t;
  };
  const warmFrom = performance.now();
  for (let i = 0; i < untimed && performance.now() - warmFrom < UNTIMED_BUDGET_MS; i++) await checked();
  run.plan(runs);
  const timed: Timed[] = [];
  for (let i = 0; i < runs; i++) timed.push(await checked());
  const reps = timed.map((t) => ({ sequentialUs: t.seq.us, parallelUs: t.par.us }));
  const spread = spreadOf(reps);
  const { seq, par, parallelHash } = wrong ?? timed[spread.median];
  opts.onProgress?.(run.progressTotal, run.progressTotal);
  return {
    scenario: { ...scenario, workers: layout.perShard },
    mode: "live",
    block,
    log: par.log.freeze(),
    lanes: layout.threads,
    elapsedUs: par.us,
    sequentialUs: seq.us,
    stateHash: parallelHash,
    sequentialStateHash: oracleHash,
    sequential: withTargetLegs(oracle.trace(), block, run.placement, scenario),
    rounds: par.rounds,
    eth: opts.eth,
    listTamper: listed?.tamper,
    unsafe: isUnsafe(scenario.scheduler)
      ? { supply: { run: supplyOf(block.keys, par.state), sequential: supplyOf(block.keys, seq.state) } }
      : undefined,
    live: {
      threads: layout.threads,
      itersPerUs,
      slowdown,
      droppedEvents: par.dropped,
      repetitions: reps,
      speedupMin: spread.speedupMin,
      speedupMax: spread.speedupMax,
    },
  };
}
