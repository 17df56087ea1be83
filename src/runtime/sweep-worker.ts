/**
 * The sweep worker: computes points of the contention sweep with the virtual driver off the main thread,
 * one call per point, so the client can show progress and stop between points (or terminate mid-point).
 */
import { expose } from "comlink";
import type { Scenario } from "../engine/scenario/scenario";
import { type ComparePoint, type CompareTask, comparePoint, loadCompareBlock } from "./block-compare";
import { type SweepAxis, type SweepPoint, type SweepTask, sweepPoint } from "./sweep";
import { type SimThreadPoint, simThreadPoint } from "./thread-sim";

const api = {
  point(base: Scenario, axis: SweepAxis, task: SweepTask): SweepPoint {
    return sweepPoint(base, axis, task);
  },
  /** One cell of the block panel's table: the shown real block under another scheduler and fee mode. */
  async blockPoint(base: Scenario, task: CompareTask, upload?: unknown): Promise<ComparePoint> {
    return comparePoint(base, task, await loadCompareBlock(base, task.feeMode, upload));
  },
  /** One point of the thread sweep's simulated twin: the scenario's block (`upload`: an opened file's JSON). */
  async threadPoint(scenario: Scenario, threads: number, upload?: unknown): Promise<SimThreadPoint> {
    return simThreadPoint(scenario, threads, await loadCompareBlock(scenario, scenario.feeMode, upload));
  },
};

export type SweepWorkerApi = typeof api;

expose(api);
