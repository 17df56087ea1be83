/**
 * The sweep worker: computes points of the contention sweep with the virtual driver off the main thread,
 * one call per point, so the client can show progress and stop between points (or terminate mid-point).
 */
import { expose } from "comlink";
import type { Scenario } from "../engine/scenario/scenario";
import { type SweepAxis, type SweepPoint, type SweepTask, sweepPoint } from "./sweep";

const api = {
  point(base: Scenario, axis: SweepAxis, task: SweepTask): SweepPoint {
    return sweepPoint(base, axis, task);
  },
};

export type SweepWorkerApi = typeof api;

expose(api);
