import { availableParallelism } from "node:os";
import { afterEach, describe, expect, it, vi } from "vitest";
import { RANGES } from "../../engine/scenario/ranges";
import { nodeThreadLimit } from "./node-pool";
import { coresFound, LIVE_THREAD_CAP, liveThreadLimit, threadsForCores } from "./support";

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("live threads for the cores a machine reports", () => {
  it("uses every reported core, at least one, at most the workers range's maximum", () => {
    expect(LIVE_THREAD_CAP).toBe(RANGES.workers.max);
    expect(threadsForCores(1)).toBe(1);
    expect(threadsForCores(2)).toBe(2);
    expect(threadsForCores(16)).toBe(16);
    expect(threadsForCores(LIVE_THREAD_CAP)).toBe(LIVE_THREAD_CAP);
    expect(threadsForCores(LIVE_THREAD_CAP + 64)).toBe(LIVE_THREAD_CAP);
    // A browser that reports nothing usable still runs on one thread.
    for (const bad of [0, -4, 2.5, Number.NaN]) expect(threadsForCores(bad)).toBe(1);
  });

  it("reads navigator.hardwareConcurrency on the page", () => {
    vi.stubGlobal("navigator", { hardwareConcurrency: 16 });
    expect([coresFound(), liveThreadLimit()]).toEqual([16, 16]);
    vi.stubGlobal("navigator", { hardwareConcurrency: 128 });
    expect([coresFound(), liveThreadLimit()]).toEqual([128, LIVE_THREAD_CAP]);
    vi.stubGlobal("navigator", { hardwareConcurrency: undefined });
    expect([coresFound(), liveThreadLimit()]).toEqual([0, 1]);
  });

  it("reads availableParallelism in Node (the CLI's --threads default)", () => {
    expect(nodeThreadLimit()).toBe(threadsForCores(availableParallelism()));
  });
});
