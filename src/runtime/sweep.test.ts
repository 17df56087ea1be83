import { describe, expect, it } from "vitest";
import { DEFAULT_SCENARIO, SCHEDULERS } from "../engine/scenario/scenario";
import { validateScenario } from "../engine/scenario/validate";
import { SWEEP_MAX_TXS, SWEEP_VALUES, sweepPlan, sweepPoint } from "./sweep";

describe("sweepPlan", () => {
  it("caps the block, runs a synthetic block, and visits every scheduler at each value in turn", () => {
    const plan = sweepPlan({ ...DEFAULT_SCENARIO, source: "mod3mod4", txs: 50_000 }, "skew");
    expect(plan.base.txs).toBe(SWEEP_MAX_TXS);
    expect(plan.base.source).toBe("synthetic");
    expect(plan.tasks).toHaveLength(SWEEP_VALUES.skew.length * SCHEDULERS.length);
    expect(plan.tasks.slice(0, SCHEDULERS.length).map((t) => t.value)).toEqual(SCHEDULERS.map(() => 0));
    expect(sweepPlan({ ...DEFAULT_SCENARIO, txs: 300 }, "accounts").base.txs).toBe(300);
  });

  it("a sharded sweep leaves out bal (one access list per block), and every point it plans is valid", () => {
    const plan = sweepPlan({ ...DEFAULT_SCENARIO, shards: 4, txs: 300 }, "skew");
    const schedulers = new Set(plan.tasks.map((t) => t.scheduler));
    expect([...schedulers].sort()).toEqual(SCHEDULERS.filter((x) => x !== "bal").sort());
    for (const t of plan.tasks.slice(0, schedulers.size))
      expect(validateScenario({ ...plan.base, scheduler: t.scheduler, skew: t.value }).ok).toBe(true);
  });
});

describe("sweepPoint", () => {
  const base = { ...DEFAULT_SCENARIO, txs: 400, workers: 8 };

  it("speedup falls as contention rises, and Block-STM stays near sequential with two accounts", () => {
    const at = (value: number) => sweepPoint(base, "accounts", { scheduler: "blockstm", value });
    const [two, hundred, thousand] = [2, 100, 1000].map(at);
    expect(thousand.speedup).toBeGreaterThan(hundred.speedup);
    expect(hundred.speedup).toBeGreaterThan(two.speedup);
    expect(two.speedup).toBeGreaterThan(0.7);
    expect(two.speedup).toBeLessThan(1.3);
    expect(two.aborts).toBeGreaterThan(0);
  });

  it("skew: uniform is faster than skew 2; the ideal bounds the speedup from above (give or take overheads)", () => {
    const uniform = sweepPoint(base, "skew", { scheduler: "blockstm", value: 0 });
    const hot = sweepPoint(base, "skew", { scheduler: "blockstm", value: 2 });
    expect(uniform.speedup).toBeGreaterThan(hot.speedup);
    expect(uniform.idealSpeedup).toBeLessThanOrEqual(8);
    expect(hot.speedup).toBeLessThanOrEqual(hot.idealSpeedup * 1.1);
    expect(sweepPoint(base, "skew", { scheduler: "sequential", value: 1 }).speedup).toBeCloseTo(1, 1);
  });
});
