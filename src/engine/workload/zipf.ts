import type { Rng } from "./rng";

/**
 * Zipf weights: rank k (0-based) has weight 1/(k+1)^skew, so skew 0 is uniform. Math.pow is the one
 * operation here not pinned by IEEE 754; an engine differing by an ulp could change a draw only with
 * probability about 2^-50, so blocks are identical everywhere in practice.
 */
export function zipfWeights(n: number, skew: number): Float64Array {
  const w = new Float64Array(n);
  for (let k = 0; k < n; k++) w[k] = 1 / (k + 1) ** skew;
  return w;
}

/** Draws index i with probability weight[i] / total, by binary search in the exact cumulative table. */
export class Cumulative {
  readonly cum: Float64Array;

  constructor(weights: ArrayLike<number>) {
    this.cum = new Float64Array(weights.length);
    let sum = 0;
    for (let i = 0; i < weights.length; i++) {
      sum += weights[i];
      this.cum[i] = sum;
    }
  }

  get size(): number {
    return this.cum.length;
  }

  get total(): number {
    return this.cum[this.cum.length - 1];
  }

  /** Probability of index i (for tests and for the UI's explanations). */
  probability(i: number): number {
    return (this.cum[i] - (i > 0 ? this.cum[i - 1] : 0)) / this.total;
  }

  sample(rng: Rng): number {
    return this.find(rng.float() * this.total);
  }

  /** Draws from the distribution conditioned on "not index e" (needs size >= 2). */
  sampleExcluding(rng: Rng, e: number): number {
    const start = e > 0 ? this.cum[e - 1] : 0;
    const span = this.cum[e] - start;
    let u = rng.float() * (this.total - span);
    if (u >= start) u += span;
    const i = this.find(u);
    // Only float rounding at the edges of e's interval can land on e; take its neighbour then.
    if (i !== e) return i;
    return e + 1 < this.cum.length ? e + 1 : e - 1;
  }

  /** First index whose cumulative weight exceeds u (the last index if none does). */
  private find(u: number): number {
    const cum = this.cum;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cum[mid] > u) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}
