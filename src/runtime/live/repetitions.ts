import type { Repetition } from "../../engine/run-result";

/** What the repetitions of one live run say together. */
export interface Spread {
  /** Index of the median repetition (by speedup): the run whose log, times and states are reported. */
  readonly median: number;
  readonly speedupMin: number;
  readonly speedupMax: number;
}

export const speedupOf = (r: Repetition): number => (r.parallelUs > 0 ? r.sequentialUs / r.parallelUs : 0);

/**
 * The median repetition by speedup and the range of speedups. For an even count the lower of the two
 * middle ones: the figure reported is always one run's own, so its log, times and speedup agree.
 */
export function spreadOf(reps: readonly Repetition[]): Spread {
  if (reps.length === 0) throw new Error("a live run needs at least one repetition");
  const order = reps.map((_, i) => i).sort((a, b) => speedupOf(reps[a]) - speedupOf(reps[b]));
  return {
    median: order[(reps.length - 1) >> 1],
    speedupMin: speedupOf(reps[order[0]]),
    speedupMax: speedupOf(reps[order[order.length - 1]]),
  };
}
