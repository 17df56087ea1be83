import { useEffect, useState } from "react";
import { ethBlockOf, type Scenario } from "../engine/scenario/scenario";
import { scenarioKey } from "../engine/scenario/scenario-key";
import { COMPARE_TASKS, type ComparePoint } from "../runtime/block-compare";
import { SweepCancelledError, SweepClient } from "../runtime/sweep-client";

export type { ComparePoint };

export interface CompareState {
  readonly points: readonly ComparePoint[];
  readonly total: number;
  readonly running: boolean;
  readonly error: string | null;
  cancel(): void;
}

// Its own sweep worker, so the table and the contention chart never cancel each other.
let client: SweepClient | null = null;

/**
 * The shown real block under every scheduler and both fee modes, at the scenario's workers and shards,
 * computed point by point in the background; restarts (cancelling) when the block or the layout changes.
 * `upload` is the parsed file of an opened block (null for the mainnet sources, which the worker fetches).
 */
export function useBlockCompare(scenario: Scenario, upload: unknown, uploadId: string): CompareState {
  const base: Scenario = { ...scenario, scheduler: "sequential", feeMode: "lazy" };
  const key = `${scenarioKey(base)} ${ethBlockOf(scenario.source) === null ? uploadId : ""}`;
  const [state, setState] = useState<{
    key: string;
    points: readonly ComparePoint[];
    error: string | null;
    stopped: boolean;
  }>({ key: "", points: [], error: null, stopped: false });

  // biome-ignore lint/correctness/useExhaustiveDependencies: the key names the block and layout; the rest follows from it.
  useEffect(() => {
    setState({ key, points: [], error: null, stopped: false });
    client ??= new SweepClient();
    const runner = client;
    const file = ethBlockOf(base.source) === null ? upload : undefined;
    runner
      .runTasks(
        COMPARE_TASKS,
        (remote, task) => remote.blockPoint(base, task, file),
        (point) => setState((s) => (s.key === key ? { ...s, points: [...s.points, point] } : s)),
      )
      .catch((error: unknown) => {
        if (error instanceof SweepCancelledError) return;
        const message = error instanceof Error ? error.message : String(error);
        setState((s) => (s.key === key ? { ...s, error: message } : s));
      });
    return () => runner.cancel();
  }, [key]);

  const current = state.key === key ? state : { points: [], error: null, stopped: false };
  return {
    points: current.points,
    total: COMPARE_TASKS.length,
    running: current.error === null && !current.stopped && current.points.length < COMPARE_TASKS.length,
    error: current.error,
    cancel: () => {
      client?.cancel();
      setState((s) => (s.key === key ? { ...s, stopped: true } : s));
    },
  };
}
