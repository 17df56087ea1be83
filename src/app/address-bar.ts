/**
 * The address bar is always the current link. On load the link is opened (the controller runs its scenario
 * and applies its view once that run is on the playhead); from then on every change of the scenario or the
 * view replaces the URL (throttled, no history entries).
 */
import type { Scenario } from "../engine/scenario/scenario";
import type { Controller } from "./controller";
import { bump } from "./counters";
import { readLink, shownLink } from "./url-sync";

const WRITE_EVERY_MS = 300;

/** The link of what is on screen, as a full address (for copying). */
export function linkHere(controller: Controller, atMoment: boolean): string | null {
  const shown = controller.runs.getState().shown;
  if (!shown) return null;
  const link = shownLink(shown, controller.playback.getState(), controller.linkView.getState(), atMoment);
  return `${location.origin}${location.pathname}${link}`;
}

/** Opens the address bar's link, then keeps the address bar in step with the page. Returns the unbinding. */
export function bindAddressBar(controller: Controller): () => void {
  const { runs, playback, linkView } = controller;
  const openAddress = (): boolean => {
    const opened = readLink(location.search, location.hash);
    controller.openLink(opened);
    return opened.newer !== null;
  };
  const newer = openAddress();
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
    const shown = runs.getState().shown;
    if (!shown || controller.pendingView()) return;
    const link = shownLink(shown, playback.getState(), linkView.getState(), false);
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
    const { shown } = runs.getState();
    if (shown && shown.scenario !== lastScenario) {
      const first = lastScenario === null;
      lastScenario = shown.scenario;
      if (!first || !newer) writing = true;
    }
    changed();
  };
  const subs = [runs.subscribe(onRun), playback.subscribe(changed), linkView.subscribe(changed)];
  // A hash edited by hand in the address bar (no reload) opens like a new link, unless a write found it first.
  const onHashChange = (): void => void openTyped();
  window.addEventListener("hashchange", onHashChange);
  return () => {
    for (const unsubscribe of subs) unsubscribe();
    window.removeEventListener("hashchange", onHashChange);
    clearTimeout(timer);
  };
}
