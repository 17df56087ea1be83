import { describe, expect, it } from "vitest";
import { chapterFrame } from "../engine/analysis/chapter-frame";
import type { RunResult } from "../engine/run-result";
import { PRESETS } from "../engine/scenario/presets";
import { DEFAULT_SCENARIO, type Scenario } from "../engine/scenario/scenario";
import { EventLog } from "../engine/trace/eventlog";
import { mergeLogs } from "../engine/trace/merge-log";
import type { LiveSupport } from "../runtime/live/support";
import { simulate } from "../runtime/simulate";
import type { SweepPlan, SweepPoint } from "../runtime/sweep";
import { SweepCancelledError } from "../runtime/sweep-client";
import { RunCancelledError } from "../runtime/virtual-client";
import {
  type ClientFactory,
  createController,
  LIVE_COMPARE,
  type LiveClientLike,
  type RunClient,
  threadSimKey,
} from "./controller";
import { MEASURE_PREEMPTED } from "./measure";
import { DEFAULT_SPEED, TEACHING_PLAY_MS, teachingSpeed } from "./playback";
import type { PointClient } from "./point-jobs";
import { STORY } from "./story/steps";

const LEFT: Scenario = { ...DEFAULT_SCENARIO, txs: 80, accounts: 10, workers: 4 };

/** Lets resolved runs reach the stores. */
const settled = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

interface Pending {
  readonly scenario: Scenario;
  resolve(r: RunResult): void;
  reject(e: Error): void;
}

/** Run clients whose runs finish when the test says so, with real results; they record their disposal. */
function fakeClients() {
  const made: { calls: Pending[]; disposed: number }[] = [];
  const sweepRuns: { plan: SweepPlan; cancelled: boolean }[] = [];
  let sweepsDisposed = 0;
  const factory: ClientFactory = {
    virtual(): RunClient {
      const client = { calls: [] as Pending[], disposed: 0 };
      made.push(client);
      return {
        run: (scenario) =>
          new Promise<RunResult>((resolve, reject) => client.calls.push({ scenario, resolve, reject })),
        cancel: () => {
          for (const c of client.calls.splice(0)) c.reject(new RunCancelledError());
        },
        dispose: () => {
          client.disposed++;
        },
      };
    },
    sweep(): PointClient {
      let current: { plan: SweepPlan; cancelled: boolean; reject: (e: Error) => void } | null = null;
      const cancel = (): void => {
        if (!current) return;
        current.cancelled = true;
        current.reject(new SweepCancelledError());
        current = null;
      };
      return {
        run: (plan: SweepPlan) =>
          new Promise<SweepPoint[]>((_, reject) => {
            cancel();
            current = { plan, cancelled: false, reject };
            sweepRuns.push(current);
          }),
        runTasks: () => new Promise(() => {}),
        cancel,
        dispose: () => {
          cancel();
          sweepsDisposed++;
        },
      };
    },
  };
  /** Finishes the latest run of client `i` with a real run of its scenario. */
  const finish = async (i: number): Promise<RunResult> => {
    const call = made[i].calls.pop();
    if (!call) throw new Error(`client ${i} has no run in flight`);
    const result = simulate(call.scenario);
    call.resolve(result);
    await settled();
    return result;
  };
  return { factory, made, sweepRuns, finish, sweepsDisposed: () => sweepsDisposed };
}

/**
 * A live client that measures nothing: its runs are real simulated runs marked measured (or what `run`
 * returns), and its measurements and calibrations never finish.
 */
function fakeLive(
  maxThreads: number,
  run: (scenario: Scenario) => Promise<RunResult> = (scenario) =>
    Promise.resolve({ ...simulate(scenario), mode: "live" }),
  cancel: () => void = () => {},
): LiveClientLike {
  return {
    options: {},
    maxThreads,
    run,
    measure: () => new Promise(() => {}),
    calibrate: () => new Promise(() => {}),
    cancel,
  };
}

/** A controller with the first preset opened and its run finished. */
async function openedPreset() {
  const f = fakeClients();
  const preset = PRESETS[0];
  const c = createController(f.factory, LEFT);
  c.openPreset(preset);
  await f.finish(0);
  await settled();
  return { f, c, preset };
}
describe("controller", () => {
  it("puts each finished run on the playhead: the first at its end, the next at the same share", async () => {
    const f = fakeClients();
    const c = createController(f.factory, LEFT);
    c.runs.getState().runNow();
    const first = await f.finish(0);
    await settled();
    const head = c.playback.getState();
    expect(head.log).toBe(first.log);
    expect(head.time).toBe(head.end);
    head.seek(head.end / 2);
    c.runs.getState().apply({ ...LEFT, workers: 2 });
    const second = await f.finish(0);
    await settled();
    const after = c.playback.getState();
    expect(after.log).toBe(second.log);
    expect(after.time).toBeCloseTo(after.end / 2, 6);
  });

  it("applies a link's view once its run is shown, and drops it when another scenario's run is shown", async () => {
    const f = fakeClients();
    const c = createController(f.factory, LEFT);
    c.openLink({ scenario: LEFT, view: { t: 5, tx: 3, speed: 0.01 }, issues: [], newer: null });
    expect(c.pendingView()).toBe(true);
    await f.finish(0);
    await settled();
    const head = c.playback.getState();
    expect([head.time, head.selectedTx, head.speed]).toEqual([5, 3, 0.01]);
    expect(c.pendingView()).toBe(false);

    c.openLink({ scenario: { ...LEFT, seed: 7 }, view: { t: 9 }, issues: [], newer: null });
    c.runs.getState().apply({ ...LEFT, seed: 8 });
    await f.finish(0);
    await settled();
    expect(c.pendingView()).toBe(false);
    expect(c.playback.getState().time).not.toBe(9);
  });

  it("runs the compare side in its own client, merges both logs on the playhead, and disposes it on leaving", async () => {
    const f = fakeClients();
    const c = createController(f.factory, LEFT);
    c.runs.getState().runNow();
    const left = await f.finish(0);
    await settled();
    c.playback.getState().seek(4);
    c.playback.getState().select(2);
    c.linkView.setState({ compare: { scheduler: "batched" } });
    expect(f.made).toHaveLength(2);
    expect(f.made[1].calls[0].scenario).toEqual({ ...LEFT, scheduler: "batched" });
    const right = await f.finish(1);
    await settled();
    expect(c.compareSide.getState().right?.result).toBe(right);
    const head = c.playback.getState();
    expect(head.log).toEqual(mergeLogs(left.log, right.log));
    expect([head.time, head.selectedTx]).toEqual([4, 2]);

    c.linkView.setState({ compare: null });
    expect(f.made[1].disposed).toBe(1);
    expect(c.playback.getState().log).toBe(left.log);
    expect(c.playback.getState().time).toBe(4);
    expect(c.compareSide.getState().right).toBeNull();
  });

  it("names the fields of an invalid compare side and runs nothing for it", async () => {
    const f = fakeClients();
    const c = createController(f.factory, LEFT);
    c.runs.getState().runNow();
    await f.finish(0);
    c.linkView.setState({ compare: { workers: 0 } });
    expect(c.compareSide.getState().problem).toMatch(/workers must be an integer from 1 to 64/);
    expect(f.made).toHaveLength(1);
  });

  it("compares only simulated runs: with a measured left run it says why and runs nothing for the right", async () => {
    const f = fakeClients();
    const factory: ClientFactory = {
      ...f.factory,
      live: () => fakeLive(4),
    };
    const c = createController(factory, LEFT);
    c.runs.getState().setMode("live");
    await settled();
    expect(c.runs.getState().shown?.result.mode).toBe("live");
    c.linkView.setState({ compare: { workers: 2 } });
    expect(c.compareSide.getState()).toEqual({ right: null, problem: LIVE_COMPARE });
    expect(f.made).toHaveLength(1);
    c.dispose();
  });

  it("opens a preset on the virtual clock, where its lesson holds, and leaves it for a measured run", async () => {
    const f = fakeClients();
    const factory: ClientFactory = { ...f.factory, live: () => fakeLive(64) };
    const c = createController(factory, LEFT);
    c.runs.getState().setMode("live");
    await settled();
    const preset = PRESETS[1];
    c.openPreset(preset);
    expect(c.runs.getState().mode).toBe("virtual");
    await f.finish(0);
    await settled();
    expect(c.linkView.getState().preset).toBe(preset.id);
    // Switched to live, the same scenario is measured: the lesson no longer describes the run shown.
    c.runs.getState().setMode("live");
    await settled();
    expect(c.runs.getState().shown?.result.mode).toBe("live");
    expect(c.linkView.getState().preset).toBeNull();
    // A live link to a preset runs it measured, without its lesson, and says so.
    c.openLink({
      scenario: preset.scenario,
      view: { preset: preset.id, chapter: 2, mode: "live" },
      issues: [],
      newer: null,
    });
    expect(c.linkView.getState()).toMatchObject({ preset: null, chapter: 0 });
    expect(c.linkView.getState().notices.map((n) => n.part)).toEqual(["p"]);
    c.dispose();
  });

  it("leaves a preset when a knob changes the scenario, not on its own run", async () => {
    const { f, c, preset } = await openedPreset();
    expect(c.linkView.getState().preset).toBe(preset.id);
    c.runs.getState().apply({ ...preset.scenario, workers: 1 });
    await f.finish(0);
    await settled();
    expect(c.linkView.getState().preset).toBeNull();
  });

  it("plays each chapter's segment framed on its event, and goes on to the next preset after the last", async () => {
    const { c, preset } = await openedPreset();
    const n = preset.chapters.length;
    for (let ch = 1; ch <= n; ch++) {
      c.moveChapter(1);
      const frame = chapterFrame(
        preset.chapters,
        ch,
        c.playback.getState().log ?? new EventLog().freeze(),
        c.runs.getState().shown?.result.elapsedUs ?? 0,
      );
      expect(frame, `chapter ${ch} has a moment on its run`).toBeDefined();
      const head = c.playback.getState();
      const view = c.viewport.getState();
      expect(view.named).toEqual(frame?.txs);
      expect(view.window).toEqual(frame?.window ?? null);
      // Playing up to the moment (no further than the log's last event), or already there.
      const to = Math.min(frame?.to ?? 0, head.end);
      if (frame && to > frame.from) expect([head.playing, head.segment?.to]).toEqual([true, to]);
      else expect([head.playing, head.time]).toEqual([false, to]);
    }
    c.moveChapter(1);
    expect(c.linkView.getState()).toMatchObject({ preset: PRESETS[1].id, chapter: 0 });
    expect(c.viewport.getState().window).toBeNull();
    c.moveChapter(-1);
    expect(c.linkView.getState()).toMatchObject({ preset: preset.id, chapter: n });
  });

  it("opens a preset at a speed its run plays in a few seconds at, not at the default speed", async () => {
    const { c } = await openedPreset();
    const { end, speed } = c.playback.getState();
    expect(speed).toBe(teachingSpeed(end));
    // The 8-transaction teaching block: about 0.1 s at the default speed, seconds at this one.
    expect(end / DEFAULT_SPEED / 1000).toBeLessThan(200);
    const wallMs = end / speed / 1000;
    expect(wallMs).toBeGreaterThan(TEACHING_PLAY_MS / 2);
    expect(wallMs).toBeLessThan(TEACHING_PLAY_MS * 2);
    // A link's own speed wins over it.
    c.openLink({ scenario: PRESETS[0].scenario, view: { speed: 1e-5 }, issues: [], newer: null });
    expect(c.playback.getState().speed).toBe(1e-5);
    // A shared preset link without a speed opens as the gallery opens it.
    c.openLink({ scenario: PRESETS[0].scenario, view: { preset: PRESETS[0].id }, issues: [], newer: null });
    expect(c.playback.getState().speed).toBe(teachingSpeed(end));
  });

  it("opens the story at a step, plays its run from the start, moves between steps and leaves", async () => {
    const f = fakeClients();
    const c = createController(f.factory, LEFT);
    c.openStory(1);
    expect(c.runs.getState().running).toBe(true);
    await f.finish(0);
    await settled();
    const head = c.playback.getState();
    expect(c.runs.getState().shown?.scenario).toEqual(STORY[0].scenario);
    expect(c.linkView.getState()).toMatchObject({ story: 1, preset: null, compare: null });
    expect([head.playing, head.speed]).toEqual([true, teachingSpeed(head.end)]);
    expect(head.time).toBeLessThan(head.end);
    c.moveStory(1);
    expect(c.linkView.getState().story).toBe(2);
    await f.finish(0);
    await settled();
    expect(c.runs.getState().shown?.scenario).toEqual(STORY[1].scenario);
    c.moveStory(-1);
    c.moveStory(-1);
    expect(c.linkView.getState().story).toBe(1);
    c.openStory(STORY.length + 5);
    expect(c.linkView.getState().story).toBe(STORY.length);
    c.moveStory(1);
    expect(c.linkView.getState().story).toBe(0);
    c.openStory(2);
    c.openPreset(PRESETS[0]);
    expect(c.linkView.getState()).toMatchObject({ story: 0, preset: PRESETS[0].id });
  });

  it("finds a transaction: selects it and frames its life on the lanes, or says why not", async () => {
    const f = fakeClients();
    const c = createController(f.factory, LEFT);
    expect(c.findTx(3)).toBe("no run is shown yet");
    c.runs.getState().runNow();
    await f.finish(0);
    await settled();
    expect(c.findTx(80)).toBe("there is no transaction 80: this block has 0 to 79");
    expect(c.findTx(3)).toBeNull();
    expect(c.playback.getState().selectedTx).toBe(3);
    const { window, graphFit } = c.viewport.getState();
    expect(graphFit).toEqual([3]);
    expect(window && window.to > window.from).toBe(true);
  });

  it("keeps one sweep at a time, keyed by what it sweeps, and disposes every client", async () => {
    const f = fakeClients();
    const c = createController(f.factory, LEFT);
    c.wantSweep(LEFT, "skew");
    // Moving the swept knob or the scheduler does not start another sweep.
    c.wantSweep({ ...LEFT, skew: 1.5, scheduler: "batched" }, "skew");
    expect(f.sweepRuns).toHaveLength(1);
    c.wantSweep(LEFT, "accounts");
    expect(f.sweepRuns.map((r) => [r.plan.axis, r.cancelled])).toEqual([
      ["skew", true],
      ["accounts", false],
    ]);
    c.runs.getState().runNow();
    c.dispose();
    expect(f.made[0].disposed).toBe(1);
    expect(f.sweepsDisposed()).toBe(1);
    expect(c.runs.getState().running).toBe(false);
  });

  it("makes one live client for live runs, the measured sweep and the measurement; a live run stops a measurement", async () => {
    const f = fakeClients();
    const made: string[] = [];
    let disposed = 0;
    // One call at a time, as the real client: each call cancels the one in flight.
    let inFlight: ((e: Error) => void) | null = null;
    const call = <T>(what: string): Promise<T> => {
      inFlight?.(new RunCancelledError());
      made.push(what);
      return new Promise<T>((_, reject) => {
        inFlight = reject;
      });
    };
    let clients = 0;
    const factory: ClientFactory = {
      ...f.factory,
      live: () => {
        clients++;
        return {
          options: {},
          maxThreads: 2,
          run: () => call<RunResult>("run"),
          measure: () => call("measure"),
          calibrate: () => call("calibrate"),
          cancel: () => inFlight?.(new RunCancelledError()),
          dispose: () => {
            disposed++;
          },
        };
      },
    };
    const c = createController(factory, LEFT);
    c.measure.getState().measure();
    await settled();
    expect(c.measure.getState().status).toBe("measuring");
    c.runs.getState().setMode("live");
    await settled();
    expect(made).toEqual(["calibrate", "run"]);
    expect(c.measure.getState()).toMatchObject({ status: "idle", notice: MEASURE_PREEMPTED });
    c.runs.getState().stop();
    c.startLiveSweep(LEFT, null);
    await settled();
    expect(made).toEqual(["calibrate", "run", "measure"]);
    expect(clients).toBe(1);
    c.dispose();
    expect(disposed).toBe(1);
  });

  it("opens a live link live, its workers fitted to the machine's threads, and says where it cannot", async () => {
    const f = fakeClients();
    const runs: Scenario[] = [];
    let support: LiveSupport = { ok: true };
    const factory: ClientFactory = {
      ...f.factory,
      live: () =>
        fakeLive(4, (scenario) => {
          runs.push(scenario);
          return new Promise<RunResult>(() => {});
        }),
      liveSupport: () => support,
    };
    const c = createController(factory, LEFT);
    const open = (scenario: Scenario) =>
      c.openLink({ scenario, view: { mode: "live" }, issues: [], newer: null });
    const notices = () => c.linkView.getState().notices.map((n) => n.message);

    open({ ...LEFT, workers: 2 });
    expect(c.runs.getState().mode).toBe("live");
    expect(runs.at(-1)?.workers).toBe(2);
    expect(notices()).toEqual([]);

    open({ ...LEFT, workers: 16, shards: 2 });
    expect(runs.at(-1)).toMatchObject({ workers: 2, shards: 2 });
    expect(notices()).toEqual([
      "w: live mode runs at most 4 threads here: 2 workers per shard instead of 16",
    ]);

    open({ ...LEFT, workers: 1, shards: 8 });
    expect(c.runs.getState().mode).toBe("virtual");
    expect(f.made[0].calls.at(-1)?.scenario).toMatchObject({ shards: 8 });
    expect(notices()).toEqual([
      "mode: live mode runs at most 4 threads here, fewer than the link's 8 shards, so the link opened in virtual mode",
    ]);

    support = { ok: false, reason: "This page is not isolated." };
    open(LEFT);
    expect(c.runs.getState().mode).toBe("virtual");
    expect(notices()).toEqual([
      "mode: this page cannot run the live mode, so the link opened in virtual mode. This page is not isolated.",
    ]);

    // The link keeps asking for live mode while the page runs it virtual; a preset opened is the user's.
    expect(c.linkView.getState().liveAsked).toBe(true);
    c.openPreset(PRESETS[0]);
    expect(c.linkView.getState().liveAsked).toBe(false);

    // A link without a mode is a virtual one.
    c.runs.getState().setMode("live");
    c.openLink({ scenario: LEFT, view: {}, issues: [], newer: null });
    expect(c.runs.getState().mode).toBe("virtual");
    c.dispose();
  });

  it("leaving live mode stops only the store's own live run, not a measurement of this machine", async () => {
    const f = fakeClients();
    let cancels = 0;
    const factory: ClientFactory = {
      ...f.factory,
      live: () =>
        fakeLive(
          2,
          () => new Promise<RunResult>(() => {}),
          () => {
            cancels++;
          },
        ),
    };
    const c = createController(factory, LEFT);
    c.runs.getState().setMode("live");
    c.runs.getState().stop();
    c.measure.getState().measure();
    await settled();
    expect(c.measure.getState().status).toBe("measuring");
    const before = cancels;
    c.openLink({ scenario: LEFT, view: {}, issues: [], newer: null });
    expect(c.runs.getState().mode).toBe("virtual");
    expect(cancels).toBe(before);
    expect(c.measure.getState().status).toBe("measuring");
    c.dispose();
  });

  it("computes the thread sweep's simulated twin once per block, scenario and core count, on its own worker", () => {
    const f = fakeClients();
    const c = createController(f.factory, LEFT);
    const sharded = { ...LEFT, shards: 2 };
    c.wantThreadSim(sharded, null, 8);
    // The measured sweep's thread counts: every whole number of threads per shard.
    expect(c.threadSims.store.getState()).toMatchObject({ key: threadSimKey(sharded, null, 8), total: 4 });
    const upload = { file: "b.json", json: {}, number: 7, txs: 3 };
    expect(threadSimKey(sharded, upload, 8)).not.toBe(threadSimKey(sharded, null, 8));
    expect(threadSimKey(sharded, null, 4)).not.toBe(threadSimKey(sharded, null, 8));
    c.dispose();
  });
});
