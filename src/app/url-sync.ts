/**
 * The view the URL carries beyond the playhead: the preset and its chapter, the guided story's step, the
 * compare side, the open panels (talk mode is the panel "talk"), and the link's problems to show. Reading a link and writing the
 * current one are pure functions over this store, the run store's scenario and the playhead.
 */

import { createStore, type StoreApi } from "zustand/vanilla";
import { decodeLink, encodeLink, type LinkIssue } from "../engine/scenario/link";
import { checkPresetView, findPreset, type Preset } from "../engine/scenario/presets";
import { DEFAULT_SCENARIO, type Scenario } from "../engine/scenario/scenario";
import { sameScenario } from "../engine/scenario/scenario-key";
import type { EmbedView, RunMode, ScenarioPatch, ViewState } from "../engine/scenario/view-state";
import { type EventLogData, logEnd } from "../engine/trace/eventlog";
import { DEFAULT_SPEED, openingSpeed } from "./playback";
import { STORY, storyStep } from "./story/steps";

export interface LinkViewState {
  readonly preset: string | null;
  /** Talk-mode chapter of the preset, from 1; 0 = its title card. */
  readonly chapter: number;
  /** The guided story's step, from 1; 0 = the story is closed. */
  readonly story: number;
  readonly compare: ScenarioPatch | null;
  readonly panels: readonly string[];
  /** What was wrong with the opened link (plain text, shown until dismissed). */
  readonly notices: readonly LinkIssue[];
  /** Set when the link came from a newer TxLanes and nothing of it was applied. */
  readonly newer: string | null;
  /** The one view an embedded page shows (`embed=1`), or null for the whole app. */
  readonly embed: EmbedView | null;
  /**
   * The opened link asked for live mode: its link says so even while the page runs it virtual (a page that
   * is not isolated yet may be about to reload isolated), until the user picks a mode or opens a preset.
   */
  readonly liveAsked: boolean;
}

/** The link-view store (the controller makes the page's one). */
export function createLinkView(): StoreApi<LinkViewState> {
  return createStore<LinkViewState>()(() => ({
    preset: null,
    chapter: 0,
    story: 0,
    compare: null,
    panels: [],
    notices: [],
    newer: null,
    embed: null,
    liveAsked: false,
  }));
}

/** A link read and checked, preset included: what to run and where to stand once it has run. */
export interface OpenedLink {
  readonly scenario: Scenario;
  readonly view: ViewState;
  readonly issues: readonly LinkIssue[];
  readonly newer: string | null;
}

export function readLink(search: string, hash: string): OpenedLink {
  const decoded = decodeLink(search, hash, STORY.length);
  // A link that names the story opens it; at its first step when the step it names is not one.
  const badStep = decoded.issues.some((i) => i.part === "story");
  if (badStep || decoded.view.story !== undefined) {
    const step = storyStep(decoded.view.story ?? 1);
    // A hand-typed `?story=N` stands for the step's scenario and compare side, as `?p=ID` does.
    const bare = sameScenario(decoded.scenario, DEFAULT_SCENARIO);
    // The story is not a preset: a preset and its chapter named beside it are left out.
    const { preset: _, chapter: __, ...view } = decoded.view;
    const compare = bare && !view.compare ? step.compare : view.compare;
    return {
      scenario: bare ? step.scenario : decoded.scenario,
      view: { ...view, story: step.n, ...(compare ? { compare } : {}) },
      issues: decoded.issues,
      newer: decoded.newer ?? null,
    };
  }
  const preset = checkPresetView(decoded.view);
  // A hand-typed `?p=ID` names the preset alone: it stands for the preset's scenario and compare side.
  // (Links the app writes carry the scenario too: it equals the preset's, or the preset is dropped.)
  const named = preset.view.preset === undefined ? undefined : findPreset(preset.view.preset);
  const bare = named && sameScenario(decoded.scenario, DEFAULT_SCENARIO);
  const view =
    bare && named.compare && !preset.view.compare ? { ...preset.view, compare: named.compare } : preset.view;
  return {
    scenario: bare ? named.scenario : decoded.scenario,
    view,
    issues: [...decoded.issues, ...preset.issues],
    newer: decoded.newer ?? null,
  };
}

/** The link-view fields a decoded view sets (the playhead fields go to the playback store). */
export function linkViewOf(
  view: ViewState,
): Pick<LinkViewState, "preset" | "chapter" | "story" | "compare" | "panels" | "embed" | "liveAsked"> {
  return {
    preset: view.preset ?? null,
    chapter: view.chapter ?? 0,
    story: view.story ?? 0,
    compare: view.compare ?? null,
    panels: view.panels ?? [],
    embed: view.embed ? (view.show ?? "graph") : null,
    liveAsked: view.mode === "live",
  };
}

/** The playhead fields a link writes. */
export interface PlayheadView {
  readonly time: number;
  readonly speed: number;
  readonly selectedTx: number | null;
}

/**
 * The link of what is on screen, as `?query#hash` (either may be empty). `atMoment` adds the playhead time (the address bar leaves it out, so it
 * does not change on every frame of playback). A speed equal to `opensAt`, the one the link opens at
 * without one, is left out. A live run's link says so (`mode=live`: it opens live where the page can), as
 * does the link of a live link the page ran virtual. Its playhead time lands on the same time of the new
 * measured run it opens.
 */
export function currentLink(
  scenario: Scenario,
  head: PlayheadView,
  view: LinkViewState,
  atMoment: boolean,
  opensAt = DEFAULT_SPEED,
  mode: RunMode = "virtual",
): string {
  const v: ViewState = head.speed === opensAt ? {} : { speed: head.speed };
  if (mode === "live" || view.liveAsked) v.mode = "live";
  if (atMoment) v.t = head.time;
  if (head.selectedTx !== null) v.tx = head.selectedTx;
  if (view.panels.length > 0) v.panels = [...view.panels];
  if (view.compare) v.compare = view.compare;
  if (view.preset) v.preset = view.preset;
  if (view.preset && view.chapter > 0) v.chapter = view.chapter;
  if (view.story > 0) v.story = view.story;
  if (view.embed) Object.assign(v, { embed: true, show: view.embed });
  const { search, hash } = encodeLink(scenario, v);
  return `${search}${hash}`;
}

/** The link of the run on screen (`currentLink`), leaving out the speed its preset or story step opens at. */
export function shownLink(
  shown: {
    readonly scenario: Scenario;
    readonly result: { readonly log: EventLogData; readonly mode: RunMode };
  },
  head: PlayheadView,
  view: LinkViewState,
  atMoment: boolean,
): string {
  const { log, mode } = shown.result;
  const end = logEnd(log);
  return currentLink(shown.scenario, head, view, atMoment, openingSpeed(view, end), mode);
}

/** The link-view fields a preset sets: its compare side, its chapters from the title card. */
export function presetView(p: Preset): Pick<LinkViewState, "preset" | "chapter" | "compare"> {
  return { preset: p.id, chapter: 0, compare: p.compare ?? null };
}

export function togglePanel(linkView: StoreApi<LinkViewState>, name: string): void {
  const { panels } = linkView.getState();
  linkView.setState({ panels: panels.includes(name) ? panels.filter((p) => p !== name) : [...panels, name] });
}

export function hasPanel(view: LinkViewState, name: string): boolean {
  return view.panels.includes(name);
}
