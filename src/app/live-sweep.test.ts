import { describe, expect, it } from "vitest";
import { DEFAULT_SCENARIO, type Scenario } from "../engine/scenario/scenario";
import { generateBlock } from "../engine/workload/generate";
import type { LoadedBlock } from "../runtime/block-source";
import type { LiveRunResult } from "../runtime/live/run-live";
import { simulate } from "../runtime/simulate";
import { RunCancelledError } from "../runtime/virtual-client";
import { LiveSweep, liveSweepRefusal, type ThreadMeasurer } from "./live-sweep";

const SCENARIO: Scenario = { ...DEFAULT_SCENARIO, txs: 60, accounts: 20 };

/** A measurer whose runs end when the test says, each a real simulated run dressed with live stats. */
function controlled(maxThreads: number) {
  const calls: {
    threads: number;
    block?: LoadedBlock;
    progress?: (done: number, total: number) => void;
    finish: () => void;
    fail: (e: unknown) => void;
  }[] = [];
  let cancels = 0;
  const measurer: ThreadMeasurer = {
    maxThreads,
    measure(scenario, threads, onProgress, block) {
      return new Promise<LiveRunResult>((resolve, reject) => {
        const finish = () => {
          const run = simulate({ ...scenario, workers: threads / scenario.shards }, block);
          const speedup = run.sequentialUs / run.elapsedUs;
          resolve({
            ...run,
            live: {
              threads,
              itersPerUs: 1,
              slowdown: 1,
              droppedEvents: 0,
              repetitions: [],
              speedupMin: speedup * 0.9,
              speedupMax: speedup * 1.1,
            },
          });
        };
        calls.push({ threads, block, finish, fail: reject, progress: onProgress });
        onProgress?.(1, 4);
      });
    },
    cancel: () => {
      cancels++;
      calls.at(-1)?.fail(new RunCancelledError());
    },
  };
  return { measurer, calls, cancels: () => cancels };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe("the live thread sweep", () => {
  it("measures 1..N threads in order, a point each, with its median and range", async () => {
    const { measurer, calls } = controlled(2);
    const sweep = new LiveSweep(() => measurer);
    const done = sweep.start(SCENARIO, "k");
    expect(sweep.store.getState()).toMatchObject({ key: "k", plan: [1, 2], running: true, progress: 0.25 });
    calls[0].finish();
    await flush();
    expect(calls.map((c) => c.threads)).toEqual([1, 2]);
    expect(sweep.store.getState().points.map((p) => p.threads)).toEqual([1]);
    // Progress comes on a port of its own: the first point's, arriving late, does not move the second's bar.
    calls[0].progress?.(4, 4);
    expect(sweep.store.getState().progress).toBe(0.25);
    calls[1].finish();
    await done;
    calls[1].progress?.(4, 4);
    const { points, running, progress } = sweep.store.getState();
    expect(running).toBe(false);
    expect(progress).toBe(0);
    const twoRun = simulate({ ...SCENARIO, workers: 2 });
    const two = twoRun.sequentialUs / twoRun.elapsedUs;
    expect(points[1]).toEqual({
      threads: 2,
      speedup: two,
      speedupMin: two * 0.9,
      speedupMax: two * 1.1,
      runs: 0,
    });
  });

  it("Cancel stops it and keeps the points so far; a live run taking the cores ends it as cancelled", async () => {
    const { measurer, calls, cancels } = controlled(4);
    const sweep = new LiveSweep(() => measurer);
    void sweep.start(SCENARIO, "k");
    calls[0].finish();
    await flush();
    sweep.cancel();
    expect(cancels()).toBe(1);
    await flush();
    expect(sweep.store.getState()).toMatchObject({ running: false, cancelled: true, error: null });
    expect(sweep.store.getState().points).toHaveLength(1);
    expect(calls).toHaveLength(2);

    void sweep.start(SCENARIO, "k2");
    calls[2].fail(new RunCancelledError());
    await flush();
    expect(sweep.store.getState()).toMatchObject({ key: "k2", running: false, cancelled: true, points: [] });

    void sweep.start(SCENARIO, "k3");
    calls[3].fail(new Error("The live run failed: boom"));
    await flush();
    expect(sweep.store.getState()).toMatchObject({
      running: false,
      cancelled: false,
      error: "The live run failed: boom",
    });
  });

  it("runs an opened block at every point, made once for the sweep", async () => {
    const { measurer, calls } = controlled(2);
    const sweep = new LiveSweep(() => measurer);
    const loaded: LoadedBlock = { block: generateBlock({ ...SCENARIO, txs: 30, seed: 7 }) };
    let made = 0;
    const done = sweep.start(SCENARIO, "opened", () => {
      made++;
      return loaded;
    });
    calls[0].finish();
    await flush();
    calls[1].finish();
    await done;
    expect(made).toBe(1);
    expect(calls.map((c) => c.block)).toEqual([loaded, loaded]);
    const two = simulate({ ...SCENARIO, workers: 2 }, loaded);
    expect(sweep.store.getState().points[1].speedup).toBe(two.sequentialUs / two.elapsedUs);
  });

  it("says why it cannot start", () => {
    const free = { liveRun: false, measuring: false, simulatedSweep: false };
    expect(liveSweepRefusal(SCENARIO, 2, free)).toBeNull();
    expect(liveSweepRefusal(SCENARIO, 2, { ...free, liveRun: true })).toMatch(/A live run is in flight/);
    expect(liveSweepRefusal(SCENARIO, 2, { ...free, measuring: true })).toMatch(
      /This machine is being measured/,
    );
    expect(liveSweepRefusal(SCENARIO, 2, { ...free, simulatedSweep: true })).toMatch(
      /simulated sweep is still/,
    );
    expect(liveSweepRefusal({ ...SCENARIO, scheduler: "sequential" }, 2, free)).toMatch(
      /one thread per shard/,
    );
    expect(liveSweepRefusal({ ...SCENARIO, shards: 4 }, 2, free)).toBe(
      "4 shards need at least 4 threads; this machine has 2.",
    );
  });
});
