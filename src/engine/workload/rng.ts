import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import type { JumpableRandomGenerator } from "pure-rand/types/JumpableRandomGenerator";

/**
 * The workload's only source of randomness: xoroshiro128+ from pure-rand, which uses 32-bit integer
 * arithmetic only, so the same seed gives the same stream on every machine and engine.
 */
export class Rng {
  private constructor(private readonly g: JumpableRandomGenerator) {}

  /** Seed is an integer 0..2^32-1; `stream` selects an independent stream (2^64 steps apart per jump). */
  static of(seed: number, stream = 0): Rng {
    const g = xoroshiro128plus(seed);
    for (let i = 0; i < stream; i++) g.jump();
    return new Rng(g);
  }

  /** Uniform integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return uniformInt(this.g, lo, hi);
  }

  /** Uniform in [0, 1), a multiple of 2^-53. */
  float(): number {
    return uniformFloat64(this.g);
  }

  chance(p: number): boolean {
    return this.float() < p;
  }
}
