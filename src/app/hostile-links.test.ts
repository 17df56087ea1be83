/**
 * The hostile links the browser once opened by the hundred, as a property of the link reader: every link
 * with a wrong part (script, markup, prototype keys, numbers out of range, broken hashes, newer versions,
 * random bytes) is read without a throw and gives at least one plain message naming what is wrong.
 * The browser test keeps a few dozen of them, to check that a message reaches the page as text.
 */
import fc from "fast-check";
import LZString from "lz-string";
import { describe, expect, it } from "vitest";
import { DEFAULT_SCENARIO } from "../engine/scenario/scenario";
import { validateScenario } from "../engine/scenario/validate";
import { readLink } from "./url-sync";

const HOSTILE = [
  "<script>alert(1)</script>",
  "javascript:alert(1)",
  '"><img src=x onerror=alert(1)>',
  "</div><h1>owned</h1>",
  "$" + "{alert(1)}",
  "{{constructor.constructor('alert(1)')()}}",
  "__proto__",
  "\u202e\u0000",
];
/** Values no numeric parameter accepts. */
const BAD_NUMBERS = ["-1", "1e99", "NaN", "Infinity", "0x10", "", "abc", "9".repeat(40)];
/** Per parameter, values just outside its range. */
const OUT_OF_RANGE: Readonly<Record<string, readonly string[]>> = {
  w: ["0", "65", "1.5"],
  shards: ["0", "65", "2.5"],
  n: ["0", "100001", "3.5"],
  acc: ["1", "1000001", "2.5"],
  skew: ["4.5", "-0.1"],
  loc: ["1.1", "-0.5"],
  t: ["86400000001", "-0.1"],
  speed: ["0", "2", "0.0000001"],
  tx: ["1000", "1.5"],
  ch: ["0", "100", "2"],
  agg: ["2", "true", "-1"],
};
const PARAMS = [
  "s",
  "w",
  "shards",
  "x",
  "loc",
  "n",
  "mix",
  "acc",
  "skew",
  "seed",
  "t",
  "speed",
  "tx",
  "ch",
  "p",
  "src",
  "fee",
  "agg",
  "mode",
];
const BAD_HASHES = ["#v1:", "#v1:!!!", "#garbage", "#v1:N4Ig@", "#vX:abc", `#v1:${"A".repeat(5000)}`];

const enc = encodeURIComponent;
const hashOf = (data: unknown, v = 1): string =>
  `#v${v}:${LZString.compressToEncodedURIComponent(JSON.stringify(data))}`;

const hostile = fc.constantFrom(...HOSTILE);
const param = fc.constantFrom(...PARAMS);
/** Random text, the sort a mangled paste or a fuzzer sends (no empty string: it would be no value). */
const junk = fc
  .array(fc.integer({ min: 1, max: 0x2ff }), { minLength: 1, maxLength: 24 })
  .map((codes) => String.fromCharCode(...codes));

/** A link as `[search, hash]`, each with at least one part that is wrong. */
const badLink: fc.Arbitrary<[string, string]> = fc.oneof(
  fc.tuple(param, hostile).map(([p, v]): [string, string] => [`?${p}=${enc(v)}`, ""]),
  hostile.map((v): [string, string] => ["?lv=1", `#v1:${enc(v)}`]),
  hostile.map((v): [string, string] => ["", hashOf({ panels: [v] })]),
  hostile.map((v): [string, string] => ["", hashOf({ compare: { scheduler: v } })]),
  hostile.map((v): [string, string] => ["", hashOf({ [v]: 1 })]),
  hostile.map((v): [string, string] => [`?p=${enc(v)}&ch=2`, ""]),
  fc
    .constantFrom(...Object.entries(OUT_OF_RANGE))
    .chain(([p, values]) => fc.constantFrom(...BAD_NUMBERS, ...values).map((n) => [p, n] as const))
    .map(([p, n]): [string, string] => [`?${p}=${enc(n)}`, ""]),
  fc.constantFrom("2", "99", "-1", "abc", "1.5", "").map((v): [string, string] => [`?lv=${enc(v)}&w=4`, ""]),
  fc.constantFrom(2, 7, 0).map((v): [string, string] => ["?lv=1", hashOf({ cost: { gasPerUs: 1 } }, v)]),
  fc.constantFrom(...BAD_HASHES).map((h): [string, string] => ["?w=4", h]),
  // An unknown name (junk plus a letter no parameter ends with), or a known one with junk appended.
  fc.tuple(junk, junk).map(([k, v]): [string, string] => [`?${enc(`${k}§`)}=${enc(v)}`, ""]),
  fc.tuple(param, hostile, junk).map(([p, h, j]): [string, string] => [`?${p}=${enc(h + j)}`, ""]),
  fc
    .tuple(fc.constantFrom("w", "n", "t", "tx", "shards"), fc.constantFrom(...BAD_NUMBERS), param, junk)
    .map(([p, n, q, j]): [string, string] => [`?${p}=${enc(n)}&${q}=${enc(j)}x`, ""]),
  junk.map((j): [string, string] => ["?lv=1", `#v1:${enc(j)}`]),
);

describe("hostile links", () => {
  it("each gives a plain message for what is wrong, never a throw, and leaves a runnable scenario", () => {
    fc.assert(
      fc.property(badLink, ([search, hash]) => {
        const opened = readLink(search, hash);
        expect(opened.issues.length, `${search}${hash}`).toBeGreaterThan(0);
        for (const issue of opened.issues) expect(issue.message.length).toBeGreaterThan(10);
        expect(validateScenario(opened.scenario).ok).toBe(true);
        if (opened.newer) expect(opened.scenario).toEqual(DEFAULT_SCENARIO);
      }),
      { numRuns: 2000 },
    );
  });
});
