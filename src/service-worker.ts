/**
 * The app's one service worker (a scope holds only one): it precaches the build, so that after one visit the
 * app, its workers and the mainnet blocks load with the network off, and it adds the cross-origin isolation
 * headers to every response it serves, so that the live mode's shared memory works on hosts that cannot send
 * them (GitHub Pages, a plain static server). vite-plugin-pwa builds it and injects the precache manifest.
 */
import type { WorkboxPlugin } from "workbox-core";
import { clientsClaim } from "workbox-core";
import {
  addPlugins,
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  type PrecacheEntry,
  precacheAndRoute,
} from "workbox-precaching";
import { registerRoute } from "workbox-routing";
import { NetworkOnly } from "workbox-strategies";

/** What this file uses of ServiceWorkerGlobalScope (the DOM library the project compiles with lacks it). */
declare const self: {
  __WB_MANIFEST: (string | PrecacheEntry)[];
  location: Location;
  skipWaiting(): Promise<void>;
  addEventListener(type: "message", listener: (event: MessageEvent) => void): void;
};

/** COOP and COEP make the page cross-origin isolated; CORP lets an isolated slide deck embed it. */
function isolated(response: Response): Response {
  if (response.type === "opaque" || response.status === 0) return response;
  const headers = new Headers(response.headers);
  headers.set("Cross-Origin-Opener-Policy", "same-origin");
  headers.set("Cross-Origin-Embedder-Policy", "require-corp");
  headers.set("Cross-Origin-Resource-Policy", "cross-origin");
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

const isolate: WorkboxPlugin = { handlerWillRespond: async ({ response }) => isolated(response) };

// A new release waits until the page asks for it (workbox-window's messageSkipWaiting, after the page's "new
// version" notice, or at once when the page has just opened): two releases never serve one page.
self.addEventListener("message", (event) => {
  if (event.data?.type === "SKIP_WAITING") void self.skipWaiting();
});
// The first install takes the open page at once, so that its reload comes back isolated.
clientsClaim();

addPlugins([isolate]);
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// The app's address with any link parameters is the precached page; other navigations go to the network.
const appPath = new URL("./", self.location.href).pathname;
registerRoute(
  ({ request, url }) =>
    request.mode === "navigate" && (url.pathname === appPath || url.pathname === `${appPath}index.html`),
  createHandlerBoundToURL("index.html"),
);
// Anything of the app's own that is not precached (source maps) still gets the headers.
registerRoute(({ url }) => url.origin === self.location.origin, new NetworkOnly({ plugins: [isolate] }));
