import { SpanBuilder } from "../../../engine/analysis/spans";
import { EventLog, type EventLogData, logEnd } from "../../../engine/trace/eventlog";
import { Ev } from "../../../engine/trace/kinds";
import type { LaneBusy } from "./draw-lanes";
import { buildLaneBars, type LaneBars } from "./lane-bars";

/**
 * The lanes of a live run so far, built a frame at a time from the events published since the last frame:
 * its spans grow by those events alone, and the batch and round starts and the list's mismatches (the only
 * events the bars read besides the spans) are kept aside.
 */
export class GrowingLanes {
  private readonly spans: SpanBuilder;
  private readonly marks = new EventLog();
  private busy = new Float64Array(0);
  /** Time of the latest event taken. */
  end = 0;

  constructor(
    readonly lanes: number,
    private readonly shards: number,
  ) {
    this.spans = new SpanBuilder(lanes);
  }

  add(events: EventLogData): void {
    this.spans.add(events);
    for (let i = 0; i < events.length; i++) {
      const k = events.kind[i];
      if (k === Ev.BatchStart || k === Ev.RoundStart || k === Ev.ListMismatch) {
        const { time, worker, tx, inc, key, other } = events;
        this.marks.emit(time[i], worker[i], k, tx[i], inc[i], key[i], other[i]);
      }
    }
    this.end = Math.max(this.end, logEnd(events));
  }

  /** The bars so far; busyAt then tells each lane's busy time up to the latest event. */
  bars(): LaneBars {
    const spans = this.spans.spans();
    this.busy = new Float64Array(this.lanes);
    for (let k = 0; k < spans.count; k++) this.busy[spans.lane[k]] += spans.end[k] - spans.start[k];
    return buildLaneBars(this.marks.freeze(), this.lanes, this.shards, undefined, spans);
  }

  /** Busy time of a lane up to the latest event, where the live lanes are drawn (so whatever `t`). */
  readonly busyAt: LaneBusy = (lane) => this.busy[lane];
}
