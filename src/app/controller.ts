/**
 * The page's one controller: it owns every client and worker (the run, the compare side, the live pool,
 * the sweeps) and every store the page shows, and carries out each change in one explicit order:
 *
 *   1. scenario: the compare side follows the left scenario and the patch
 *   2. run: a finished run goes onto the playhead, at the share of the run the playhead was at
 *   3. playhead: an opened link's view (time, speed, selection, chapter) applies once its run is there; a
 *      new run opens on the whole run (the viewport's zoom, range and named transactions are reset); a
 *      preset or a story step opens at a speed its run plays in a few seconds at (teachingSpeed)
 *   4. link view: a changed knob leaves the preset whose captions described the old scenario (the story
 *      stays: its step says when the run on screen is not the step's own)
 *   5. compare merge: while both sides are ready, the playhead steps through both logs merged
 *
 * Components select state from the stores and send intents (the methods below, or a store's own actions);
 * they create no workers. Whatever the controller replaces it disposes: leaving compare mode stops the
 * compare worker, a new sweep cancels the old one, dispose() stops them all.
 */
import type { StoreApi } from "zustand/vanilla";
import { createStore } from "zustand/vanilla";
import { type ChapterFrame, chapterFrame } from "../engine/analysis/chapter-frame";
import { logIndexOf } from "../engine/analysis/log-index";
import { findPreset, PRESETS, type Preset } from "../engine/scenario/presets";
import { ethBlockOf, type Scenario } from "../engine/scenario/scenario";
import { sameScenario, scenarioKey } from "../engine/scenario/scenario-key";
import type { ViewState } from "../engine/scenario/view-state";
import { type EventLogData, logEnd } from "../engine/trace/eventlog";
import { mergeLogs } from "../engine/trace/merge-log";
import { COMPARE_TASKS, type ComparePoint } from "../runtime/block-compare";
import type { LiveSupport } from "../runtime/live/support";
import { threadSweepPlan } from "../runtime/live/thread-sweep";
import type { SweepAxis, SweepPoint } from "../runtime/sweep";
import { sweepPlan } from "../runtime/sweep";
import type { SimThreadPoint } from "../runtime/thread-sim";
import type { Runner } from "../runtime/virtual-client";
import { rightScenario } from "./compare-patch";
import { bump } from "./counters";
import { linkMode } from "./link-mode";
import { LiveSweep, type ThreadMeasurer } from "./live-sweep";
import { type Calibrator, createMeasureStore, type MeasureState } from "./measure";
import { createPlayback, openingSpeed, type PlaybackState } from "./playback";
import { type PointClient, PointJobs } from "./point-jobs";
import { createRunStore, type LiveRunner, type RunState, type ShownRun } from "./store";
import { STORY, storyStep } from "./story/steps";
import { importUpload, type Upload, uploadKey } from "./upload";
import { createLinkView, type LinkViewState, linkViewOf, type OpenedLink, presetView } from "./url-sync";
import { createViewport, type ViewportState, WHOLE_VIEW } from "./viewport";

/** A chapter's segment plays for about this long before the playhead holds on its moment. */
export const SEGMENT_MS = 2200;

/** A run client the controller can stop for good (its worker), and start again on the next run. */
export type RunClient = Runner & { dispose?(): void };

/**
 * The page's one live client: the store's live runs, the contention chart's measured sweep and "Measure this
 * machine" share its coordinator and pool, one call at a time.
 */
export type LiveClientLike = LiveRunner & ThreadMeasurer & Calibrator & { dispose?(): void };

/** How the controller makes its clients (the page passes the real ones; tests pass stand-ins). */
export interface ClientFactory {
  virtual(): RunClient;
  live?(): LiveClientLike;
  /** Whether this page can run the live pool (assumed when `live` is given and this is not). */
  liveSupport?(): LiveSupport;
  sweep(): PointClient;
}

/** The compare side as the stage shows it. */
export interface CompareSide {
  /** The right side's run, once it is the run of the left scenario with the patch. */
  readonly right: ShownRun | null;
  /**
   * Why there is no right side, as a sentence: the patched scenario is invalid (the validator's messages,
   * naming the fields), or the left run is measured.
   */
  readonly problem: string | null;
}

/** Compare puts both runs on one time axis: a measured run and a simulated one cannot share it. */
export const LIVE_COMPARE =
  "Compare runs both sides on the virtual clock: the left run is measured (live mode), and a measured run " +
  "and a simulated one cannot share a time axis. Switch to virtual mode to compare.";

export interface Controller {
  /** The left (or only) run: knobs, validation, the run in flight, the run shown, the run mode. */
  readonly runs: StoreApi<RunState>;
  /** The compare side's run, in its own worker so the two sides never cancel each other. */
  readonly compareRuns: StoreApi<RunState>;
  readonly compareSide: StoreApi<CompareSide>;
  readonly playback: StoreApi<PlaybackState>;
  readonly linkView: StoreApi<LinkViewState>;
  /** What part of the run the views show (zoom, range, named transactions, blank screen). */
  readonly viewport: StoreApi<ViewportState>;
  /** "Measure this machine" and the cost model taken from it. */
  readonly measure: StoreApi<MeasureState>;
  /** The contention chart's sweep and the block panel's scheduler table, each on its own sweep worker. */
  readonly sweeps: PointJobs<SweepPoint>;
  readonly blockCompare: PointJobs<ComparePoint>;
  /** The contention chart's measured sweep over 1..N threads, on the live pool; cancel() stops it. */
  readonly liveSweep: LiveSweep;
  /** Its simulated twin: the same block and scheduler on the virtual clock, on its own sweep worker. */
  readonly threadSims: PointJobs<SimThreadPoint>;
  /** Set while an opened link's view waits for its run (the address bar holds its writes meanwhile). */
  readonly pendingView: () => boolean;
  /** Applies a link: its view now, its scenario's run, and its playhead once that run is shown. */
  openLink(opened: OpenedLink): void;
  /**
   * Opens a preset as its link would: its scenario, its compare side, the playhead at the start (or on
   * chapter `chapter`'s moment, once its run is shown).
   */
  openPreset(p: Preset, chapter?: number): void;
  /**
   * Moves `by` chapters of the preset: each chapter plays its short segment and holds on its moment, framed.
   * Past the last chapter comes the next preset's title card (a playlist), before the first the previous
   * preset's last chapter. Without a preset it steps one event.
   */
  moveChapter(by: 1 | -1): void;
  /**
   * Opens the guided story at step `step` (from 1, clamped): its scenario and compare side run, and the
   * playhead plays the run from its start at the teaching speed.
   */
  openStory(step: number): void;
  /** The next (1) or previous (-1) step of the story; past the last step the story closes. */
  moveStory(by: 1 | -1): void;
  /** Closes the story; the run on screen stays. */
  leaveStory(): void;
  /** Selects transaction `tx` and frames it in the graph and the lanes; a message when there is none. */
  findTx(tx: number): string | null;
  /** Shows the sweep of the shown scenario along `axis`. */
  wantSweep(scenario: Scenario, axis: SweepAxis): void;
  /**
   * Shows the simulated speedup of `scenario`'s block (`upload`: the opened file it runs, if any) at each
   * thread count the measured sweep measures on `cores` cores.
   */
  wantThreadSim(scenario: Scenario, upload: Upload | null, cores: number): void;
  /** Shows the shown real block under every scheduler and fee mode (`upload`: an opened file's JSON). */
  wantBlockCompare(scenario: Scenario, upload: unknown, uploadId: string): void;
  /**
   * Measures `scenario` live over 1..N threads, on the user's request (it cancels a sweep in flight);
   * `upload`: the opened block file it runs, if any.
   */
  startLiveSweep(scenario: Scenario, upload: Upload | null): void;
  /** Stops every run and worker. */
  dispose(): void;
}

export function sweepKey(scenario: Scenario, axis: SweepAxis): string {
  // Every point sets the swept knob and the scheduler: moving either only moves the marker.
  return `${axis} ${scenarioKey({ ...scenario, [axis]: 0, scheduler: "sequential" })}`;
}

/** What a measured thread sweep is of: the scenario, and the opened file when it runs one. */
export function liveSweepKey(scenario: Scenario, upload: Upload | null): string {
  return upload ? `${scenarioKey(scenario)} ${uploadKey(upload)}` : scenarioKey(scenario);
}

/** What a simulated thread sweep is of: the measured sweep's block and scenario, on `cores` cores. */
export function threadSimKey(scenario: Scenario, upload: Upload | null, cores: number): string {
  return `${liveSweepKey(scenario, upload)} ${cores}`;
}

/** The block comparison runs every scheduler and fee mode: only the block and the layout name it. */
function blockCompareBase(scenario: Scenario): Scenario {
  return { ...scenario, scheduler: "sequential", feeMode: "lazy" };
}

export function createController(clients: ClientFactory, initial?: Scenario): Controller {
  let live: LiveClientLike | null = null;
  const createLive = clients.live;
  const liveClient = createLive && ((): LiveClientLike => (live ??= createLive()));
  const main = clients.virtual();
  const runs = createRunStore(main, { initial, createLive: liveClient });
  const liveOrThrow = (): LiveClientLike => {
    if (!liveClient) throw new Error("live mode is not available here");
    return liveClient();
  };
  const support = (): LiveSupport =>
    !liveClient
      ? { ok: false, reason: "This build has no live mode." }
      : (clients.liveSupport?.() ?? { ok: true });
  const maxThreads = (): number => liveOrThrow().maxThreads;
  const liveSweep = new LiveSweep(liveOrThrow);
  let compareClient: RunClient | null = null;
  // The compare side's client is made when compare mode opens and disposed when it closes.
  const compareRunner: Runner = {
    run: (...args) => {
      compareClient ??= clients.virtual();
      return compareClient.run(...args);
    },
    cancel: () => compareClient?.cancel(),
  };
  const compareRuns = createRunStore(compareRunner);
  const compareSide = createStore<CompareSide>()(() => ({ right: null, problem: null }));
  const playback = createPlayback();
  const linkView = createLinkView();
  const viewport = createViewport();
  const sweeps = new PointJobs<SweepPoint>(clients.sweep);
  const measure = createMeasureStore(liveOrThrow, runs);
  const blockCompare = new PointJobs<ComparePoint>(clients.sweep);
  const threadSims = new PointJobs<SimThreadPoint>(clients.sweep);

  /**
   * Where the playhead goes once the run of `scenario` is shown; `teach`: at the teaching speed (unless the
   * view gives one), and playing when the story opened it.
   */
  let pending: { scenario: string; view: ViewState; teach?: "open" | "play" } | null = null;
  /** The left log the playhead was last set up for. */
  let leftLog: EventLogData | null = null;
  /** The first run shown keeps the link's preset as the link gave it. */
  let shownBefore = false;
  let merged: { left: EventLogData; right: EventLogData; log: EventLogData } | null = null;
  let settling = false;

  // 1. scenario: the compare side's target follows the left scenario and the patch.
  const followCompare = (shown: ShownRun | null): void => {
    const patch = linkView.getState().compare;
    if (!shown || !patch) {
      if (compareSide.getState().right || compareSide.getState().problem)
        compareSide.setState({ right: null, problem: null });
      if (!patch && compareClient) {
        compareRuns.getState().cancel();
        compareClient.dispose?.();
        compareClient = null;
      }
      return;
    }
    const target = rightScenario(shown.scenario, patch);
    const problem =
      shown.result.mode === "live"
        ? LIVE_COMPARE
        : target.ok
          ? null
          : `The right side is not a valid scenario: ${target.message}`;
    if (problem !== null || !target.ok) {
      compareRuns.getState().cancel();
      if (compareSide.getState().problem !== problem) compareSide.setState({ right: null, problem });
      return;
    }
    compareRuns.getState().apply(target.scenario);
    const right = compareRuns.getState().shown;
    const ready = right && sameScenario(right.scenario, target.scenario) ? right : null;
    if (ready !== compareSide.getState().right || compareSide.getState().problem !== null)
      compareSide.setState({ right: ready, problem: null });
  };

  // 3. playhead: the link's view, once its run is the one on the playhead.
  const applyPending = (shown: ShownRun): void => {
    if (!pending || pending.scenario !== scenarioKey(shown.scenario)) return;
    const { t, speed, tx, chapter, preset } = pending.view;
    const { teach } = pending;
    pending = null;
    const head = playback.getState();
    // A link to a chapter opens framed on it, at that chapter's moment unless it gives a time.
    const frame = chapter !== undefined ? frameOf(shown, preset ?? null, chapter) : undefined;
    if (frame) showFrame(frame);
    const at = t ?? frame?.to;
    if (at !== undefined) head.seek(at);
    if (speed !== undefined) head.setSpeed(speed);
    else if (teach) head.setSpeed(openingSpeed(linkView.getState(), logEnd(shown.result.log)));
    if (tx !== undefined && tx < shown.scenario.txs) head.select(tx);
    if (teach === "play") head.play();
  };

  /** The frame of chapter `n` of a preset on the shown run. */
  const frameOf = (shown: ShownRun, presetId: string | null, n: number): ChapterFrame | undefined => {
    const preset = findPreset(presetId ?? "");
    return preset && n > 0
      ? chapterFrame(preset.chapters, n, shown.result.log, shown.result.elapsedUs)
      : undefined;
  };
  const showFrame = (frame: ChapterFrame | undefined): void => {
    viewport.setState({
      ...WHOLE_VIEW,
      window: frame?.window ?? null,
      named: frame?.txs ?? [],
      graphFit: frame && frame.txs.length > 0 ? frame.txs : null,
    });
  };

  const settle = (): void => {
    // A change made while settling (a store action below) is carried out by this same pass.
    if (settling) return;
    settling = true;
    try {
      const { shown, error } = runs.getState();
      // The link's run failed, or another run replaced it: its view no longer applies.
      if (
        pending &&
        (error || (shown && shown.result.log !== leftLog && pending.scenario !== scenarioKey(shown.scenario)))
      )
        pending = null;
      followCompare(shown);
      if (!shown) return;
      const head = playback.getState();
      // 2. run: a new run goes onto the playhead; the first one opens on its finished picture.
      const isNew = shown.result.log !== leftLog;
      if (isNew) {
        const share = head.log && head.end > 0 ? head.time / head.end : 1;
        leftLog = shown.result.log;
        head.load(leftLog, share * logEnd(leftLog));
        viewport.setState(WHOLE_VIEW);
      }
      applyPending(shown);
      // 4. link view: a preset's captions describe its own scenario on the virtual clock; a changed knob or
      // a measured run leaves the preset.
      if (isNew) {
        const preset = findPreset(linkView.getState().preset ?? "");
        const other = shownBefore && preset && !sameScenario(preset.scenario, shown.scenario);
        if (preset && (other || shown.result.mode === "live"))
          linkView.setState({ preset: null, chapter: 0 });
        shownBefore = true;
      }
      // 5. compare merge: both logs on one playhead (time and selection kept), or the left log alone.
      const right = compareSide.getState().right;
      let wanted = shown.result.log;
      if (right) {
        if (merged?.left !== shown.result.log || merged.right !== right.result.log)
          merged = {
            left: shown.result.log,
            right: right.result.log,
            log: mergeLogs(shown.result.log, right.result.log),
          };
        wanted = merged.log;
      } else merged = null;
      const now = playback.getState();
      if (now.log !== wanted) {
        const { time, selectedTx } = now;
        now.load(wanted, time);
        if (selectedTx !== null) now.select(selectedTx);
      }
    } finally {
      settling = false;
    }
  };

  const unsubscribe = [
    runs.subscribe((s, prev) => {
      if (s.shown !== prev.shown || s.error !== prev.error) settle();
    }),
    compareRuns.subscribe((s, prev) => {
      if (s.shown !== prev.shown) settle();
    }),
    linkView.subscribe((s, prev) => {
      if (s.compare !== prev.compare) settle();
    }),
  ];

  return {
    runs,
    compareRuns,
    compareSide,
    playback,
    linkView,
    viewport,
    measure,
    sweeps,
    blockCompare,
    liveSweep,
    threadSims,
    pendingView: () => pending !== null,

    openLink(opened) {
      bump("linksOpened");
      const here = opened.newer ? null : linkMode(opened.scenario, opened.view, support(), maxThreads);
      // A preset's lesson and chapters do not describe a measured run: a live link leaves them out.
      const { preset: _, chapter: __, ...measured } = opened.view;
      const view: ViewState = here?.mode === "live" ? measured : opened.view;
      linkView.setState({
        // What changes the whole run first: six notices are shown, the rest counted.
        notices: [...(here?.issues ?? []), ...opened.issues],
        newer: opened.newer,
        ...(opened.newer ? {} : linkViewOf(view)),
      });
      if (!here) return;
      // A link to a story step opens it as the Continue button would, a preset's link as the gallery
      // would: at the teaching speed (openingSpeed), unless the link gives its own.
      const teach = view.story !== undefined ? "play" : view.preset !== undefined ? "open" : undefined;
      pending = { scenario: scenarioKey(here.scenario), view, teach };
      runs.getState().apply(here.scenario, here.mode);
      // Already on screen (a hash change that keeps the scenario): the view applies now.
      settle();
    },

    openPreset(p, chapter = 0) {
      linkView.setState({ ...presetView(p), chapter, notices: [], newer: null, story: 0, liveAsked: false });
      pending = {
        scenario: scenarioKey(p.scenario),
        view: chapter > 0 ? { preset: p.id, chapter } : { t: 0 },
        teach: "open",
      };
      viewport.setState(WHOLE_VIEW);
      // Its lesson and chapters were checked against its run on the virtual clock: that is the run it opens.
      runs.getState().apply(p.scenario, "virtual");
      settle();
    },

    openStory(step) {
      const s = storyStep(step);
      linkView.setState({
        story: s.n,
        preset: null,
        chapter: 0,
        compare: s.compare ?? null,
        newer: null,
        liveAsked: false,
      });
      pending = { scenario: scenarioKey(s.scenario), view: { t: 0 }, teach: "play" };
      viewport.setState(WHOLE_VIEW);
      playback.getState().pause();
      runs.getState().apply(s.scenario);
      settle();
    },

    moveStory(by) {
      const at = linkView.getState().story;
      if (at + by > STORY.length) this.leaveStory();
      else this.openStory(Math.max(1, at + by));
    },

    leaveStory() {
      linkView.setState({ story: 0 });
    },

    moveChapter(by) {
      const head = playback.getState();
      const preset = findPreset(linkView.getState().preset ?? "");
      if (!preset) {
        if (by > 0) head.stepNext();
        else head.stepPrev();
        return;
      }
      const n = preset.chapters.length;
      const chapter = linkView.getState().chapter + by;
      // The playlist: on to the next preset, or back to the previous one's last chapter.
      const at = PRESETS.indexOf(preset);
      if (chapter > n) return this.openPreset(PRESETS[(at + 1) % PRESETS.length]);
      if (chapter < 0) {
        const prev = PRESETS[(at - 1 + PRESETS.length) % PRESETS.length];
        return this.openPreset(prev, prev.chapters.length);
      }
      linkView.setState({ chapter });
      const shown = runs.getState().shown;
      // Still running the preset's scenario: the chapter applies once its run is shown.
      if (!shown || !sameScenario(shown.scenario, preset.scenario)) {
        if (chapter > 0)
          pending = { scenario: scenarioKey(preset.scenario), view: { preset: preset.id, chapter } };
        return;
      }
      const frame = frameOf(shown, preset.id, chapter);
      showFrame(frame);
      if (chapter === 0) head.pause();
      else if (frame) head.playSegment(frame.from, frame.to, SEGMENT_MS);
      else head.pause();
    },

    findTx(tx) {
      const shown = runs.getState().shown;
      if (!shown) return "no run is shown yet";
      const n = shown.result.block.n;
      if (!Number.isInteger(tx) || tx < 0 || tx >= n)
        return `there is no transaction ${tx}: this block has 0 to ${(n - 1).toLocaleString("en-US")}`;
      const { log } = shown.result;
      const ev = logIndexOf(log, shown.result.lanes, shown.scenario.shards).events;
      const first = tx + 1 < ev.start.length ? ev.start[tx] : 0;
      const last = tx + 1 < ev.start.length ? ev.start[tx + 1] - 1 : -1;
      playback.getState().select(tx);
      // The lanes frame its whole life, from its first event to its last, with some room either side.
      let window = null;
      if (last >= first) {
        const a = log.time[ev.index[first]];
        const b = log.time[ev.index[last]];
        const pad = Math.max((b - a) * 0.5, logEnd(log) / 200);
        window = { from: a - pad, to: b + pad };
      }
      viewport.setState({ window, graph: null, graphFit: [tx] });
      return null;
    },

    wantSweep(scenario, axis) {
      const plan = sweepPlan(scenario, axis);
      sweeps.want(sweepKey(scenario, axis), plan.tasks.length, (client, onPoint) =>
        client.run(plan, onPoint),
      );
    },

    startLiveSweep(scenario, upload) {
      const block = upload ? () => importUpload(upload, scenario.feeMode) : undefined;
      void liveSweep.start(scenario, liveSweepKey(scenario, upload), block);
    },

    wantThreadSim(scenario, upload, cores) {
      const plan = threadSweepPlan(scenario.shards, cores);
      threadSims.want(threadSimKey(scenario, upload, cores), plan.length, (client, onPoint) =>
        client.runTasks(
          plan,
          (remote, threads) => remote.threadPoint(scenario, threads, upload?.json),
          onPoint,
        ),
      );
    },

    wantBlockCompare(scenario, upload, uploadId) {
      const base = blockCompareBase(scenario);
      const file = ethBlockOf(base.source) === null ? upload : undefined;
      const key = `${scenarioKey(base)} ${file === undefined ? "" : uploadId}`;
      blockCompare.want(key, COMPARE_TASKS.length, (client, onPoint) =>
        client.runTasks(COMPARE_TASKS, (remote, task) => remote.blockPoint(base, task, file), onPoint),
      );
    },

    dispose() {
      for (const off of unsubscribe) off();
      playback.getState().pause();
      runs.getState().cancel();
      compareRuns.getState().cancel();
      main.dispose?.();
      compareClient?.dispose?.();
      compareClient = null;
      liveSweep.cancel();
      live?.dispose?.();
      measure.getState().cancel();
      measure.dispose();
      sweeps.dispose();
      blockCompare.dispose();
      threadSims.dispose();
    },
  };
}
