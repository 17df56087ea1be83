import type { Arena } from "../arena";
import type { Block } from "../block";
import type { CostModel } from "../scenario/scenario";
import type { EventSink } from "../trace/eventlog";
import { Ev } from "../trace/kinds";
import { DirectViews } from "./direct-view";
import { DONE, type Executor, IDLE } from "./executor";
import { declaredBatches } from "./level-batches";
import { logCommit } from "./log-commit";
import { startUnit } from "./run-unit";
import { stakedAccess } from "./stake";
import { claimUs, unitCosts } from "./unit-cost";
import type { Units } from "./units";

/**
 * Level batches with a barrier between them: each unit goes into the first batch after every earlier unit
 * it conflicts with (declaredBatches); workers claim units of the current batch and run them on the state
 * itself, and the last one to finish a batch commits it and opens the next. No unit of batch b + 1 starts
 * before every unit of batch b has ended, even one it does not conflict with. On the virtual clock opening
 * the next batch is one more operation on a shared word (`taskUs`) by the last worker, and the waiting
 * workers take the new batch's units only once it is open.
 */
export class BatchedExecutor implements Executor {
  readonly output: Float64Array;
  private readonly order: Int32Array;
  private readonly batchStart: number[] = [0];
  private readonly cost: Float64Array;
  private readonly claimUs: number;
  /** What opening a batch costs on the virtual clock (nothing live: real time passes instead). */
  private readonly barrierUs: number;
  /** Virtual clock: when the current batch opened. */
  private openAt = 0;
  private readonly views: DirectViews;
  /** The batch each worker's current unit belongs to. */
  private readonly batchOf: number[] = [];
  /** Shared: the current batch, the last batch whose start was logged, and per batch the units claimed
   * and finished (counters per batch, so nothing is reset while another worker may still read it). */
  private readonly batch: Int32Array;
  private readonly opened: Int32Array;
  private readonly claimed: Int32Array;
  private readonly finished: Int32Array;

  constructor(
    private readonly block: Block,
    private readonly units: Units,
    state: Float64Array,
    costModel: CostModel,
    private readonly sink: EventSink,
    private readonly laneBase: number,
    arena: Arena,
  ) {
    const access = stakedAccess(block, units, state);
    this.views = new DirectViews(state, access.maxKeys);
    this.cost = unitCosts(block, units, costModel);
    this.claimUs = claimUs(costModel);
    this.barrierUs = arena.oneThread ? this.claimUs : 0;
    const n = units.n;
    const batchOf = declaredBatches(access, n);
    const count: number[] = [];
    for (let u = 0; u < n; u++) count[batchOf[u]] = (count[batchOf[u]] ?? 0) + 1;
    for (let b = 0; b < count.length; b++) this.batchStart.push(this.batchStart[b] + count[b]);
    const fill = this.batchStart.slice(0, -1);
    this.order = new Int32Array(n);
    for (let u = 0; u < n; u++) this.order[fill[batchOf[u]]++] = u;
    this.output = arena.float64(n);
    this.batch = arena.int32(1);
    this.opened = arena.int32(1, -1);
    this.claimed = arena.int32(this.batches);
    this.finished = arena.int32(this.batches);
  }

  get batches(): number {
    return this.batchStart.length - 1;
  }

  private size(b: number): number {
    return this.batchStart[b + 1] - this.batchStart[b];
  }

  claim(w: number, now: number): number {
    const b = Atomics.load(this.batch, 0);
    if (b >= this.batches) return DONE;
    if (now < this.openAt) return IDLE;
    const opened = Atomics.load(this.opened, 0);
    if (opened < b && Atomics.compareExchange(this.opened, 0, opened, b) === opened) {
      const first = this.units.tx[this.order[this.batchStart[b]]];
      this.sink.emit(now, this.laneBase + w, Ev.BatchStart, first, 0, -1, b);
    }
    const c = Atomics.add(this.claimed, b, 1);
    if (c >= this.size(b)) return IDLE;
    this.views.of(w).unit = this.order[this.batchStart[b] + c];
    this.batchOf[w] = b;
    return this.claimUs;
  }

  begin(w: number, now: number): number {
    const v = this.views.of(w);
    startUnit(this.block, this.units, v, this.sink, now, this.laneBase + w);
    return this.cost[v.unit];
  }

  workUs(w: number): number {
    return this.cost[this.views.of(w).unit];
  }

  complete(w: number, now: number): number {
    const v = this.views.of(w);
    const u = v.unit;
    const b = this.batchOf[w];
    v.publish();
    this.output[u] = v.output;
    const lane = this.laneBase + w;
    this.sink.emit(now, lane, Ev.ExecEnd, this.units.tx[u], 0, -1, v.writes.n > 0 ? 1 : 0);
    if (Atomics.add(this.finished, b, 1) + 1 < this.size(b)) return 0;
    // Barrier: the last worker of the batch commits it in block order and opens the next one.
    for (let i = this.batchStart[b]; i < this.batchStart[b + 1]; i++) {
      const c = this.order[i];
      logCommit(this.sink, now, lane, this.units.tx[c], this.output[c]);
    }
    this.sink.emit(now, lane, Ev.BatchEnd, this.units.tx[this.order[this.batchStart[b]]], 0, -1, b);
    Atomics.store(this.batch, 0, b + 1);
    this.openAt = now + this.barrierUs;
    return this.barrierUs;
  }

  wakeAt(): number {
    return this.openAt;
  }

  finish(): void {
    const b = Atomics.load(this.batch, 0);
    if (b < this.batches) throw new Error(`batched run ended in batch ${b} of ${this.batches}`);
  }

  /** Writes already went to the state. */
  writeBack(): void {}
}
