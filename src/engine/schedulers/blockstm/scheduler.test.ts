import { describe, expect, it } from "vitest";
import { Arena } from "../../arena";
import {
  ABORTING,
  COMMITTED,
  EXECUTE,
  EXECUTING,
  NO_TASK,
  READY,
  Scheduler,
  type Task,
  VALIDATE,
} from "./scheduler";

// The collaborative scheduler on its own, driven by hand: each step is one call a worker makes.
const task = (): Task => ({ kind: NO_TASK, unit: -1, inc: -1 });

/** Asks until an index yields a task or nothing is left to take (as a worker's loop does). */
function take(s: Scheduler): Task {
  const t = task();
  while (s.nextTask(t) && t.kind === NO_TASK) {}
  return t;
}

describe("Block-STM scheduler (Gelashvili et al., Algorithms 4 and 5)", () => {
  it("hands out executions in order, then validations once the validation index lags", () => {
    const s = new Scheduler(3, Arena.local());
    expect(take(s)).toEqual({ kind: EXECUTE, unit: 0, inc: 0 });
    // Validation index 0 < execution index 1, but tx 0 is not executed yet: that slot yields nothing.
    expect(take(s)).toEqual({ kind: EXECUTE, unit: 1, inc: 0 });
    const out = task();
    s.finishExecution(0, 0, true, out);
    // The validation index already passed tx 0 and tx 0 wrote new keys: the index goes back to 0.
    expect(out.kind).toBe(NO_TASK);
    expect(take(s)).toEqual({ kind: VALIDATE, unit: 0, inc: 0 });
    expect(s.statusOf(1)).toBe(EXECUTING);
  });

  it("finish_execution hands the same worker its own validation when it wrote nothing new", () => {
    const s = new Scheduler(2, Arena.local());
    take(s); // execute 0
    take(s); // execute 1 (validation slot 0 passed, empty)
    const out = task();
    s.finishExecution(0, 0, false, out);
    expect(out).toEqual({ kind: VALIDATE, unit: 0, inc: 0 });
  });

  it("a failed validation aborts once: the incarnation goes to ABORTING, then READY as the next one", () => {
    const s = new Scheduler(2, Arena.local());
    take(s);
    const out = task();
    s.finishExecution(0, 0, false, out);
    expect(s.tryValidationAbort(0, 0)).toBe(true);
    expect(s.statusOf(0)).toBe(ABORTING);
    // A second failed validation of the same incarnation does nothing.
    expect(s.tryValidationAbort(0, 0)).toBe(false);
    s.finishValidation(0, true, out);
    // The execution index has passed tx 0: its re-execution is handed straight back.
    expect(out).toEqual({ kind: EXECUTE, unit: 0, inc: 1 });
    expect(s.statusOf(0)).toBe(EXECUTING);
  });

  it("commit is a status no validation can undo", () => {
    const s = new Scheduler(1, Arena.local());
    take(s);
    s.finishExecution(0, 0, false, task());
    expect(s.commit(0, 0)).toBe(true);
    expect(s.statusOf(0)).toBe(COMMITTED);
    expect(s.tryValidationAbort(0, 0)).toBe(false);
    expect(s.statusOf(0)).toBe(COMMITTED);
    // And the validation index never hands out a committed transaction.
    const t = task();
    s.nextTask(t);
    expect(t.kind).toBe(NO_TASK);
  });

  it("a commit loses to an abort that came first", () => {
    const s = new Scheduler(1, Arena.local());
    take(s);
    s.finishExecution(0, 0, false, task());
    expect(s.tryValidationAbort(0, 0)).toBe(true);
    expect(s.commit(0, 0)).toBe(false);
    // A stale incarnation cannot commit either.
    s.finishValidation(0, true, task());
    s.finishExecution(0, 1, false, task());
    expect(s.commit(0, 0)).toBe(false);
    expect(s.commit(0, 1)).toBe(true);
  });

  it("suspension: the waiting transaction is resumed with a new incarnation when its blocker finishes", () => {
    const s = new Scheduler(3, Arena.local());
    const resumed: [number, number, number][] = [];
    s.onResume = (u, inc, blocker) => resumed.push([u, inc, blocker]);
    take(s); // execute 0
    take(s); // execute 1
    take(s); // execute 2
    // tx 2 read an ESTIMATE of tx 1, still executing: it waits on tx 1.
    expect(s.addDependency(2, 1)).toBe(true);
    expect(s.statusOf(2)).toBe(ABORTING);
    s.finishExecution(1, 0, false, task());
    expect(resumed).toEqual([[2, 1, 1]]);
    expect(s.statusOf(2)).toBe(READY);
    expect(s.incarnation(2)).toBe(1);
    // The execution index went back to tx 2, so a worker takes its new incarnation.
    s.finishExecution(0, 0, false, task());
    let t = take(s);
    while (t.kind === VALIDATE) {
      s.finishValidation(t.unit, false, task());
      t = take(s);
    }
    expect(t).toEqual({ kind: EXECUTE, unit: 2, inc: 1 });
  });

  it("add_dependency on a blocker that already finished (or committed) fails: re-execute at once", () => {
    const s = new Scheduler(3, Arena.local());
    take(s);
    take(s);
    take(s);
    s.finishExecution(0, 0, false, task());
    expect(s.addDependency(2, 0)).toBe(false);
    expect(s.statusOf(2)).toBe(EXECUTING);
    s.commit(0, 0);
    expect(s.addDependency(1, 0)).toBe(false);
  });

  it("the commit lock is taken only when the next unit has executed, and keeps the status word it saw", () => {
    const s = new Scheduler(2, Arena.local());
    expect(take(s)).toEqual({ kind: EXECUTE, unit: 0, inc: 0 });
    expect(s.tryLockCommit()).toBe(-1);
    s.finishExecution(0, 0, false, task());
    // The refusal left the lock free.
    expect(s.tryLockCommit()).toBe(0);
    expect(s.lockedStatus).toBe(s.statusWord(0));
    expect(s.tryLockCommit()).toBe(-1);
  });

  it("a unit aborted by a validation is taken again at its next incarnation", () => {
    const s = new Scheduler(2, Arena.local());
    take(s);
    take(s);
    s.finishExecution(0, 0, false, task());
    expect(s.tryValidationAbort(0, 0)).toBe(true);
    const next = task();
    s.finishValidation(0, true, next);
    expect(next).toEqual({ kind: EXECUTE, unit: 0, inc: 1 });
    expect(s.statusOf(0)).toBe(EXECUTING);
  });

  it("done when the last unit commits (not when the indices pass the block), as in Aptos", () => {
    const s = new Scheduler(2, Arena.local());
    expect(take(s)).toEqual({ kind: EXECUTE, unit: 0, inc: 0 });
    expect(take(s)).toEqual({ kind: EXECUTE, unit: 1, inc: 0 });
    s.finishExecution(0, 0, false, task());
    s.finishExecution(1, 0, false, task());
    // Both executed and validated, both indices past the block, no task in flight: not done until the commits.
    let t = take(s);
    while (t.kind === VALIDATE) {
      s.finishValidation(t.unit, false, task());
      t = take(s);
    }
    expect(t.kind).toBe(NO_TASK);
    expect(s.done()).toBe(false);
    expect(s.tryLockCommit()).toBe(0);
    // A second worker finds the lock held.
    expect(s.tryLockCommit()).toBe(-1);
    expect(s.commit(0, 0)).toBe(true);
    expect(s.commit(1, 0)).toBe(true);
    expect(s.done()).toBe(false);
    // Unlocking publishes how far the holder got (others wait on the lock meanwhile).
    s.unlockCommit(2);
    expect(s.done()).toBe(true);
    // Nothing is left to commit: the lock is not taken.
    expect(s.tryLockCommit()).toBe(-1);
  });

  it("a validation that aborts a finished blocker reopens its list: readers wait on it again", () => {
    const s = new Scheduler(3, Arena.local());
    for (let i = 0; i < 3; i++) take(s);
    s.finishExecution(0, 0, false, task());
    // Its list is sealed (the test above); a validation aborts tx 0, its writes become ESTIMATEs, and a
    // reader that meets one waits on it.
    expect(s.tryValidationAbort(0, 0)).toBe(true);
    expect(s.addDependency(2, 0)).toBe(true);
    expect(s.addDependency(1, 0)).toBe(true);
    expect(s.statusOf(1)).toBe(ABORTING);
    // Tx 0's next execution resumes both, each in its new incarnation (the last to wait comes first).
    const resumed: number[][] = [];
    s.onResume = (u, inc, blocker) => resumed.push([u, inc, blocker]);
    s.finishValidation(0, true, task());
    s.finishExecution(0, 1, false, task());
    expect(resumed).toEqual([
      [1, 1, 0],
      [2, 1, 0],
    ]);
    expect(s.addDependency(2, 0)).toBe(false);
  });

  it("sees whether a unit has executed again since a status word was read", () => {
    const s = new Scheduler(1, Arena.local());
    take(s);
    const executing = s.statusWord(0);
    expect(s.executedSince(0, executing)).toBe(false);
    s.finishExecution(0, 0, false, task());
    const executed = s.statusWord(0);
    expect(s.executedSince(0, executing)).toBe(true);
    expect(s.executedSince(0, executed)).toBe(false);
    // Aborted and executed again: a new incarnation, so a new word.
    s.tryValidationAbort(0, 0);
    s.finishValidation(0, true, task());
    s.finishExecution(0, 1, false, task());
    expect(s.executedSince(0, executed)).toBe(true);
  });
});
