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
    // Half the core, in slices of 4 ms: a sample as long as several slices measures half the rate. Alone and
    // shared are interleaved, so that other load on the machine touches both alike.
    const alone = [calibrateBurn()];
    const shared = [calibrateBurn(sharedCore(4, 4)), calibrateBurn(sharedCore(4, 4))];
    alone.push(calibrateBurn());
    expect(Math.min(...alone)).toBeGreaterThan(0);
    expect(Math.max(...shared)).toBeGreaterThan(0.7 * Math.max(...alone));
  });
});
