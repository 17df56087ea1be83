/** How the playback bar writes speeds and times. */
import { MAX_SPEED, MIN_SPEED } from "../../app/playback";
import { formatInt } from "../format";

/** Speed notches of the slider: 1, 2, 5 per decade from MIN_SPEED to MAX_SPEED (log scale). */
export const SPEED_STEPS: readonly number[] = (() => {
  const steps: number[] = [];
  for (let e = Math.round(Math.log10(MIN_SPEED)); e <= 0; e++) {
    for (const m of [1, 2, 5]) {
      const s = m * 10 ** e;
      if (s >= MIN_SPEED * 0.999 && s <= MAX_SPEED * 1.001) steps.push(Number(s.toPrecision(3)));
    }
  }
  return steps;
})();

/** The notch nearest to a speed, on the log scale. */
export function speedStep(speed: number): number {
  let best = 0;
  for (let i = 1; i < SPEED_STEPS.length; i++) {
    if (Math.abs(Math.log(SPEED_STEPS[i] / speed)) < Math.abs(Math.log(SPEED_STEPS[best] / speed))) best = i;
  }
  return best;
}

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
