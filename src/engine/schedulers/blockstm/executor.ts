import type { Arena } from "../../arena";
import type { Block } from "../../block";
import { readThenAdd, type StateView } from "../../contracts/contract";
import type { CostModel } from "../../scenario/scenario";
import type { EventSink } from "../../trace/eventlog";
import { Ev } from "../../trace/kinds";
import { DONE, type Executor, IDLE } from "../executor";
import { runUnit, WriteBuffer } from "../run-unit";
import { type UnitAccess, unitAccess } from "../unit-access";
import { claimUs, ticks, unitCosts } from "../unit-cost";
import type { Units } from "../units";
import { BLOCKED, BOUND, MVMemory, type ReadSet } from "./mvmemory";
import {
  COMMITTED,
  EXECUTE,
  NO_TASK,
  Scheduler,
  type Task,
  VALIDATE,
  wordExecuted,
  wordIncarnation,
} from "./scheduler";

/**
 * A step of finish_execution that the virtual clock runs when the finishing worker (`worker`) gets to it:
 * make a dependent ready again, or, last, lower the indices for the execution of `unit`.
 */
type DueStep =
  | {
      readonly at: number;
      readonly worker: number;
      readonly kind: "resume";
      readonly dep: number;
      readonly unit: number;
    }
  | {
      readonly at: number;
      readonly worker: number;
      readonly kind: "after";
      readonly unit: number;
      readonly inc: number;
      readonly wroteNew: boolean;
      readonly minDep: number;
    };

/** What one worker is doing between begin and complete. */
class WorkerSlot implements StateView {
  readonly task: Task = { kind: NO_TASK, unit: 0, inc: 0 };
  /** Follow-up task handed back by finish_execution / finish_validation. */
  readonly next: Task = { kind: NO_TASK, unit: 0, inc: 0 };
  readonly writes: WriteBuffer;
  /** The read set so far (MVMemory's ReadSet), and the value each entry saw. */
  readonly reads: ReadSet;
  readonly rVal: Float64Array;
  rn = 0;
  /** Reads the current unit may record: its declared keys, the room its read set has in memory. */
  readCap = 0;
  output = 0;
  /**
   * Set when the current execution met an ESTIMATE, at `blockedKey`, written by `blocker`: its result is
   * void from that read on. The call still runs to its end (cheaper than unwinding it with a throw, about a
   * microsecond in a live worker), with NaN for each key that needs memory (a tryAdd on one fails), and
   * its buffers are discarded.
   */
  suspended = false;
  blocker = 0;
  blockedKey = 0;
  /** The current execution began after every lower unit had committed: its reads are final. */
  final = false;

  constructor(
    private readonly mv: MVMemory,
    capacity: number,
  ) {
    const c = Math.max(1, capacity);
    this.writes = new WriteBuffer(capacity);
    this.reads = {
      key: new Int32Array(c),
      unit: new Int32Array(c),
      inc: new Int32Array(c),
      lo: new Float64Array(c),
      hi: new Float64Array(c),
    };
    this.rVal = new Float64Array(c);
  }

  /** Index of the read-set entry for `key`, or -1. */
  private entry(key: number): number {
    for (let i = 0; i < this.rn; i++) if (this.reads.key[i] === key) return i;
    return -1;
  }

  /**
   * Reads `key` from memory into entry r (a new one when r < 0), marked `inc` or with the version read; -1
   * when it meets an ESTIMATE (the execution is then suspended) or the execution already has.
   */
  private fetch(key: number, r: number, bound: boolean): number {
    if (this.suspended) return -1;
    const v = this.mv.read(key, this.task.unit);
    if (this.mv.verInc === BLOCKED) {
      this.suspended = true;
      this.blocker = this.mv.verUnit;
      this.blockedKey = key;
      return -1;
    }
    let i = r;
    if (i < 0) {
      if (this.rn === this.readCap)
        throw new Error(
          `unit ${this.task.unit} read more keys than it declares (${this.readCap}), the last ${key}`,
        );
      i = this.rn++;
    }
    const rs = this.reads;
    rs.key[i] = key;
    rs.unit[i] = this.mv.verUnit;
    rs.inc[i] = bound ? BOUND : this.mv.verInc;
    rs.lo[i] = bound ? Number.POSITIVE_INFINITY : v;
    rs.hi[i] = Number.NEGATIVE_INFINITY;
    this.rVal[i] = v;
    return i;
  }

  read(key: number): number {
    const w = this.writes.find(key);
    if (w >= 0 && !this.writes.delta[w]) return this.writes.vals[w];
    let r = this.entry(key);
    // A tryAdd's range gives way to the value itself: a stricter check of the same read.
    if (r < 0 || this.reads.inc[r] === BOUND) r = this.fetch(key, r, false);
    if (r < 0) return Number.NaN;
    return w >= 0 ? this.rVal[r] + this.writes.vals[w] : this.rVal[r];
  }

  write(key: number, value: number): void {
    this.writes.put(key, value);
  }

  /**
   * Decides on the value memory holds below this unit (base plus the deltas published so far) and records
   * the range of values that outcome holds for: validation re-checks the range, not the version, so deltas
   * published below it since invalidate it only if the limit was at stake.
   */
  tryAdd(key: number, delta: number, limit: number): boolean {
    const w = this.writes.find(key);
    if (w >= 0 && !this.writes.delta[w]) return readThenAdd(this, key, delta, limit);
    const own = w >= 0 ? this.writes.vals[w] : 0;
    let r = this.entry(key);
    if (r < 0) r = this.fetch(key, r, true);
    if (r < 0) return false;
    const edge = limit - own - delta;
    const ok = this.rVal[r] <= edge;
    const rs = this.reads;
    if (rs.inc[r] === BOUND) {
      if (ok) rs.lo[r] = Math.min(rs.lo[r], edge);
      else rs.hi[r] = Math.max(rs.hi[r], edge);
    }
    if (ok) this.writes.add(key, delta);
    return ok;
  }
}

/**
 * Block-STM (optimistic execution, multi-version memory, validation, incarnations, suspension on
 * dependencies) plus an in-order commit: unit i commits once every lower unit has committed and its read
 * set still validates, at which point its output can no longer change. COMMITTED is a status of its own,
 * which no later validation can undo.
 *
 * On the virtual clock it charges what the real code does besides the contract's gas: every
 * multi-version read and write of an execution, every validation (the commit-time check included), each
 * dependent a finished execution resumes (before the execution index is lowered for them), and each
 * commit, one worker at a time under the commit lock.
 */
export class BlockStmExecutor implements Executor {
  readonly sched: Scheduler;
  readonly mv: MVMemory;
  readonly output: Float64Array;
  private readonly access: UnitAccess;
  private readonly cost: Float64Array;
  private readonly claimUs: number;
  private readonly resumeUs: number;
  private readonly oneThread: boolean;
  /** Virtual clock: when the worker holding the commit lock is done with it. */
  private commitFreeAt = 0;
  /** Virtual clock: the steps of finish_execution still to come, by time (then by when they were set). */
  private readonly due: DueStep[] = [];
  private readonly slots: WorkerSlot[] = [];
  private now = 0;
  /** Units below this have committed, as this thread last saw it (it only grows): spares loads. */
  private committedBelow = 0;
  private w = 0;

  constructor(
    private readonly block: Block,
    private readonly units: Units,
    base: Float64Array,
    private readonly costModel: CostModel,
    private readonly sink: EventSink,
    private readonly laneBase: number,
    arena: Arena,
  ) {
    this.access = unitAccess(block, units);
    this.sched = new Scheduler(units.n, arena);
    this.mv = new MVMemory(base, this.access, units.n, arena);
    this.output = arena.float64(units.n);
    this.cost = unitCosts(block, units, costModel);
    this.claimUs = claimUs(costModel);
    this.resumeUs = ticks(costModel.resumeUs);
    this.oneThread = arena.oneThread;
    this.sched.onResume = (u, inc, blocker) => this.emit(Ev.Resume, u, inc, -1, this.units.tx[blocker]);
  }

  private slot(w: number): WorkerSlot {
    let s = this.slots[w];
    if (!s) {
      s = new WorkerSlot(this.mv, this.access.maxKeys);
      this.slots[w] = s;
    }
    return s;
  }

  private emit(kind: (typeof Ev)[keyof typeof Ev], u: number, inc: number, key: number, other: number): void {
    this.sink.emit(this.now, this.laneBase + this.w, kind, this.units.tx[u], inc, key, other);
  }

  claim(w: number, now: number): number {
    this.runDue(now);
    this.now = now;
    this.w = w;
    const s = this.slot(w);
    const t = s.task;
    // Tasks taken, each paid for: handed back by the scheduler, or from an index (even one that gave none).
    // A claim that ends with no task pays nothing, its slots included: the worker spins until work appears.
    let taken = 0;
    for (;;) {
      if (s.next.kind !== NO_TASK) {
        this.copyTask(t, s.next);
        s.next.kind = NO_TASK;
        taken++;
      } else {
        // Like the paper's worker loop: keep asking while indices advance without yielding a task.
        while (this.sched.nextTask(t)) {
          taken++;
          if (t.kind !== NO_TASK) break;
        }
      }
      // A validation handed back for a unit that has committed since is dropped: its reads are final.
      if (t.kind !== VALIDATE || this.sched.statusOf(t.unit) !== COMMITTED) break;
      this.sched.finishValidation(t.unit, false, s.next);
    }
    if (t.kind === NO_TASK) return this.sched.done() ? DONE : IDLE;
    return taken * this.claimUs;
  }

  begin(w: number, now: number): number {
    this.now = now;
    this.w = w;
    const s = this.slot(w);
    const t = s.task;
    if (t.kind === EXECUTE) return this.execute(s);
    this.emit(Ev.ValidateStart, t.unit, t.inc, -1, -1);
    return this.validationUs(t.unit);
  }

  /** Validating unit u's last read set (at least one read's worth). */
  private validationUs(u: number): number {
    return ticks(this.costModel.validateUsPerRead * Math.max(1, this.mv.readCount[u]));
  }

  /** Runs the contract now, into the worker's buffers; publishing waits for complete(). */
  private execute(s: WorkerSlot): number {
    const u = s.task.unit;
    const c = this.costModel;
    this.emit(Ev.ExecStart, u, s.task.inc, -1, -1);
    s.writes.n = 0;
    s.rn = 0;
    s.readCap = this.access.start[u + 1] - this.access.start[u];
    s.suspended = false;
    if (this.committedBelow < u) this.committedBelow = this.sched.committed();
    s.final = this.committedBelow >= u;
    try {
      s.output = runUnit(this.block, this.units, u, s);
    } catch (e) {
      // Past a blocked read the call computes on NaN, and a contract may refuse it: still the same
      // suspension (a real fault there throws again in the execution that is not suspended).
      if (!s.suspended) throw e;
    }
    if (s.suspended) {
      // Work up to the blocked read is spent: a share of the gas by how far through its keys it got, and
      // its reads, the blocked one included.
      return ticks((this.cost[u] * (s.rn + 1)) / (s.readCap + 1)) + ticks(c.mvReadUs * (s.rn + 1));
    }
    if (s.output < 0) s.writes.n = 0;
    // Its gas, its reads through multi-version memory, and publishing its writes there.
    return this.cost[u] + ticks(c.mvReadUs * s.rn + c.mvWriteUs * s.writes.n);
  }

  workUs(w: number): number {
    const t = this.slot(w).task;
    return t.kind === EXECUTE ? this.cost[t.unit] : 0;
  }

  complete(w: number, now: number): number {
    this.runDue(now);
    this.now = now;
    this.w = w;
    const s = this.slot(w);
    const t = s.task;
    const u = t.unit;
    if (t.kind === EXECUTE) {
      if (s.suspended) {
        this.emit(Ev.Suspend, u, t.inc, s.blockedKey, this.units.tx[s.blocker]);
        // The blocker may have finished meanwhile: then execute the same incarnation again at once.
        if (!this.sched.addDependency(u, s.blocker)) this.copyTask(s.next, t);
      } else {
        const wroteNew = this.mv.record(u, t.inc, s.writes, s.writes.n, s.reads, s.rn, s.final);
        this.output[u] = s.output;
        this.emit(Ev.ExecEnd, u, t.inc, -1, wroteNew ? 1 : 0);
        if (this.oneThread) this.finishInTurn(w, u, t.inc, wroteNew);
        else this.sched.finishExecution(u, t.inc, wroteNew, s.next);
      }
    } else if (t.kind === VALIDATE) {
      const stale = this.mv.validate(u);
      this.emit(Ev.ValidateEnd, u, t.inc, -1, stale < 0 ? 1 : 0);
      const aborted = stale >= 0 && this.sched.tryValidationAbort(u, t.inc);
      if (aborted) {
        const writer = this.mv.verUnit;
        this.emit(Ev.Abort, u, t.inc, this.mv.readKey[stale], writer < 0 ? -1 : this.units.tx[writer]);
        this.mv.convertWritesToEstimates(u);
      }
      this.sched.finishValidation(u, aborted, s.next);
    }
    t.kind = NO_TASK;
    return this.tryCommit(this.now) - now;
  }

  /**
   * finish_execution on the virtual clock, each step when the finishing worker gets to it: the status and
   * the dependents' list now, then each dependent made ready a `resumeUs` step after the one before, and the
   * indices lowered (or this worker's validation handed back) after the last. Until then another worker
   * finds neither the resumed transactions nor the lowered indices, as in the paper's loop.
   */
  private finishInTurn(w: number, u: number, inc: number, wroteNew: boolean): void {
    const sched = this.sched;
    let at = this.now;
    let minDep = this.units.n;
    for (let d = sched.takeDependents(u, inc); d !== -1; d = sched.depNext[d]) {
      at += this.resumeUs;
      this.schedule({ at, worker: w, kind: "resume", dep: d, unit: u });
      if (d < minDep) minDep = d;
    }
    this.slot(w).next.kind = NO_TASK;
    this.schedule({ at, worker: w, kind: "after", unit: u, inc, wroteNew, minDep });
    this.runDue(this.now);
    // The worker is busy with its dependents until then, and commits after (tryCommit from this.now).
    this.now = at;
  }

  private schedule(step: DueStep): void {
    const due = this.due;
    let i = due.length;
    while (i > 0 && due[i - 1].at > step.at) i--;
    due.splice(i, 0, step);
  }

  /** Runs the steps of finish_execution due by `now`, each logged at its own time on its worker's lane. */
  private runDue(now: number): void {
    const due = this.due;
    while (due.length > 0 && due[0].at <= now) {
      const step = due.shift() as DueStep;
      if (step.kind === "resume") {
        const inc = this.sched.setReady(step.dep);
        const lane = this.laneBase + step.worker;
        this.sink.emit(step.at, lane, Ev.Resume, this.units.tx[step.dep], inc, -1, this.units.tx[step.unit]);
      } else {
        this.sched.afterResume(step.unit, step.inc, step.wroteNew, step.minDep, this.slot(step.worker).next);
      }
    }
  }

  /** When the next step of finish_execution is due: the virtual driver wakes idle workers then. */
  wakeAt(): number {
    return this.due.length > 0 ? this.due[0].at : Number.POSITIVE_INFINITY;
  }

  private copyTask(to: Task, from: Task): void {
    to.kind = from.kind;
    to.unit = from.unit;
    to.inc = from.inc;
  }

  /**
   * Commits as many units as possible in block order, from time `now`, and returns when that work ends. A
   * worker takes the commit lock only when the next unit to commit has executed; live, a worker that finds
   * it held moves on, and the holder looks once more after unlocking: if the unit it stopped at has executed
   * since (it had not, or its reads were stale, or a validation aborted it), it goes on, so an execution
   * that finished while the lock was held is not left uncommitted. On the virtual clock, where the holder's
   * loop ran at once, a worker waits its turn and commits what the holder could not have seen. Each commit
   * validates the unit's reads once more (the commit-time check, paid also when it fails) and is logged
   * when its work is done.
   */
  private tryCommit(now: number): number {
    const sched = this.sched;
    const n = this.units.n;
    let at = now;
    for (;;) {
      const first = sched.tryLockCommit();
      if (first < 0) return at;
      if (this.oneThread) at = Math.max(at, this.commitFreeAt);
      let u = first;
      // The status word of the unit the loop stops at, as it decided on it (the first's as the lock was
      // taken: if it changed since, the commit below fails and the look after unlocking sees the change).
      let seen = sched.lockedStatus;
      for (; u < n; u++) {
        if (u > first) seen = sched.statusWord(u);
        if (!wordExecuted(seen)) break;
        const inc = wordIncarnation(seen);
        const stale = this.mv.validate(u) >= 0;
        if (this.oneThread) at += this.validationUs(u);
        // The commit itself fails if a validation aborted this incarnation meanwhile (live workers race).
        if (stale || !sched.commit(u, inc)) break;
        if (this.oneThread) at += ticks(this.costModel.commitUs);
        this.now = at;
        if (this.output[u] < 0) this.emit(Ev.Revert, u, inc, -1, this.output[u]);
        this.emit(Ev.Commit, u, inc, -1, -1);
      }
      sched.unlockCommit(u);
      this.committedBelow = u;
      this.commitFreeAt = at;
      if (u >= n || !sched.executedSince(u, seen)) return at;
    }
  }

  finish(now: number): void {
    this.now = now;
    this.w = 0;
    this.tryCommit(now);
    const left = this.units.n - this.sched.committed();
    if (left !== 0) throw new Error(`Block-STM ended with ${left} uncommitted units`);
  }

  writeBack(state: Float64Array): void {
    this.mv.writeBack(state);
  }
}
