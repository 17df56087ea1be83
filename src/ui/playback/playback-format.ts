/** How the playback bar writes speeds and times. */
import { SPEED_STEPS, speedStep } from "../../app/playback";
import { formatInt } from "../format";

/** One notch slower or faster (clamped). */
export function nudgeSpeed(speed: number, by: -1 | 1): number {
  const i = Math.max(0, Math.min(SPEED_STEPS.length - 1, speedStep(speed) + by));
  return SPEED_STEPS[i];
}

/** Run time per wall time: "1/10,000×", "1/2×", "1×". */
export function formatSpeed(speed: number): string {
  return speed >= 1 ? `${Number(speed.toPrecision(3))}×` : `1/${formatInt(Math.round(1 / speed))}×`;
}

/**
 * The playhead and the run's end in one unit chosen from the end, so the digits do not jump while
 * playing: "12.3 µs / 33.7 µs", "1.23 ms / 4.50 ms".
 */
export function formatClock(time: number, end: number): string {
  const [div, unit, digits] = end < 1000 ? [1, "µs", 1] : end < 1e6 ? [1000, "ms", 2] : [1e6, "s", 2];
  const f = (v: number): string =>
    (v / div).toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return `${f(time)} ${unit} / ${f(end)} ${unit}`;
}
