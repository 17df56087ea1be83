/**
 * The address bar is always the current link. On load the link's scenario runs and its view (playhead,
 * speed, selected tx) applies once that run is on the playhead; from then on every change of the scenario
 * or the view replaces the URL (throttled, no history entries).
 */

import { useEffect } from "react";
import { chapterTime, findPreset, type Preset } from "../engine/scenario/presets";
import type { Scenario } from "../engine/scenario/scenario";
import { sameScenario, scenarioKey } from "../engine/scenario/scenario-key";
import type { ViewState } from "../engine/scenario/view-state";
import { bump } from "./counters";
import { playback } from "./playback";
import { runStore } from "./session";
import { currentLink, linkView, linkViewOf, type OpenedLink, presetView, readLink } from "./url-sync";

const WRITE_EVERY_MS = 300;

/** Where the playhead goes once the run of `scenario` is loaded; the hook applies it. */
let pending: { scenario: string; view: ViewState } | null = null;

/** Opens a preset as its link would: its scenario, its compare side, the playhead at the start. */
export function openPreset(p: Preset): void {
  linkView.setState({ ...presetView(p), notices: [], newer: null });
  pending = { scenario: scenarioKey(p.scenario), view: { t: 0 } };
  runStore.getState().apply(p.scenario);
  // Already on screen (nothing re-runs): the view applies now.
  applyPending();
}

/** The link of what is on screen, as a full address (for copying). */
export function linkHere(atMoment: boolean): string | null {
  const shown = runStore.getState().shown;
  if (!shown) return null;
  const link = currentLink(shown.scenario, playback.getState(), linkView.getState(), atMoment);
  return `${location.origin}${location.pathname}${link}`;
}

function applyPending(): void {
  const shown = runStore.getState().shown;
  const head = playback.getState();
  // The link's run must be the one on the playhead (the previous run's log may still be loaded).
  if (!pending || !shown || head.log !== shown.result.log) return;
  if (pending.scenario !== scenarioKey(shown.scenario)) return;
  const { t, speed, tx, chapter, preset } = pending.view;
  pending = null;
  // Without a time, a link to a chapter opens at that chapter's moment.
  const c =
    t === undefined && chapter !== undefined ? findPreset(preset ?? "")?.chapters[chapter - 1] : undefined;
  const at = c ? chapterTime(c, shown.result.log, shown.result.elapsedUs) : t;
  if (at !== undefined) head.seek(at);
  if (speed !== undefined) head.setSpeed(speed);
  if (tx !== undefined && tx < shown.scenario.txs) head.select(tx);
}

/** Reads the address bar's link and applies it; returns it. */
function openAddress(): OpenedLink {
  const opened = readLink(location.search, location.hash);
  bump("linksOpened");
  linkView.setState({
    notices: opened.issues,
    newer: opened.newer,
    ...(opened.newer ? {} : linkViewOf(opened.view)),
  });
  if (!opened.newer) {
    pending = { scenario: scenarioKey(opened.scenario), view: opened.view };
    runStore.getState().apply(opened.scenario);
    // Already on screen (a hash change that keeps the scenario): the view applies now.
    applyPending();
  }
  return opened;
}

export function useUrlSync(): void {
  useEffect(() => {
    const opened = openAddress();
    // The address this page last read or wrote. Any other address is one the user typed (a hash edited
    // in place): it is read before anything is written, even when its hashchange event has not arrived
    // yet, so a pending write never overwrites it.
    let known = location.href;
    // A newer link stays in the address bar until the user changes something.
    let lastScenario: Scenario | null = null;
    let writing = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const openTyped = (): boolean => {
      if (location.href === known) return false;
      openAddress();
      known = location.href;
      return true;
    };
    const write = (): void => {
      timer = undefined;
      if (openTyped()) return;
      const shown = runStore.getState().shown;
      if (!shown || pending) return;
      const link = currentLink(shown.scenario, playback.getState(), linkView.getState(), false);
      const url = `${location.pathname}${link}`;
      if (url !== `${location.pathname}${location.search}${location.hash}`) {
        history.replaceState(null, "", url);
        known = location.href;
      }
      bump("addressSyncs");
    };
    const changed = (): void => {
      if (writing && timer === undefined) timer = setTimeout(write, WRITE_EVERY_MS);
    };
    const onRun = (): void => {
      const { shown, error } = runStore.getState();
      // The link's run failed, or another run replaced it: its view no longer applies.
      if (pending && (error || (shown && pending.scenario !== scenarioKey(shown.scenario)))) pending = null;
      if (!shown || shown.scenario === lastScenario) {
        changed();
        return;
      }
      const first = lastScenario === null;
      lastScenario = shown.scenario;
      // A preset's captions describe its own scenario: a changed knob leaves the preset.
      const preset = findPreset(linkView.getState().preset ?? "");
      if (!first && preset && !sameScenario(preset.scenario, shown.scenario))
        linkView.setState({ preset: null, chapter: 0 });
      if (!first || !opened.newer) writing = true;
      changed();
    };
    const onHead = (): void => {
      applyPending();
      changed();
    };
    const subs = [runStore.subscribe(onRun), playback.subscribe(onHead), linkView.subscribe(changed)];
    // A hash edited by hand in the address bar (no reload) opens like a new link, unless a write found it first.
    const onHashChange = (): void => void openTyped();
    window.addEventListener("hashchange", onHashChange);
    return () => {
      for (const unsubscribe of subs) unsubscribe();
      window.removeEventListener("hashchange", onHashChange);
      clearTimeout(timer);
    };
  }, []);
}
