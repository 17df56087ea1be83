import { BOUND_LABEL } from "../engine/analysis/critical-path";
import { runNames } from "../engine/analysis/explain";
import { invalidBlockLine, listCheck } from "../engine/analysis/list-check";
import { listLesson } from "../engine/analysis/list-size";
import type { Metrics } from "../engine/analysis/metrics";
import { lostUpdates, supplyDrift, unsafeLesson } from "../engine/analysis/unsafe";
import { type EthBlockInfo, GAS_LIMIT_NOTE } from "../engine/ethereum/import";
import type { RunResult } from "../engine/run-result";
import { CONTRACT_KINDS, isUnsafe } from "../engine/scenario/scenario";

/** Integer with thousands separators, the same in every locale. */
export function int(n: number): string {
  const s = String(Math.round(Math.abs(n))).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return n < 0 ? `-${s}` : s;
}

export function fixed(n: number, digits: number): string {
  const [whole, frac] = Math.abs(n).toFixed(digits).split(".");
  const s = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${n < 0 ? "-" : ""}${s}${frac ? `.${frac}` : ""}`;
}

const us = (n: number): string => `${fixed(n, 1)} µs`;
const pct = (x: number): string => `${fixed(x * 100, 1)}%`;

/** Left column padded so the values line up. */
export function table(rows: readonly (readonly [string, string])[]): string {
  const w = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `  ${label.padEnd(w)}   ${value}`).join("\n");
}

/** How far the limits the clock charges overstate the gas the block used (the header's gasUsed). */
export function usedNote(info: EthBlockInfo): string {
  if (info.gasUsed === null) return "";
  return ` against ${int(info.gasUsed)} used (limits ${fixed(info.gasLimitTotal / info.gasUsed, 2)}x use)`;
}

function describeBlock(run: RunResult): string {
  const s = run.scenario;
  const n = int(run.block.n);
  if (run.eth) {
    const e = run.eth;
    return `${n} txs · Ethereum mainnet block ${e.number} · ${int(e.exact)} exact, ${int(e.conservative)} conservative · fees ${e.feeMode} · ${int(e.gasLimitTotal)} gas in limits${usedNote(e)}; ${GAS_LIMIT_NOTE}`;
  }
  if (s.source === "mod3mod4") return `${n} txs · teaching block (tx j reads M[j mod 3], writes M[j mod 4])`;
  const total = CONTRACT_KINDS.reduce((a, k) => a + s.mix[k], 0);
  const mix = CONTRACT_KINDS.filter((k) => s.mix[k] > 0)
    .map((k) => (s.mix[k] === total ? k : `${k} ${fixed((100 * s.mix[k]) / total, 0)}%`))
    .join(", ");
  const agg = s.aggregators ? " · aggregators" : "";
  return `${n} txs · ${mix}${agg} · ${int(s.accounts)} accounts · skew ${s.skew} · seed ${s.seed}`;
}

/** Repetitions behind the figures and the range of their speedups: a virtual run is one exact run. */
function spreadOf(run: RunResult, m: Metrics): { runs: number; speedupMin: number; speedupMax: number } {
  const live = run.live;
  if (!live) return { runs: 1, speedupMin: m.speedup, speedupMax: m.speedup };
  return { runs: live.repetitions.length, speedupMin: live.speedupMin, speedupMax: live.speedupMax };
}

function describeSpeedup(run: RunResult, m: Metrics): string {
  const { runs, speedupMin, speedupMax } = spreadOf(run, m);
  const range =
    runs > 1 ? ` (median of ${runs} runs, range ${fixed(speedupMin, 2)}-${fixed(speedupMax, 2)}x)` : "";
  return `${fixed(m.speedup, 2)}x over sequential${range}`;
}

/** Workers per shard that actually ran (the sequential scheduler runs one). */
function workersOf(run: RunResult): number {
  return run.lanes / run.scenario.shards;
}

function describeRun(run: RunResult, m: Metrics): string {
  const s = run.scenario;
  const shards =
    s.shards === 1
      ? "1 shard"
      : `${s.shards} shards (${s.crossShard === "receipts" ? "receipts" : "2PC locks"})`;
  const unsafe = isUnsafe(s.scheduler) ? " (UNSAFE: no validation, its state is wrong on purpose)" : "";
  return `TxLanes run: ${s.scheduler}${unsafe}, ${workersOf(run)} worker${workersOf(run) === 1 ? "" : "s"} per shard, ${shards}, ${m.clock === "simulated" ? "virtual clock (simulated figures)" : "real workers (measured figures)"}`;
}

/** Why a state differs from sequential when that is what the run shows (unsafe, or a list made wrong). */
function mismatchNote(run: RunResult): string {
  if (isUnsafe(run.scenario.scheduler)) return " (expected: this scheduler is unsafe)";
  const invalid = invalidBlockLine(run, runNames(run));
  return invalid ? ` (${invalid})` : "";
}

/** The human-readable report: a title and an aligned two-column table. */
export function formatTable(run: RunResult, m: Metrics): string {
  const clock = m.clock;
  const util = m.laneUtilization;
  const matches = run.stateHash === run.sequentialStateHash;
  const rows: [string, string][] = [
    ["block", describeBlock(run)],
    [`${clock} time`, `${us(m.elapsedUs)}   (sequential ${us(m.sequentialUs)})`],
    ["throughput", `${int(m.tps)} tx/s ${clock}`],
    ["speedup", describeSpeedup(run, m)],
    [
      "ideal speedup",
      `${fixed(m.idealSpeedup, 2)}x (${BOUND_LABEL[m.bound]} ${us(m.criticalPathUs)} of ${us(m.totalWorkUs)} work, ${int(m.levels)} levels)`,
    ],
    ["efficiency", pct(m.efficiency)],
    ["executions", `${int(m.executions)} (${int(m.reExecutions)} re-executions)`],
    ["validations", int(m.validations)],
    ["aborts", int(m.aborts)],
    ["suspensions", int(m.suspensions)],
    ["wasted work", us(m.wastedUs)],
    ["reverts", int(m.reverts)],
    ["batches", int(m.batches)],
    ["rounds", int(m.rounds)],
    ["cross-shard msgs", int(m.crossShardMessages)],
    [
      "utilization",
      `${pct(m.utilization)} mean over ${m.lanes} lane${m.lanes === 1 ? "" : "s"} (min ${pct(Math.min(...util))}, max ${pct(Math.max(...util))})`,
    ],
    [
      "state hash",
      matches
        ? `${run.stateHash} matches sequential ✓`
        : `MISMATCH ✗ parallel ${run.stateHash} != sequential ${run.sequentialStateHash}${mismatchNote(run)}`,
    ],
  ];
  const lines = isUnsafe(run.scenario.scheduler)
    ? unsafeLesson(run, runNames(run))
    : listLesson(run, runNames(run));
  const lesson = lines.length > 0 ? `\n\n${lines.map((l) => `  ${l}`).join("\n")}` : "";
  return `${describeRun(run, m)}\n\n${table(rows)}${lesson}`;
}

/** A bal run's check against its list, for the JSON report: the entry made wrong, where it was caught. */
function listCheckReport(run: RunResult): Record<string, unknown> {
  const c = listCheck(run);
  return {
    tamper: c.tamper ?? null,
    caught: c.caught >= 0,
    disagreements: c.mismatches.length,
    transactions: c.txs,
    blockValid: c.mismatches.length === 0,
  };
}

/** The --json report: one object, every figure from the run. */
export function jsonReport(run: RunResult, m: Metrics, wallMs: number): Record<string, unknown> {
  const s = run.scenario;
  return {
    txs: run.block.n,
    scheduler: s.scheduler,
    workers: workersOf(run),
    shards: s.shards,
    crossShard: s.crossShard,
    aggregators: s.aggregators,
    corruptList: s.corruptList,
    ...(run.block.accessList && { listCheck: listCheckReport(run) }),
    mode: run.mode,
    clock: m.clock,
    stateHash: run.stateHash,
    sequentialStateHash: run.sequentialStateHash,
    hashMatches: run.stateHash === run.sequentialStateHash,
    ...(run.unsafe && {
      unsafe: {
        lostUpdates: lostUpdates(run.log),
        supply: supplyDrift(run.unsafe.supply),
        otherWorkers: run.unsafe.other,
      },
    }),
    speedup: m.speedup,
    ...spreadOf(run, m),
    idealSpeedup: m.idealSpeedup,
    efficiency: m.efficiency,
    tps: m.tps,
    elapsedUs: m.elapsedUs,
    sequentialUs: m.sequentialUs,
    criticalPathUs: m.criticalPathUs,
    totalWorkUs: m.totalWorkUs,
    levels: m.levels,
    units: m.units,
    committed: m.committed,
    executions: m.executions,
    reExecutions: m.reExecutions,
    validations: m.validations,
    aborts: m.aborts,
    suspensions: m.suspensions,
    wastedUs: m.wastedUs,
    reverts: m.reverts,
    batches: m.batches,
    rounds: m.rounds,
    crossShardMessages: m.crossShardMessages,
    utilization: m.utilization,
    laneUtilization: Array.from(m.laneUtilization),
    events: m.events,
    wallMs,
    scenario: s,
  };
}
