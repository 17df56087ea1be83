import { Arena } from "../../engine/arena";
import type { Block } from "../../engine/block";
import type { CostModel, SchedulerName } from "../../engine/scenario/scenario";
import type { Units } from "../../engine/schedulers/units";
import type { Placement } from "../../engine/sharding/placement";
import { TwoPhaseExecutor } from "../../engine/sharding/two-phase";
import type { EventSink } from "../../engine/trace/eventlog";
import { makeExecutor } from "../executors";
import type { PieceStep, TwoPhaseStep } from "./job";
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

/** Prepares the two-phase-commit step: its executor's shared memory, sized, allocated and initialized. */
export function twoPhaseStep(ctx: PlanContext, p: Placement, workersPerShard: number): TwoPhaseStep {
  const { block, cost, state } = ctx;
  const make = (arena: Arena) =>
    new TwoPhaseExecutor(block, p, workersPerShard, state, cost, NO_EVENTS, 0, arena);
  const sizing = Arena.local();
  make(sizing);
  const arena = prefaulted(sizing.bytes);
  make(Arena.shared(arena, true));
  return { op: "twophase", arena, placement: p, workersPerShard };
}
