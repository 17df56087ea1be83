import { spawnSync } from "node:child_process";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { threadsForCores } from "../runtime/live/support";

const MAIN = join(import.meta.dirname, "main.ts");

function cli(...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, ["--import", "tsx", MAIN, ...args], { encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe("txlanes run --mode real", () => {
  it("runs on worker threads and reports measured figures with the sequential state", () => {
    const r = cli("run", "--mode", "real", "--threads", "2", "--txs", "500", "--shards", "2", "--json");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as Record<string, unknown>;
    expect(report).toMatchObject({ mode: "live", clock: "measured", txs: 500, shards: 2, workers: 1 });
    expect(report.stateHash).toBe(report.sequentialStateHash);
    expect(report.elapsedUs as number).toBeGreaterThan(0);
    expect(report.sequentialUs as number).toBeGreaterThan(0);
    // Five timed repetitions by default: the speedup is the median one's, inside the range.
    expect(report.runs).toBe(5);
    expect(report.speedup).toBeCloseTo((report.sequentialUs as number) / (report.elapsedUs as number), 9);
    expect(report.speedupMin as number).toBeLessThanOrEqual(report.speedup as number);
    expect(report.speedupMax as number).toBeGreaterThanOrEqual(report.speedup as number);
  });

  it("--runs sets the repetitions; the table shows the range", () => {
    const r = cli("run", "--mode", "real", "--threads", "2", "--txs", "300", "--runs", "3");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /speedup +\d+\.\d\dx over sequential \(median of 3 runs, range (\d+\.\d\d)-(\d+\.\d\d)x\)/,
    );
    const one = cli("run", "--mode", "real", "--txs", "300", "--runs", "1", "--json");
    expect(JSON.parse(one.out)).toMatchObject({ runs: 1 });
  });

  it("runs on every core by default, whatever the scenario's (virtual) worker count", () => {
    const r = cli("run", "--mode", "real", "--workers", "1", "--txs", "300", "--runs", "1", "--json");
    expect(r.err).toBe("");
    expect(JSON.parse(r.out)).toMatchObject({ shards: 1, workers: threadsForCores(availableParallelism()) });
  });

  it("a mainnet block preset runs for real, repeated, and ends in the sequential state", () => {
    const r = cli("run", "eth-more-workers", "--mode", "real", "--threads", "2", "--runs", "2", "--json");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as Record<string, unknown>;
    expect(report).toMatchObject({ mode: "live", txs: 259, runs: 2, hashMatches: true });
    expect(report.stateHash).toBe(report.sequentialStateHash);
  });

  it("refuses what a live run cannot do, naming the flag", () => {
    expect(cli("run", "--threads", "2")).toMatchObject({
      code: 2,
      err: expect.stringMatching(/--threads needs --mode real/),
    });
    expect(cli("run", "--runs", "3")).toMatchObject({
      code: 2,
      err: expect.stringMatching(/--runs needs --mode real/),
    });
    expect(cli("run", "--mode", "real", "--runs", "0")).toMatchObject({
      code: 2,
      err: expect.stringMatching(/runs must be an integer from 1 to 50 \(got 0\)/),
    });
    expect(cli("run", "--mode", "fast")).toMatchObject({
      code: 2,
      err: expect.stringMatching(/--mode must be virtual or real \(got "fast"\)/),
    });
    expect(cli("run", "--mode", "real", "--threads", "999")).toMatchObject({
      code: 2,
      err: expect.stringMatching(/workers must be an integer from 1 to \d+ on this machine \(got 999\)/),
    });
  });
});
