/** The sweeps as components use them: ask the controller for one, select what it has so far. */
import { useEffect, useMemo } from "react";
import { useStore } from "zustand";
import type { Scenario } from "../engine/scenario/scenario";
import type { ComparePoint } from "../runtime/block-compare";
import { threadSweepPlan } from "../runtime/live/thread-sweep";
import { type SweepAxis, type SweepPlan, type SweepPoint, sweepPlan } from "../runtime/sweep";
import type { SimThreadPoint } from "../runtime/thread-sim";
import { liveSweepKey, sweepKey, threadSimKey } from "./controller";
import { type LiveSweepState, liveSweepRefusal } from "./live-sweep";
import { controller, liveSupport, liveThreadLimit, useRun } from "./page";
import { jobRunning } from "./point-jobs";
import type { ShownRun } from "./store";

export type { ComparePoint, SimThreadPoint, SweepAxis, SweepPoint };

export interface SweepState {
  readonly plan: SweepPlan;
  readonly points: readonly SweepPoint[];
  readonly running: boolean;
  /** Not started: the chart is off screen (a sweep costs some twenty runs of the block). */
  readonly waiting: boolean;
  readonly error: string | null;
}

/**
 * The contention sweep of a scenario along `axis`, computed in the background point by point once its
 * chart is `onScreen`: the chart sits below the fold, and a sweep off screen would take the cores from the
 * run the page shows (and from a live run's measurement) after every change of a knob.
 */
export function useSweep(scenario: Scenario, axis: SweepAxis, onScreen: boolean): SweepState {
  const plan = useMemo(() => sweepPlan(scenario, axis), [scenario, axis]);
  const job = useStore(controller.sweeps.store);
  useEffect(() => {
    if (onScreen) controller.wantSweep(scenario, axis);
  }, [scenario, axis, onScreen]);
  useEffect(() => () => controller.sweeps.release(), []);
  const current = job.key === sweepKey(scenario, axis);
  return {
    plan,
    points: current ? job.points : [],
    running: !current || jobRunning(job),
    waiting: !current && !onScreen,
    error: current ? job.error : null,
  };
}

export interface CompareState {
  readonly points: readonly ComparePoint[];
  readonly total: number;
  readonly running: boolean;
  readonly error: string | null;
  cancel(): void;
}

/**
 * The shown real block under every scheduler and both fee modes, at the scenario's workers and shards;
 * `upload` is the parsed file of an opened block (null for the mainnet sources, which the worker fetches).
 */
export function useBlockCompare(scenario: Scenario, upload: unknown, uploadId: string): CompareState {
  const job = useStore(controller.blockCompare.store);
  useEffect(() => controller.wantBlockCompare(scenario, upload, uploadId), [scenario, upload, uploadId]);
  useEffect(() => () => controller.blockCompare.release(), []);
  return {
    points: job.points,
    total: job.total,
    running: job.key === "" || jobRunning(job),
    error: job.error,
    cancel: () => controller.blockCompare.stop(),
  };
}

export interface ThreadSimState {
  /** Thread counts, as the measured sweep measures them on this machine. */
  readonly plan: readonly number[];
  readonly points: readonly SimThreadPoint[];
  readonly running: boolean;
  /** Stopped by the user before every thread count was simulated (the points so far stay). */
  readonly stopped: boolean;
  readonly error: string | null;
  cancel(): void;
}

/**
 * The measured thread sweep's simulated twin for the block and scenario of `run`: computed on a sweep worker
 * once the chart is `onScreen` (it is a few virtual runs of the whole block).
 */
export function useThreadSim(run: ShownRun, onScreen: boolean): ThreadSimState {
  const { scenario, upload } = run;
  const cores = liveThreadLimit();
  const plan = useMemo(() => threadSweepPlan(scenario.shards, cores), [scenario.shards, cores]);
  const job = useStore(controller.threadSims.store);
  useEffect(() => {
    if (onScreen) controller.wantThreadSim(scenario, upload, cores);
  }, [scenario, upload, cores, onScreen]);
  useEffect(() => () => controller.threadSims.release(), []);
  const current = job.key === threadSimKey(scenario, upload, cores);
  return {
    plan,
    points: current ? job.points : [],
    running: current ? jobRunning(job) : onScreen,
    stopped: current && job.stopped && job.points.length < job.total,
    error: current ? job.error : null,
    cancel: () => controller.threadSims.stop(),
  };
}

export interface LiveSweepView {
  readonly state: LiveSweepState;
  /** The sweep shown is of the run's block and scenario (its points belong on this chart). */
  readonly current: boolean;
  /** Threads a live run may use here: the cores found, capped. */
  readonly cores: number;
  /** Why a sweep cannot start now (null: it can). */
  readonly refusal: string | null;
  start(): void;
  cancel(): void;
}

/**
 * The measured sweep over 1..N threads of the block and scenario of `run` (an opened file included), started
 * only by the user. It waits while a live run, a measurement or the simulated sweep (`simulatedSweep`) is in
 * flight, so that nothing else takes the cores it measures.
 */
export function useLiveSweep(run: ShownRun, simulatedSweep: boolean): LiveSweepView {
  const { scenario, upload } = run;
  const state = useStore(controller.liveSweep.store);
  const liveRun = useRun((s) => s.mode === "live" && s.running);
  const measuring = useStore(controller.measure, (s) => s.status === "measuring");
  const cores = liveThreadLimit();
  const support = liveSupport();
  return {
    state,
    current: state.key === liveSweepKey(scenario, upload),
    cores,
    refusal: support.ok
      ? liveSweepRefusal(scenario, cores, { liveRun, measuring, simulatedSweep })
      : support.reason,
    start: () => controller.startLiveSweep(scenario, upload),
    cancel: () => controller.liveSweep.cancel(),
  };
}
