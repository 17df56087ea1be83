import { type ProbeJob, type ProbeResult, runProbe } from "../calibrate/probes";
import { calibrateBurn } from "./burn";
import type { PhaseJob, PhaseReport } from "./job";
import { runPhase } from "./run-phase";

/**
 * The control plane of a live worker thread, the same in the browser and in Node: calibrate once per pool,
 * then one call per phase of a run (or per probe of the cost model). Everything else goes through shared
 * memory.
 */
export const liveWorkerApi = {
  calibrate(): number {
    return calibrateBurn();
  },
  runPhase(job: PhaseJob): PhaseReport {
    return runPhase(job);
  },
  /** Times part of the engine's own code, for the virtual clock's cost model (npm run cli -- calibrate). */
  probe(job: ProbeJob): ProbeResult {
    return runProbe(job);
  },
};

export type LiveWorkerApi = typeof liveWorkerApi;
