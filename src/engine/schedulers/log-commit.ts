import type { EventSink } from "../trace/eventlog";
import { Ev } from "../trace/kinds";

/** Logs a unit's commit, preceded by its revert when its own logic said no (a negative output). */
export function logCommit(sink: EventSink, now: number, lane: number, tx: number, output: number): void {
  if (output < 0) sink.emit(now, lane, Ev.Revert, tx, 0, -1, output);
  sink.emit(now, lane, Ev.Commit, tx, 0, -1, -1);
}
