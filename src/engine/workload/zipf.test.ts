import { describe, expect, it } from "vitest";
import { Rng } from "./rng";
import { Cumulative, zipfWeights } from "./zipf";

/** Pearson's chi-square of observed counts against probabilities. */
function chiSquare(counts: readonly number[], p: (i: number) => number, draws: number): number {
  return counts.reduce((x, c, i) => x + (c - draws * p(i)) ** 2 / (draws * p(i)), 0);
}
// 99.9% quantile of chi-square with 19 degrees of freedom: a correct sampler fails 1 seed in 1,000.
const CHI2_19_999 = 43.82;

function counts(n: number, draws: number, draw: () => number): number[] {
  const c = new Array<number>(n).fill(0);
  for (let i = 0; i < draws; i++) c[draw()]++;
  return c;
}

describe("Zipf by cumulative table", () => {
  it("weights rank k by 1/(k+1)^skew", () => {
    const z = new Cumulative(zipfWeights(4, 2));
    const h = 1 + 1 / 4 + 1 / 9 + 1 / 16;
    expect(z.probability(0)).toBeCloseTo(1 / h, 12);
    expect(z.probability(3)).toBeCloseTo(1 / 16 / h, 12);
  });

  it("draws match the distribution (chi-square)", () => {
    for (const skew of [0.5, 1, 1.7]) {
      const z = new Cumulative(zipfWeights(20, skew));
      const rng = Rng.of(7);
      const c = counts(20, 100_000, () => z.sample(rng));
      expect(chiSquare(c, (i) => z.probability(i), 100_000)).toBeLessThan(CHI2_19_999);
    }
  });

  it("skew 0 is uniform", () => {
    const z = new Cumulative(zipfWeights(20, 0));
    for (let i = 0; i < 20; i++) expect(z.probability(i)).toBe(1 / 20);
    const rng = Rng.of(11);
    const c = counts(20, 100_000, () => z.sample(rng));
    expect(chiSquare(c, () => 1 / 20, 100_000)).toBeLessThan(CHI2_19_999);
  });

  it("excluding an index never draws it and keeps the others' proportions", () => {
    const z = new Cumulative(zipfWeights(20, 1.3));
    for (const e of [0, 7, 19]) {
      const rng = Rng.of(e);
      const c = counts(20, 100_000, () => z.sampleExcluding(rng, e));
      expect(c[e]).toBe(0);
      const rest = 1 - z.probability(e);
      c.splice(e, 1);
      const p = (i: number) => z.probability(i < e ? i : i + 1) / rest;
      // 18 degrees of freedom now: the 19-dof bound is looser still.
      expect(chiSquare(c, p, 100_000)).toBeLessThan(CHI2_19_999);
    }
  });

  it("never draws a zero weight", () => {
    const z = new Cumulative([0, 2, 0, 1, 0]);
    const rng = Rng.of(3);
    const c = counts(5, 10_000, () => z.sample(rng));
    expect([c[0], c[2], c[4]]).toEqual([0, 0, 0]);
  });
});
