/**
 * Counters of what the app has done (runs started, links opened, address-bar syncs, live frames). Tests wait on them
 * instead of sleeping: "exactly one more run started" or "the address bar was written after the run"
 * are conditions, where "nothing happened within 600 ms" is a guess.
 */
import { createStore } from "zustand/vanilla";

export interface Counters {
  /** Runs handed to a runner (virtual or live). */
  readonly runsStarted: number;
  /** Links read from the address bar and applied (page load and every later hash change). */
  readonly linksOpened: number;
  /** Times the address bar was brought up to date with the page (written, or found already right). */
  readonly addressSyncs: number;
  /** Live-lane frames drawn at a new committed count while a live run is in flight (0 < count < total). */
  readonly liveFrames: number;
  /** Live runs that lasted long enough for the page to show them in flight (their lanes took the stage). */
  readonly liveViews: number;
  /** Service worker registrations that completed: the page now hears of new releases (0 or 1). */
  readonly workerRegistrations: number;
}

export const counters = createStore<Counters>()(() => ({
  runsStarted: 0,
  linksOpened: 0,
  addressSyncs: 0,
  liveFrames: 0,
  liveViews: 0,
  workerRegistrations: 0,
}));

export function bump(name: keyof Counters): void {
  counters.setState((c) => ({ [name]: c[name] + 1 }));
}
