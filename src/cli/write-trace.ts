import { closeSync, openSync, writeSync } from "node:fs";
import { CONTRACTS } from "../engine/contracts/registry";
import type { RunResult } from "../engine/run-result";
import { toChromeTrace } from "../engine/trace/chrome-trace";

/**
 * Writes the run as a Chrome trace (Perfetto, chrome://tracing). Streamed event by event: a 100,000-tx
 * run has millions of events, more than one JSON string should hold. Returns the number of trace events.
 */
export function writeChromeTrace(run: RunResult, path: string): number {
  const s = run.scenario;
  const workers = run.lanes / s.shards;
  const trace = toChromeTrace(run.log, {
    lanes: run.lanes,
    workersPerShard: workers,
    label: `${s.scheduler}, ${workers} workers x ${s.shards} shards, ${run.mode === "virtual" ? "virtual clock (simulated)" : "measured"}`,
    txName: (tx) => `tx ${tx} ${CONTRACTS[run.block.kind[tx]]?.name ?? ""}`.trimEnd(),
  });
  const fd = openSync(path, "w");
  try {
    const { traceEvents, ...rest } = trace;
    writeSync(
      fd,
      `{"displayTimeUnit":${JSON.stringify(rest.displayTimeUnit)},"otherData":${JSON.stringify(rest.otherData)},"traceEvents":[\n`,
    );
    const CHUNK = 4096;
    for (let i = 0; i < traceEvents.length; i += CHUNK) {
      const part = traceEvents.slice(i, i + CHUNK).map((e) => JSON.stringify(e));
      writeSync(fd, (i > 0 ? ",\n" : "") + part.join(",\n"));
    }
    writeSync(fd, "\n]}\n");
  } finally {
    closeSync(fd);
  }
  return trace.traceEvents.length;
}
