import { computeMetrics } from "../engine/analysis/metrics";
import { rangeText } from "../engine/scenario/ranges";
import { DEFAULT_SCENARIO, type Scenario } from "../engine/scenario/scenario";
import { simulate } from "../runtime/simulate";
import { benchCorner } from "./bench-corner";
import { benchLive } from "./bench-live";
import { parseFlags, parseInRange, RUNS_RANGE } from "./flags";
import { fixed, int, table } from "./format";

/** `npm run bench [-- --runs N]`: how fast the virtual driver simulates big blocks on this machine, and the worst accepted corner. */

interface BenchCase {
  readonly name: string;
  readonly scenario: Scenario;
}

interface BenchRow {
  readonly name: string;
  readonly wallMs: number;
  readonly events: number;
  readonly speedup: number;
  readonly hashMatches: boolean;
}

const at = (over: Partial<Scenario>): Scenario => ({ ...DEFAULT_SCENARIO, ...over });

const CASES: readonly BenchCase[] = [
  { name: "10k sequential", scenario: at({ txs: 10_000, scheduler: "sequential" }) },
  { name: "10k blockstm x16", scenario: at({ txs: 10_000, scheduler: "blockstm", workers: 16 }) },
  { name: "10k batched x16", scenario: at({ txs: 10_000, scheduler: "batched", workers: 16 }) },
  {
    name: "10k blockstm 4 shards x4 receipts",
    scenario: at({ txs: 10_000, scheduler: "blockstm", workers: 4, shards: 4, crossShard: "receipts" }),
  },
  {
    name: "10k blockstm 4 shards x4 locks",
    scenario: at({ txs: 10_000, scheduler: "blockstm", workers: 4, shards: 4, crossShard: "locks" }),
  },
  { name: "100k blockstm x16", scenario: at({ txs: 100_000, scheduler: "blockstm", workers: 16 }) },
];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Virtual driver: wall time of simulate() (block generation, run, oracle, hashes), median after a warm-up. */
function benchVirtual(cases: readonly BenchCase[], runs: number): BenchRow[] {
  return cases.map(({ name, scenario }) => {
    let run = simulate(scenario);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      run = simulate(scenario);
      times.push(performance.now() - t0);
    }
    const m = computeMetrics(run);
    const row = {
      name,
      wallMs: median(times),
      events: run.log.length,
      speedup: m.speedup,
      hashMatches: run.stateHash === run.sequentialStateHash,
    };
    process.stderr.write(`  ${name}: ${fixed(row.wallMs, 0)} ms\n`);
    return row;
  });
}

const USAGE = `usage: npm run bench [-- --runs N]   (N = timed runs per case after one warm-up, ${rangeText(RUNS_RANGE)})`;

function parseRuns(argv: readonly string[]): number | string {
  const parsed = parseFlags(argv, { runs: { type: "value" } });
  if (!parsed.ok) return `${parsed.error}\n${USAGE}`;
  if (parsed.help || parsed.positionals.length > 0) return USAGE;
  const { runs } = parsed.values;
  if (runs === undefined) return 3;
  const n = parseInRange("--runs", String(runs), RUNS_RANGE);
  return typeof n === "number" ? n : `${n}\n${USAGE}`;
}

function main(): number {
  const runs = parseRuns(process.argv.slice(2));
  if (typeof runs === "string") {
    process.stderr.write(`${runs}\n`);
    return 2;
  }
  process.stderr.write(`virtual driver, median of ${runs} runs after a warm-up:\n`);
  const rows = benchVirtual(CASES, runs);
  const columns = (wall: string, events: string, speedup: string, hash: string): string =>
    `${wall.padStart(9)}  ${events.padStart(10)}  ${speedup.padStart(17)}  ${hash}`;
  const header: [string, string] = ["scenario", columns("wall ms", "events", "simulated speedup", "hash")];
  const lines = rows.map((r): [string, string] => [
    r.name,
    columns(
      fixed(r.wallMs, 1),
      int(r.events),
      `${fixed(r.speedup, 2)}x`,
      r.hashMatches ? "matches" : "MISMATCH",
    ),
  ]);
  process.stdout.write(`\n${table([header, ...lines])}\n\n`);
  const corner = benchCorner();
  process.stdout.write(`\n${corner.text}\n`);
  return rows.every((r) => r.hashMatches) && corner.ok ? 0 : 1;
}

const argv = process.argv.slice(2);
// `--mode real`: the live sweep on worker threads (bench-live.ts); otherwise the virtual driver's timings.
process.exitCode = argv[0] === "--mode" && argv[1] === "real" ? await benchLive(argv.slice(2)) : main();
