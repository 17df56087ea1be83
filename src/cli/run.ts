import { listCheck } from "../engine/analysis/list-check";
import { computeMetrics } from "../engine/analysis/metrics";
import type { RunResult } from "../engine/run-result";
import { isUnsafe } from "../engine/scenario/scenario";
import { readBlockFile } from "../runtime/block-file";
import { loadBlock } from "../runtime/block-source";
import { simulate } from "../runtime/simulate";
import { HINT, type RunArgs } from "./args";
import { formatTable, jsonReport } from "./format";
import { scenarioFromArgs } from "./scenario-input";
import { writeChromeTrace } from "./write-trace";

/**
 * Exit codes: 0 ok; 1 the run failed or its state differs from sequential (unless that is what it shows:
 * an unsafe scheduler, a corrupted list that the check caught); 2 bad input.
 */
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/** `txlanes run`: simulates the scenario in the virtual driver and reports its metrics. */
export async function runCommand(args: RunArgs): Promise<number> {
  const input = scenarioFromArgs(args);
  if (!input.ok) {
    for (const e of input.errors) process.stderr.write(`txlanes: ${e}\n`);
    process.stderr.write(`${HINT}\n`);
    return EXIT_USAGE;
  }
  const loaded = await loadBlock(input.scenario, readBlockFile);
  const t0 = performance.now();
  const run = simulate(input.scenario, loaded);
  const wallMs = performance.now() - t0;
  return report(run, args, wallMs);
}

/** Prints a finished run (table or JSON), writes its trace if asked; exit code 1 if its state differs. */
export function report(run: RunResult, args: RunArgs, wallMs: number): number {
  const metrics = computeMetrics(run);
  if (args.json) process.stdout.write(`${JSON.stringify(jsonReport(run, metrics, wallMs))}\n`);
  else process.stdout.write(`${formatTable(run, metrics)}\n`);
  if (args.trace !== undefined) {
    const n = writeChromeTrace(run, args.trace);
    process.stderr.write(
      `txlanes: wrote ${n} trace events to ${args.trace} (open it in https://ui.perfetto.dev)\n`,
    );
  }
  // An unsafe scheduler's wrong state is what it shows (its lesson is in the report), not a failure; so is
  // a block rejected for the list entry --corrupt-list made wrong, once the check has caught that entry.
  const expected = isUnsafe(run.scenario.scheduler) || listCheck(run).caught >= 0;
  if (run.stateHash !== run.sequentialStateHash && !expected) {
    process.stderr.write(
      `txlanes: STATE HASH MISMATCH: parallel ${run.stateHash} != sequential ${run.sequentialStateHash}. ` +
        "The parallel run did not reproduce sequential execution: this is a bug, please report it with the scenario.\n",
    );
    return EXIT_FAILED;
  }
  return 0;
}
