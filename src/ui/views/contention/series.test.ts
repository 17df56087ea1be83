import { describe, expect, it } from "vitest";
import type { SweepPoint } from "../../../app/jobs";
import { mostContended, seriesOf } from "./series";

const p = (scheduler: SweepPoint["scheduler"], value: number, speedup: number): SweepPoint => ({
  scheduler,
  value,
  speedup,
  idealSpeedup: speedup + 1,
  aborts: 0,
});

describe("seriesOf", () => {
  it("groups points into lines sorted along the axis, with the ideal from the Block-STM runs", () => {
    const s = seriesOf([p("blockstm", 1, 3), p("batched", 0, 5), p("blockstm", 0, 6), p("sequential", 0, 1)]);
    expect(s.map((x) => x.id)).toEqual(["ideal", "blockstm", "batched", "sequential"]);
    expect(s[0].points.map((x) => [x.value, x.speedup])).toEqual([
      [0, 7],
      [1, 4],
    ]);
    expect(s[1].points.map((x) => x.value)).toEqual([0, 1]);
  });
});

describe("mostContended", () => {
  it("is the highest skew, or the fewest accounts, of the Block-STM points", () => {
    const points = [p("blockstm", 2, 1.5), p("blockstm", 10, 3), p("batched", 1, 1)];
    expect(mostContended(points, "skew")?.value).toBe(10);
    expect(mostContended(points, "accounts")?.value).toBe(2);
    expect(mostContended([], "skew")).toBeNull();
  });
});
