import fc from "fast-check";
import LZString from "lz-string";
import { describe, expect, it } from "vitest";
import { type DecodedLink, decodeLink, encodeLink, LINK_VERSION, type LinkIssue } from "./link";
import { PARAMS } from "./link-query";
import {
  CONTRACT_KINDS,
  CROSS_SHARD,
  DEFAULT_SCENARIO,
  FEE_MODES,
  SCHEDULERS,
  type Scenario,
  SOURCES,
} from "./scenario";
import { validateScenario } from "./validate";
import {
  checkView,
  EMBED_VIEWS,
  RUN_MODES,
  type ScenarioPatch,
  VIEW_LIMITS,
  type ViewState,
} from "./view-state";

const num = (min: number, max: number) => fc.double({ min, max, noNaN: true }).map((x) => x + 0);
const int = (min: number, max: number) => fc.integer({ min, max });
const slug = fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}$/);
const weight = fc.oneof(fc.constant(0), num(0, 1_000_000));

/** Every field of a scenario, each over its whole valid range. */
const fieldArbs = {
  source: fc.constantFrom(...SOURCES),
  seed: int(0, 2 ** 32 - 1),
  txs: int(1, 100_000),
  mix: fc
    .record({ transfer: weight, swap: weight, mint: weight, vote: weight, ship: weight })
    .filter((m) => CONTRACT_KINDS.some((k) => m[k] > 0)),
  accounts: int(2, 1_000_000),
  skew: num(0, 4),
  pools: int(1, 10_000),
  collections: int(1, 1000),
  proposals: int(1, 1000),
  items: int(1, 1_000_000),
  scheduler: fc.constantFrom(...SCHEDULERS),
  workers: int(1, 64),
  shards: int(1, 64),
  crossShard: fc.constantFrom(...CROSS_SHARD),
  feeMode: fc.constantFrom(...FEE_MODES),
  locality: num(0, 1),
  aggregators: fc.boolean(),
  corruptList: fc.boolean(),
  cost: fc.record({
    gasPerUs: num(100, 10_000_000),
    validateUsPerRead: num(0, 100),
    taskUs: num(0, 100),
    mvReadUs: num(0, 100),
    mvWriteUs: num(0, 100),
    commitUs: num(0, 100),
    resumeUs: num(0, 100),
    msgUs: num(0, 1_000_000),
    work: num(0, 100),
  }),
};

/** Valid scenarios; half keep most fields at their defaults, as real links do. */
const scenarioArb: fc.Arbitrary<Scenario> = fc
  .oneof(fc.record(fieldArbs), fc.record(fieldArbs, { requiredKeys: [] }))
  .map((fields) => ({ ...DEFAULT_SCENARIO, ...fields }))
  .filter((s) => validateScenario(s).ok);

const patchArb: fc.Arbitrary<ScenarioPatch> = fc.record(fieldArbs, { requiredKeys: [] });

function viewArb(s: Scenario): fc.Arbitrary<ViewState> {
  const maxTx = s.source.startsWith("eth-") ? VIEW_LIMITS.maxTxs - 1 : s.txs - 1;
  return fc.record(
    {
      t: num(0, VIEW_LIMITS.maxTimeUs),
      speed: num(VIEW_LIMITS.minSpeed, VIEW_LIMITS.maxSpeed),
      tx: int(0, maxTx),
      panels: fc.uniqueArray(slug, { maxLength: VIEW_LIMITS.maxPanels }),
      compare: patchArb.filter((c) => validateScenario({ ...s, ...c }).ok),
      chapter: int(1, VIEW_LIMITS.maxChapter),
      preset: slug,
      embed: fc.boolean(),
      show: fc.constantFrom(...EMBED_VIEWS.filter((v) => v !== "shards" || s.shards > 1)),
      mode: fc.constantFrom(...RUN_MODES),
    },
    { requiredKeys: [] },
  );
}

const linkArb = scenarioArb.chain((s) => viewArb(s).map((v) => ({ s, v })));

/** An issue names its part first, as typed or quoted. */
function namesPart(issue: LinkIssue): boolean {
  const { part, message } = issue;
  return [" ", ".", ":"].some(
    (c) => message.startsWith(part + c) || message.startsWith(JSON.stringify(part) + c),
  );
}

/** What must hold for any link at all: a valid scenario and view, and issues that say where. */
function expectSound(d: DecodedLink): void {
  expect(validateScenario(d.scenario)).toEqual({ ok: true, scenario: d.scenario });
  expect(checkView(d.view, d.scenario).issues).toEqual([]);
  for (const issue of d.issues) {
    expect(issue.part.length).toBeGreaterThan(0);
    expect(namesPart(issue), issue.message).toBe(true);
  }
  if (d.newer !== undefined) {
    expect(d.scenario).toEqual(DEFAULT_SCENARIO);
    expect(d.view).toEqual({});
  }
}

const decode = (url: string): DecodedLink => {
  const h = url.indexOf("#");
  return h < 0 ? decodeLink(url, "") : decodeLink(url.slice(0, h), url.slice(h));
};
const parts = (d: DecodedLink) => d.issues.map((i) => i.part);

describe("encodeLink / decodeLink round trip", () => {
  it("is exact for every valid scenario and view", () => {
    fc.assert(
      fc.property(linkArb, ({ s, v }) => {
        const { search, hash } = encodeLink(s, v);
        const d = decodeLink(search, hash);
        expect(d.issues).toEqual([]);
        expect(d.scenario).toEqual(s);
        expect(d.view).toEqual(v);
        expect(d.version).toBe(LINK_VERSION);
      }),
      { numRuns: 300 },
    );
  });

  it("writes nothing for the defaults and only short, readable parameters otherwise", () => {
    expect(encodeLink(DEFAULT_SCENARIO, {})).toEqual({ search: "", hash: "" });
    const s: Scenario = {
      ...DEFAULT_SCENARIO,
      scheduler: "batched",
      workers: 4,
      skew: 1.2,
      mix: { ...DEFAULT_SCENARIO.mix, swap: 0.5 },
    };
    expect(encodeLink(s, { t: 123.4, tx: 41, preset: "hot-account" })).toEqual({
      search: "?lv=1&p=hot-account&s=batched&w=4&mix=transfer:1,swap:0.5&skew=1.2&t=123.4&tx=41",
      hash: "",
    });
    const withHash = encodeLink({ ...s, cost: { ...s.cost, msgUs: 50 } }, { panels: ["graph"] });
    expect(withHash.hash).toMatch(/^#v1:[A-Za-z0-9+\-$]+$/);
    expect(decodeLink(withHash.search, withHash.hash).scenario.cost.msgUs).toBe(50);
  });

  it("writes and reads an embed link: embed=1 and the view to show", () => {
    const sharded = { ...DEFAULT_SCENARIO, shards: 2 };
    expect(encodeLink(sharded, { embed: true, show: "shards" }).search).toBe(
      "?lv=1&shards=2&embed=1&show=shards",
    );
    const d = decodeLink("?embed=1&show=lanes", "");
    expect(d.issues).toEqual([]);
    expect(d.view).toEqual({ embed: true, show: "lanes" });
    expect(decodeLink("?embed=yes&show=lanes", "").issues).toEqual([
      { part: "embed", message: 'embed must be 1 (one view, for an iframe) or 0 (got "yes")' },
    ]);
  });

  it("writes and reads a live link: mode=live", () => {
    expect(encodeLink({ ...DEFAULT_SCENARIO, workers: 2 }, { mode: "live" }).search).toBe(
      "?lv=1&w=2&mode=live",
    );
    expect(decodeLink("?mode=live", "")).toMatchObject({ view: { mode: "live" }, issues: [] });
    expect(decodeLink("?mode=Live", "").issues).toEqual([
      { part: "mode", message: 'mode must be virtual or live (got "Live")' },
    ]);
  });

  it("reads hand-typed links without lv, ? or # and with any parameter order", () => {
    const d = decodeLink("w=4&s=batched&n=200", "");
    expect(d.issues).toEqual([]);
    expect(d.scenario).toEqual({ ...DEFAULT_SCENARIO, workers: 4, scheduler: "batched", txs: 200 });
    expect(decodeLink("", "").scenario).toEqual(DEFAULT_SCENARIO);
  });
});

describe("link versions", () => {
  it("migrates a v0 link (long names, mix per kind, playhead in ms) forward", () => {
    const d = decode(
      "?scheduler=batched&workers=4&txs=500&crossShard=locks&shards=2&locality=0.8&mix.swap=0.5&time=1.5&selected=7&speed=0.001",
    );
    expect(d.issues).toEqual([]);
    expect(d.version).toBe(0);
    expect(d.scenario).toEqual({
      ...DEFAULT_SCENARIO,
      scheduler: "batched",
      workers: 4,
      txs: 500,
      crossShard: "locks",
      shards: 2,
      locality: 0.8,
      mix: { ...DEFAULT_SCENARIO.mix, swap: 0.5 },
    });
    expect(d.view).toEqual({ t: 1500, tx: 7, speed: 0.001 });
    // Re-encoding gives the v1 link of the same run.
    const again = encodeLink(d.scenario, d.view);
    expect(decodeLink(again.search, again.hash)).toEqual({ ...d, version: 1 });
  });

  it("gives a v0 link and its v1 form the same scenario and view", () => {
    const v0Fields = ["source", "seed", "txs", "accounts", "skew", "scheduler", "workers", "shards"] as const;
    fc.assert(
      fc.property(scenarioArb, num(0, 1e6), (s, ms) => {
        const q = v0Fields.map((k) => `${k}=${encodeURIComponent(String(s[k]))}`);
        const weights = CONTRACT_KINDS.map((k) => `mix.${k}=${s.mix[k]}`);
        const extra = [`crossShard=${s.crossShard}`, `locality=${s.locality}`, `time=${ms}`];
        const d = decodeLink(`?${[...q, ...weights, ...extra].join("&")}`, "");
        expect(d.version).toBe(0);
        const known = Object.fromEntries(v0Fields.map((k) => [k, s[k]]));
        const { crossShard, locality, mix } = s;
        expect(d.scenario).toEqual({ ...DEFAULT_SCENARIO, ...known, crossShard, locality, mix });
        expect(Math.abs((d.view.t ?? -1) - ms * 1000)).toBeLessThanOrEqual(1e-12 * ms * 1000);
      }),
      { numRuns: 100 },
    );
  });

  it("names v0 parts as the link typed them", () => {
    const d = decode("?workers=99&time=abc&mix.swap=lots");
    expect(parts(d)).toEqual(["workers", "mix.*", "time"]);
    expect(d.issues.map((i) => i.message)).toEqual([
      "workers must be an integer from 1 to 64 (got 99)",
      'mix.*: mix.swap must be a number from 0 to 1,000,000 (got "lots")',
      'time: t must be a playhead time in microseconds from 0 to 86,400,000,000 (a day) (got "abc")',
    ]);
  });

  it.each([
    ["?lv=2&w=4", "lv", 2],
    ["?lv=3&s=batched#v3:abc", "lv", 3],
    ["?w=4#v2:N4Ig", "#", 2],
    ["?lv=1&w=4#v99:xyz", "#", 99],
  ])("refuses a newer link whole: %s", (url, part, version) => {
    const d = decode(url);
    const message = `this link was made by a newer TxLanes (link v${version}); this version reads up to v1: update TxLanes to open it`;
    expect(d.newer).toBe(message);
    expect(d.issues).toEqual([{ part, message: `${part}: ${message}` }]);
    expectSound(d);
    expect(d.scenario).toEqual(DEFAULT_SCENARIO);
    expect(d.view).toEqual({});
  });
});

describe("the corrupt-list flag", () => {
  it("is corrupt=1 in a link, left out when off, and a link without it keeps its default (off)", () => {
    const on = { ...DEFAULT_SCENARIO, scheduler: "bal" as const, corruptList: true };
    const { search, hash } = encodeLink(on);
    expect(search).toContain("corrupt=1");
    expect(search).toContain("s=bal");
    expect(decode(search + hash).scenario).toEqual(on);
    expect(encodeLink({ ...on, corruptList: false }).search).not.toContain("corrupt");
    expect(decode("?lv=1&s=bal").scenario.corruptList).toBe(false);
    expect(decode("?lv=1&s=bal&corrupt=1").scenario).toEqual(on);
  });

  it("names a bad value and keeps the rest", () => {
    const d = decode("?lv=1&s=bal&corrupt=on&w=4");
    expect(d.issues.map((i) => i.message)).toEqual([
      'corrupt: corruptList must be true or false, or 1 or 0 in a link (got "on")',
    ]);
    expect(d.scenario).toEqual({ ...DEFAULT_SCENARIO, scheduler: "bal", workers: 4 });
  });
});

describe("the aggregators flag", () => {
  it("is agg=1 in a link, left out when off, and a link without it keeps its default (off)", () => {
    const on = { ...DEFAULT_SCENARIO, mix: { ...DEFAULT_SCENARIO.mix, mint: 1 }, aggregators: true };
    const { search, hash } = encodeLink(on);
    expect(search).toContain("agg=1");
    expect(decode(search + hash).scenario).toEqual(on);
    expect(encodeLink({ ...on, aggregators: false }).search).not.toContain("agg");
    expect(decode("?lv=1&w=4").scenario.aggregators).toBe(false);
  });

  it("names a bad value and keeps the rest", () => {
    const d = decode("?lv=1&agg=yes&w=4");
    expect(d.issues.map((i) => i.message)).toEqual([
      'agg: aggregators must be true or false, or 1 or 0 in a link (got "yes")',
    ]);
    expect(d.scenario).toEqual({ ...DEFAULT_SCENARIO, workers: 4 });
  });
});

describe("bad links", () => {
  it("reports each bad parameter with what it should be and what it got, and keeps the rest", () => {
    const d = decode(
      "?lv=1&w=0&s=<script>alert(1)</script>&n=abc&acc=1e400&zz=javascript:alert(1)&mix=swap,foo:1,transfer:x&t=-4&tx=1000&ch=0&p=Bad_Id&skew=1.5&x=locks&shards=3",
    );
    expect(d.issues.map((i) => i.message)).toEqual([
      '"zz" is not a TxLanes link parameter (known: lv, p, src, s, w, shards, x, loc, n, mix, acc, skew, pools, cols, props, items, fee, agg, corrupt, seed, t, speed, tx, ch, embed, show, story, mode)',
      'mix: each entry must be kind:weight, like transfer:1,swap:0.5 (got "swap")',
      'n: txs must be an integer from 1 to 100,000 (got "abc")',
      "acc: accounts must be an integer from 2 to 1,000,000 (got Infinity)",
      "w: workers must be an integer from 1 to 64 (got 0)",
      's: scheduler must be one of sequential, blockstm, batched, accountlocks, bal, naive (got "<script>alert(1)</script>")',
      "mix.foo is not a contract kind (allowed: transfer, swap, mint, vote, ship)",
      'mix.transfer must be a number from 0 to 1,000,000 (got "x")',
      "t must be a playhead time in microseconds from 0 to 86,400,000,000 (a day) (got -4)",
      "tx must be a transaction number from 0 to 999, below the block size (got 1000)",
      "ch: chapter must be a chapter number from 1 to 99 (got 0)",
      'p: preset must be a preset id (lower-case words joined by dashes) (got "Bad_Id")',
    ]);
    expect(d.scenario).toEqual({ ...DEFAULT_SCENARIO, skew: 1.5, crossShard: "locks", shards: 3 });
    expect(d.view).toEqual({});
  });

  it.each<[string, string[], Partial<Scenario>]>([
    ["?w=4&w=5", ["w"], { workers: 4 }],
    ["?lv=x&w=4", ["lv"], { workers: 4 }],
    ["?lv=-1&w=4", ["lv"], { workers: 4 }],
    ["?w=&n=20", ["w"], { txs: 20 }],
    ["?w=0x10&n=20", ["w"], { txs: 20 }],
    ["?w=%20%208&n=20", ["w"], { txs: 20 }],
    ["?w=4.5", ["w"], {}],
    ["?w=NaN&skew=Infinity", ["skew", "w"], {}],
    ["?seed=99999999999999999999999&w=2", ["seed"], { workers: 2 }],
    ["?n=%E0%A4%A&w=2", ["n"], { workers: 2 }],
    ["?s=javascript:alert(1)&w=2", ["s"], { workers: 2 }],
    ["?src=eth-1&w=2", ["src"], { workers: 2 }],
    ["?src=eth-19807137&fee=in-tx&shards=4", ["shards"], { source: "eth-19807137", feeMode: "in-tx" }],
    ["?mix=", ["mix"], {}],
    ["?mix=swap:1,swap:2", ["mix"], { mix: { ...DEFAULT_SCENARIO.mix, transfer: 0, swap: 1 } }],
    ["?mix=transfer:0", ["mix"], {}],
    ["?__proto__=1&constructor=2&w=3", ["__proto__", "constructor"], { workers: 3 }],
    ["?=5&w=3", ['""'], { workers: 3 }],
    ["?w=3#v1:", ["#"], { workers: 3 }],
    ["?w=3#v1:%%%", ["#"], { workers: 3 }],
    ["?w=3#hello", ["#"], { workers: 3 }],
    ["?w=3#v0:abc", ["#"], { workers: 3 }],
    ["?w=3#v1:".concat("A".repeat(5000)), ["#"], { workers: 3 }],
  ])("%s", (url, expectedParts, kept) => {
    const d = decode(url);
    expectSound(d);
    expect(parts(d)).toEqual(expectedParts);
    expect(d.scenario).toEqual({ ...DEFAULT_SCENARIO, ...kept });
  });

  /** A hash holding this JSON, compressed as links do. */
  const hashOf = (json: string) => `#v1:${LZString.compressToEncodedURIComponent(json)}`;

  it.each<[string, string[]]>([
    ["[1,2]", ["#"]],
    ['"text"', ["#"]],
    ["{not json", ["#"]],
    ['{"cost":5}', ["#cost"]],
    ['{"cost":{"msgUs":-1,"gasPerUs":"fast","speed":3}}', ["#cost", "#cost", "#cost"]],
    ['{"compare":{"workers":65,"v":2,"__proto__":{"x":1}}}', ["#compare", "#compare", "#compare"]],
    ['{"compare":[]}', ["#compare"]],
    ['{"panels":"graph"}', ["#panels"]],
    ['{"panels":["graph","graph","<b>x</b>",3]}', ["#panels"]],
    ['{"extra":1,"panels":["a"]}', ["#"]],
  ])("hash %s", (json, expectedParts) => {
    const d = decodeLink("?w=3", hashOf(json));
    expectSound(d);
    expect(parts(d)).toEqual(expectedParts);
    expect(d.scenario.workers).toBe(3);
  });

  it("keeps the valid fields of a compare side and of a cost model", () => {
    const d = decodeLink(
      "?w=3",
      hashOf(
        '{"cost":{"msgUs":-1,"taskUs":2},"compare":{"workers":65,"shards":4},"panels":["graph",7,"timeline"]}',
      ),
    );
    expect(d.scenario.cost).toEqual({ ...DEFAULT_SCENARIO.cost, taskUs: 2 });
    expect(d.view).toEqual({ compare: { shards: 4 }, panels: ["graph", "timeline"] });
    expect(d.issues.map((i) => i.message)).toEqual([
      "#cost: cost.msgUs must be a number from 0 to 1,000,000 (got -1)",
      "#panels: panels must be a list of at most 16 distinct panel names (lower-case words joined by dashes) (got 7)",
      "#compare: compare.workers must be an integer from 1 to 64 (got 65)",
    ]);
  });

  it("keeps a compare side runnable when a rule across fields needs a correction", () => {
    const d = decodeLink("?src=eth-19807137&shards=4", hashOf('{"compare":{"feeMode":"in-tx"}}'));
    expect(parts(d)).toEqual(["#compare"]);
    expect(d.view.compare).toEqual({ feeMode: "in-tx", shards: 1 });
    expect(validateScenario({ ...d.scenario, ...d.view.compare }).ok).toBe(true);
  });
});

describe("hostile links (property)", () => {
  const hostile = fc.oneof(
    fc.string({ maxLength: 60 }),
    fc.string({ unit: "binary", maxLength: 60 }),
    fc.constantFrom(
      "<script>alert(1)</script>",
      "javascript:alert(1)",
      '"><img src=x onerror=alert(1)>',
      "1e400",
      "-1e400",
      "NaN",
      "-0",
      "",
      " ",
      "%",
      "%00",
      "0x1f",
      "1_000",
      "9".repeat(400),
      "a".repeat(5000),
      "{}",
      "[]",
      "null",
      "__proto__",
    ),
    fc.double().map(String),
    fc.integer().map(String),
  );

  it("a corrupted parameter is named, and the link reads as if that parameter were left out", () => {
    fc.assert(
      fc.property(linkArb, fc.nat(), hostile, ({ s, v }, pick, value) => {
        const { search, hash } = encodeLink(s, v);
        const pairs = [...new URLSearchParams(search)].filter(([k]) => k !== "lv");
        if (pairs.length === 0) return;
        const i = pick % pairs.length;
        const name = pairs[i][0];
        const corrupted = pairs.map(([k, x], j): [string, string] => [k, j === i ? value : x]);
        const d = decodeLink(`?lv=1&${new URLSearchParams(corrupted)}`, hash);
        expectSound(d);
        // Every other scenario parameter keeps its value.
        for (const p of PARAMS)
          if (p.in === "scenario" && p.name !== name) expect(d.scenario[p.field]).toEqual(s[p.field]);
        const own = d.issues.filter((is) => is.part === name);
        if (own.length === 0) return; // the new value happens to be valid
        const left = pairs.filter((_, j) => j !== i);
        const without = decodeLink(`?lv=1&${new URLSearchParams(left)}`, hash);
        expect(d.scenario).toEqual(without.scenario);
        expect(d.view).toEqual(without.view);
        expect(d.issues.filter((is) => is.part !== name)).toEqual(without.issues);
      }),
      { numRuns: 300 },
    );
  });

  it("random bytes in the query and the hash never throw and give a sound result", () => {
    const bytes = fc
      .uint8Array({ maxLength: 300 })
      .map((b) => [...b].map((x) => `%${x.toString(16).padStart(2, "0")}`).join(""));
    const text = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.string({ unit: "binary", maxLength: 300 }),
      bytes,
    );
    fc.assert(
      fc.property(text, text, (search, hash) => {
        expectSound(decodeLink(search, hash));
        expectSound(decodeLink(search, `#v1:${hash}`));
      }),
      { numRuns: 300 },
    );
  });

  it("broken or foreign data in the hash never throws and leaves the query applied", () => {
    const payload = fc.oneof(
      fc.jsonValue().map((j) => LZString.compressToEncodedURIComponent(JSON.stringify(j) ?? "")),
      fc
        .record(
          { cost: fc.jsonValue(), compare: fc.jsonValue(), panels: fc.jsonValue() },
          { requiredKeys: [] },
        )
        .map((j) => LZString.compressToEncodedURIComponent(JSON.stringify(j))),
      // A real hash cut short, or with a character changed.
      fc.tuple(linkArb, fc.nat(), fc.string({ minLength: 1, maxLength: 1 })).map(([{ s, v }, cut, c]) => {
        const body = encodeLink(s, { ...v, panels: ["graph"] }).hash.slice(4);
        const at = cut % body.length;
        return cut % 2 === 0 ? body.slice(0, at) : body.slice(0, at) + c + body.slice(at + 1);
      }),
    );
    fc.assert(
      fc.property(payload, (body) => {
        const d = decodeLink("?w=7&s=batched", `#v1:${body}`);
        expectSound(d);
        expect(d.scenario.workers).toBe(7);
        expect(d.scenario.scheduler).toBe("batched");
        expect(d.issues.every((i) => i.part.startsWith("#"))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
