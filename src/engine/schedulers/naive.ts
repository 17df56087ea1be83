import type { Arena } from "../arena";
import type { Block } from "../block";
import { readThenAdd } from "../contracts/contract";
import type { CostModel } from "../scenario/scenario";
import type { EventSink } from "../trace/eventlog";
import { Ev } from "../trace/kinds";
import { logCommit } from "./log-commit";
import { OnceExecutor, type OnceView } from "./once";
import { WriteBuffer } from "./run-unit";
import type { Units } from "./units";

/** Never published: a key's writer before any unit of this run wrote it. */
const INITIAL = -1;

/** A worker's unit: reads straight from the shared state, remembering whose write each read saw. */
class NaiveView implements OnceView {
  unit = -1;
  output = 0;
  readonly writes: WriteBuffer;
  readonly readKey: Int32Array;
  /** The unit whose published write each read saw (INITIAL for the block's pre-state). */
  readonly readWriter: Int32Array;
  reads = 0;

  constructor(
    private readonly state: Float64Array,
    private readonly writer: Int32Array,
    capacity: number,
  ) {
    this.writes = new WriteBuffer(capacity);
    this.readKey = new Int32Array(Math.max(1, capacity));
    this.readWriter = new Int32Array(Math.max(1, capacity));
  }

  read(key: number): number {
    const w = this.writes.find(key);
    if (w >= 0) return this.writes.vals[w];
    if (this.seen(key) < 0 && this.reads < this.readKey.length) {
      this.readKey[this.reads] = key;
      this.readWriter[this.reads++] = Atomics.load(this.writer, key);
    }
    return this.state[key];
  }

  write(key: number, value: number): void {
    this.writes.put(key, value);
  }

  /** No care here either: an aggregator update is a read then a write, and can be lost like any other. */
  tryAdd(key: number, delta: number, limit: number): boolean {
    return readThenAdd(this, key, delta, limit);
  }

  /** Index of the key among this unit's reads, or -1. */
  seen(key: number): number {
    for (let i = 0; i < this.reads; i++) if (this.readKey[i] === key) return i;
    return -1;
  }
}

/**
 * UNSAFE, on purpose: what a first attempt at parallel execution does. Workers take transactions in block
 * order and run them at once on the shared state, with no validation, no locks and no ordering: each reads
 * whatever the state holds when it starts and writes its results over it when it ends. Two transactions that
 * read the same balance and both write it lose one update; the final state depends on the interleaving, so
 * it differs from sequential execution and from one worker count to another. Every write that replaced an
 * update its writer had not seen is logged (Ev.LostUpdate), so the loss is the lesson, not a hidden bug.
 */
export class NaiveExecutor extends OnceExecutor<NaiveView> {
  /** Shared: the last unit that published each key. */
  private readonly writer: Int32Array;

  constructor(
    block: Block,
    units: Units,
    private readonly state: Float64Array,
    costModel: CostModel,
    sink: EventSink,
    laneBase: number,
    arena: Arena,
  ) {
    super(block, units, costModel, sink, laneBase, arena);
    this.writer = arena.int32(state.length, INITIAL);
  }

  protected makeView(): NaiveView {
    return new NaiveView(this.state, this.writer, this.capacity);
  }

  protected taskUs(u: number): number {
    return this.workCost[u];
  }

  complete(w: number, now: number): number {
    const v = this.view(w);
    const u = v.unit;
    const lane = this.laneBase + w;
    const tx = this.units.tx[u];
    for (let i = 0; i < v.writes.n; i++) {
      const k = v.writes.keys[i];
      const r = v.seen(k);
      const last = Atomics.load(this.writer, k);
      // It read the key, someone published it since, and now this write replaces theirs unseen.
      if (r >= 0 && last !== v.readWriter[r])
        this.sink.emit(now, lane, Ev.LostUpdate, tx, 0, k, this.units.tx[last]);
      this.state[k] = v.writes.vals[i];
      Atomics.store(this.writer, k, u);
    }
    this.output[u] = v.output;
    this.sink.emit(now, lane, Ev.ExecEnd, tx, 0, -1, v.writes.n > 0 ? 1 : 0);
    logCommit(this.sink, now, lane, tx, v.output);
    return 0;
  }

  /** Writes already went to the state. */
  writeBack(): void {}
}
