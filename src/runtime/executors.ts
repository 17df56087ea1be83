import type { Arena } from "../engine/arena";
import type { Block } from "../engine/block";
import type { CostModel, SchedulerName } from "../engine/scenario/scenario";
import { AccountLocksExecutor } from "../engine/schedulers/account-locks";
import { BalExecutor } from "../engine/schedulers/bal/executor";
import { BatchedExecutor } from "../engine/schedulers/batched";
import { BlockStmExecutor } from "../engine/schedulers/blockstm/executor";
import type { Executor } from "../engine/schedulers/executor";
import { NaiveExecutor } from "../engine/schedulers/naive";
import { SequentialExecutor } from "../engine/schedulers/sequential-executor";
import type { Units } from "../engine/schedulers/units";
import type { EventSink } from "../engine/trace/eventlog";

const EXECUTORS = {
  sequential: SequentialExecutor,
  blockstm: BlockStmExecutor,
  batched: BatchedExecutor,
  accountlocks: AccountLocksExecutor,
  bal: BalExecutor,
  naive: NaiveExecutor,
} as const satisfies Record<SchedulerName, unknown>;

/** The executor of a scheduler over one list of units: what both drivers (virtual and live) step. */
export function makeExecutor(
  scheduler: SchedulerName,
  block: Block,
  units: Units,
  state: Float64Array,
  cost: CostModel,
  sink: EventSink,
  laneBase: number,
  arena: Arena,
): Executor {
  const Make = EXECUTORS[scheduler];
  return new Make(block, units, state, cost, sink, laneBase, arena);
}
