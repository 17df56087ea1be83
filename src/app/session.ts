/** The page's one run store, backed by the run worker. */
import { useStore } from "zustand";
import { LiveClient } from "../runtime/live/live-client";
import { VirtualClient } from "../runtime/virtual-client";
import { createRunStore, type RunState } from "./store";

export { liveSupport, liveThreadLimit } from "../runtime/live/support";

export const runStore = createRunStore(new VirtualClient(), { createLive: () => new LiveClient() });

export function useRun<T>(selector: (state: RunState) => T): T {
  return useStore(runStore, selector);
}
