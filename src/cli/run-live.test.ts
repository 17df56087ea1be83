import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

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
  });

  it("refuses what a live run cannot do, naming the flag", () => {
    expect(cli("run", "--threads", "2")).toMatchObject({
      code: 2,
      err: expect.stringMatching(/--threads needs --mode real/),
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
