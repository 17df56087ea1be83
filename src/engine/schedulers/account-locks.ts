import type { Arena } from "../arena";
import type { Block } from "../block";
import type { CostModel } from "../scenario/scenario";
import type { EventSink } from "../trace/eventlog";
import { Ev } from "../trace/kinds";
import { DirectViews } from "./direct-view";
import { DONE, type Executor, IDLE } from "./executor";
import { LockTable } from "./lock-table";
import { logCommit } from "./log-commit";
import { ReadyQueue } from "./ready-queue";
import { startUnit } from "./run-unit";
import { stakedAccess } from "./stake";
import { claimUs, unitCosts } from "./unit-cost";
import type { Units } from "./units";

// Control words: how far the queues are set up, and how many units have finished.
const STAGE = 0;
const FINISHED = 1;
const SETTING_UP = 1;
const SET_UP = 2;

/**
 * Dispatch on declared account locks, with no barrier: a unit runs as soon as every earlier unit it
 * conflicts with on a declared key (write/write, write/read, read/write) has finished, and a free worker
 * takes the lowest-numbered ready unit. Units run on the state itself and commit as they end: nothing that
 * could change what they read runs alongside them.
 *
 * The first worker to start sets the queues up: it logs every wait (LockWait: this unit is queued behind
 * that one on this key) and readies the units that wait for nothing. A finishing unit releases its locks;
 * a unit whose last awaited lock this was is granted (LockGrant) and becomes ready.
 */
export class AccountLocksExecutor implements Executor {
  readonly output: Float64Array;
  readonly locks: LockTable;
  private readonly ready: ReadyQueue;
  private readonly views: DirectViews;
  private readonly cost: Float64Array;
  private readonly claimUs: number;
  private readonly ctrl: Int32Array;

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
    this.locks = new LockTable(access, arena);
    this.ready = new ReadyQueue(units.n, arena);
    this.views = new DirectViews(state, access.maxKeys);
    this.cost = unitCosts(block, units, costModel);
    this.claimUs = claimUs(costModel);
    this.output = arena.float64(units.n);
    this.ctrl = arena.int32(2);
  }

  /** Once per run, by whichever worker starts first; the others wait the few microseconds it takes. */
  private setUp(lane: number, now: number): void {
    const c = this.ctrl;
    if (Atomics.load(c, STAGE) === SET_UP) return;
    if (Atomics.compareExchange(c, STAGE, 0, SETTING_UP) !== 0) {
      while (Atomics.load(c, STAGE) !== SET_UP) {}
      return;
    }
    const { locks } = this;
    const tx = this.units.tx;
    locks.reset();
    for (let u = 0; u < this.units.n; u++) {
      if (locks.predStart[u] === locks.predStart[u + 1]) this.ready.push(u);
      for (let e = locks.predStart[u]; e < locks.predStart[u + 1]; e++) {
        this.sink.emit(now, lane, Ev.LockWait, tx[u], 0, locks.predKey[e], tx[locks.pred[e]]);
      }
    }
    Atomics.store(c, STAGE, SET_UP);
  }

  claim(w: number, now: number): number {
    this.setUp(this.laneBase + w, now);
    const u = this.ready.pop();
    if (u < 0) return Atomics.load(this.ctrl, FINISHED) >= this.units.n ? DONE : IDLE;
    this.views.of(w).unit = u;
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
    const tx = this.units.tx;
    const lane = this.laneBase + w;
    v.publish();
    this.output[u] = v.output;
    this.sink.emit(now, lane, Ev.ExecEnd, tx[u], 0, -1, v.writes.n > 0 ? 1 : 0);
    logCommit(this.sink, now, lane, tx[u], v.output);
    let handOffs = 0;
    this.locks.release(u, (s, key) => {
      this.sink.emit(now, lane, Ev.LockGrant, tx[s], 0, key, tx[u]);
      this.ready.push(s);
      handOffs++;
    });
    Atomics.add(this.ctrl, FINISHED, 1);
    // Each transaction handed its last lock goes onto the ready queue: a shared-word operation apiece.
    return handOffs * this.claimUs;
  }

  finish(): void {
    const done = Atomics.load(this.ctrl, FINISHED);
    if (done !== this.units.n)
      throw new Error(`account-locks run ended with ${done} of ${this.units.n} units`);
  }

  /** Writes already went to the state. */
  writeBack(): void {}
}
