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
/** depHead of a unit whose execution has finished. */
const SEALED = -2;
const INC = 3;

// Control words 16 words (64 bytes, a cache line on x86; Apple's cores have 128) apart: the commit word
// changes on every commit and the indices on every claim, and one line for all would make each change
// evict the others from every core.
const LINE = 16;
const EXEC_IDX = 0;
const VAL_IDX = LINE;
/**
 * In-order commit (beyond the paper), one word: the next unit to commit times two, plus one while a worker
 * holds the commit lock (so that unlocking also publishes how far it got).
 */
const COMMIT = 2 * LINE;
const CONTROL_WORDS = 3 * LINE;

/** A task handed to a worker: kind and unit, plus the incarnation. */
export const NO_TASK = 0;
export const EXECUTE = 1;
export const VALIDATE = 2;

export const wordExecuted = (w: number): boolean => (w & STATUS) === EXECUTED;
export const wordIncarnation = (w: number): number => w >> INC;

export interface Task {
  kind: number;
  unit: number;
  inc: number;
}

export class Scheduler {
  readonly ctrl: Int32Array;
  readonly status: Int32Array;
  /**
   * Dependents of each unit as a linked list (head per unit, next per dependent), pushed onto with a
   * compare-and-swap. SEALED heads the list of a unit whose execution has finished (until a validation
   * aborts it): add_dependency fails on it, as the paper's does under its lock on an executed blocker.
   */
  readonly depHead: Int32Array;
  readonly depNext: Int32Array;
  /**
   * The status word of the unit the last successful tryLockCommit returned, as it found it executed: read it
   * right after that call (each thread has its own Scheduler over the shared words).
   */
  lockedStatus = 0;
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
  }

  /**
   * The block is done when its last unit commits, as in Aptos. The paper's own check (both indices past the
   * block, no task in flight, no index lowered meanwhile) needs a shared counter that every task changes
   * twice; with commits in block order it is not needed.
   */
  done(): boolean {
    return this.committed() >= this.n;
  }

  /** Units below this one have committed (as the commit lock was last released). */
  committed(): number {
    return Atomics.load(this.ctrl, COMMIT) >> 1;
  }

  /**
   * Only one worker commits at a time; the others move on rather than wait. Takes the lock when it is free
   * and the next unit to commit has executed, and returns that unit; -1 otherwise.
   */
  tryLockCommit(): number {
    const w = Atomics.load(this.ctrl, COMMIT);
    const next = w >> 1;
    if ((w & 1) !== 0 || next >= this.n) return -1;
    const status = Atomics.load(this.status, next);
    if (!wordExecuted(status) || Atomics.compareExchange(this.ctrl, COMMIT, w, w | 1) !== w) return -1;
    this.lockedStatus = status;
    return next;
  }

  /** Releases the lock, with units below `next` committed. */
  unlockCommit(next: number): void {
    Atomics.store(this.ctrl, COMMIT, next << 1);
  }

  incarnation(u: number): number {
    return Atomics.load(this.status, u) >> INC;
  }

  statusOf(u: number): number {
    return Atomics.load(this.status, u) & STATUS;
  }

  /** The whole status word: read once, then taken apart by wordExecuted and wordIncarnation. */
  statusWord(u: number): number {
    return Atomics.load(this.status, u);
  }

  /** Whether u has executed again since its status word was `seen`. */
  executedSince(u: number, seen: number): boolean {
    const w = Atomics.load(this.status, u);
    return w !== seen && wordExecuted(w);
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
    // Each index is loaded once (the paper loads it again in next_version_to_*): either load is a snapshot of
    // a word other workers move, and a fetch-and-add that lands past the block just yields no task.
    const val = Atomics.load(this.ctrl, VAL_IDX);
    const exec = Atomics.load(this.ctrl, EXEC_IDX);
    if (val < exec) return this.nextVersionToValidate(val, out);
    return this.nextVersionToExecute(exec, out);
  }

  /**
   * Takes u to execute if it is READY. `expected`: the word it most likely holds (READY at incarnation 0,
   * where most units are claimed); one compare-and-swap takes it, and what it returns otherwise is the word
   * to try.
   */
  private tryIncarnate(u: number, out: Task, expected = READY): void {
    out.kind = NO_TASK;
    if (u >= this.n) return;
    const w = Atomics.compareExchange(this.status, u, expected, expected | EXECUTING);
    if (w !== expected) {
      if ((w & STATUS) !== READY) return;
      if (Atomics.compareExchange(this.status, u, w, w | EXECUTING) !== w) return;
    }
    out.kind = EXECUTE;
    out.unit = u;
    out.inc = w >> INC;
  }

  private nextVersionToExecute(exec: number, out: Task): boolean {
    if (exec >= this.n) return false;
    this.tryIncarnate(Atomics.add(this.ctrl, EXEC_IDX, 1), out);
    return true;
  }

  private nextVersionToValidate(val: number, out: Task): boolean {
    if (val >= this.n) return false;
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
    return true;
  }

  /** add_dependency: false if the blocker already finished (then re-execute at once). */
  addDependency(u: number, blocker: number): boolean {
    // ABORTING before u is on the list: the blocker may make it ready as soon as it is.
    const w = Atomics.load(this.status, u);
    Atomics.store(this.status, u, (w & ~STATUS) | ABORTING);
    for (;;) {
      const head = Atomics.load(this.depHead, blocker);
      if (head === SEALED) {
        Atomics.store(this.status, u, w);
        return false;
      }
      this.depNext[u] = head;
      if (Atomics.compareExchange(this.depHead, blocker, head, u) === head) return true;
    }
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
   * finish_execution's first step: u's dependents taken off its list, which stays sealed (the first, then
   * each one's depNext; -1 for none), and (inc, EXECUTED). The virtual clock runs the rest (setReady for
   * each, afterResume) at the times the finishing worker gets to them.
   */
  takeDependents(u: number, inc: number): number {
    // Sealed first: once u is EXECUTED a validation may abort it and unseal its list, which must by then
    // hold no dependent of this execution. Its writes are in memory already, so a reader that finds the
    // list sealed re-executes and reads them (or, if an abort is under way, meets its ESTIMATE again).
    const d = Atomics.exchange(this.depHead, u, SEALED);
    // A unit executes only with its list open: the abort that sends it back reopens it.
    if (d === SEALED) throw new Error(`unit ${u} finished an execution with its dependents' list sealed`);
    Atomics.store(this.status, u, (inc << INC) | EXECUTED);
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
      }
    }
  }

  /**
   * try_validation_abort: only the first failed validation of an incarnation aborts it, and only while it
   * is EXECUTED: never once it has committed.
   */
  tryValidationAbort(u: number, inc: number): boolean {
    const w = (inc << INC) | EXECUTED;
    if (Atomics.compareExchange(this.status, u, w, (inc << INC) | ABORTING) !== w) return false;
    // Unsealed before the caller turns u's writes into ESTIMATEs, so a reader that meets one can wait on u.
    Atomics.store(this.depHead, u, -1);
    return true;
  }

  /** finish_validation: after an abort, re-execute at once if the execution index has passed u. */
  finishValidation(u: number, aborted: boolean, out: Task): void {
    out.kind = NO_TASK;
    if (aborted) {
      const inc = this.setReady(u);
      this.decreaseIdx(VAL_IDX, u + 1);
      if (Atomics.load(this.ctrl, EXEC_IDX) > u) this.tryIncarnate(u, out, (inc << INC) | READY);
    }
  }
}
