import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runNames } from "../engine/analysis/explain";
import { invalidBlockLine, listCheck } from "../engine/analysis/list-check";
import { listLesson } from "../engine/analysis/list-size";
import { lostUpdates, supplyDrift, unsafeLesson } from "../engine/analysis/unsafe";
import { DEFAULT_SCENARIO } from "../engine/scenario/scenario";
import { simulate } from "../runtime/simulate";

const MAIN = join(import.meta.dirname, "main.ts");
const dir = mkdtempSync(join(tmpdir(), "txlanes-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, ["--import", "tsx", MAIN, ...args], { encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function json(...args: string[]): Record<string, unknown> {
  const r = cli(...args, "--json");
  // stderr only ever says where a trace was written.
  expect(r.err).toMatch(/^(txlanes: wrote \d+ trace events to .*\n)?$/);
  expect(r.code).toBe(0);
  const lines = r.out.trim().split("\n");
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0]) as Record<string, unknown>;
}

describe("txlanes run", () => {
  it("prints one JSON object with the required keys", () => {
    const r = json("run", "--txs", "200", "--workers", "4", "--seed", "7", "--skew", "1");
    for (const k of ["txs", "scheduler", "workers", "shards", "mode", "stateHash", "sequentialStateHash"]) {
      expect(r).toHaveProperty(k);
    }
    for (const k of ["speedup", "idealSpeedup", "tps", "aborts", "executions", "crossShardMessages"]) {
      expect(typeof r[k]).toBe("number");
    }
    expect(r).toMatchObject({ txs: 200, scheduler: "blockstm", workers: 4, shards: 1, mode: "virtual" });
    expect(r.stateHash).toBe(r.sequentialStateHash);
    expect(r.executions as number).toBeGreaterThanOrEqual(200);
    expect(r.speedup as number).toBeLessThanOrEqual((r.idealSpeedup as number) + 1e-9);
  });

  it("runs sharded with locks and a contract mix, and is deterministic", () => {
    const args = ["run", "--txs=300", "--shards", "4", "--workers", "2", "--cross-shard", "locks"];
    const a = json(...args, "--mix", "transfer=1,swap=0.5", "--locality", "0.5");
    const b = json(...args, "--mix", "transfer=1,swap=0.5", "--locality", "0.5");
    expect(a).toMatchObject({ shards: 4, workers: 2, crossShard: "locks" });
    expect(a.crossShardMessages as number).toBeGreaterThan(0);
    expect(a.stateHash).toBe(a.sequentialStateHash);
    expect({ ...a, wallMs: 0 }).toEqual({ ...b, wallMs: 0 });
  });

  it("--aggregators makes the mint counter an aggregator: the JSON says so, the state still matches", () => {
    const args = ["run", "--mix", "mint=1", "--accounts", "10000", "--txs", "300"];
    const on = json(...args, "--aggregators");
    const off = json(...args);
    expect(on).toMatchObject({ aggregators: true, hashMatches: true });
    expect(off).toMatchObject({ aggregators: false, hashMatches: true });
    // Same block, same end state; without the counter as one hot key the mints run side by side.
    expect(on.stateHash).toBe(off.stateHash);
    expect(on.speedup as number).toBeGreaterThan(1.5 * (off.speedup as number));
    expect(cli("run", "--txs", "20", "--mix", "vote=1", "--aggregators").out).toContain("· aggregators ·");
  });

  it("a mainnet block says its cost is gas limits and how far they overstate the header's gasUsed", () => {
    const r = cli("run", "eth-more-workers");
    expect(r.code).toBe(0);
    // Block 12965000: 259 transactions, gasUsed 0x1ca2629.
    expect(r.out).toMatch(
      /Ethereum mainnet block 12965000 .* gas in limits against 30,025,257 used \(limits \d\.\d\dx use\); cost = each transaction's gas limit/,
    );
  });

  it("prints an aligned table by default", () => {
    const r = cli("run", "mod3mod4", "--scheduler", "batched");
    expect(r.code).toBe(0);
    expect(r.out).toContain("batched, 4 workers per shard");
    expect(r.out).toMatch(/state hash\s+[0-9a-f]{16} matches sequential/);
    const rows = r.out.split("\n").filter((l) => l.startsWith("  "));
    const valueColumn = new Set(rows.map((l) => /^ {2}\S.*?\s{3}(?=\S)/.exec(l)?.[0].length));
    expect(valueColumn.size).toBe(1);
  });

  it("naive: marked unsafe, its wrong state reported as its lesson (exit 0), figures from the run", () => {
    const args = ["run", "--scheduler", "naive", "--accounts", "20", "--txs", "200"];
    const r = cli(...args);
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    expect(r.out).toContain("naive (UNSAFE: no validation, its state is wrong on purpose)");
    expect(r.out).toMatch(/MISMATCH ✗ .* \(expected: this scheduler is unsafe\)/);
    const run = simulate({ ...DEFAULT_SCENARIO, scheduler: "naive", accounts: 20, txs: 200 });
    for (const line of unsafeLesson(run, runNames(run))) expect(r.out).toContain(line);
    const j = json(...args);
    expect(j.hashMatches).toBe(false);
    expect(j.unsafe).toEqual({
      lostUpdates: lostUpdates(run.log),
      supply: supplyDrift(run.unsafe?.supply ?? { run: {}, sequential: {} }),
      otherWorkers: run.unsafe?.other,
    });
  });

  it("--corrupt-list: bal's block rejected for the entry made wrong, said from the run (exit 0); a file says it too", () => {
    const args = ["run", "--scheduler", "bal", "--txs", "200", "--accounts", "50", "--corrupt-list"];
    const r = cli(...args);
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    const s = { ...DEFAULT_SCENARIO, scheduler: "bal" as const, txs: 200, accounts: 50, corruptList: true };
    const run = simulate(s);
    const invalid = invalidBlockLine(run, runNames(run));
    expect(invalid).toBe(
      "Block invalid: the corrupted list entry was caught at tx 100; the block is rejected, its state left as before it.",
    );
    expect(r.out).toContain(
      `MISMATCH ✗ parallel ${run.stateHash} != sequential ${run.sequentialStateHash} (${invalid})`,
    );
    for (const line of listLesson(run, runNames(run))) expect(r.out).toContain(`  ${line}\n`);
    const c = listCheck(run);
    expect(json(...args)).toMatchObject({
      scheduler: "bal",
      corruptList: true,
      hashMatches: false,
      stateHash: run.stateHash,
      listCheck: {
        tamper: run.listTamper,
        caught: true,
        disagreements: c.mismatches.length,
        transactions: c.txs,
        blockValid: false,
      },
    });
    const honest = json("run", "--scheduler", "bal", "--txs", "200", "--accounts", "50");
    expect(honest).toMatchObject({
      corruptList: false,
      hashMatches: true,
      listCheck: { tamper: null, blockValid: true },
    });
    const file = join(dir, "corrupt.json");
    writeFileSync(file, JSON.stringify({ scheduler: "bal", txs: 200, accounts: 50, corruptList: true }));
    expect(cli("run", file).out).toBe(r.out);
  });

  it("--corrupt-list with a scheduler that has no list is named, not ignored", () => {
    const r = cli("run", "--corrupt-list");
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toMatch(
      /^txlanes: --corrupt-list: .* scheduler blockstm has none \(add --scheduler bal\)\n/,
    );
  });

  it("reads a scenario file and applies flags on top, and writes a Chrome trace", () => {
    const file = join(dir, "s.json");
    const trace = join(dir, "trace.json");
    writeFileSync(file, JSON.stringify({ v: 1, txs: 40, scheduler: "sequential", workers: 3 }));
    const r = json("run", file, "--txs", "60", "--trace", trace);
    expect(r).toMatchObject({ txs: 60, scheduler: "sequential", workers: 1 });
    const t = JSON.parse(readFileSync(trace, "utf8")) as { traceEvents: { ph: string; cat?: string }[] };
    expect(t.traceEvents.filter((e) => e.ph === "X" && e.cat === "execute")).toHaveLength(60);
  });

  it.each([
    [["run", "--txs", "0"], /--txs: txs must be an integer from 1 to 100,000 \(got 0\)/],
    [["run", "--txs", "abc"], /--txs expects a number \(got "abc"\)/],
    [["run", "--workers"], /--workers needs a value/],
    [["run", "--workers", "--json"], /--workers needs a value/],
    [["run", "--frobnicate", "1"], /unknown flag --frobnicate/],
    [["run", "--scheduler", "fast"], /scheduler must be one of sequential, blockstm, batched, accountlocks/],
    [["run", "--mix", "swap"], /--mix expects KIND=WEIGHT/],
    [["run", "--locality", "2"], /--locality: locality must be a number from 0 to 1/],
    [["run", "nosuchpreset"], /unknown preset "nosuchpreset"/],
    [["run", "missing.json"], /cannot read missing.json: no such file/],
    [["fly"], /unknown command "fly" \(commands: run, block, presets\)/],
  ])("rejects %j with a clear message", (args, message) => {
    const r = cli(...args);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toMatch(message);
    expect(r.err).toContain("--help");
  });

  it("rejects a bad scenario file naming the file and the field", () => {
    const file = join(dir, "bad.json");
    writeFileSync(file, JSON.stringify({ txs: 5, shards: 0 }));
    const r = cli("run", file);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/bad\.json: shards must be an integer from 1 to 64 \(got 0\)/);
    writeFileSync(file, "{ not json");
    expect(cli("run", file).err).toMatch(/bad\.json is not valid JSON/);
  });

  it("prints usage with --help", () => {
    const r = cli("--help");
    expect(r.code).toBe(0);
    expect(r.out).toContain("--cross-shard");
  });
});
