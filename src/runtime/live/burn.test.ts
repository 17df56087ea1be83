import { describe, expect, it } from "vitest";
import { type Clock, calibrateBurn } from "./burn";

/**
 * The clock of a thread that shares its core: every `periodMs` of its own running, `awayMs` pass while
 * another thread runs (a time slice of the scheduler).
 */
function sharedCore(periodMs: number, awayMs: number): Clock {
  const t0 = performance.now();
  return () => {
    const ran = performance.now() - t0;
    return t0 + ran + Math.floor(ran / periodMs) * awayMs;
  };
}

describe("calibrateBurn", () => {
  it("measures the rate a thread burns at while it runs, not its share of a busy core", () => {
    const alone = calibrateBurn();
    // Half the core, in slices of 4 ms: a sample as long as several slices would measure half the rate.
    const shared = calibrateBurn(sharedCore(4, 4));
    expect(alone).toBeGreaterThan(0);
    expect(shared).toBeGreaterThan(0.85 * alone);
  });
});
