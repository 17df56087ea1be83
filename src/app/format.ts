/**
 * Number formatting for the page and the text it computes: fixed en-US grouping so figures read the same on
 * every machine.
 */

const integer = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });

export function formatInt(n: number): string {
  return integer.format(n);
}

/** A count and its noun: "1 worker", "2,000 transactions"; `many` where adding an s is wrong ("batches"). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${integer.format(n)} ${n === 1 ? one : many}`;
}

/** Large counts shortened: 12,345,678 -> "12.3M"; below 100,000 in full. */
export function formatCount(n: number): string {
  return Math.abs(n) < 100_000 ? integer.format(n) : compact.format(n);
}

/** A ratio as a multiplier with two significant decimals: "7.43×". */
export function formatTimes(x: number): string {
  return `${x.toFixed(x >= 100 ? 0 : x >= 10 ? 1 : 2)}×`;
}

/** A share 0..1 as a whole percentage: "63%". */
export function formatPercent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** A duration in microseconds in the unit that reads best: "850 µs", "12.5 ms", "3.20 s". */
export function formatDuration(us: number): string {
  if (us < 1000) return `${us === 0 || us >= 10 ? Math.round(us) : us.toFixed(1)} µs`;
  if (us < 1_000_000) return `${(us / 1000).toFixed(us < 10_000 ? 2 : 1)} ms`;
  return `${(us / 1_000_000).toFixed(2)} s`;
}
