/** The README says the ranges and the CLI help once more: it must say what the code says. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { allowedText, COST_RANGES, RANGES } from "../engine/scenario/ranges";
import { CROSS_SHARD, FEE_MODES, SCHEDULERS } from "../engine/scenario/scenario";
import { USAGE } from "./args";

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
});
