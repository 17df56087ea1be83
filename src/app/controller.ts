/**
 * The page's one controller: it owns every client and worker (the run, the compare side, the live pool,
 * the sweeps) and every store the page shows, and carries out each change in one explicit order:
 *
 *   1. scenario: the compare side follows the left scenario and the patch
 *   2. run: a finished run goes onto the playhead, at the share of the run the playhead was at
 *   3. playhead: an opened link's view (time, speed, selection, chapter) applies once its run is there
 *   4. link view: a changed knob leaves the preset whose captions described the old scenario
 *   5. compare merge: while both sides are ready, the playhead steps through both logs merged
 *
 * Components select state from the stores and send intents (the methods below, or a store's own actions);
 * they create no workers. Whatever the controller replaces it disposes: leaving compare mode stops the
 * compare worker, a new sweep cancels the old one, dispose() stops them all.
 */
import type { StoreApi } from "zustand/vanilla";
import { createStore } from "zustand/vanilla";
import { chapterTime, findPreset, type Preset } from "../engine/scenario/presets";
import { ethBlockOf, type Scenario } from "../engine/scenario/scenario";
import { sameScenario, scenarioKey } from "../engine/scenario/scenario-key";
import type { ViewState } from "../engine/scenario/view-state";
import type { EventLogData } from "../engine/trace/eventlog";
import { mergeLogs } from "../engine/trace/merge-log";
import { COMPARE_TASKS, type ComparePoint } from "../runtime/block-compare";
import type { SweepAxis, SweepPoint } from "../runtime/sweep";
import { sweepPlan } from "../runtime/sweep";
import type { Runner } from "../runtime/virtual-client";
import { rightScenario } from "./compare-patch";
import { bump } from "./counters";
import { createPlayback, type PlaybackState } from "./playback";
import { type PointClient, PointJobs } from "./point-jobs";
import { createRunStore, type LiveRunner, type RunState, type ShownRun } from "./store";
import { createLinkView, type LinkViewState, linkViewOf, type OpenedLink, presetView } from "./url-sync";

/** A run client the controller can stop for good (its worker), and start again on the next run. */
export type RunClient = Runner & { dispose?(): void };

/** How the controller makes its clients (the page passes the real ones; tests pass stand-ins). */
export interface ClientFactory {
  virtual(): RunClient;
  live?(): LiveRunner & { dispose?(): void };
  sweep(): PointClient;
}

/** The compare side as the stage shows it. */
export interface CompareSide {
  /** The right side's run, once it is the run of the left scenario with the patch. */
  readonly right: ShownRun | null;
  /** Why the patched scenario is invalid (the validator's messages, naming the fields). */
  readonly problem: string | null;
}

export interface Controller {
  /** The left (or only) run: knobs, validation, the run in flight, the run shown, the run mode. */
  readonly runs: StoreApi<RunState>;
  /** The compare side's run, in its own worker so the two sides never cancel each other. */
  readonly compareRuns: StoreApi<RunState>;
  readonly compareSide: StoreApi<CompareSide>;
  readonly playback: StoreApi<PlaybackState>;
  readonly linkView: StoreApi<LinkViewState>;
  /** The contention chart's sweep and the block panel's scheduler table, each on its own sweep worker. */
  readonly sweeps: PointJobs<SweepPoint>;
  readonly blockCompare: PointJobs<ComparePoint>;
  /** Set while an opened link's view waits for its run (the address bar holds its writes meanwhile). */
  readonly pendingView: () => boolean;
  /** Applies a link: its view now, its scenario's run, and its playhead once that run is shown. */
  openLink(opened: OpenedLink): void;
  /** Opens a preset as its link would: its scenario, its compare side, the playhead at the start. */
  openPreset(p: Preset): void;
  /** Moves `by` chapters of the preset (the playhead goes to each chapter's moment); without one, one event. */
  moveChapter(by: 1 | -1): void;
  /** Shows the sweep of the shown scenario along `axis`. */
  wantSweep(scenario: Scenario, axis: SweepAxis): void;
  /** Shows the shown real block under every scheduler and fee mode (`upload`: an opened file's JSON). */
  wantBlockCompare(scenario: Scenario, upload: unknown, uploadId: string): void;
  /** Stops every run and worker. */
  dispose(): void;
}

export function sweepKey(scenario: Scenario, axis: SweepAxis): string {
  // Every point sets the swept knob and the scheduler: moving either only moves the marker.
  return `${axis} ${scenarioKey({ ...scenario, [axis]: 0, scheduler: "sequential" })}`;
}

/** The block comparison runs every scheduler and fee mode: only the block and the layout name it. */
function blockCompareBase(scenario: Scenario): Scenario {
  return { ...scenario, scheduler: "sequential", feeMode: "lazy" };
}

const endOf = (log: EventLogData): number => (log.length > 0 ? log.time[log.length - 1] : 0);

export function createController(clients: ClientFactory, initial?: Scenario): Controller {
  let live: (LiveRunner & { dispose?(): void }) | null = null;
  const createLive = clients.live;
  const main = clients.virtual();
  const runs = createRunStore(main, {
    initial,
    createLive: createLive && (() => (live = createLive())),
  });
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
  const sweeps = new PointJobs<SweepPoint>(clients.sweep);
  const blockCompare = new PointJobs<ComparePoint>(clients.sweep);

  /** Where the playhead goes once the run of `scenario` is shown. */
  let pending: { scenario: string; view: ViewState } | null = null;
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
    if (!target.ok) {
      compareRuns.getState().cancel();
      compareSide.setState({ right: null, problem: target.message });
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
    pending = null;
    const head = playback.getState();
    // Without a time, a link to a chapter opens at that chapter's moment.
    const c =
      t === undefined && chapter !== undefined ? findPreset(preset ?? "")?.chapters[chapter - 1] : undefined;
    const at = c ? chapterTime(c, shown.result.log, shown.result.elapsedUs) : t;
    if (at !== undefined) head.seek(at);
    if (speed !== undefined) head.setSpeed(speed);
    if (tx !== undefined && tx < shown.scenario.txs) head.select(tx);
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
        head.load(leftLog, share * endOf(leftLog));
      }
      applyPending(shown);
      // 4. link view: a preset's captions describe its own scenario; a changed knob leaves the preset.
      if (isNew) {
        const preset = findPreset(linkView.getState().preset ?? "");
        if (shownBefore && preset && !sameScenario(preset.scenario, shown.scenario))
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
    sweeps,
    blockCompare,
    pendingView: () => pending !== null,

    openLink(opened) {
      bump("linksOpened");
      linkView.setState({
        notices: opened.issues,
        newer: opened.newer,
        ...(opened.newer ? {} : linkViewOf(opened.view)),
      });
      if (opened.newer) return;
      pending = { scenario: scenarioKey(opened.scenario), view: opened.view };
      runs.getState().apply(opened.scenario);
      // Already on screen (a hash change that keeps the scenario): the view applies now.
      settle();
    },

    openPreset(p) {
      linkView.setState({ ...presetView(p), notices: [], newer: null });
      pending = { scenario: scenarioKey(p.scenario), view: { t: 0 } };
      runs.getState().apply(p.scenario);
      settle();
    },

    moveChapter(by) {
      const head = playback.getState();
      const preset = findPreset(linkView.getState().preset ?? "");
      if (!preset) {
        if (by > 0) head.stepNext();
        else head.stepPrev();
        return;
      }
      const chapter = Math.min(preset.chapters.length, Math.max(0, linkView.getState().chapter + by));
      linkView.setState({ chapter });
      const shown = runs.getState().shown;
      const c = preset.chapters[chapter - 1];
      if (!shown || !c) return;
      const t = chapterTime(c, shown.result.log, shown.result.elapsedUs);
      head.pause();
      if (t !== undefined) head.seek(t);
    },

    wantSweep(scenario, axis) {
      const plan = sweepPlan(scenario, axis);
      sweeps.want(sweepKey(scenario, axis), plan.tasks.length, (client, onPoint) =>
        client.run(plan, onPoint),
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
      live?.dispose?.();
      sweeps.dispose();
      blockCompare.dispose();
    },
  };
}
