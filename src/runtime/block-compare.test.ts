import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEFAULT_SCENARIO } from "../engine/scenario/scenario";
import { COMPARE_TASKS, type ComparePoint, comparePoint, loadCompareBlock } from "./block-compare";

describe("every scheduler on a real block", () => {
  it("runs each scheduler with both fee modes; in-tx fees serialize Block-STM", async () => {
    const upload = JSON.parse(readFileSync("public/blocks/17666333.json", "utf8"));
    const base = { ...DEFAULT_SCENARIO, workers: 8 };
    const points: ComparePoint[] = [];
    for (const task of COMPARE_TASKS)
      points.push(comparePoint(base, task, await loadCompareBlock(base, task.feeMode, upload)));
    expect(points.map((p) => `${p.scheduler}/${p.feeMode}`)).toEqual([
      "sequential/lazy",
      "blockstm/lazy",
      "batched/lazy",
      "accountlocks/lazy",
      "bal/lazy",
      "sequential/in-tx",
      "blockstm/in-tx",
      "batched/in-tx",
      "accountlocks/in-tx",
      "bal/in-tx",
    ]);
    expect(points.every((p) => p.matches)).toBe(true);
    const at = (s: string, f: string) =>
      points.find((p) => p.scheduler === s && p.feeMode === f)?.speedup ?? 0;
    expect(at("sequential", "lazy")).toBeCloseTo(1, 1);
    expect(at("blockstm", "lazy")).toBeGreaterThan(at("blockstm", "in-tx"));
    expect(at("accountlocks", "lazy")).toBeGreaterThan(at("accountlocks", "in-tx"));
    // With the list, even in-tx fees (every transaction writes the recipient's balance) chain nothing.
    expect(at("bal", "in-tx")).toBeGreaterThan(2 * at("blockstm", "in-tx"));
  });
});
