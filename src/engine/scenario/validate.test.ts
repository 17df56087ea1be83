import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_SCENARIO, type Scenario } from "./scenario";
import { validateScenario } from "./validate";

function failure(input: unknown) {
  const r = validateScenario(input);
  if (r.ok) throw new Error(`expected issues for ${JSON.stringify(input)}`);
  return r;
}
const fields = (input: unknown) => failure(input).errors.map((e) => e.field);

describe("validateScenario", () => {
  it("accepts the defaults, a missing v and an empty object", () => {
    expect(validateScenario(DEFAULT_SCENARIO)).toEqual({ ok: true, scenario: DEFAULT_SCENARIO });
    expect(validateScenario({})).toEqual({ ok: true, scenario: DEFAULT_SCENARIO });
    const { v: _, ...noVersion } = DEFAULT_SCENARIO;
    expect(validateScenario({ ...noVersion, txs: 5 })).toEqual({
      ok: true,
      scenario: { ...DEFAULT_SCENARIO, txs: 5 },
    });
  });

  it("returns a fresh scenario that shares nothing with the input or the defaults", () => {
    const input = structuredClone(DEFAULT_SCENARIO);
    const r = validateScenario(input);
    expect(r.scenario.mix).not.toBe(input.mix);
    expect(r.scenario.cost).not.toBe(DEFAULT_SCENARIO.cost);
  });

  it("names the field and the allowed range", () => {
    expect(failure({ txs: 0 }).errors).toEqual([
      { field: "txs", message: "txs must be an integer from 1 to 100,000 (got 0)" },
    ]);
    expect(failure({ seed: 2 ** 32 }).errors[0].message).toBe(
      "seed must be an integer from 0 to 4,294,967,295 (got 4,294,967,296)",
    );
    expect(failure({ skew: 4.5 }).errors[0].message).toBe("skew must be a number from 0 to 4 (got 4.5)");
    expect(failure({ scheduler: "fast" }).errors[0].message).toBe(
      'scheduler must be one of sequential, blockstm, batched, accountlocks, bal, naive (got "fast")',
    );
    expect(failure({ cost: { msgUs: -1 } }).errors[0]).toEqual({
      field: "cost.msgUs",
      message: "cost.msgUs must be a number from 0 to 1,000,000 (got -1)",
    });
  });

  it("keeps every valid field when others are wrong", () => {
    const r = failure({
      txs: 250,
      accounts: "many",
      skew: 1.25,
      workers: 65,
      shards: 4,
      crossShard: "locks",
      mix: { swap: 2, mint: Number.NaN },
      cost: { gasPerUs: 9000, taskUs: "fast" },
    });
    expect(r.errors.map((e) => e.field)).toEqual(["accounts", "workers", "mix.mint", "cost.taskUs"]);
    const expected: Scenario = {
      ...DEFAULT_SCENARIO,
      txs: 250,
      skew: 1.25,
      shards: 4,
      crossShard: "locks",
      mix: { transfer: 0, swap: 2, mint: 0, vote: 0, ship: 0 },
      cost: { ...DEFAULT_SCENARIO.cost, gasPerUs: 9000 },
    };
    expect(r.scenario).toEqual(expected);
  });

  it("rejects non-numbers, NaN, infinities, fractions and huge numbers", () => {
    for (const bad of [
      "100",
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      1.5,
      1e300,
      null,
      true,
      [],
      {},
    ]) {
      const r = failure({ txs: bad, locality: 0.3 });
      expect(r.errors).toHaveLength(1);
      expect(r.errors[0].field).toBe("txs");
      expect(r.errors[0].message).toMatch(/^txs must be an integer from 1 to 100,000 \(got .+\)$/);
      expect(r.scenario).toEqual({ ...DEFAULT_SCENARIO, locality: 0.3 });
    }
    expect(failure({ txs: Number.NaN }).errors[0].message).toContain("(got NaN)");
    expect(failure({ txs: {} }).errors[0].message).toContain("(got an object)");
    expect(failure({ txs: "x".repeat(500) }).errors[0].message.length).toBeLessThan(120);
  });

  it("takes aggregators as true or false only, off when left out", () => {
    expect(validateScenario({ aggregators: true })).toEqual({
      ok: true,
      scenario: { ...DEFAULT_SCENARIO, aggregators: true },
    });
    expect(validateScenario({}).scenario.aggregators).toBe(false);
    for (const bad of [1, "true", null]) {
      const r = failure({ aggregators: bad, locality: 0.3 });
      expect(r.errors.map((e) => e.field)).toEqual(["aggregators"]);
      expect(r.errors[0].message).toMatch(
        /^aggregators must be true or false, or 1 or 0 in a link \(got .+\)$/,
      );
      expect(r.scenario).toEqual({ ...DEFAULT_SCENARIO, locality: 0.3 });
    }
  });

  it("takes corruptList as true or false only, off when left out, with any scheduler (it applies to bal)", () => {
    expect(validateScenario({ scheduler: "bal", corruptList: true })).toEqual({
      ok: true,
      scenario: { ...DEFAULT_SCENARIO, scheduler: "bal", corruptList: true },
    });
    // Kept but idle where it does not apply, as crossShard is on one shard: switching back to bal restores it.
    expect(validateScenario({ corruptList: true }).ok).toBe(true);
    expect(validateScenario({}).scenario.corruptList).toBe(false);
    for (const bad of [1, "yes", null]) {
      const r = failure({ corruptList: bad, scheduler: "bal" });
      expect(r.errors.map((e) => e.field)).toEqual(["corruptList"]);
      expect(r.errors[0].message).toMatch(
        /^corruptList must be true or false, or 1 or 0 in a link \(got .+\)$/,
      );
      expect(r.scenario).toEqual({ ...DEFAULT_SCENARIO, scheduler: "bal" });
    }
  });

  it("needs one positive mix weight and knows only the five kinds", () => {
    const zero = failure({ mix: { transfer: 0 } });
    expect(zero.errors[0].field).toBe("mix");
    expect(zero.errors[0].message).toContain("at least one contract kind");
    expect(zero.scenario.mix).toEqual(DEFAULT_SCENARIO.mix);
    expect(fields({ mix: { transfer: 1, nft: 2 } })).toEqual(["mix.nft"]);
    expect(failure({ mix: { transfer: 1, nft: 2 } }).errors[0].message).toContain(
      "allowed: transfer, swap, mint, vote, ship",
    );
    expect(fields({ mix: [1, 2] })).toEqual(["mix"]);
    expect(fields({ mix: { swap: -1, vote: 1 } })).toEqual(["mix.swap"]);
    expect(fields({ mix: { swap: 1e7 } })).toEqual(["mix.swap", "mix"]);
  });

  it("explains a scenario from a newer TxLanes and a wrong version", () => {
    const newer = failure({ v: 2, txs: 10 });
    expect(newer.errors[0].field).toBe("v");
    expect(newer.errors[0].message).toContain("made by a newer TxLanes (format v2)");
    expect(newer.scenario.txs).toBe(10);
    expect(failure({ v: 0 }).errors[0].message).toBe("v must be the format version 1 (got 0)");
    expect(failure({ v: "1" }).errors[0].message).toBe('v must be the format version 1 (got "1")');
  });

  it("names unknown fields at every level", () => {
    expect(fields({ txs: 10, speed: 3, colour: "red" })).toEqual(["speed", "colour"]);
    expect(failure({ speed: 3 }).errors[0].message).toMatch(
      /^speed is not a scenario field \(allowed: v, seed, txs/,
    );
    expect(fields({ cost: { gasPerUs: 7000, latency: 1 } })).toEqual(["cost.latency"]);
  });

  it("gives one clear issue for input that is not an object", () => {
    for (const bad of [null, undefined, 42, "txs=5", [DEFAULT_SCENARIO], true]) {
      const r = failure(bad);
      expect(r.errors).toHaveLength(1);
      expect(r.errors[0].field).toBe("scenario");
      expect(r.errors[0].message).toMatch(/^a scenario must be a JSON object of fields \(got .+\)$/);
      expect(r.scenario).toEqual(DEFAULT_SCENARIO);
    }
  });

  it("is not fooled by prototype keys", () => {
    const input = JSON.parse(
      '{"__proto__": {"txs": 7}, "constructor": {"prototype": {"x": 1}}, "mix": {"__proto__": {"swap": 5}, "vote": 1}}',
    );
    const r = failure(input);
    expect(r.errors.map((e) => e.field)).toEqual(["mix.__proto__", "__proto__", "constructor"]);
    expect(r.scenario.txs).toBe(DEFAULT_SCENARIO.txs);
    expect(r.scenario.mix).toEqual({ transfer: 0, swap: 0, mint: 0, vote: 1, ship: 0 });
    expect(Object.getPrototypeOf(r.scenario)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).txs).toBeUndefined();
    // Inherited fields are not the input's own: an object whose prototype holds a scenario is empty.
    expect(validateScenario(Object.create({ txs: 0 }))).toEqual({ ok: true, scenario: DEFAULT_SCENARIO });
  });

  it("never throws, and its fallback scenario is always valid", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.dictionary(fc.constantFrom("txs", "mix", "cost", "v", "skew", "source", "x"), fc.anything()),
        ),
        (input) => {
          const r = validateScenario(input);
          expect(validateScenario(r.scenario)).toEqual({ ok: true, scenario: r.scenario });
          if (!r.ok) for (const e of r.errors) expect(e.message.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 500 },
    );
  });
});
