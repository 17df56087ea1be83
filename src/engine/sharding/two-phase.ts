import type { Arena } from "../arena";
import { ACC_TARGET, type Block } from "../block";
import { ARGS, type StateView } from "../contracts/contract";
import { CONTRACTS } from "../contracts/registry";
import type { CostModel } from "../scenario/scenario";
import { AtomicAdder } from "../schedulers/atomic-add";
import { DONE, type Executor, IDLE } from "../schedulers/executor";
import { type LockGroups, LockTable } from "../schedulers/lock-table";
import { logCommit } from "../schedulers/log-commit";
import { ReadyQueue } from "../schedulers/ready-queue";
import { runUnit } from "../schedulers/run-unit";
import { stakeDeltas } from "../schedulers/stake";
import { modeOf } from "../schedulers/unit-access";
import { claimUs, legsUs } from "../schedulers/unit-cost";
import { Phase, type Units, wholeTransactions } from "../schedulers/units";
import type { EventSink } from "../trace/eventlog";
import { Ev, MsgKind } from "../trace/kinds";
import type { Placement } from "./placement";

/** The tasks of a transaction (task id = 4 * tx + kind); a local one has only HOME. */
const HOME = 0;
const VOTE = 1;
const DECIDE = 2;
const FINISH = 3;

// Outcome of a cross-shard transaction's vote (per tx).
const YES = 1;
const NO = 2;

// Control words.
const STAGE = 0;
const TXS_DONE = 1;
const SETTING_UP = 1;
const SET_UP = 2;

/** A message in flight on the virtual clock: it satisfies `task` when it lands. */
interface Flight {
  readonly arrive: number;
  readonly task: number;
  readonly tx: number;
  readonly kind: number;
  readonly from: number;
  readonly to: number;
}

/**
 * Reads and writes of one side of a transaction: reads see the side's own pending writes first, writes stay
 * in the side's pending region (shared memory, one region per side, sized by its declared keys) until the
 * coordinator's decision publishes or drops them.
 */
class SideView implements StateView {
  group = 0;
  constructor(
    private readonly state: Float64Array,
    private readonly groups: LockGroups,
    private readonly pendKey: Int32Array,
    private readonly pendVal: Float64Array,
    private readonly pendDelta: Uint8Array,
    private readonly pendN: Int32Array,
  ) {}

  private find(key: number): number {
    const at = this.groups.start[this.group];
    for (let i = at; i < at + this.pendN[this.group]; i++) if (this.pendKey[i] === key) return i;
    return -1;
  }

  read(key: number): number {
    const i = this.find(key);
    if (i < 0) return this.state[key];
    return this.pendDelta[i] ? this.state[key] + this.pendVal[i] : this.pendVal[i];
  }

  write(key: number, value: number): void {
    this.put(key, value, 0);
  }

  /** As DirectView: deltas of one aggregator may be pending side by side (stakeDeltas) and add up on publish. */
  tryAdd(key: number, delta: number, limit: number): boolean {
    const i = this.find(key);
    if (this.read(key) + delta > limit) return false;
    if (i >= 0) this.pendVal[i] += delta;
    else this.put(key, delta, 1);
    return true;
  }

  private put(key: number, value: number, delta: number): void {
    const i = this.find(key);
    if (i >= 0) {
      this.pendVal[i] = value;
      this.pendDelta[i] = delta;
      return;
    }
    const g = this.group;
    const at = this.groups.start[g] + this.pendN[g];
    if (at >= this.groups.start[g + 1])
      throw new Error(`write to undeclared key ${key}: declared access too small`);
    this.pendKey[at] = key;
    this.pendVal[at] = value;
    this.pendDelta[at] = delta;
    this.pendN[g]++;
  }
}

/**
 * Sharded execution with two-phase commit on keys. Every shard dispatches its transactions on the locks of
 * the keys it holds (per-key FIFO queues in block order, as account locks do); a transaction that touches
 * two shards holds its keys on both through the protocol:
 *
 * - HOME (its home shard, once it holds its keys there): runs the debit into its pending writes and sends
 *   PREPARE, or, if the debit fails, commits the revert, releases and sends ABORT;
 * - VOTE (the target shard, once PREPARE has landed and it holds its keys there): runs the apply and votes
 *   yes, or no (and drops its writes and releases) if the transaction would fail there;
 * - DECIDE (home, once the vote has landed): on yes runs the settle and sends COMMIT, on no drops the debit;
 *   publishes its writes, commits, releases;
 * - FINISH (target, once COMMIT or ABORT has landed and it holds its keys): publishes or drops, releases.
 *
 * A transaction that touches no locked key goes on; a free worker takes its shard's lowest ready task, so a
 * worker waiting for a vote takes other work. Conflicting transactions keep block order on every key, so
 * the state equals sequential execution of the block in block order. Steps cost their share of the gas
 * (debit, apply, settle), and the steps that run add up to the transaction's gas.
 *
 * Messages take `latencyUs` on the virtual clock (one thread: the flights are a plain queue, and the driver
 * is woken when the next one lands); a live run passes 0 and a message lands as it is sent.
 */
export class TwoPhaseExecutor implements Executor {
  readonly output: Float64Array;
  private readonly groups: LockGroups;
  private readonly locks: LockTable;
  private readonly queues: ReadyQueue[];
  private readonly claimUs: number;
  private readonly gasUs: Float64Array;
  private readonly whole: Units;
  /** Shared: conditions each task still waits for (its locks, its message). */
  private readonly need: Int32Array;
  private readonly payload: Float64Array;
  private readonly result: Float64Array;
  private readonly vote: Int32Array;
  /** Shared: sides of each transaction not yet released. */
  private readonly sidesLeft: Int32Array;
  private readonly pendKey: Int32Array;
  private readonly pendVal: Float64Array;
  private readonly pendDelta: Uint8Array;
  private readonly pendN: Int32Array;
  private readonly adder: AtomicAdder;
  private readonly ctrl: Int32Array;
  private readonly views: SideView[] = [];
  /** Per worker: its task and what it ran. */
  private readonly task: number[] = [];
  private readonly ran: number[] = [];
  private readonly paid: number[] = [];
  private readonly flights: Flight[] = [];
  private landed = 0;

  constructor(
    private readonly block: Block,
    private readonly p: Placement,
    private readonly workersPerShard: number,
    private readonly state: Float64Array,
    cost: CostModel,
    private readonly sink: EventSink,
    private readonly latencyUs: number,
    arena: Arena,
  ) {
    const n = block.n;
    this.whole = wholeTransactions(n);
    this.groups = sideGroups(block, p, state);
    this.adder = new AtomicAdder(state);
    this.locks = new LockTable(this.groups, arena);
    this.claimUs = claimUs(cost);
    this.gasUs = Float64Array.from(block.gas, (g) => g / cost.gasPerUs);
    const perShard = new Int32Array(p.shards);
    for (let t = 0; t < n; t++) {
      perShard[p.home[t]] += this.cross(t) ? 2 : 1;
      if (this.cross(t)) perShard[p.target[t]] += 2;
    }
    this.queues = Array.from(perShard, (c) => new ReadyQueue(c, arena));
    this.need = arena.int32(4 * n);
    this.payload = arena.float64(n);
    this.result = arena.float64(n);
    this.vote = arena.int32(n);
    this.sidesLeft = arena.int32(n);
    const keys = this.groups.start[2 * n];
    this.pendKey = arena.int32(keys);
    this.pendVal = arena.float64(keys);
    this.pendN = arena.int32(2 * n);
    this.pendDelta = arena.uint8(keys);
    this.output = arena.float64(n);
    this.ctrl = arena.int32(2);
  }

  private cross(t: number): boolean {
    return this.p.home[t] !== this.p.target[t];
  }

  private shardOfTask(task: number): number {
    const t = task >> 2;
    const k = task & 3;
    return k === VOTE || k === FINISH ? this.p.target[t] : this.p.home[t];
  }

  private firstLane(shard: number): number {
    return shard * this.workersPerShard;
  }

  /** One condition of a task is met; the last one makes it ready on its shard. */
  private satisfy(task: number): void {
    if (Atomics.sub(this.need, task, 1) === 1) this.queues[this.shardOfTask(task)].push(task);
  }

  /** Group g (side 0: home, 1: target, of tx g >> 1) holds its locks. */
  private granted(g: number): void {
    const t = g >> 1;
    if ((g & 1) === 0) this.satisfy(4 * t + HOME);
    else {
      this.satisfy(4 * t + VOTE);
      this.satisfy(4 * t + FINISH);
    }
  }

  private keysOf(g: number): number {
    return this.groups.start[g + 1] - this.groups.start[g];
  }

  private emitHold(
    kind: typeof Ev.LockHold | typeof Ev.LockRelease,
    g: number,
    now: number,
    lane: number,
  ): void {
    const t = g >> 1;
    if (!this.cross(t)) return;
    this.sink.emit(now, lane, kind, t, 0, this.groups.key[this.groups.start[g]], this.keysOf(g));
  }

  /** Once per run, by whichever worker claims first; the others wait the few microseconds it takes. */
  private setUp(now: number): void {
    const c = this.ctrl;
    if (Atomics.load(c, STAGE) === SET_UP) return;
    if (Atomics.compareExchange(c, STAGE, 0, SETTING_UP) !== 0) {
      while (Atomics.load(c, STAGE) !== SET_UP) {}
      return;
    }
    const { locks, p } = this;
    const n = this.block.n;
    locks.reset();
    for (let t = 0; t < n; t++) {
      const cross = this.cross(t);
      this.need[4 * t + HOME] = 1;
      this.need[4 * t + VOTE] = cross ? 2 : 1;
      this.need[4 * t + DECIDE] = 1;
      this.need[4 * t + FINISH] = cross ? 2 : 1;
      this.sidesLeft[t] = cross ? 2 : 1;
    }
    for (let g = 0; g < 2 * n; g++) {
      if (this.keysOf(g) === 0 && (g & 1) === 1) continue;
      const lane = this.firstLane((g & 1) === 0 ? p.home[g >> 1] : p.target[g >> 1]);
      for (let e = locks.predStart[g]; e < locks.predStart[g + 1]; e++) {
        this.sink.emit(now, lane, Ev.LockWait, g >> 1, 0, locks.predKey[e], locks.pred[e] >> 1);
      }
      if (locks.predStart[g] === locks.predStart[g + 1]) {
        this.emitHold(Ev.LockHold, g, now, lane);
        this.granted(g);
      }
    }
    Atomics.store(c, STAGE, SET_UP);
  }

  /** Lands every message due by `now` (virtual clock only). */
  private land(now: number): void {
    while (this.landed < this.flights.length && this.flights[this.landed].arrive <= now) {
      const f = this.flights[this.landed++];
      this.sink.emit(f.arrive, this.firstLane(f.to), Ev.MsgRecv, f.tx, 0, f.from, f.kind);
      this.satisfy(f.task);
    }
  }

  /** The next message to land, for the virtual driver to wake sleeping workers then (Infinity: none). */
  wakeAt(): number {
    return this.landed < this.flights.length ? this.flights[this.landed].arrive : Number.POSITIVE_INFINITY;
  }

  private send(
    now: number,
    lane: number,
    t: number,
    kind: number,
    task: number,
    from: number,
    to: number,
  ): void {
    this.sink.emit(now, lane, Ev.MsgSend, t, 0, to, kind);
    if (this.latencyUs > 0) {
      this.flights.push({ arrive: now + this.latencyUs, task, tx: t, kind, from, to });
      return;
    }
    this.sink.emit(now, this.firstLane(to), Ev.MsgRecv, t, 0, from, kind);
    this.satisfy(task);
  }

  /**
   * Group g releases its locks: the groups whose last awaited lock this was get theirs. Returns what the
   * releasing worker pays for it: each hand-off readies a task, a shared-word operation apiece, charged as
   * account locks charge theirs.
   */
  private release(g: number, now: number, lane: number): number {
    this.emitHold(Ev.LockRelease, g, now, lane);
    let handOffs = 0;
    this.locks.release(g, (s, key) => {
      this.sink.emit(now, lane, Ev.LockGrant, s >> 1, 0, key, g >> 1);
      this.emitHold(Ev.LockHold, s, now, lane);
      this.granted(s);
      handOffs++;
    });
    const t = g >> 1;
    if (Atomics.sub(this.sidesLeft, t, 1) === 1) Atomics.add(this.ctrl, TXS_DONE, 1);
    return handOffs * this.claimUs;
  }

  private view(w: number, g: number): SideView {
    let v = this.views[w];
    if (!v) {
      v = new SideView(this.state, this.groups, this.pendKey, this.pendVal, this.pendDelta, this.pendN);
      this.views[w] = v;
    }
    v.group = g;
    return v;
  }

  /** Publishes (or, dropping, forgets) the pending writes of group g. */
  private settleWrites(g: number, publish: boolean): void {
    const at = this.groups.start[g];
    if (publish) {
      for (let i = at; i < at + this.pendN[g]; i++) {
        if (this.pendDelta[i]) this.adder.add(this.pendKey[i], this.pendVal[i]);
        else this.state[this.pendKey[i]] = this.pendVal[i];
      }
    }
    this.pendN[g] = 0;
  }

  claim(w: number, now: number): number {
    this.setUp(now);
    if (this.latencyUs > 0) this.land(now);
    const task = this.queues[Math.floor(w / this.workersPerShard)].pop();
    if (task < 0) return Atomics.load(this.ctrl, TXS_DONE) >= this.block.n ? DONE : IDLE;
    this.task[w] = task;
    return this.claimUs;
  }

  begin(w: number, now: number): number {
    const task = this.task[w];
    const t = task >> 2;
    const k = task & 3;
    this.ran[w] = 0;
    this.paid[w] = 0;
    // FINISH only publishes or drops; DECIDE after a no only drops the debit. Neither runs contract code.
    if (k === FINISH || (k === DECIDE && this.vote[t] !== YES)) return 0;
    const c = CONTRACTS[this.block.kind[t]];
    const o = t * ARGS;
    const args = this.block.args;
    const leg =
      k === HOME ? (this.cross(t) ? Phase.Debit : Phase.Full) : k === VOTE ? Phase.Apply : Phase.Settle;
    this.sink.emit(now, w, Ev.ExecStart, t, 0, -1, leg);
    const v = this.view(w, k === VOTE ? 2 * t + 1 : 2 * t);
    let out = 0;
    if (leg === Phase.Full) out = runUnit(this.block, this.whole, t, v);
    else if (leg === Phase.Debit) {
      out = c.debit(v, args, o);
      this.payload[t] = out;
    } else if (leg === Phase.Apply) {
      out = c.apply(v, args, o, this.payload[t]);
      this.result[t] = out;
    } else c.settle(v, args, o, this.payload[t], this.result[t]);
    this.ran[w] = out;
    // A leg that fails ends the transaction: it also pays for the legs that will not run.
    const from = leg === Phase.Full ? Phase.Debit : leg;
    const to = leg === Phase.Full || out < 0 ? Phase.Settle : leg;
    this.paid[w] = legsUs(this.gasUs[t], from, to);
    return this.paid[w];
  }

  workUs(w: number): number {
    return this.paid[w];
  }

  complete(w: number, now: number): number {
    const task = this.task[w];
    const t = task >> 2;
    const k = task & 3;
    const { p } = this;
    const out = this.ran[w];
    const home = 2 * t;
    const target = home + 1;
    let us = 0;
    switch (k) {
      case HOME:
        this.sink.emit(now, w, Ev.ExecEnd, t, 0, -1, this.pendN[home] > 0 ? 1 : 0);
        if (!this.cross(t)) {
          this.settleWrites(home, out >= 0);
          this.decide(t, out, now, w);
          us += this.release(home, now, w);
        } else if (out >= 0) {
          this.send(now, w, t, MsgKind.Prepare, 4 * t + VOTE, p.home[t], p.target[t]);
        } else {
          // The debit failed: abort at once; the target only has to release the keys it may hold.
          this.settleWrites(home, false);
          this.decide(t, out, now, w);
          us += this.release(home, now, w);
          this.send(now, w, t, MsgKind.Abort, 4 * t + FINISH, p.home[t], p.target[t]);
        }
        break;
      case VOTE: {
        this.sink.emit(now, w, Ev.ExecEnd, t, 0, -1, this.pendN[target] > 0 ? 1 : 0);
        const yes = out >= 0;
        this.vote[t] = yes ? YES : NO;
        this.send(now, w, t, yes ? MsgKind.Vote : MsgKind.VoteNo, 4 * t + DECIDE, p.target[t], p.home[t]);
        if (!yes) {
          // A participant that votes no may forget the transaction: the decision can only be abort.
          this.settleWrites(target, false);
          us += this.release(target, now, w);
        }
        break;
      }
      case DECIDE: {
        const yes = this.vote[t] === YES;
        if (yes) this.sink.emit(now, w, Ev.ExecEnd, t, 0, -1, this.pendN[home] > 0 ? 1 : 0);
        this.settleWrites(home, yes);
        this.decide(t, yes ? 0 : this.result[t], now, w);
        us += this.release(home, now, w);
        if (yes) this.send(now, w, t, MsgKind.CommitMsg, 4 * t + FINISH, p.home[t], p.target[t]);
        break;
      }
      default:
        this.settleWrites(target, this.vote[t] === YES);
        us += this.release(target, now, w);
    }
    return us;
  }

  /** The transaction's outcome is decided: final, in its home shard's log. */
  private decide(t: number, out: number, now: number, lane: number): void {
    this.output[t] = Math.min(out, 0);
    logCommit(this.sink, now, lane, t, this.output[t]);
  }

  finish(): void {
    const done = Atomics.load(this.ctrl, TXS_DONE);
    if (done !== this.block.n)
      throw new Error(`two-phase commit ended with ${done} of ${this.block.n} transactions`);
  }

  /** Writes already went to the state. */
  writeBack(): void {}
}

/**
 * The lock groups of a sharded block: group 2t is transaction t's keys on its home shard (all of them for
 * a local transaction), group 2t + 1 its target-side keys on the target shard (none when local). Deltas
 * whose limit is at stake from `state` on are writes (stakeDeltas).
 */
export function sideGroups(block: Block, p: Placement, state: Float64Array): LockGroups {
  const n = block.n;
  const start = new Int32Array(2 * n + 1);
  const key: number[] = [];
  const mode: number[] = [];
  for (let t = 0; t < n; t++) {
    const cross = p.home[t] !== p.target[t];
    for (const side of [0, 1]) {
      for (let i = block.accStart[t]; i < block.accStart[t + 1]; i++) {
        const isTarget = (block.accFlag[i] & ACC_TARGET) !== 0;
        const mine = cross ? (side === 1) === isTarget : side === 0;
        if (!mine) continue;
        key.push(block.accKey[i]);
        mode.push(modeOf(block.accFlag[i]));
      }
      start[2 * t + side + 1] = key.length;
    }
  }
  const groups = { start, key: Int32Array.from(key), mode: Uint8Array.from(mode) };
  stakeDeltas(block, (g) => g >> 1, groups.start, groups.key, groups.mode, state);
  return groups;
}
