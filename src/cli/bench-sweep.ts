import { computeMetrics } from "../engine/analysis/metrics";
import { DEFAULT_SCENARIO } from "../engine/scenario/scenario";
import { simulate } from "../runtime/simulate";
import { fixed } from "./format";

/**
 * The Block-STM paper's benchmark on the virtual clock (Gelashvili et al., PPoPP 2023: p2p transfers over
 * 2 to 10,000 accounts): Block-STM's simulated speedup over sequential of 10,000 transfers, by accounts and
 * workers, with the default (calibrated) cost model. Deterministic: the same table on every machine.
 */
export const SWEEP_ACCOUNTS = [2, 10, 100, 1_000, 10_000] as const;
export const SWEEP_WORKERS = [1, 2, 4, 8, 16, 32] as const;
export const SWEEP_TXS = 10_000;

/** One cell: speedup and executions per transaction. */
export function sweepCell(accounts: number, workers: number): { speedup: number; executions: number } {
  const mix = { transfer: 1, swap: 0, mint: 0, vote: 0, ship: 0 };
  const run = simulate({
    ...DEFAULT_SCENARIO,
    mix,
    txs: SWEEP_TXS,
    accounts,
    workers,
    scheduler: "blockstm",
  });
  if (run.stateHash !== run.sequentialStateHash)
    throw new Error(`state differs from sequential at ${accounts} accounts, ${workers} workers`);
  const m = computeMetrics(run);
  return { speedup: m.speedup, executions: m.executions / m.units };
}

/** The table, one row per account count (in brackets: executions per transaction). */
export function sweepTable(onCell?: (accounts: number, workers: number) => void): string {
  const cell = (s: string) => s.padStart(13);
  const head = `${"accounts".padEnd(9)}${SWEEP_WORKERS.map((w) => cell(`${w} worker${w > 1 ? "s" : ""}`)).join("")}`;
  const rows = SWEEP_ACCOUNTS.map((accounts) => {
    const cells = SWEEP_WORKERS.map((workers) => {
      onCell?.(accounts, workers);
      const c = sweepCell(accounts, workers);
      return cell(`${fixed(c.speedup, 2)}x (${fixed(c.executions, 1)})`);
    });
    return `${String(accounts).padEnd(9)}${cells.join("")}`;
  });
  return [head, ...rows].join("\n");
}

/** `npm run cli -- bench-sweep`: prints the table. */
export function benchSweepCommand(): number {
  process.stdout.write(
    `Block-STM, simulated speedup over sequential of ${SWEEP_TXS.toLocaleString("en-US")} p2p transfers, default cost model (executions per transaction)\n`,
  );
  const table = sweepTable((a, w) => process.stderr.write(`  ${a} accounts, ${w} workers\r`));
  process.stderr.write("\n");
  process.stdout.write(`${table}\n`);
  return 0;
}
