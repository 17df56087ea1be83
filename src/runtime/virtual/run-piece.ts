import { Arena } from "../../engine/arena";
import type { Block } from "../../engine/block";
import type { CostModel, SchedulerName } from "../../engine/scenario/scenario";
import type { Units } from "../../engine/schedulers/units";
import type { EventSink } from "../../engine/trace/eventlog";
import type { CancelToken } from "../cancel";
import { makeExecutor } from "../executors";
import { runVirtual } from "./driver";

/** What every piece of a run shares: the block, the state it updates, the scheduler and the log. */
export interface PieceContext {
  readonly scheduler: SchedulerName;
  readonly block: Block;
  readonly state: Float64Array;
  readonly cost: CostModel;
  readonly sink: EventSink;
  /** Workers per shard. */
  readonly workers: number;
  readonly cancel?: CancelToken;
}

/**
 * Runs one list of units with the context's scheduler on its workers (lanes laneBase..) from time t0,
 * applying the result to the state. Returns the end time and each unit's output.
 */
export function runPiece(
  ctx: PieceContext,
  units: Units,
  laneBase: number,
  t0: number,
): { end: number; output: Float64Array } {
  if (units.n === 0) return { end: t0, output: new Float64Array(0) };
  const ex = makeExecutor(
    ctx.scheduler,
    ctx.block,
    units,
    ctx.state,
    ctx.cost,
    ctx.sink,
    laneBase,
    Arena.local(),
  );
  const end = runVirtual(ex, ctx.workers, t0, ctx.cancel);
  ex.writeBack(ctx.state);
  return { end, output: ex.output };
}
