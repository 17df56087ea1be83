/**
 * The page's side of the service worker (src/service-worker.ts): registers it, reloads once when its first
 * install takes the page (so that the page comes back cross-origin isolated on hosts that cannot send the
 * headers), and hands a new release over cleanly: installed in the background, announced by a notice, taken
 * when the user says so or at once when the page opens. Never half of two releases.
 */
import { Workbox } from "workbox-window";
import { createStore } from "zustand/vanilla";
import { bump } from "./counters";

export interface ReleaseState {
  /**
   * "current": nothing to do. "ready": a new release is installed and waits for the word. "replaced":
   * another tab took a new release, so this page's files are no longer cached and it should reload.
   */
  readonly update: "current" | "ready" | "replaced";
}

export const release = createStore<ReleaseState>()(() => ({ update: "current" }));

let workbox: Workbox | null = null;
let applying = false;

/** Takes the waiting release: the service worker activates, takes the page, and the page reloads. */
export function applyRelease(): void {
  if (release.getState().update === "replaced" || !workbox) {
    location.reload();
    return;
  }
  applying = true;
  workbox.messageSkipWaiting();
}

const serviceWorkerHere = (): boolean =>
  import.meta.env.PROD && "serviceWorker" in navigator && window.isSecureContext;

/** How long an opening page waits for a waiting release to take over before it starts as it is. */
const TAKE_OVER_MS = 5000;

/**
 * A release installed during an earlier visit is taken as the page opens, before the app starts a run, a
 * worker or a fetch: Chromium can hold a waiting worker's activation for good while the old one serves a
 * loading page's requests (seen as a reload that never comes). Resolves true when the page is about to reload
 * into the new release; false (at once, or after TAKE_OVER_MS) when the app should start.
 */
export async function takeWaitingRelease(): Promise<boolean> {
  if (!serviceWorkerHere() || !navigator.serviceWorker.controller) return false;
  const waiting = (await navigator.serviceWorker.getRegistration())?.waiting;
  if (!waiting) return false;
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), TAKE_OVER_MS);
    navigator.serviceWorker.addEventListener(
      "controllerchange",
      () => {
        clearTimeout(timer);
        location.reload();
        resolve(true);
      },
      { once: true },
    );
    waiting.postMessage({ type: "SKIP_WAITING" });
  });
}

/** Registers the service worker of a production build where the browser allows one (HTTPS or localhost). */
export function startServiceWorker(): void {
  if (!serviceWorkerHere()) return;
  const wb = new Workbox(new URL("service-worker.js", document.baseURI).href);
  workbox = wb;
  // A release that is waiting (installed now, or earlier and not taken as the page opened) waits for the word.
  wb.addEventListener("waiting", () => release.setState({ update: "ready" }));
  wb.addEventListener("controlling", (event) => {
    if (applying) location.reload();
    else if (event.isUpdate) release.setState({ update: "replaced" });
    // The first install: the page was served without the worker's headers; reload once to be isolated.
    else if (globalThis.crossOriginIsolated === false) location.reload();
  });
  wb.register().then(
    () => bump("workerRegistrations"),
    // Not fatal: the app works online without it (and the live mode where the host sends the headers).
    (error: unknown) => console.warn("TxLanes: the offline copy could not be set up:", error),
  );
}
