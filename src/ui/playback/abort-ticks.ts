/** Where a run's aborts happened, for the scrub bar's tick marks and the next-abort button. */
import type { EventLogData } from "../../engine/trace/eventlog";
import { Ev } from "../../engine/trace/kinds";

/** Times of the abort events, in order. */
export function abortTimes(log: EventLogData): Float64Array {
  const out: number[] = [];
  for (let i = 0; i < log.length; i++) if (log.kind[i] === Ev.Abort) out.push(log.time[i]);
  return Float64Array.from(out);
}

/** Whether any abort happens after time t. */
export function abortAfter(times: Float64Array, t: number): boolean {
  return times.length > 0 && times[times.length - 1] > t;
}

/**
 * One tick per pixel column that holds an abort. `inset` keeps the ticks under the slider's thumb centre,
 * which travels from inset to width - inset.
 */
export function drawAbortTicks(
  ctx: CanvasRenderingContext2D,
  times: Float64Array,
  end: number,
  size: { readonly width: number; readonly height: number; readonly inset: number },
  color: string,
): void {
  const { width, height, inset } = size;
  ctx.clearRect(0, 0, width, height);
  if (end <= 0) return;
  ctx.fillStyle = color;
  let prev = -1;
  for (const t of times) {
    const x = Math.round(inset + (t / end) * (width - 2 * inset - 1));
    if (x === prev) continue;
    prev = x;
    ctx.fillRect(x, 0, 1, height);
  }
}
