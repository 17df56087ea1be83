import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importEthBlock } from "../engine/ethereum/import";
import { DEFAULT_SCENARIO, FEE_MODES, SAFE_SCHEDULERS } from "../engine/scenario/scenario";
import { simulate } from "../runtime/simulate";

const MAIN = join(import.meta.dirname, "main.ts");
const BLOCKS = [12965000, 14029313, 17666333, 19606599, 19807137];
const blockFile = (n: number) => join(import.meta.dirname, `../../public/blocks/${n}.json`);
const dir = mkdtempSync(join(tmpdir(), "txlanes-block-"));

const header = { number: "0x1", hash: `0x${"1".repeat(64)}`, miner: `0x${"2".repeat(40)}` };

function badFile(name: string, text: string): string {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
}

/** A sparse 100 MB file: refused from its size, never read. */
function hugeFile(): string {
  const path = badFile("huge.json", "");
  truncateSync(path, 100 * 1024 * 1024);
  return path;
}

function cli(...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, ["--import", "tsx", MAIN, "block", ...args], { encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe("every scheduler equals the sequential run on the five mainnet blocks", () => {
  for (const number of BLOCKS) {
    it(`${number}, fees in-tx and lazy`, () => {
      const json: unknown = JSON.parse(readFileSync(blockFile(number), "utf8"));
      const finals = new Set<string>();
      for (const feeMode of FEE_MODES) {
        const r = importEthBlock(json, { feeMode });
        if (!r.ok) throw new Error(r.error);
        // In-tx fees put the fee recipient on every sender side: only unsharded runs can place that.
        const shardings = feeMode === "lazy" ? [1, 4] : [1];
        for (const scheduler of SAFE_SCHEDULERS) {
          // A block access list is per block: bal runs unsharded.
          for (const shards of scheduler === "bal" ? [1] : shardings) {
            for (const crossShard of ["receipts", "locks"] as const) {
              if (shards === 1 && crossShard === "locks") continue;
              const scenario = {
                ...DEFAULT_SCENARIO,
                txs: r.block.n,
                scheduler,
                workers: 8,
                shards,
                crossShard,
              };
              const run = simulate(scenario, { block: r.block });
              // Receipts define another serial order (legs in rounds); the others keep block order.
              if (shards === 1 || crossShard === "locks") finals.add(run.stateHash);
              expect(run.stateHash, `${scheduler} ${shards} shards ${crossShard}`).toBe(
                run.sequentialStateHash,
              );
              expect(run.sequential.revert.every((code) => code === 0)).toBe(true);
            }
          }
        }
      }
      // Runs in block order end in one state in both fee modes once the lazy credits are swept in.
      expect(finals.size).toBe(1);
    });
  }
});

describe("txlanes block", () => {
  it("reports the block, its hot spots, and both fee modes' speedups as JSON", () => {
    const r = cli(blockFile(19807137), "--json", "--scheduler", "blockstm", "--workers", "16");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.block).toMatchObject({ number: 19807137, txs: 712, exact: 641, conservative: 71 });
    expect(report.costNote).toMatch(/gas limit/);
    expect(report.block.gasUsed).toBeLessThan(report.block.gasLimitTotal);
    expect(report.clock).toBe("simulated");
    expect(report.hottestContracts[0]).toMatchObject({ txs: 571, exact: 571 });
    const [row] = report.schedulers;
    expect(row.scheduler).toBe("blockstm");
    expect(row["in-tx"].hashMatches && row.lazy.hashMatches && row.sameFinalStateInBothModes).toBe(true);
    // Crediting the fee recipient inside every transaction serializes the block; lazily, it does not.
    expect(row.lazy.speedup).toBeGreaterThan(row["in-tx"].speedup);
    expect(report.criticalPath.lazy.idealSpeedup).toBeGreaterThan(report.criticalPath["in-tx"].idealSpeedup);
  });

  it("prints readable tables by default", () => {
    const r = cli(blockFile(12965000), "--fee", "in-tx", "--workers", "4");
    expect(r.code).toBe(0);
    expect(r.out).toContain("Ethereum block 12965000");
    expect(r.out).toContain("259: 31 eth-transfer, 43 erc20-transfer, 12 erc20-approve, 173 call");
    expect(r.out).toMatch(/259 txs, 259 writing\s+eth\[fee recipient 0x7777…64c8\]/);
    expect(r.out).toContain("not the gas it used");
    // The header's gasUsed (0x1ca2629) against the limits the clock charges.
    expect(r.out).toMatch(/gas in limits against 30,025,257 used \(limits \d\.\d\dx use\)/);
    for (const s of SAFE_SCHEDULERS)
      expect(r.out).toMatch(new RegExp(`${s}\\s+\\S+x\\s+\\S+x.*= sequential ✓`));
  });

  it.each([
    ["a missing file", join(dir, "nope.json"), /nope\.json: no such file/],
    ["not JSON", badFile("bad.json", "{ this is not json"), /bad\.json: not JSON: /],
    [
      "no transactions",
      badFile("empty.json", JSON.stringify({ ...header, transactions: [] })),
      /: the block has no transactions/,
    ],
    ["a 100 MB file", hugeFile(), /: the file is 100\.0 MB, over the 20 MB limit/],
  ])("%s exits 1 with a message", (_, path, message) => {
    const r = cli(path);
    expect(r.code).toBe(1);
    expect(r.out).toBe("");
    expect(r.err).toMatch(message);
  });

  it.each([
    [["--fee", "eager", "x.json"], /--fee must be lazy or in-tx \(got "eager"\)/],
    [["x.json", "--workers", "0"], /--workers must be an integer from 1 to 64 \(got "0"\)/],
    [
      ["x.json", "--scheduler", "fast"],
      /--scheduler must be one of sequential, blockstm, batched, accountlocks/,
    ],
    [["x.json", "--bogus"], /unknown flag --bogus/],
    [[], /missing the block file/],
  ])("bad flags %j exit 2 with a message", (args, message) => {
    const r = cli(...args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).toContain("block --help");
  });
});
