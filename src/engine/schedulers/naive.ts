import type { Arena } from "../arena";
import type { Block } from "../block";
import type { StateView } from "../contracts/contract";
import type { CostModel } from "../scenario/scenario";
import type { EventSink } from "../trace/eventlog";
import { Ev } from "../trace/kinds";
import { DONE, type Executor } from "./executor";
import { logCommit } from "./log-commit";
import { runUnit, WriteBuffer } from "./run-unit";
import { unitAccess } from "./unit-access";
import { claimUs, unitCosts } from "./unit-cost";
import type { Units } from "./units";

/** Never published: a key's writer before any unit of this run wrote it. */
const INITIAL = -1;

/** A worker's unit: reads straight from the shared state, remembering whose write each read saw. */
class NaiveView implements StateView {
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
export class NaiveExecutor implements Executor {
  readonly output: Float64Array;
  private readonly cost: Float64Array;
  private readonly claimUs: number;
  private readonly capacity: number;
  private readonly views: NaiveView[] = [];
  /** Shared: the next unit to take, and the last unit that published each key. */
  private readonly next: Int32Array;
  private readonly writer: Int32Array;

  constructor(
    private readonly block: Block,
    private readonly units: Units,
    private readonly state: Float64Array,
    costModel: CostModel,
    private readonly sink: EventSink,
    private readonly laneBase: number,
    arena: Arena,
  ) {
    this.capacity = unitAccess(block, units).maxKeys;
    this.cost = unitCosts(block, units, costModel);
    this.claimUs = claimUs(costModel);
    this.output = arena.float64(units.n);
    this.next = arena.int32(1);
    this.writer = arena.int32(state.length, INITIAL);
  }

  private view(w: number): NaiveView {
    let v = this.views[w];
    if (!v) {
      v = new NaiveView(this.state, this.writer, this.capacity);
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
    const u = v.unit;
    v.writes.n = 0;
    v.reads = 0;
    this.sink.emit(now, this.laneBase + w, Ev.ExecStart, this.units.tx[u], 0, -1, -1);
    v.output = runUnit(this.block, this.units, u, v);
    if (v.output < 0) v.writes.n = 0;
    return this.cost[u];
  }

  workUs(w: number): number {
    return this.cost[this.view(w).unit];
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

  finish(): void {
    if (Atomics.load(this.next, 0) < this.units.n) throw new Error("naive run ended before every unit ran");
  }

  /** Writes already went to the state. */
  writeBack(): void {}
}
