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
        "the helper that adds them could not start (it needs HTTPS or localhost). The virtual mode works here.",
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

/** Threads a live run may use here: the cores the browser reports (at least one). */
export function liveThreadLimit(): number {
  const n = typeof navigator === "undefined" ? 1 : navigator.hardwareConcurrency;
  return Number.isInteger(n) && n > 0 ? n : 1;
}
