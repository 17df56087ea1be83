/**
 * The compare side runs in a run store of its own (its own run worker), so the left side's runs and the
 * right side's never cancel each other. Both sides share the one playhead: its log is the two runs'
 * logs merged, so stepping lands on the events of either side and the end is the later of the two ends.
 */

import { useEffect } from "react";
import { useStore } from "zustand";
import { scenarioKey } from "../engine/scenario/scenario-key";
import type { ScenarioPatch } from "../engine/scenario/view-state";
import type { EventLogData } from "../engine/trace/eventlog";
import { mergeLogs } from "../engine/trace/merge-log";
import { VirtualClient } from "../runtime/virtual-client";
import { rightScenario } from "./compare-patch";
import { playback } from "./playback";
import type { RunState, ShownRun } from "./store";
import { createRunStore } from "./store";

export const compareRuns = createRunStore(new VirtualClient());

export function useCompareRun<T>(selector: (s: RunState) => T): T {
  return useStore(compareRuns, selector);
}

/** Merged playhead logs this module loaded (to give the playhead back to the left run on leaving). */
const merged = new WeakSet<EventLogData>();

export interface CompareSide {
  /** The right side's run, once it is the run of the left scenario with the patch. */
  readonly right: ShownRun | null;
  /** Why the patched scenario is invalid (the validator's messages, naming the fields). */
  readonly problem: string | null;
}

/**
 * Keeps the right side's run in step with the left scenario and the patch. While comparing, the playhead
 * holds both logs merged (time and selection kept).
 */
export function useCompare(left: ShownRun | null, patch: ScenarioPatch | null): CompareSide {
  const right = useCompareRun((s) => s.shown);
  const target = left && patch ? rightScenario(left.scenario, patch) : null;
  const targetKey = target?.ok ? scenarioKey(target.scenario) : null;
  const targetScenario = target?.ok ? target.scenario : null;

  // biome-ignore lint/correctness/useExhaustiveDependencies: the key names the scenario; a new object with the same key is the same run.
  useEffect(() => {
    if (targetScenario) compareRuns.getState().apply(targetScenario);
  }, [targetKey]);

  const current = right && targetKey !== null && scenarioKey(right.scenario) === targetKey ? right : null;
  useEffect(() => {
    if (!left) return;
    if (!current) {
      // Leaving compare: the playhead goes back to the left run's own log.
      const s = playback.getState();
      if (s.log && merged.has(s.log)) s.load(left.result.log, s.time);
      return;
    }
    const sync = (): void => {
      if (playback.getState().log !== left.result.log) return;
      // After the other listeners of this change (a link's pending view applies to the left log first).
      queueMicrotask(() => {
        const s = playback.getState();
        if (s.log !== left.result.log) return;
        const log = mergeLogs(left.result.log, current.result.log);
        merged.add(log);
        const { time, selectedTx } = s;
        s.load(log, time);
        if (selectedTx !== null) s.select(selectedTx);
      });
    };
    sync();
    return playback.subscribe(sync);
  }, [left, current]);

  return { right: current, problem: target && !target.ok ? target.message : null };
}
