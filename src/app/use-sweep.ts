import { useEffect, useMemo, useState } from "react";
import type { Scenario } from "../engine/scenario/scenario";
import { scenarioKey } from "../engine/scenario/scenario-key";
import { type SweepAxis, type SweepPlan, type SweepPoint, sweepPlan } from "../runtime/sweep";
import { SweepCancelledError, SweepClient } from "../runtime/sweep-client";

export type { SweepAxis, SweepPoint };

export interface SweepState {
  readonly plan: SweepPlan;
  readonly points: readonly SweepPoint[];
  readonly running: boolean;
  readonly error: string | null;
}

// One sweep worker for the page; finished sweeps are kept so flipping the axis back costs nothing.
let client: SweepClient | null = null;
const finished = new Map<string, readonly SweepPoint[]>();
const KEEP = 8;

/**
 * The sweep's identity: its scenario without the swept knob and the scheduler (every point sets both), so
 * moving either only moves the marker.
 */
function keyOf(plan: SweepPlan): string {
  return `${plan.axis} ${scenarioKey({ ...plan.base, [plan.axis]: 0, scheduler: "sequential" })}`;
}

/** Runs the contention sweep of a scenario in the background; restarts (cancelling) when it changes. */
export function useSweep(scenario: Scenario, axis: SweepAxis): SweepState {
  const plan = useMemo(() => sweepPlan(scenario, axis), [scenario, axis]);
  const key = keyOf(plan);
  const [state, setState] = useState<{ key: string; points: readonly SweepPoint[]; error: string | null }>({
    key: "",
    points: [],
    error: null,
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: the key names the plan; a new plan object with the same key is the same sweep.
  useEffect(() => {
    const done = finished.get(key);
    if (done) {
      setState({ key, points: done, error: null });
      return;
    }
    setState({ key, points: [], error: null });
    client ??= new SweepClient();
    const sweep = client;
    sweep
      .run(plan, (point) => setState((s) => (s.key === key ? { ...s, points: [...s.points, point] } : s)))
      .then(
        (points) => {
          finished.set(key, points);
          if (finished.size > KEEP) finished.delete(finished.keys().next().value ?? "");
        },
        (error: unknown) => {
          if (error instanceof SweepCancelledError) return;
          const message = error instanceof Error ? error.message : String(error);
          setState((s) => (s.key === key ? { ...s, error: message } : s));
        },
      );
    return () => sweep.cancel();
  }, [key]);

  const current = state.key === key ? state : { points: [], error: null };
  return {
    plan,
    points: current.points,
    running: current.error === null && current.points.length < plan.tasks.length,
    error: current.error,
  };
}
