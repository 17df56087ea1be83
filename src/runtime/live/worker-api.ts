import { calibrateBurn } from "./burn";
import type { PhaseJob, PhaseReport } from "./job";
import { runPhase } from "./run-phase";

/**
 * The control plane of a live worker thread, the same in the browser and in Node: calibrate once per pool,
 * then one call per phase of a run. Everything else goes through shared memory.
 */
export const liveWorkerApi = {
  calibrate(): number {
    return calibrateBurn();
  },
  runPhase(job: PhaseJob): PhaseReport {
    return runPhase(job);
  },
};

export type LiveWorkerApi = typeof liveWorkerApi;
