/**
 * One scheduler instance over one list of units, driven worker by worker. Both drivers use it: the virtual
 * driver calls begin at a virtual time and complete when the returned duration has elapsed; a live worker
 * calls begin and then complete back to back, doing the real work in between.
 *
 * The split is where reads and writes happen: begin reads (executes the contract into a private buffer),
 * complete publishes (writes become visible, validation verdicts are applied). That is what lets a virtual
 * clock reproduce the races of real parallel execution deterministically.
 */
export interface Executor {
  /**
   * Worker w takes its next task at time `now` (microseconds) and starts it. Returns the task's cost in
   * microseconds of virtual time, IDLE when there is nothing to do until another task completes, or DONE.
   */
  begin(w: number, now: number): number;
  /**
   * Contract execution cost (virtual microseconds) of the task worker w began: what a live worker burns
   * as real work per gas. 0 for validations.
   */
  workUs(w: number): number;
  /** Worker w finishes the task it began. */
  complete(w: number, now: number): void;
  /** Called once by the driver after every worker is done. */
  finish(now: number): void;
  /** Output of each unit (payload, result or revert code) after the run. */
  readonly output: Float64Array;
  /** Final values of the keys this run wrote, applied onto `state`. */
  writeBack(state: Float64Array): void;
}

export const IDLE = -1;
export const DONE = -2;
