import { Arena } from "../../engine/arena";
import type { Block } from "../../engine/block";
import type { CostModel, SchedulerName } from "../../engine/scenario/scenario";
import { type Units, wholeTransactionsOf } from "../../engine/schedulers/units";
import { lockPlan } from "../../engine/sharding/locks";
import type { Placement } from "../../engine/sharding/placement";
import type { EventSink } from "../../engine/trace/eventlog";
import { makeExecutor } from "../executors";
import type { CrossStep, PieceStep, Step } from "./job";
import { prefaulted } from "./share";

const NO_EVENTS: EventSink = { emit() {} };

/** What the host needs to prepare pieces: the block and cost model, and the shared state they run on. */
export interface PlanContext {
  readonly block: Block;
  readonly cost: CostModel;
  readonly state: Float64Array;
}

/** A prepared piece and the host's view of its outputs (in the piece's shared memory). */
export interface Prepared {
  readonly step: PieceStep;
  readonly output: Float64Array;
}

/**
 * Prepares a piece: sizes its executor's shared memory with a local arena, allocates it and builds the
 * executor once more on it with init = true (the fills); worker threads then attach to the same memory.
 */
export function preparePiece(
  ctx: PlanContext,
  scheduler: SchedulerName,
  units: Units,
  laneBase: number,
  round = -1,
): Prepared {
  const { block, cost, state } = ctx;
  const sizing = Arena.local();
  makeExecutor(scheduler, block, units, state, cost, NO_EVENTS, laneBase, sizing);
  const arena = prefaulted(sizing.bytes);
  const ex = makeExecutor(
    scheduler,
    block,
    units,
    state,
    cost,
    NO_EVENTS,
    laneBase,
    Arena.shared(arena, true),
  );
  return { step: { op: "piece", scheduler, units, arena, laneBase, round }, output: ex.output };
}

/** Unit lists run one after another as one list (the sequential run of a receipts round, shard by shard). */
export function concatUnits(lists: readonly Units[]): Units {
  const n = lists.reduce((s, u) => s + u.n, 0);
  const out: Units = {
    n,
    tx: new Int32Array(n),
    phase: new Uint8Array(n),
    payload: new Float64Array(n),
    result: new Float64Array(n),
  };
  let at = 0;
  for (const u of lists) {
    out.tx.set(u.tx, at);
    out.phase.set(u.phase, at);
    out.payload.set(u.payload, at);
    out.result.set(u.result, at);
    at += u.n;
  }
  return out;
}

/**
 * Programs of a sharded run with two-phase-commit locks, one per shard: its local transactions between
 * cross-shard ones as pieces with the scheduler, and each cross-shard transaction as a 2PC step (the home
 * shard executes it alone). Static, so the whole run is one phase with no host round trips.
 */
export function lockPrograms(
  ctx: PlanContext,
  scheduler: SchedulerName,
  p: Placement,
  workersPerShard: number,
): { programs: Step[][]; exchanges: number } {
  const plan = lockPlan(ctx.block, p);
  const w = workersPerShard;
  let exchanges = 0;
  const programs = plan.perShard.map((list, s) => {
    const steps: Step[] = [];
    let from = 0;
    const flush = (to: number): void => {
      if (to > from)
        steps.push(preparePiece(ctx, scheduler, wholeTransactionsOf(list.subarray(from, to)), s * w).step);
    };
    list.forEach((tx, j) => {
      if (!plan.cross[tx]) return;
      flush(j);
      from = j + 1;
      const home = p.home[tx];
      const target = p.target[tx];
      const step: CrossStep = {
        op: "cross",
        tx,
        role: home === s ? "home" : "target",
        homeLane: home * w,
        targetLane: target * w,
        homeShard: home,
        targetShard: target,
        piece:
          home === s
            ? preparePiece(ctx, "sequential", wholeTransactionsOf(Int32Array.of(tx)), s * w).step
            : null,
      };
      if (home === s) exchanges++;
      steps.push(step);
    });
    flush(list.length);
    return steps;
  });
  return { programs, exchanges };
}
