import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { scenarioArb } from "../../../test/runtime/scenario-arbitrary";
import { DEFAULT_SCENARIO } from "../../engine/scenario/scenario";
import { MVMemory } from "../../engine/schedulers/blockstm/mvmemory";
import { simulate } from "../simulate";

/** Counts validations that took the shortcut for final reads, each checked by reading everything again. */
function watchValidations(): { final: number; other: number } {
  const seen = { final: 0, other: 0 };
  const validate = MVMemory.prototype.validate;
  vi.spyOn(MVMemory.prototype, "validate").mockImplementation(function (this: MVMemory, u: number) {
    if (this.isFinal(u)) {
      seen.final++;
      expect(this.revalidate(u)).toBe(-1);
    } else seen.other++;
    return validate.call(this, u);
  });
  return seen;
}

describe("Block-STM's shortcut for an execution that began after every lower transaction committed", () => {
  afterEach(() => vi.restoreAllMocks());

  it("never passes a read set that reading again would fail, over random blocks", () => {
    const seen = watchValidations();
    fc.assert(
      fc.property(scenarioArb("blockstm", 200), (s) => {
        simulate(s);
      }),
      { numRuns: 60 },
    );
    // Both kinds occur: the property is not vacuous.
    expect(seen.final).toBeGreaterThan(0);
    expect(seen.other).toBeGreaterThan(0);
  });

  it("on one worker, every commit-time check takes it: each execution begins after the last commit", () => {
    const seen = watchValidations();
    simulate({ ...DEFAULT_SCENARIO, txs: 500, accounts: 3, workers: 1, scheduler: "blockstm" });
    expect(seen).toEqual({ final: 500, other: 0 });
  });
});
