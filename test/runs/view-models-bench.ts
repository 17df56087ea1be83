/**
 * `npx tsx test/runs/view-models-bench.ts [--txs N] [--reps N]`: how long the views take to build what they
 * draw from a big run's log, as the page does when a run arrives: the log index, the dependency graph's
 * model, the worker lanes' bars, the transaction states (seeked to the end and back to the middle), the
 * metrics panel's playhead counts and 1,000 captions over the run. Each repetition sees a fresh copy of
 * the log object (same arrays), so nothing is cached from the one before; medians of warm repetitions
 * with their spread, in wall time and in this process's CPU time (steadier on a machine shared with other
 * jobs).
 */
import { parseArgs } from "node:util";
import { type CaptionRun, momentCaption } from "../../src/engine/analysis/caption";
import { runNames } from "../../src/engine/analysis/explain";
import { analyzeRun } from "../../src/engine/analysis/run-analysis";
import { txStatesOf } from "../../src/engine/analysis/tx-state";
import type { RunResult } from "../../src/engine/run-result";
import { DEFAULT_SCENARIO, type Scenario } from "../../src/engine/scenario/scenario";
import { logEnd } from "../../src/engine/trace/eventlog";
import { simulate } from "../../src/runtime/simulate";
import { buildGraphModel } from "../../src/ui/views/graph/graph-model";
import { buildLaneBars } from "../../src/ui/views/lanes/lane-bars";
import { completionTimes, roundTimes } from "../../src/ui/views/metrics/playhead-counts";

const { values } = parseArgs({
  options: { txs: { type: "string", default: "100000" }, reps: { type: "string", default: "7" } },
});
const txs = Number(values.txs);
const reps = Number(values.reps);

const SCENARIOS: Record<string, Partial<Scenario>> = {
  "blockstm 16w": { scheduler: "blockstm", workers: 16 },
  "batched 16w": { scheduler: "batched", workers: 16 },
  "receipts 4x4": { scheduler: "blockstm", workers: 4, shards: 4, crossShard: "receipts" },
};

const PARTS = ["index", "graph", "lanes", "states", "counts", "captions", "total"] as const;
type Part = (typeof PARTS)[number];

type Sample = Record<Part, { wall: number; cpu: number }>;
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

function once(base: RunResult, scenario: Scenario): Sample {
  // A fresh log object: every cache keyed by the log misses, as for a run that just arrived.
  const r: RunResult = { ...base, log: { ...base.log } };
  const out = {} as Sample;
  const time = (part: Part, f: () => void) => {
    const [w0, c0] = [performance.now(), cpuMs()];
    f();
    out[part] = { wall: performance.now() - w0, cpu: cpuMs() - c0 };
  };
  const [w0, c0] = [performance.now(), cpuMs()];
  time("index", () => analyzeRun(r));
  time("graph", () => buildGraphModel(r));
  time("lanes", () => buildLaneBars(r.log, r.lanes, scenario.shards));
  time("states", () =>
    txStatesOf(r)
      .seek(logEnd(r.log))
      .seek(logEnd(r.log) / 2),
  );
  time("counts", () => {
    completionTimes(r.log);
    roundTimes(r.log, scenario.crossShard);
  });
  const caption: CaptionRun = {
    log: r.log,
    txs: r.block.n,
    names: runNames(r),
    scheduler: scenario.scheduler,
    shards: scenario.shards,
    crossShard: scenario.crossShard,
    workers: r.lanes / scenario.shards,
  };
  time("captions", () => {
    for (let k = 0; k < 1000; k++) momentCaption(caption, (logEnd(r.log) * k) / 999);
  });
  out.total = { wall: performance.now() - w0, cpu: cpuMs() - c0 };
  return out;
}

const median = (a: number[]) => [...a].sort((x, y) => x - y)[a.length >> 1];
const f = (x: number) => x.toFixed(1);

console.log(
  `${txs.toLocaleString("en-US")} transactions, ${reps} warm repetitions after one cold: median ms [min-max]`,
);
for (const [name, over] of Object.entries(SCENARIOS)) {
  const scenario: Scenario = { ...DEFAULT_SCENARIO, txs, ...over };
  const run = simulate(scenario);
  analyzeRun(run); // the dependency graph (keyed by the serial trace) is built once, outside the timings
  once(run, scenario);
  const samples = Array.from({ length: reps }, () => once(run, scenario));
  console.log(`${name} (${run.log.length.toLocaleString("en-US")} events)`);
  for (const clock of ["wall", "cpu"] as const) {
    const cells = PARTS.map((p) => {
      const xs = samples.map((s) => s[p][clock]);
      return `${p} ${f(median(xs))} [${f(Math.min(...xs))}-${f(Math.max(...xs))}]`;
    });
    console.log(`  ${clock}: ${cells.join(" · ")}`);
  }
}
