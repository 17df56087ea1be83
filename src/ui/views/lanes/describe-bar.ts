/** The hover text of a lane bar: who did what, when, and how it ended as of the playhead. */
import { runNames } from "../../../engine/analysis/explain";
import type { RunResult } from "../../../engine/run-result";
import { formatDuration } from "../../format";
import { keyLabel, laneName, txName, txTarget } from "../tx-label";
import { BarEnd, BarKind, type LaneBars } from "./lane-bars";

export function describeBar(result: RunResult, b: LaneBars, i: number, lane: number, now: number): string {
  const tx = b.tx[i];
  const worker = laneName(result, lane);
  const target = txTarget(result, tx);
  const who = `${txName(result, tx)}${target ? ` (${target})` : ""}`;
  const running = b.end[i] > now || b.ended[i] === BarEnd.Open;
  const span = `${formatDuration(b.start[i])} → ${running ? "now" : formatDuration(b.end[i])}`;
  const writer = (other: number): string => (other >= 0 ? txName(result, other) : "storage");
  if (b.kind[i] === BarKind.LockWait) {
    return `${worker} is idle: every transaction left waits for a lock; the first, ${who}, waits for ${keyLabel(result, b.key[i])} behind ${writer(b.other[i])} · ${span}`;
  }
  if (b.kind[i] === BarKind.Validate) {
    const verdict = running
      ? "validating"
      : b.ended[i] === BarEnd.Invalid
        ? "failed: the incarnation aborts (its execution bar says why)"
        : "read set still valid";
    return `${worker} validates ${who}, incarnation ${b.inc[i]} · ${span} · ${verdict}`;
  }
  let how = running ? "running" : "finished";
  if (b.abortAt[i] <= now) {
    const key = keyLabel(result, b.key[i]);
    const why = runNames(result).adds?.(tx, b.key[i])
      ? `the total its add to ${key} was checked against moved${b.other[i] >= 0 ? ` (latest add: ${writer(b.other[i])})` : ""}`
      : `its read of ${key} was stale (${writer(b.other[i])} wrote it)`;
    how = `wasted: aborted at ${formatDuration(b.abortAt[i])}, ${why}`;
  } else if (!running && b.rejected.has(tx)) {
    how = "finished, and disagreed with its entry in the block access list: the block is invalid";
  } else if (!running && b.ended[i] === BarEnd.Suspended) {
    how = `suspended: read ${keyLabel(result, b.key[i])}, which ${writer(b.other[i])} had not finished writing`;
  }
  return `${worker} executes ${who}, incarnation ${b.inc[i]} · ${span} · ${how}`;
}
