/**
 * "Every scheduler at this worker count" for a real block: the same block run by each scheduler, with the
 * fee recipient credited lazily and inside each transaction. Pure runs of the virtual driver; the sweep
 * worker computes them one by one off the main thread.
 */
import { computeMetrics } from "../engine/analysis/metrics";
import { importEthBlock } from "../engine/ethereum/import";
import {
  FEE_MODES,
  type FeeMode,
  SAFE_SCHEDULERS,
  type Scenario,
  type SchedulerName,
} from "../engine/scenario/scenario";
import { fetchBlockFile } from "./block-fetch";
import { type LoadedBlock, loadBlock } from "./block-source";
import { simulate } from "./simulate";

export interface CompareTask {
  readonly scheduler: SchedulerName;
  readonly feeMode: FeeMode;
}

export interface ComparePoint extends CompareTask {
  /** Sequential time over this run's time, on the virtual clock. */
  readonly speedup: number;
  readonly idealSpeedup: number;
  readonly aborts: number;
  /** The run's final state equals the sequential run's. */
  readonly matches: boolean;
}

export const COMPARE_TASKS: readonly CompareTask[] = FEE_MODES.flatMap((feeMode) =>
  SAFE_SCHEDULERS.map((scheduler) => ({ scheduler, feeMode })),
);

export function comparePoint(base: Scenario, task: CompareTask, loaded: LoadedBlock): ComparePoint {
  // In-tx fees make every transaction write one balance: such a block runs on one shard (as validate says).
  // A block access list is per block: bal runs on one shard too, with the builder's list as it is (the
  // table compares honest runs; a list corrupted on purpose is the main run's lesson).
  const shards = task.feeMode === "in-tx" || task.scheduler === "bal" ? 1 : base.shards;
  const result = simulate({ ...base, ...task, shards, corruptList: false }, loaded);
  const m = computeMetrics(result);
  return {
    ...task,
    speedup: m.speedup,
    idealSpeedup: m.idealSpeedup,
    aborts: m.aborts,
    matches: result.stateHash === result.sequentialStateHash,
  };
}

/** Block texts already fetched, by source: the table's six runs fetch each mainnet block once. */
const texts = new Map<string, Promise<string>>();

/**
 * The block of `base` with `feeMode`: generated from its seed, a mainnet source (fetched once), or the parsed
 * JSON of an opened file (`upload`).
 */
export async function loadCompareBlock(
  base: Scenario,
  feeMode: FeeMode,
  upload?: unknown,
): Promise<LoadedBlock> {
  if (upload === undefined) {
    return loadBlock({ ...base, feeMode }, (n) => {
      const key = String(n);
      let text = texts.get(key);
      if (!text) {
        text = fetchBlockFile(n);
        texts.set(key, text);
        text.catch(() => texts.delete(key));
      }
      return text;
    });
  }
  const imported = importEthBlock(upload, { feeMode });
  if (!imported.ok) throw new Error(imported.error);
  return { block: imported.block, eth: imported.info };
}
