import { readBlockFile } from "../runtime/block-file";
import { loadBlock } from "../runtime/block-source";
import { closeLivePool, nodeThreadLimit, runLive } from "../runtime/live/node-pool";
import { LiveInputError } from "../runtime/live/run-live";
import { HINT, type RunArgs } from "./args";
import { EXIT_FAILED, EXIT_USAGE, report } from "./run";
import { scenarioFromArgs } from "./scenario-input";

/** Timed repetitions of a real run unless --runs says otherwise. */
const DEFAULT_RUNS = 5;

/**
 * `txlanes run --mode real`: runs the scenario for real on worker threads (this machine's cores) and
 * reports measured figures, the same table or JSON as a virtual run: the median of timed repetitions after
 * a warm-up, with the range of their speedups.
 */
export async function runLiveCommand(args: RunArgs): Promise<number> {
  const input = scenarioFromArgs(args);
  if (!input.ok) {
    for (const e of input.errors) process.stderr.write(`txlanes: ${e}\n`);
    process.stderr.write(`${HINT}\n`);
    return EXIT_USAGE;
  }
  try {
    const loaded = await loadBlock(input.scenario, readBlockFile);
    const t0 = performance.now();
    const runs = args.runs ?? DEFAULT_RUNS;
    // Every core unless --threads says otherwise, not the scenario's (virtual) worker count.
    const workers = args.threads ?? nodeThreadLimit();
    const run = await runLive(input.scenario, { ...loaded, workers, warmUp: true, runs });
    return report(run, args, performance.now() - t0);
  } catch (e) {
    if (e instanceof LiveInputError) {
      process.stderr.write(`txlanes: ${e.message}\n${HINT}\n`);
      return EXIT_USAGE;
    }
    process.stderr.write(`txlanes: live run failed: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT_FAILED;
  } finally {
    closeLivePool();
  }
}
