import { availableParallelism, cpus } from "node:os";
import { COST_RANGES, RANGES, rangeText } from "../engine/scenario/ranges";
import { DEFAULT_SCENARIO, type Scenario } from "../engine/scenario/scenario";
import { Ev } from "../engine/trace/kinds";
import { createNodePool } from "../runtime/live/node-pool";
import { type LiveRunResult, runOnPool } from "../runtime/live/run-live";
import { parseFlags, parseInRange, RUNS_RANGE } from "./flags";
import { fixed, int } from "./format";

/**
 * `npm run bench -- --mode real`: the Block-STM paper's sweep, measured on this machine's cores. Peer-to-
 * peer transfers over 2 to 10,000 accounts, blocks of 1,000 and 10,000, 1 worker up to the cores, for
 * Block-STM and declared-access batching. Each row: after a warm-up, timed repetitions of a sequential run
 * then a parallel run of the block (medians of each), the median repetition's speedup and the range over
 * the repetitions, its aborts, and whether every repetition's state matched the sequential one.
 */

const ACCOUNTS = [2, 10, 100, 1_000, 10_000];
const BLOCKS = [1_000, 10_000];
const SCHEDULERS = ["blockstm", "batched"] as const;

interface Options {
  readonly runs: number;
  /** cost.work: real work per unit of modelled cost (1 = calibrated default, 0 = raw engine speed). */
  readonly work: number;
  readonly maxWorkers: number;
}

const USAGE =
  "usage: npm run bench -- --mode real [--runs N] [--work W] [--threads N]\n" +
  `  --runs N     timed runs per row after the warm-up (${rangeText(RUNS_RANGE)}, default 5)\n` +
  `  --work W     real work per unit of modelled cost (${rangeText(COST_RANGES.work)}, default 1; 0 = raw engine speed)\n` +
  "  --threads N  most worker threads to sweep up to (default: this machine's cores)";

function parseOptions(argv: readonly string[]): Options | string {
  const parsed = parseFlags(argv, {
    runs: { type: "value" },
    work: { type: "value" },
    threads: { type: "value" },
  });
  if (!parsed.ok) return `${parsed.error}\n${USAGE}`;
  if (parsed.help || parsed.positionals.length > 0) return USAGE;
  const o = { runs: 5, work: 1, maxWorkers: availableParallelism() };
  const ranges = { runs: RUNS_RANGE, work: COST_RANGES.work, threads: RANGES.workers } as const;
  for (const flag of ["runs", "work", "threads"] as const) {
    const text = parsed.values[flag];
    if (text === undefined) continue;
    const v = parseInRange(`--${flag}`, String(text), ranges[flag]);
    if (typeof v === "string") return `${v}\n${USAGE}`;
    if (flag === "runs") o.runs = v;
    else if (flag === "work") o.work = v;
    else o.maxWorkers = v;
  }
  return o;
}

interface Row {
  readonly scheduler: string;
  readonly accounts: number;
  readonly txs: number;
  readonly workers: number;
  readonly sequentialMs: number;
  readonly parallelMs: number;
  /** The median repetition's speedup (each repetition's sequential and parallel runs are back to back). */
  readonly speedup: number;
  readonly speedupMin: number;
  readonly speedupMax: number;
  /** Aborts in the median repetition. */
  readonly aborts: number;
  readonly matched: boolean;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function aborts(r: LiveRunResult): number {
  let n = 0;
  for (let i = 0; i < r.log.length; i++) if (r.log.kind[i] === Ev.Abort) n++;
  return n;
}

function formatRows(rows: readonly Row[]): string {
  const cols = (s: string[]): string =>
    s.map((x, i) => (i === 0 ? x.padEnd(9) : x.padStart(i === 7 ? 13 : i === 9 ? 8 : 10))).join(" ");
  const header = cols([
    "scheduler",
    "accounts",
    "txs",
    "workers",
    "seq ms",
    "par ms",
    "speedup",
    "range",
    "aborts",
    "hash",
  ]);
  const lines = rows.map((r) =>
    cols([
      r.scheduler,
      int(r.accounts),
      int(r.txs),
      String(r.workers),
      fixed(r.sequentialMs, 2),
      fixed(r.parallelMs, 2),
      `${fixed(r.speedup, 2)}x`,
      `${fixed(r.speedupMin, 2)}-${fixed(r.speedupMax, 2)}x`,
      int(r.aborts),
      r.matched ? "matches" : "MISMATCH",
    ]),
  );
  return [header, ...lines].join("\n");
}

export async function benchLive(argv: readonly string[]): Promise<number> {
  const o = parseOptions(argv);
  if (typeof o === "string") {
    process.stderr.write(`${o}\n`);
    return 2;
  }
  const pool = createNodePool(o.maxWorkers);
  const rows: Row[] = [];
  try {
    const itersPerUs = await pool.calibration();
    process.stderr.write(
      `live sweep: median of ${o.runs} runs per row after a warm-up; work ${o.work}; burn ${fixed(itersPerUs, 0)} iterations/us\n`,
    );
    for (const scheduler of SCHEDULERS) {
      for (const txs of BLOCKS) {
        for (const accounts of ACCOUNTS) {
          for (let workers = 1; workers <= o.maxWorkers; workers++) {
            const s: Scenario = {
              ...DEFAULT_SCENARIO,
              mix: { transfer: 1, swap: 0, mint: 0, vote: 0, ship: 0 },
              scheduler,
              txs,
              accounts,
              workers,
              cost: { ...DEFAULT_SCENARIO.cost, work: o.work },
            };
            // Warm-up (the pool's and this very block's), then the timed repetitions, interleaved.
            const r = await runOnPool(pool, s, { workers, warmUp: true, runs: o.runs });
            const reps = r.live.repetitions;
            const row: Row = {
              scheduler,
              accounts,
              txs,
              workers,
              sequentialMs: median(reps.map((x) => x.sequentialUs)) / 1000,
              parallelMs: median(reps.map((x) => x.parallelUs)) / 1000,
              speedup: r.sequentialUs / r.elapsedUs,
              speedupMin: r.live.speedupMin,
              speedupMax: r.live.speedupMax,
              aborts: aborts(r),
              matched: r.stateHash === r.sequentialStateHash,
            };
            rows.push(row);
            process.stderr.write(`  ${formatRows([row]).split("\n")[1]}\n`);
          }
        }
      }
    }
  } finally {
    pool.close();
  }
  const cpu = cpus()[0]?.model ?? "unknown CPU";
  process.stdout.write(
    `\nLive sweep on ${cpu}, ${availableParallelism()} cores, Node ${process.version}, cost.work ${o.work} (p2p transfers)\n\n${formatRows(rows)}\n`,
  );
  return rows.every((r) => r.matched) ? 0 : 1;
}
