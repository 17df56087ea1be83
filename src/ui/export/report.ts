/**
 * What the export buttons write, as plain data: the run report, the run as a Chrome trace, the scenario.
 * Pure (no DOM), so the tests check the files the app downloads.
 */

import type { Metrics } from "../../engine/analysis/metrics";
import { CONTRACTS } from "../../engine/contracts/registry";
import type { RunResult } from "../../engine/run-result";
import type { Scenario } from "../../engine/scenario/scenario";
import { type ChromeTrace, toChromeTrace } from "../../engine/trace/chrome-trace";

/** What was run, in words, with the clock it was timed on. */
export function runLabel(result: RunResult): string {
  const s = result.scenario;
  const workers = result.lanes / s.shards;
  const clock = result.mode === "virtual" ? "virtual clock (simulated)" : "real workers (measured)";
  return `${s.scheduler}, ${workers} workers x ${s.shards} shards, ${clock}`;
}

/** The run as Chrome Trace Event JSON: shards as processes, worker lanes as threads (Perfetto opens it). */
export function runTrace(result: RunResult): ChromeTrace {
  const eth = result.eth;
  return toChromeTrace(result.log, {
    lanes: result.lanes,
    workersPerShard: result.lanes / result.scenario.shards,
    label: runLabel(result),
    txName: (tx) =>
      eth
        ? `tx ${tx} ${eth.labels[tx]}`
        : `tx ${tx} ${CONTRACTS[result.block.kind[tx]]?.name ?? ""}`.trimEnd(),
  });
}

/** The metrics with per-lane arrays as plain lists (typed arrays would serialize as objects). */
type PlainMetrics = Omit<Metrics, "laneBusyUs" | "laneUtilization"> & {
  readonly laneBusyUs: number[];
  readonly laneUtilization: number[];
};

function plainMetrics({ laneBusyUs, laneUtilization, ...rest }: Metrics): PlainMetrics {
  return { ...rest, laneBusyUs: Array.from(laneBusyUs), laneUtilization: Array.from(laneUtilization) };
}

export interface RunReport {
  readonly app: "TxLanes";
  readonly scenario: Scenario;
  readonly mode: RunResult["mode"];
  /** Every time and throughput below is on this clock. */
  readonly clock: Metrics["clock"];
  readonly label: string;
  readonly metrics: PlainMetrics;
  readonly stateHash: string;
  readonly sequentialStateHash: string;
  readonly matchesSequential: boolean;
  readonly block?: {
    readonly number: number;
    readonly hash: string;
    readonly txs: number;
    readonly feeMode: string;
    readonly exact: number;
    readonly conservative: number;
    readonly costNote: string;
  };
}

export function runReport(result: RunResult, metrics: Metrics, costNote: string): RunReport {
  const eth = result.eth;
  return {
    app: "TxLanes",
    scenario: result.scenario,
    mode: result.mode,
    clock: metrics.clock,
    label: runLabel(result),
    metrics: plainMetrics(metrics),
    stateHash: result.stateHash,
    sequentialStateHash: result.sequentialStateHash,
    matchesSequential: result.stateHash === result.sequentialStateHash,
    block: eth && {
      number: eth.number,
      hash: eth.hash,
      txs: eth.txs,
      feeMode: eth.feeMode,
      exact: eth.exact,
      conservative: eth.conservative,
      costNote,
    },
  };
}
