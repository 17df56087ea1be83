import type { Scenario } from "./scenario";

/** Nested objects (mix, cost) with their fields in name order, so field order never matters. */
const sortFields = (_key: string, v: unknown): unknown =>
  typeof v === "object" && v !== null && !Array.isArray(v)
    ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    : v;

/** A scenario's identity as a string: equal exactly when the scenarios are, whatever their field order. */
export function scenarioKey(s: Scenario): string {
  return JSON.stringify(s, sortFields);
}

export function sameScenario(a: Scenario, b: Scenario): boolean {
  return scenarioKey(a) === scenarioKey(b);
}
