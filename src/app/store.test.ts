import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { RunResult } from "../engine/run-result";
import { DEFAULT_SCENARIO, type Scenario } from "../engine/scenario/scenario";
import type { ProgressFn } from "../runtime/progress";
import { simulate } from "../runtime/simulate";
import { RunCancelledError, type Runner } from "../runtime/virtual-client";
import { createRunStore, DEBOUNCE_MS } from "./store";

const INITIAL: Scenario = { ...DEFAULT_SCENARIO, txs: 200, accounts: 50 };

interface Call {
  readonly scenario: Scenario;
  readonly onProgress?: ProgressFn;
  resolve(result: RunResult): void;
  reject(error: Error): void;
}

/** A runner whose runs finish when the test says so, with real results from simulate(). */
function controlledRunner(): { runner: Runner; calls: Call[]; finish(i: number): Promise<void> } {
  const calls: Call[] = [];
  const runner: Runner = {
    run: (scenario, onProgress) =>
      new Promise<RunResult>((resolve, reject) => calls.push({ scenario, onProgress, resolve, reject })),
    cancel: () => {},
  };
  const finish = async (i: number): Promise<void> => {
    calls[i].resolve(simulate(calls[i].scenario));
    await vi.advanceTimersByTimeAsync(0);
  };
  return { runner, calls, finish };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("run store", () => {
  it("runs the initial scenario and shows its metrics and progress", async () => {
    const { runner, calls, finish } = controlledRunner();
    const store = createRunStore(runner, { initial: INITIAL });
    store.getState().runNow();
    expect(calls.map((c) => c.scenario)).toEqual([INITIAL]);
    expect(store.getState().running).toBe(true);

    calls[0].onProgress?.(50, 200);
    expect(store.getState().progress).toBe(0.25);

    await finish(0);
    const { running, shown, error } = store.getState();
    expect(running).toBe(false);
    expect(error).toBeNull();
    expect(shown?.scenario).toEqual(INITIAL);
    expect(shown?.metrics.txs).toBe(200);
    expect(shown?.metrics.speedup).toBeGreaterThan(1);
    expect(shown?.result.stateHash).toBe(shown?.result.sequentialStateHash);
  });

  it("re-runs once after a burst of valid edits, with the last value", async () => {
    const { runner, calls } = controlledRunner();
    const store = createRunStore(runner, { initial: INITIAL });
    store.getState().edit("workers", "4");
    store.getState().edit("workers", "2");
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS - 1);
    expect(calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(1);
    expect(calls[0].scenario.workers).toBe(2);
  });

  it("shows the validator's message for an out-of-range knob, keeps the text and the last good run", async () => {
    const { runner, calls, finish } = controlledRunner();
    const store = createRunStore(runner, { initial: INITIAL });
    store.getState().runNow();
    await finish(0);
    const before = store.getState().shown;

    store.getState().edit("workers", "100");
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS * 4);
    const { issues, draft, shown } = store.getState();
    expect(issues).toEqual([
      { field: "workers", message: "workers must be an integer from 1 to 64 (got 100)" },
    ]);
    expect(draft.workers).toBe("100");
    expect(shown).toBe(before);
    expect(calls).toHaveLength(1);
  });

  it("quotes text that is not a number", () => {
    const store = createRunStore(controlledRunner().runner, { initial: INITIAL });
    store.getState().edit("skew", "lots");
    expect(store.getState().issues[0]).toEqual({
      field: "skew",
      message: 'skew must be a number from 0 to 4 (got "lots")',
    });
  });

  it("an invalid edit drops the pending re-run of an earlier valid one", async () => {
    const { runner, calls } = controlledRunner();
    const store = createRunStore(runner, { initial: INITIAL });
    store.getState().edit("workers", "4");
    store.getState().edit("txs", "0");
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS * 2);
    expect(calls).toHaveLength(0);
    store.getState().runNow();
    expect(calls).toHaveLength(0);
    expect(store.getState().issues.map((i) => i.field)).toEqual(["txs"]);
  });

  it("ignores the result of a run that a newer run replaced", async () => {
    const { runner, calls, finish } = controlledRunner();
    const store = createRunStore(runner, { initial: INITIAL });
    store.getState().runNow();
    store.getState().edit("workers", "3");
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    expect(calls).toHaveLength(2);
    await finish(0);
    expect(store.getState().shown).toBeNull();
    expect(store.getState().running).toBe(true);
    await finish(1);
    expect(store.getState().shown?.scenario.workers).toBe(3);
  });

  it("does not re-run when an edit lands back on the scenario already run", async () => {
    const { runner, calls, finish } = controlledRunner();
    const store = createRunStore(runner, { initial: INITIAL });
    store.getState().runNow();
    await finish(0);
    store.getState().edit("workers", "5");
    store.getState().edit("workers", String(INITIAL.workers));
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS * 2);
    expect(calls).toHaveLength(1);
  });

  it("shows a failed run's message, keeps the last good run, and clears the message on success", async () => {
    const { runner, calls, finish } = controlledRunner();
    const store = createRunStore(runner, { initial: INITIAL });
    store.getState().runNow();
    await finish(0);
    const good = store.getState().shown;

    store.getState().runNow();
    calls[1].reject(new Error("The simulation worker crashed."));
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getState()).toMatchObject({
      error: "The simulation worker crashed.",
      running: false,
      shown: good,
    });

    store.getState().runNow();
    await finish(2);
    expect(store.getState().error).toBeNull();
  });

  it("treats a cancelled run as no error", async () => {
    const { runner, calls } = controlledRunner();
    const store = createRunStore(runner, { initial: INITIAL });
    store.getState().runNow();
    calls[0].reject(new RunCancelledError());
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getState().error).toBeNull();
  });

  it("apply() sets the knobs to a scenario and runs it at once, cancelling a pending edit", async () => {
    const { runner, calls, finish } = controlledRunner();
    const store = createRunStore(runner, { initial: INITIAL });
    store.getState().runNow();
    await finish(0);
    store.getState().edit("workers", "2");
    const linked: Scenario = { ...INITIAL, workers: 3, scheduler: "batched" };
    store.getState().apply(linked);
    expect(calls.map((c) => c.scenario)).toEqual([INITIAL, linked]);
    expect(store.getState().draft.workers).toBe("3");
    expect(store.getState().draft.scheduler).toBe("batched");
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS * 2);
    expect(calls).toHaveLength(2);
    await finish(1);
    expect(store.getState().shown?.scenario).toEqual(linked);
    // The same scenario again is already shown: nothing re-runs.
    store.getState().apply(linked);
    expect(calls).toHaveLength(2);
  });
});
