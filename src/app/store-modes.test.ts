import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { RunResult } from "../engine/run-result";
import { DEFAULT_SCENARIO, type Scenario } from "../engine/scenario/scenario";
import type { LoadedBlock } from "../runtime/block-source";
import type { Runner } from "../runtime/virtual-client";
import { createRunStore, type LiveRunner } from "./store";
import { toUpload } from "./upload";

const INITIAL: Scenario = { ...DEFAULT_SCENARIO, txs: 200, accounts: 50 };

interface Call {
  readonly scenario: Scenario;
  readonly block?: LoadedBlock;
}

/** A runner that records its calls and never finishes (these tests look at what was asked). */
function recorder(): { runner: Runner; calls: Call[] } {
  const calls: Call[] = [];
  return {
    calls,
    runner: {
      run: (scenario, _progress, block) => {
        calls.push({ scenario, block });
        return new Promise<RunResult>(() => {});
      },
      cancel: () => {},
    },
  };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("run store: opened blocks and live mode", () => {
  it("runs an opened block with the scenario's fee mode until another source is chosen", async () => {
    const { runner, calls } = recorder();
    const store = createRunStore(runner, { initial: INITIAL });
    const opened = toUpload("b.json", JSON.parse(readFileSync("public/blocks/12965000.json", "utf8")));
    if (!opened.ok) throw new Error(opened.error);
    store.getState().setUpload(opened.upload);
    expect(store.getState().draft.source).toBe("upload");
    expect(calls[0].block?.eth?.number).toBe(12965000);
    expect(calls[0].block?.block.n).toBe(259);
    expect(calls[0].block?.eth?.feeMode).toBe("lazy");

    store.getState().edit("feeMode", "in-tx");
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls[1].block?.eth?.feeMode).toBe("in-tx");
    store.getState().edit("shards", "2");
    expect(store.getState().issues[0].message).toMatch(/feeMode "in-tx" runs on 1 shard/);

    store.getState().edit("shards", "1");
    store.getState().edit("source", "synthetic");
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls.at(-1)?.block).toBeUndefined();
  });

  it("live mode uses the live runner, within this machine's threads", async () => {
    const virtual = recorder();
    const live = recorder();
    const liveRunner: LiveRunner = { ...live.runner, options: {}, maxThreads: 4 };
    const store = createRunStore(virtual.runner, { initial: INITIAL, createLive: () => liveRunner });
    store.getState().setMode("live", 10);
    expect(store.getState().draft.workers).toBe("4");
    expect(live.calls.map((c) => c.scenario.workers)).toEqual([4]);
    expect(liveRunner.options.slowdown).toBe(10);

    store.getState().edit("workers", "5");
    expect(store.getState().issues[0].message).toMatch(/live mode runs at most 4 threads here/);
    store.getState().setMode("virtual");
    expect(store.getState().issues).toEqual([]);
    expect(virtual.calls.at(-1)?.scenario.workers).toBe(5);
  });

  it("entering live mode fills the machine's cores, not the virtual worker count; a pace change keeps a choice", async () => {
    const virtual = recorder();
    const live = recorder();
    const liveRunner: LiveRunner = { ...live.runner, options: {}, maxThreads: 16 };
    const store = createRunStore(virtual.runner, { initial: INITIAL, createLive: () => liveRunner });
    expect(INITIAL.workers).toBeLessThan(16);
    store.getState().setMode("live");
    expect(store.getState().draft.workers).toBe("16");
    expect(live.calls.at(-1)?.scenario).toMatchObject({ workers: 16, shards: 1 });

    store.getState().edit("workers", "3");
    await vi.advanceTimersByTimeAsync(1000);
    expect(live.calls.at(-1)?.scenario.workers).toBe(3);
    store.getState().setMode("live", 20);
    expect(store.getState().draft.workers).toBe("3");
    expect(live.calls.at(-1)?.scenario.workers).toBe(3);

    // Sharded: each shard gets an equal share of the cores (16 / 3 = 5 each, 15 threads).
    store.getState().setMode("virtual");
    store.getState().edit("shards", "3");
    store.getState().setMode("live");
    expect(store.getState().draft.workers).toBe("5");
    expect(live.calls.at(-1)?.scenario).toMatchObject({ workers: 5, shards: 3 });
  });
});
