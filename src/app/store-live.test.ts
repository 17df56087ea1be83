import { describe, expect, it } from "vitest";
import type { RunResult } from "../engine/run-result";
import { DEFAULT_SCENARIO, type Scenario } from "../engine/scenario/scenario";
import { EventLog } from "../engine/trace/eventlog";
import type { LiveView } from "../runtime/live/run-live";
import { simulate } from "../runtime/simulate";
import type { Runner } from "../runtime/virtual-client";
import { RunCancelledError } from "../runtime/virtual-client";
import { createRunStore, type LiveRunner, STOPPED } from "./store";

const INITIAL: Scenario = { ...DEFAULT_SCENARIO, txs: 60, accounts: 20, workers: 2 };
const idle: Runner = { run: () => new Promise<RunResult>(() => {}), cancel: () => {} };

/** A live runner whose runs start (calling onStart with a real log) and end when the test says so. */
function controlledLive() {
  const runs: {
    view: LiveView;
    progress?: (done: number, total: number) => void;
    finish: () => void;
    fail: (e: unknown) => void;
  }[] = [];
  const runner: LiveRunner = {
    options: {},
    maxThreads: 2,
    cancel: () => {},
    run(scenario, progress) {
      const { onStart } = runner.options;
      const result = simulate(scenario);
      return new Promise<RunResult>((resolve, reject) => {
        const view: LiveView = {
          lanes: result.lanes,
          total: scenario.txs,
          snapshot: () => result.log,
          committed: () => 7,
          // The whole log at the first read, nothing new after it.
          reader: () => {
            let read = false;
            return () => {
              const log = read ? new EventLog().freeze() : result.log;
              read = true;
              return log;
            };
          },
        };
        runs.push({ view, progress, finish: () => resolve(result), fail: reject });
        onStart?.(view);
      });
    },
  };
  return { runner, runs };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe("run store: the live view slot", () => {
  it("holds the view of the live run in flight and clears it when the run ends", async () => {
    const { runner, runs } = controlledLive();
    const store = createRunStore(idle, { initial: INITIAL, createLive: () => runner });
    expect(store.getState().live).toBeNull();
    store.getState().setMode("live", 50);
    expect(runner.options.slowdown).toBe(50);
    const slot = store.getState().live;
    expect(slot?.view).toBe(runs[0].view);
    expect(slot?.shards).toBe(1);
    expect(slot?.view.committed()).toBe(7);
    runs[0].finish();
    await flush();
    expect(store.getState().live).toBeNull();
    expect(store.getState().shown?.result.log).toBe(runs[0].view.snapshot());
  });

  it("ignores a start or progress that arrives after its own run ended (the worker sends them on another port)", async () => {
    const { runner, runs } = controlledLive();
    const store = createRunStore(idle, { initial: INITIAL, createLive: () => runner });
    store.getState().setMode("live");
    const late = runner.options.onStart;
    runs[0].finish();
    await flush();
    expect(store.getState()).toMatchObject({ running: false, live: null, progress: 1 });
    late?.(runs[0].view);
    runs[0].progress?.(1, 3);
    expect(store.getState()).toMatchObject({ running: false, live: null, progress: 1 });
  });

  it("ignores a superseded run's start and clears the slot on failure and in virtual mode", async () => {
    const { runner, runs } = controlledLive();
    const store = createRunStore(idle, { initial: INITIAL, createLive: () => runner });
    store.getState().setMode("live");
    const stale = runner.options.onStart;
    store.getState().runNow();
    expect(store.getState().live?.view).toBe(runs[1].view);
    stale?.(runs[0].view);
    expect(store.getState().live?.view).toBe(runs[1].view);
    runs[0].fail(new RunCancelledError());
    runs[1].fail(new Error("boom"));
    await flush();
    expect(store.getState().live).toBeNull();
    expect(store.getState().error).toBe("boom");

    store.getState().runNow();
    expect(store.getState().live?.view).toBe(runs[2].view);
    store.getState().setMode("virtual");
    expect(store.getState().live).toBeNull();
    expect(store.getState().running).toBe(true);
  });

  it("Stop cancels the live run in flight, ignores its late end and keeps the last finished run", async () => {
    const { runner, runs } = controlledLive();
    let cancels = 0;
    runner.cancel = () => {
      cancels++;
    };
    const store = createRunStore(idle, { initial: INITIAL, createLive: () => runner });
    store.getState().setMode("live");
    runs[0].finish();
    await flush();
    const finished = store.getState().shown;
    expect(finished).not.toBeNull();
    store.getState().runNow();
    expect(store.getState().running).toBe(true);
    const before = cancels;
    store.getState().stop();
    expect(cancels).toBe(before + 1);
    expect(store.getState()).toMatchObject({ running: false, live: null, error: STOPPED });
    runs[1].finish();
    await flush();
    expect(store.getState().shown).toBe(finished);
    expect(store.getState().running).toBe(false);
    // The same scenario runs again when asked.
    store.getState().runNow();
    expect(store.getState().running).toBe(true);
  });
});
