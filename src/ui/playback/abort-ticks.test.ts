import { describe, expect, it } from "vitest";
import { abortAfter, abortDensity } from "./abort-ticks";

describe("abort density strip", () => {
  it("counts each abort in the column its time maps to, the run's end in the last", () => {
    const times = Float64Array.from([0, 1, 2.4, 2.6, 9.99, 10]);
    // 10 µs over 4 columns: [0, 2.5), [2.5, 5), [5, 7.5), [7.5, 10].
    expect([...abortDensity(times, 10, 4)]).toEqual([3, 1, 0, 2]);
  });

  it("loses no abort and draws nothing for an empty run", () => {
    const times = Float64Array.from({ length: 1000 }, (_, i) => (i * i) % 977);
    expect(abortDensity(times, 977, 37).reduce((a, b) => a + b, 0)).toBe(1000);
    expect([...abortDensity(times, 0, 5)]).toEqual([0, 0, 0, 0, 0]);
    expect(abortAfter(Float64Array.from([1, 3]), 2)).toBe(true);
    expect(abortAfter(Float64Array.from([1, 3]), 3)).toBe(false);
  });
});
