import { describe, expect, it } from "vitest";
import { MAX_BARS, utilizationBars } from "./utilization-bars";

describe("utilizationBars", () => {
  it("draws one bar per lane and names its shard", () => {
    const { bars, perShard, mean } = utilizationBars(new Float64Array([1, 0.5, 0.25, 0.25]), 2);
    expect(perShard).toBe(false);
    expect(bars.map((b) => [b.label, b.value, b.shard])).toEqual([
      ["0", 1, 0],
      ["1", 0.5, 0],
      ["2", 0.25, 1],
      ["3", 0.25, 1],
    ]);
    expect(bars[2].title).toBe("Worker 2, shard 1: busy 25%");
    expect(mean).toBe(0.5);
  });

  it("leaves the shard out of the tooltip when unsharded", () => {
    expect(utilizationBars(new Float64Array([0.5]), 1).bars[0].title).toBe("Worker 0: busy 50%");
  });

  it("averages per shard when there are more lanes than bars", () => {
    const workers = 16;
    const shards = 8;
    const u = new Float64Array(workers * shards);
    for (let l = 0; l < u.length; l++) u[l] = Math.floor(l / workers) / 10;
    expect(u.length).toBeGreaterThan(MAX_BARS);
    const { bars, perShard } = utilizationBars(u, workers);
    expect(perShard).toBe(true);
    expect(bars).toHaveLength(shards);
    expect(bars[3].value).toBeCloseTo(0.3);
    expect(bars[3].title).toBe("Shard 3: its 16 workers busy 30% on average");
  });

  it("handles no lanes", () => {
    expect(utilizationBars(new Float64Array(0), 1)).toEqual({ bars: [], perShard: false, mean: 0 });
  });
});
