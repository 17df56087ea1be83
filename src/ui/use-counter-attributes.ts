import { useEffect } from "react";
import { type Counters, counters } from "../app/counters";

const ATTRIBUTES: Readonly<Record<keyof Counters, string>> = {
  runsStarted: "data-runs-started",
  linksOpened: "data-links-opened",
  addressSyncs: "data-address-syncs",
  liveFrames: "data-live-frames",
  liveViews: "data-live-views",
  workerRegistrations: "data-worker-registrations",
};

/** Mirrors the app's counters onto <html data-…>, where browser tests wait on them. */
export function useCounterAttributes(): void {
  useEffect(() => {
    const mirror = (c: Counters): void => {
      for (const [name, attribute] of Object.entries(ATTRIBUTES))
        document.documentElement.setAttribute(attribute, String(c[name as keyof Counters]));
    };
    mirror(counters.getState());
    return counters.subscribe(mirror);
  }, []);
}
