import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Repetition } from "../../engine/run-result";
import { speedupOf, spreadOf } from "./repetitions";

describe("the median repetition of a live run", () => {
  it("is one repetition's own, in the middle by speedup, between the lowest and the highest", () => {
    const rep = fc.record({
      sequentialUs: fc.double({ min: 1, max: 1e6, noNaN: true }),
      parallelUs: fc.double({ min: 1, max: 1e6, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(rep, { minLength: 1, maxLength: 15 }), (reps: Repetition[]) => {
        const s = spreadOf(reps);
        const ups = reps.map(speedupOf);
        const m = ups[s.median];
        expect(s.speedupMin).toBe(Math.min(...ups));
        expect(s.speedupMax).toBe(Math.max(...ups));
        // At most half strictly below, at most half strictly above (lower median for even counts).
        expect(ups.filter((u) => u < m).length).toBeLessThanOrEqual((reps.length - 1) >> 1);
        expect(ups.filter((u) => u > m).length).toBeLessThanOrEqual(reps.length >> 1);
      }),
    );
  });

  it("for five runs is the third fastest", () => {
    const reps = [4, 1, 5, 2, 3].map((x) => ({ sequentialUs: x, parallelUs: 1 }));
    expect(spreadOf(reps)).toEqual({ median: 4, speedupMin: 1, speedupMax: 5 });
  });

  it("refuses no repetitions", () => {
    expect(() => spreadOf([])).toThrow("at least one repetition");
  });
});
