import type { Arena } from "../arena";
import type { Block } from "../block";
import type { CostModel } from "../scenario/scenario";
import type { EventSink } from "../trace/eventlog";
import { Ev } from "../trace/kinds";
import { type DirectView, DirectViews } from "./direct-view";
import { DONE, type Executor } from "./executor";
import { logCommit } from "./log-commit";
import { startUnit } from "./run-unit";
import { unitAccess } from "./unit-access";
import { claimUs, unitCosts } from "./unit-cost";
import type { Units } from "./units";

/**
 * Sequential execution: worker 0 runs the units one after another in their order, on the state itself, and
 * commits each as it ends. Any other worker has nothing to do. The baseline every speedup is measured against.
 */
export class SequentialExecutor implements Executor {
  readonly output: Float64Array;
  private readonly cost: Float64Array;
  private readonly claimUs: number;
  private readonly view: DirectView;
  /** Shared: the next unit to run. */
  private readonly next: Int32Array;

  constructor(
    private readonly block: Block,
    private readonly units: Units,
    state: Float64Array,
    costModel: CostModel,
    private readonly sink: EventSink,
    private readonly laneBase: number,
    arena: Arena,
  ) {
    this.view = new DirectViews(state, unitAccess(block, units).maxKeys).of(0);
    this.cost = unitCosts(block, units, costModel);
    this.claimUs = claimUs(costModel);
    this.output = arena.float64(units.n);
    this.next = arena.int32(1);
  }

  claim(w: number): number {
    return w !== 0 || Atomics.load(this.next, 0) >= this.units.n ? DONE : this.claimUs;
  }

  begin(_w: number, now: number): number {
    const v = this.view;
    v.unit = Atomics.load(this.next, 0);
    startUnit(this.block, this.units, v, this.sink, now, this.laneBase);
    return this.cost[v.unit];
  }

  workUs(): number {
    return this.cost[this.view.unit];
  }

  complete(_w: number, now: number): number {
    const v = this.view;
    const u = v.unit;
    const tx = this.units.tx[u];
    v.publish();
    this.output[u] = v.output;
    this.sink.emit(now, this.laneBase, Ev.ExecEnd, tx, 0, -1, v.writes.n > 0 ? 1 : 0);
    logCommit(this.sink, now, this.laneBase, tx, v.output);
    Atomics.store(this.next, 0, u + 1);
    return 0;
  }

  finish(): void {
    const u = Atomics.load(this.next, 0);
    if (u < this.units.n) throw new Error(`sequential run ended at unit ${u} of ${this.units.n}`);
  }

  /** Writes already went to the state. */
  writeBack(): void {}
}
