/** The README says the ranges and the CLI help once more: it must say what the code says. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { computeMetrics } from "../engine/analysis/metrics";
import { allowedText, COST_RANGES, RANGES } from "../engine/scenario/ranges";
import { CROSS_SHARD, DEFAULT_SCENARIO, FEE_MODES, SCHEDULERS } from "../engine/scenario/scenario";
import { simulate } from "../runtime/simulate";
import { USAGE } from "./args";
import { sweepTable } from "./bench-sweep";
import { fixed } from "./format";

const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");

/** The scenario table's "allowed" column, by field (the table headed field | meaning | allowed | default). */
function allowedColumn(): Map<string, string> {
  const rows = new Map<string, string>();
  const lines = readme.split("\n");
  const head = lines.findIndex((l) => /^\| field +\| meaning +\| allowed +\| default +\|$/.test(l));
  const end = lines.findIndex((l, i) => i > head && !l.startsWith("|"));
  for (const line of lines.slice(head + 2, end)) {
    const cells = /^\| `([\w.]+)` +\|[^|]+\| ([^|]+?) +\| [^|]+\|$/.exec(line);
    if (cells) rows.set(cells[1], cells[2]);
  }
  return rows;
}

describe("README", () => {
  const allowed = allowedColumn();

  it("lists every number field of a scenario with the validator's range", () => {
    const expected = [
      ...Object.entries(RANGES).map(([k, r]) => [k, allowedText(r)]),
      ...Object.entries(COST_RANGES).map(([k, r]) => [`cost.${k}`, allowedText(r)]),
    ];
    for (const [field, text] of expected) expect([field, allowed.get(field)]).toEqual([field, text]);
  });

  it("lists every choice the validator accepts", () => {
    const names = (list: readonly string[]): string => list.map((x) => `\`${x}\``).join(", ");
    expect(allowed.get("scheduler")).toBe(names(SCHEDULERS));
    expect(allowed.get("crossShard")).toBe(names(CROSS_SHARD));
    expect(allowed.get("feeMode")).toBe(names(FEE_MODES));
  });

  it("shows the CLI help as the CLI prints it", () => {
    expect(readme).toContain(`\`\`\`\n${USAGE}\n\`\`\``);
  });

  // Deterministic figures of the virtual clock the README quotes: they move when the model does.
  it("shows bench-sweep's table as the code computes it", { timeout: 120_000 }, () => {
    const after = readme.indexOf("`npm run cli -- bench-sweep`: 10,000");
    const block = /```\n([^`]+)\n```/.exec(readme.slice(after));
    expect(block?.[1]).toBe(sweepTable());
  });

  it("gives two-phase commit's speedup at 4 shards x 4 workers as the run computes it", () => {
    const run = simulate({
      ...DEFAULT_SCENARIO,
      txs: 10_000,
      accounts: 10_000,
      mix: { transfer: 1, swap: 0, mint: 0, vote: 0, ship: 0 },
      shards: 4,
      workers: 4,
      crossShard: "locks",
      locality: 0.9,
    });
    const quoted = /10,000 transfers it runs at ([\d.]+)x of sequential/.exec(readme.replace(/\s+/g, " "));
    expect(quoted?.[1]).toBe(fixed(computeMetrics(run).speedup, 2));
  });
});
