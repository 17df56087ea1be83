import type { Arena } from "../../arena";

/**
 * The Block-STM collaborative scheduler (Gelashvili et al., PPoPP 2023, Algorithms 4 and 5) over typed
 * arrays with Atomics, so the same code runs single-threaded in the virtual driver and on a
 * SharedArrayBuffer across real workers.
 */

// Status word per unit: incarnation * 8 + status.
export const READY = 0;
export const EXECUTING = 1;
export const EXECUTED = 2;
export const ABORTING = 3;
/** Final: set by the in-order commit, and no validation can abort it any more. */
export const COMMITTED = 4;
const STATUS = 7;
const INC = 3;

// Control words.
const EXEC_IDX = 0;
const VAL_IDX = 1;
const DECREASE_CNT = 2;
const ACTIVE = 3;
const DONE_MARK = 4;
/** In-order commit (beyond the paper): next unit to commit, and the lock of whoever is committing. */
const COMMIT_IDX = 5;
const COMMIT_LOCK = 6;
const CONTROL_WORDS = 7;

/** A task handed to a worker: kind and unit, plus the incarnation. */
export const NO_TASK = 0;
export const EXECUTE = 1;
export const VALIDATE = 2;

export interface Task {
  kind: number;
  unit: number;
  inc: number;
}

export class Scheduler {
  readonly ctrl: Int32Array;
  readonly status: Int32Array;
  /** Dependents of each unit as a linked list (head per unit, next per dependent), under a per-unit lock. */
  readonly depHead: Int32Array;
  readonly depNext: Int32Array;
  readonly depLock: Int32Array;
  /** Called when a suspended unit is made ready again (unit, new incarnation, blocker). */
  onResume: (unit: number, inc: number, blocker: number) => void = () => {};

  constructor(
    readonly n: number,
    arena: Arena,
  ) {
    this.ctrl = arena.int32(CONTROL_WORDS);
    this.status = arena.int32(n);
    this.depHead = arena.int32(n, -1);
    this.depNext = arena.int32(n, -1);
    this.depLock = arena.int32(n);
  }

  done(): boolean {
    return Atomics.load(this.ctrl, DONE_MARK) === 1;
  }

  /** Units below this one have committed. */
  committed(): number {
    return Atomics.load(this.ctrl, COMMIT_IDX);
  }

  /** Only one worker commits at a time; the others move on rather than wait. */
  tryLockCommit(): boolean {
    return Atomics.compareExchange(this.ctrl, COMMIT_LOCK, 0, 1) === 0;
  }

  unlockCommit(): void {
    Atomics.store(this.ctrl, COMMIT_LOCK, 0);
  }

  setCommitted(next: number): void {
    Atomics.store(this.ctrl, COMMIT_IDX, next);
  }

  isExecuted(u: number): boolean {
    return (Atomics.load(this.status, u) & STATUS) === EXECUTED;
  }

  incarnation(u: number): number {
    return Atomics.load(this.status, u) >> INC;
  }

  statusOf(u: number): number {
    return Atomics.load(this.status, u) & STATUS;
  }

  /**
   * (inc, EXECUTED) -> (inc, COMMITTED): false if a validation aborted this incarnation first. Once it
   * succeeds, try_validation_abort fails for good: a commit cannot be undone.
   */
  commit(u: number, inc: number): boolean {
    const w = (inc << INC) | EXECUTED;
    return Atomics.compareExchange(this.status, u, w, (inc << INC) | COMMITTED) === w;
  }

  /**
   * next_task: validation first when the validation index is behind the execution index. Returns false
   * when that index had already run past the block (nothing to take until an index is decreased); true
   * when an index was consumed, even if it gave no task (the caller should simply ask again).
   */
  nextTask(out: Task): boolean {
    out.kind = NO_TASK;
    if (Atomics.load(this.ctrl, VAL_IDX) < Atomics.load(this.ctrl, EXEC_IDX))
      return this.nextVersionToValidate(out);
    return this.nextVersionToExecute(out);
  }

  private checkDone(): void {
    const observed = Atomics.load(this.ctrl, DECREASE_CNT);
    if (
      Math.min(Atomics.load(this.ctrl, EXEC_IDX), Atomics.load(this.ctrl, VAL_IDX)) >= this.n &&
      Atomics.load(this.ctrl, ACTIVE) === 0 &&
      observed === Atomics.load(this.ctrl, DECREASE_CNT)
    ) {
      Atomics.store(this.ctrl, DONE_MARK, 1);
    }
  }

  private tryIncarnate(u: number, out: Task): void {
    if (u < this.n) {
      const w = Atomics.load(this.status, u);
      if ((w & STATUS) === READY && Atomics.compareExchange(this.status, u, w, w | EXECUTING) === w) {
        out.kind = EXECUTE;
        out.unit = u;
        out.inc = w >> INC;
        return;
      }
    }
    out.kind = NO_TASK;
    Atomics.sub(this.ctrl, ACTIVE, 1);
  }

  private nextVersionToExecute(out: Task): boolean {
    if (Atomics.load(this.ctrl, EXEC_IDX) >= this.n) {
      this.checkDone();
      return false;
    }
    Atomics.add(this.ctrl, ACTIVE, 1);
    this.tryIncarnate(Atomics.add(this.ctrl, EXEC_IDX, 1), out);
    return true;
  }

  private nextVersionToValidate(out: Task): boolean {
    if (Atomics.load(this.ctrl, VAL_IDX) >= this.n) {
      this.checkDone();
      return false;
    }
    Atomics.add(this.ctrl, ACTIVE, 1);
    const u = Atomics.add(this.ctrl, VAL_IDX, 1);
    if (u < this.n) {
      // Only an executed incarnation is validated: a committed one's reads are final.
      const w = Atomics.load(this.status, u);
      if ((w & STATUS) === EXECUTED) {
        out.kind = VALIDATE;
        out.unit = u;
        out.inc = w >> INC;
        return true;
      }
    }
    Atomics.sub(this.ctrl, ACTIVE, 1);
    return true;
  }

  private lock(u: number): void {
    while (Atomics.compareExchange(this.depLock, u, 0, 1) !== 0) {
      // Spin: held only for a few instructions by another worker.
    }
  }

  private unlock(u: number): void {
    Atomics.store(this.depLock, u, 0);
  }

  /** add_dependency: false if the blocker already finished (then re-execute at once). */
  addDependency(u: number, blocker: number): boolean {
    this.lock(blocker);
    const b = Atomics.load(this.status, blocker) & STATUS;
    if (b === EXECUTED || b === COMMITTED) {
      this.unlock(blocker);
      return false;
    }
    const w = Atomics.load(this.status, u);
    Atomics.store(this.status, u, (w & ~STATUS) | ABORTING);
    this.depNext[u] = this.depHead[blocker];
    this.depHead[blocker] = u;
    this.unlock(blocker);
    Atomics.sub(this.ctrl, ACTIVE, 1);
    return true;
  }

  /** set_ready_status: (inc, ABORTING) -> (inc + 1, READY); returns the new incarnation. */
  setReady(u: number): number {
    const inc = (Atomics.load(this.status, u) >> INC) + 1;
    Atomics.store(this.status, u, (inc << INC) | READY);
    return inc;
  }

  private decreaseIdx(which: number, target: number): void {
    let cur = Atomics.load(this.ctrl, which);
    while (target < cur) {
      const seen = Atomics.compareExchange(this.ctrl, which, cur, target);
      if (seen === cur) break;
      cur = seen;
    }
    Atomics.add(this.ctrl, DECREASE_CNT, 1);
  }

  /** finish_execution: resumes dependents; returns a validation task for the same worker when possible. */
  finishExecution(u: number, inc: number, wroteNew: boolean, out: Task): void {
    let d = this.takeDependents(u, inc);
    let minDep = this.n;
    while (d !== -1) {
      const next = this.depNext[d];
      this.onResume(d, this.setReady(d), u);
      if (d < minDep) minDep = d;
      d = next;
    }
    this.afterResume(u, inc, wroteNew, minDep, out);
  }

  /**
   * finish_execution's first step: (inc, EXECUTED), and u's dependents taken off its list (the first, then
   * each one's depNext; -1 for none). The virtual clock runs the rest (setReady for each, afterResume) at
   * the times the finishing worker gets to them.
   */
  takeDependents(u: number, inc: number): number {
    Atomics.store(this.status, u, (inc << INC) | EXECUTED);
    this.lock(u);
    const d = this.depHead[u];
    this.depHead[u] = -1;
    this.unlock(u);
    return d;
  }

  /**
   * finish_execution's last step, once every dependent is ready: lower the execution index to the lowest of
   * them (minDep, n for none), then the validation index, or hand u's validation back to its worker.
   */
  afterResume(u: number, inc: number, wroteNew: boolean, minDep: number, out: Task): void {
    out.kind = NO_TASK;
    if (minDep < this.n) this.decreaseIdx(EXEC_IDX, minDep);
    if (Atomics.load(this.ctrl, VAL_IDX) > u) {
      if (wroteNew) this.decreaseIdx(VAL_IDX, u);
      else {
        out.kind = VALIDATE;
        out.unit = u;
        out.inc = inc;
        return;
      }
    }
    Atomics.sub(this.ctrl, ACTIVE, 1);
  }

  /**
   * try_validation_abort: only the first failed validation of an incarnation aborts it, and only while it
   * is EXECUTED: never once it has committed.
   */
  tryValidationAbort(u: number, inc: number): boolean {
    const w = (inc << INC) | EXECUTED;
    return Atomics.compareExchange(this.status, u, w, (inc << INC) | ABORTING) === w;
  }

  /** finish_validation: after an abort, re-execute at once if the execution index has passed u. */
  finishValidation(u: number, aborted: boolean, out: Task): void {
    out.kind = NO_TASK;
    if (aborted) {
      this.setReady(u);
      this.decreaseIdx(VAL_IDX, u + 1);
      if (Atomics.load(this.ctrl, EXEC_IDX) > u) {
        this.tryIncarnate(u, out);
        return;
      }
    }
    Atomics.sub(this.ctrl, ACTIVE, 1);
  }
}
