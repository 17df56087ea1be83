import { RANGES } from "../../engine/scenario/ranges";

export type LiveSupport = { ok: true } | { ok: false; reason: string };

/**
 * Whether this page can run the live worker pool, and if not, why in plain words. The pool shares one
 * SharedArrayBuffer between Web Workers, which browsers only allow on cross-origin isolated pages.
 */
export function liveSupport(): LiveSupport {
  if (typeof Worker === "undefined") {
    return { ok: false, reason: "This browser cannot start Web Workers, so it cannot run the live mode." };
  }
  if (typeof globalThis.crossOriginIsolated === "boolean" && !globalThis.crossOriginIsolated) {
    return {
      ok: false,
      reason:
        "The live mode needs shared memory between workers, and browsers only allow it on pages that are " +
        "cross-origin isolated. This page was not served with the headers for that (COOP and COEP), and " +
        "the helper that adds them is not running (it needs HTTPS or localhost, and on a first visit it reloads " +
        "the page once it has started). The virtual mode works here.",
    };
  }
  if (typeof SharedArrayBuffer === "undefined" || typeof Atomics === "undefined") {
    return {
      ok: false,
      reason:
        "This browser does not offer shared memory between workers (SharedArrayBuffer), which the live mode " +
        "needs. The virtual mode works here.",
    };
  }
  return { ok: true };
}

/**
 * The most threads a live run starts, however many cores a machine reports: the workers range's maximum, since
 * a live run's threads are a scenario's workers × shards (and the CLI's --threads is checked against it too).
 */
export const LIVE_THREAD_CAP = RANGES.workers.max;

/** Threads a live run may use for `reported` cores (hardwareConcurrency, availableParallelism): 1 to the cap. */
export function threadsForCores(reported: number): number {
  return Number.isInteger(reported) && reported > 0 ? Math.min(reported, LIVE_THREAD_CAP) : 1;
}

/** The cores this browser reports (navigator.hardwareConcurrency), 0 where it reports none. */
export function coresFound(): number {
  const n = typeof navigator === "undefined" ? 0 : navigator.hardwareConcurrency;
  return Number.isInteger(n) && n > 0 ? n : 0;
}

/** Threads a live run may use here, and starts on by default: the cores the browser reports, capped. */
export function liveThreadLimit(): number {
  return threadsForCores(coresFound());
}
