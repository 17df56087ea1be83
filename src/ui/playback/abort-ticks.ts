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
 * Aborts per pixel column of a strip `columns` wide: column c holds the aborts at times that map to it, the
 * run's [0, end] spread over the columns.
 */
export function abortDensity(times: Float64Array, end: number, columns: number): Uint32Array {
  const counts = new Uint32Array(Math.max(0, columns));
  if (end <= 0 || columns <= 0) return counts;
  for (const t of times) counts[Math.min(columns - 1, Math.max(0, Math.floor((t / end) * columns)))]++;
  return counts;
}

/**
 * A density strip: each pixel column that holds aborts is drawn with an opacity that grows with how many
 * (a run with a hundred thousand aborts stays readable: where they cluster, not a solid red bar). `inset`
 * keeps the strip under the slider's thumb centre, which travels from inset to width - inset.
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
  const columns = Math.max(0, Math.floor(width - 2 * inset));
  const counts = abortDensity(times, end, columns);
  let max = 0;
  for (const c of counts) max = Math.max(max, c);
  if (max === 0) return;
  ctx.fillStyle = color;
  for (let x = 0; x < columns; x++) {
    if (counts[x] === 0) continue;
    // A lone abort still shows; the densest column is solid.
    ctx.globalAlpha = 0.3 + 0.7 * Math.sqrt(counts[x] / max);
    ctx.fillRect(inset + x, 0, 1, height);
  }
  ctx.globalAlpha = 1;
}
