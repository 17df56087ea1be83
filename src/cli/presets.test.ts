import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PRESETS } from "../engine/scenario/presets";
import { CLI_PRESETS } from "./presets";

const MAIN = join(import.meta.dirname, "main.ts");

function cli(...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, ["--import", "tsx", MAIN, ...args], { encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe("txlanes presets", () => {
  it("lists every preset with its id, title, lesson and link", () => {
    const r = cli("presets");
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    for (const p of PRESETS) {
      expect(r.out).toContain(`${p.id}  ${p.title}`);
      expect(r.out).toContain(`?lv=1&p=${p.id}`);
    }
    expect(r.out.replace(/\s+/g, " ")).toContain(PRESETS[0].lesson);
  });

  it("rejects arguments", () => {
    const r = cli("presets", "--json");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/presets takes no arguments \(got "--json"\)/);
  });

  it("runs a preset by id, with flags on top", () => {
    const r = cli("run", "mod3mod4", "--json", "--scheduler", "batched");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ txs: 8, workers: 4, scheduler: "batched" });
  });

  it("accepts every preset id and the defaults by name", () => {
    expect(Object.keys(CLI_PRESETS)).toEqual(["default", ...PRESETS.map((p) => p.id)]);
  });
});
