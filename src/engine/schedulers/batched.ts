import type { Arena } from "../arena";
import type { Block } from "../block";
import type { StateView } from "../contracts/contract";
import type { CostModel } from "../scenario/scenario";
import type { EventSink } from "../trace/eventlog";
import { Ev } from "../trace/kinds";
import { declaredBatches } from "./batches";
import { DONE, type Executor, IDLE } from "./executor";
import { runUnit, WriteBuffer } from "./run-unit";
import { unitAccess } from "./unit-access";
import { unitCosts } from "./unit-cost";
import type { Units } from "./units";

/** Reads straight from the state; writes stay private until the unit completes. */
class DirectView implements StateView {
  unit = -1;
  batch = 0;
  output = 0;
  readonly writes: WriteBuffer;
  constructor(
    private readonly state: Float64Array,
    capacity: number,
  ) {
    this.writes = new WriteBuffer(capacity);
  }
  read(key: number): number {
    const i = this.writes.find(key);
    return i >= 0 ? this.writes.vals[i] : this.state[key];
  }
  write(key: number, value: number): void {
    this.writes.put(key, value);
  }
}

/**
 * Runs units batch after batch on the state itself: workers claim units of the current batch, and the last
 * one to finish a batch commits it and opens the next (the barrier). With one batch holding every unit and
 * one worker, this is plain sequential execution.
 */
export class BatchedExecutor implements Executor {
  readonly output: Float64Array;
  private readonly order: Int32Array;
  private readonly batchStart: number[] = [0];
  private readonly cost: Float64Array;
  private readonly views: DirectView[] = [];
  private readonly capacity: number;
  /** Shared: the current batch, the last batch whose start was logged, and per batch the units claimed
   * and finished (counters per batch, so nothing is reset while another worker may still read it). */
  private readonly batch: Int32Array;
  private readonly opened: Int32Array;
  private readonly claimed: Int32Array;
  private readonly finished: Int32Array;

  constructor(
    private readonly block: Block,
    private readonly units: Units,
    private readonly state: Float64Array,
    costModel: CostModel,
    private readonly sink: EventSink,
    private readonly laneBase: number,
    /** false: one batch in block order, no batch events (the sequential scheduler). */
    private readonly batching: boolean,
    arena: Arena,
  ) {
    const access = unitAccess(block, units);
    this.capacity = access.maxKeys;
    this.cost = unitCosts(block, units, costModel);
    const n = units.n;
    const batchOf = batching ? declaredBatches(access, n) : new Int32Array(n);
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

  private view(w: number): DirectView {
    let v = this.views[w];
    if (!v) {
      v = new DirectView(this.state, this.capacity);
      this.views[w] = v;
    }
    return v;
  }

  private size(b: number): number {
    return this.batchStart[b + 1] - this.batchStart[b];
  }

  begin(w: number, now: number): number {
    const b = Atomics.load(this.batch, 0);
    if (b >= this.batches) return DONE;
    const opened = Atomics.load(this.opened, 0);
    if (this.batching && opened < b && Atomics.compareExchange(this.opened, 0, opened, b) === opened) {
      const first = this.units.tx[this.order[this.batchStart[b]]];
      this.sink.emit(now, this.laneBase + w, Ev.BatchStart, first, 0, -1, b);
    }
    const c = Atomics.add(this.claimed, b, 1);
    if (c >= this.size(b)) return IDLE;
    const u = this.order[this.batchStart[b] + c];
    const v = this.view(w);
    v.unit = u;
    v.batch = b;
    v.writes.n = 0;
    this.sink.emit(now, this.laneBase + w, Ev.ExecStart, this.units.tx[u], 0, -1, -1);
    v.output = runUnit(this.block, this.units, u, v);
    if (v.output < 0) v.writes.n = 0;
    return this.cost[u];
  }

  workUs(w: number): number {
    return this.cost[this.view(w).unit];
  }

  complete(w: number, now: number): void {
    const v = this.view(w);
    const u = v.unit;
    const b = v.batch;
    for (let i = 0; i < v.writes.n; i++) this.state[v.writes.keys[i]] = v.writes.vals[i];
    this.output[u] = v.output;
    const lane = this.laneBase + w;
    this.sink.emit(now, lane, Ev.ExecEnd, this.units.tx[u], 0, -1, v.writes.n > 0 ? 1 : 0);
    if (!this.batching) this.commit(now, lane, u);
    if (Atomics.add(this.finished, b, 1) + 1 < this.size(b)) return;
    // Barrier: the last worker of the batch commits it in block order and opens the next one.
    if (this.batching) {
      for (let i = this.batchStart[b]; i < this.batchStart[b + 1]; i++) this.commit(now, lane, this.order[i]);
      this.sink.emit(now, lane, Ev.BatchEnd, this.units.tx[this.order[this.batchStart[b]]], 0, -1, b);
    }
    Atomics.store(this.batch, 0, b + 1);
  }

  private commit(now: number, lane: number, u: number): void {
    const tx = this.units.tx[u];
    if (this.output[u] < 0) this.sink.emit(now, lane, Ev.Revert, tx, 0, -1, this.output[u]);
    this.sink.emit(now, lane, Ev.Commit, tx, 0, -1, -1);
  }

  finish(): void {
    const b = Atomics.load(this.batch, 0);
    if (b < this.batches) throw new Error(`batched run ended in batch ${b} of ${this.batches}`);
  }

  /** Writes already went to the state. */
  writeBack(): void {}
}
