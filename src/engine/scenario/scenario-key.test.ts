import { describe, expect, it } from "vitest";
import { DEFAULT_SCENARIO } from "./scenario";
import { sameScenario, scenarioKey } from "./scenario-key";

describe("scenarioKey", () => {
  it("is equal for equal scenarios whatever their field order, and differs on any field", () => {
    const reordered = Object.fromEntries(
      Object.entries(DEFAULT_SCENARIO).reverse(),
    ) as typeof DEFAULT_SCENARIO;
    const mix = Object.fromEntries(
      Object.entries(DEFAULT_SCENARIO.mix).reverse(),
    ) as typeof DEFAULT_SCENARIO.mix;
    expect(scenarioKey({ ...reordered, mix })).toBe(scenarioKey(DEFAULT_SCENARIO));
    expect(sameScenario(DEFAULT_SCENARIO, { ...DEFAULT_SCENARIO, workers: 3 })).toBe(false);
    const cost = { ...DEFAULT_SCENARIO.cost, msgUs: DEFAULT_SCENARIO.cost.msgUs + 1 };
    expect(sameScenario(DEFAULT_SCENARIO, { ...DEFAULT_SCENARIO, cost })).toBe(false);
  });
});
