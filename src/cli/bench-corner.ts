import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { computeMetrics } from "../engine/analysis/metrics";
import { RANGES } from "../engine/scenario/ranges";
import { DEFAULT_SCENARIO, isUnsafe, SCHEDULERS, type SchedulerName } from "../engine/scenario/scenario";
import { simulate } from "../runtime/simulate";
import { fixed, int, table } from "./format";

/**
 * The worst scenario the ranges accept: the largest block, on the fewest accounts (every transfer conflicts
 * with the one before), with the most workers. Every accepted scenario must finish; this one within these.
 */
const CORNER = {
  ...DEFAULT_SCENARIO,
  txs: RANGES.txs.max,
  accounts: RANGES.accounts.min,
  workers: RANGES.workers.max,
};
const TARGET_S = 60;
const TARGET_MB = 2048;

interface CornerRow {
  readonly scheduler: SchedulerName;
  readonly wallMs: number;
  /** Peak resident memory of the process that ran it (a process of its own per scheduler). */
  readonly peakMb: number;
  readonly executionsPerTx: number;
  readonly speedup: number;
  readonly hashMatches: boolean;
}

/** In the child: one simulate() of the corner (generation, run, oracle, hashes), as JSON on stdout. */
function runCorner(scheduler: SchedulerName): CornerRow {
  const t0 = performance.now();
  const run = simulate({ ...CORNER, scheduler });
  const wallMs = performance.now() - t0;
  const m = computeMetrics(run);
  return {
    scheduler,
    wallMs,
    peakMb: process.resourceUsage().maxRSS / 1024,
    executionsPerTx: m.executions / run.block.n,
    speedup: m.speedup,
    hashMatches: run.stateHash === run.sequentialStateHash,
  };
}

/** Each scheduler in a process of its own, so that each peak is its own; cold, once (it is a bound, not a rate). */
export function benchCorner(): { text: string; ok: boolean } {
  const self = fileURLToPath(import.meta.url);
  process.stderr.write(
    `worst accepted corner: ${int(CORNER.txs)} transfers, ${CORNER.accounts} accounts, ${CORNER.workers} workers, one process per scheduler:\n`,
  );
  const rows = SCHEDULERS.map((scheduler): CornerRow => {
    const child = spawnSync(process.execPath, [...process.execArgv, self, scheduler], { encoding: "utf8" });
    if (child.status !== 0) throw new Error(`the ${scheduler} corner failed: ${child.stderr.trim()}`);
    const row = JSON.parse(child.stdout) as CornerRow;
    process.stderr.write(`  ${scheduler}: ${fixed(row.wallMs / 1000, 1)} s\n`);
    return row;
  });
  const within = (r: CornerRow): boolean => r.wallMs < TARGET_S * 1000 && r.peakMb < TARGET_MB;
  // An unsafe scheduler's state differs from sequential by design: that is its lesson, not a failure.
  const hashOk = (r: CornerRow): boolean => r.hashMatches || isUnsafe(r.scheduler);
  const columns = (...cells: string[]): string =>
    cells.map((c, i) => (i === cells.length - 1 ? c : c.padStart([7, 8, 9, 9, 13][i]))).join("  ");
  const header: [string, string] = [
    "scheduler",
    columns("wall s", "peak MB", "execs/tx", "speedup", `< ${TARGET_S} s, ${TARGET_MB / 1024} GB`, "hash"),
  ];
  const lines = rows.map((r): [string, string] => [
    r.scheduler,
    columns(
      fixed(r.wallMs / 1000, 1),
      int(r.peakMb),
      fixed(r.executionsPerTx, 2),
      `${fixed(r.speedup, 2)}x`,
      within(r) ? "yes" : "NO",
      r.hashMatches ? "matches" : isUnsafe(r.scheduler) ? "differs (unsafe)" : "MISMATCH",
    ),
  ]);
  return { text: table([header, ...lines]), ok: rows.every((r) => within(r) && hashOk(r)) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const scheduler = process.argv[2] as SchedulerName;
  if (!SCHEDULERS.includes(scheduler)) throw new Error(`unknown scheduler ${process.argv[2]}`);
  process.stdout.write(JSON.stringify(runCorner(scheduler)));
}
