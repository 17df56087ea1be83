import { Ev } from "../../src/engine/trace/kinds";
import type { Row } from "./log";

/**
 * Block-STM on two lanes, three transactions: tx 1's first incarnation aborts on key 5 (written by tx 0;
 * 3 us wasted); tx 2 suspends on tx 1 at key 3 after 1 us (wasted), resumes as its next incarnation (the
 * scheduler's setReady bumps it) and re-executes; tx 1's second incarnation reverts.
 */
export const BLOCKSTM_ROWS: readonly Row[] = [
  [0, 0, Ev.ExecStart, 0, 0],
  [0, 1, Ev.ExecStart, 1, 0],
  [3, 0, Ev.ExecEnd, 0, 0],
  [3, 1, Ev.ExecEnd, 1, 0],
  [3, 0, Ev.ValidateStart, 0, 0],
  [4, 0, Ev.ValidateEnd, 0, 0, -1, 1],
  [4, 0, Ev.Commit, 0, 0],
  [4, 0, Ev.ExecStart, 2, 0],
  [4, 1, Ev.ValidateStart, 1, 0],
  [5, 1, Ev.ValidateEnd, 1, 0, -1, 0],
  [5, 1, Ev.Abort, 1, 0, 5, 0],
  [5, 1, Ev.ExecStart, 1, 1],
  [5, 0, Ev.Suspend, 2, 0, 3, 1],
  [8, 1, Ev.Revert, 1, 1, -1, -1],
  [8, 1, Ev.ExecEnd, 1, 1],
  [8, 1, Ev.ValidateStart, 1, 1],
  [9, 1, Ev.ValidateEnd, 1, 1, -1, 1],
  [9, 1, Ev.Commit, 1, 1],
  [9, 1, Ev.Resume, 2, 1, -1, 1],
  [9, 0, Ev.ExecStart, 2, 1],
  [12, 0, Ev.ExecEnd, 2, 1],
  [12, 0, Ev.ValidateStart, 2, 1],
  [13, 0, Ev.ValidateEnd, 2, 1, -1, 1],
  [13, 0, Ev.Commit, 2, 1],
];
