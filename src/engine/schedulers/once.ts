import type { Arena } from "../arena";
import type { Block } from "../block";
import type { CostModel } from "../scenario/scenario";
import type { EventSink } from "../trace/eventlog";
import { DONE, type Executor } from "./executor";
import { startUnit, type UnitView } from "./run-unit";
import { unitAccess } from "./unit-access";
import { claimUs, unitCosts } from "./unit-cost";
import type { Units } from "./units";

/** The unit a worker runs and what it did: its private writes, the keys it read, its output. */
export interface OnceView extends UnitView {
  reads: number;
}

/**
 * Executors that run every unit exactly once, taken in block order from one shared counter and started at
 * once, with nothing else ordering them (bal, naive). What differs is the view a unit reads through, what
 * a unit costs beyond its execution, and what completing it does.
 */
export abstract class OnceExecutor<V extends OnceView> implements Executor {
  readonly output: Float64Array;
  /** Contract execution of each unit. */
  protected readonly workCost: Float64Array;
  /** The largest declared access of a unit: what each view's buffers hold. */
  protected readonly capacity: number;
  private readonly claimUs: number;
  private readonly views: V[] = [];
  /** Shared: the next unit to take. */
  private readonly next: Int32Array;

  constructor(
    protected readonly block: Block,
    protected readonly units: Units,
    costModel: CostModel,
    protected readonly sink: EventSink,
    protected readonly laneBase: number,
    arena: Arena,
  ) {
    this.capacity = unitAccess(block, units).maxKeys;
    this.workCost = unitCosts(block, units, costModel);
    this.claimUs = claimUs(costModel);
    this.output = arena.float64(units.n);
    this.next = arena.int32(1);
  }

  /** A fresh view for one worker. */
  protected abstract makeView(): V;
  /** What unit u costs from its start to its completion (its execution and any checking). */
  protected abstract taskUs(u: number): number;
  abstract complete(w: number, now: number): number;
  abstract writeBack(state: Float64Array): void;

  protected view(w: number): V {
    let v = this.views[w];
    if (!v) {
      v = this.makeView();
      this.views[w] = v;
    }
    return v;
  }

  claim(w: number): number {
    const u = Atomics.add(this.next, 0, 1);
    if (u >= this.units.n) return DONE;
    this.view(w).unit = u;
    return this.claimUs;
  }

  begin(w: number, now: number): number {
    const v = this.view(w);
    v.reads = 0;
    startUnit(this.block, this.units, v, this.sink, now, this.laneBase + w);
    return this.taskUs(v.unit);
  }

  workUs(w: number): number {
    return this.workCost[this.view(w).unit];
  }

  finish(): void {
    if (Atomics.load(this.next, 0) < this.units.n) throw new Error("run ended before every unit ran");
  }
}
