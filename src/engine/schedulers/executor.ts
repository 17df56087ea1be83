/**
 * One scheduler instance over one list of units, driven worker by worker. Both drivers use it: the virtual
 * driver calls claim, begin and complete at virtual times, each when the cost the previous call returned
 * has elapsed; a live worker calls them back to back, doing the real work between begin and complete.
 *
 * A task's life is three steps, so that every cost is paid where it is incurred: claim takes the task from
 * the scheduler (a worker pays for that before the task starts, whether it comes from a shared index or is
 * handed back by the scheduler), begin reads (executes the contract into a private buffer), complete
 * publishes (writes become visible, validation verdicts apply, and whatever the worker does next before
 * it can claim again, such as committing, is paid after it). That is what lets a virtual clock reproduce
 * the races of real parallel execution deterministically.
 */
export interface Executor {
  /**
   * Worker w takes its next task at time `now` (microseconds). Returns what taking it costs, in
   * microseconds of virtual time (the task begins when it has elapsed), IDLE when there is nothing to take
   * until another task completes, or DONE.
   */
  claim(w: number, now: number): number;
  /** Worker w starts the task it claimed: reads happen now. Returns the task's cost in microseconds. */
  begin(w: number, now: number): number;
  /**
   * Contract execution cost (virtual microseconds) of the task worker w began: what a live worker burns
   * as real work per gas. 0 for validations.
   */
  workUs(w: number): number;
  /**
   * Worker w finishes the task it began: its writes are published now. Returns how long the worker stays
   * busy afterwards before it can claim again (committing, for instance), in microseconds.
   */
  complete(w: number, now: number): number;
  /**
   * Optional: when something other than a completion next makes work ready (a cross-shard message
   * landing), Infinity when nothing is on its way. The virtual driver wakes sleeping workers then.
   */
  wakeAt?(): number;
  /** Called once by the driver after every worker is done. */
  finish(now: number): void;
  /** Output of each unit (payload, result or revert code) after the run. */
  readonly output: Float64Array;
  /** Final values of the keys this run wrote, applied onto `state`. */
  writeBack(state: Float64Array): void;
}

export const IDLE = -1;
export const DONE = -2;
