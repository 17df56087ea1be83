/**
 * The page's one controller, with the real clients (run workers, the live pool, sweep workers), and the
 * hooks components select its state with.
 */
import { useEffect } from "react";
import { useStore } from "zustand";
import type { Preset } from "../engine/scenario/presets";
import { LiveClient } from "../runtime/live/live-client";
import { liveSupport } from "../runtime/live/support";
import { SweepClient } from "../runtime/sweep-client";
import { VirtualClient } from "../runtime/virtual-client";
import { bindAddressBar, linkHere as linkOf } from "./address-bar";
import { type CompareSide, createController } from "./controller";

export type { CompareSide };

import { type MeasureState, measureRefusal } from "./measure";
import type { PlaybackState } from "./playback";
import type { RunState } from "./store";
import { type LinkViewState, togglePanel } from "./url-sync";
import type { ViewportState } from "./viewport";

export { coresFound, liveSupport, liveThreadLimit } from "../runtime/live/support";

export const controller = createController({
  virtual: () => new VirtualClient(),
  live: () => new LiveClient(),
  liveSupport,
  sweep: () => new SweepClient(),
});

export const { playback, linkView, runs: runStore, viewport } = controller;

export function useMeasure<T>(selector: (state: MeasureState) => T): T {
  return useStore(controller.measure, selector);
}
/** Why "Measure this machine" cannot start now (a live run or a measured sweep holds the cores), or null. */
export function useMeasureRefusal(): string | null {
  const liveRun = useRun((s) => s.mode === "live" && s.running);
  const liveSweep = useStore(controller.liveSweep.store, (s) => s.running);
  return measureRefusal({ liveRun, liveSweep });
}
export function useRun<T>(selector: (state: RunState) => T): T {
  return useStore(controller.runs, selector);
}
export function useCompareRun<T>(selector: (state: RunState) => T): T {
  return useStore(controller.compareRuns, selector);
}
export function useCompareSide(): CompareSide {
  return useStore(controller.compareSide);
}
export function usePlayback<T>(selector: (state: PlaybackState) => T): T {
  return useStore(controller.playback, selector);
}
export function useLinkView<T>(selector: (state: LinkViewState) => T): T {
  return useStore(controller.linkView, selector);
}
export function useViewport<T>(selector: (state: ViewportState) => T): T {
  return useStore(controller.viewport, selector);
}

/** Opens the address bar's link and keeps the address bar in step with the page. */
export function useAddressBar(): void {
  useEffect(() => bindAddressBar(controller), []);
}

export const openPreset = (p: Preset): void => controller.openPreset(p);
export const moveChapter = (by: 1 | -1): void => controller.moveChapter(by);
export const findTx = (tx: number): string | null => controller.findTx(tx);
export const openStory = (step: number): void => controller.openStory(step);
export const moveStory = (by: 1 | -1): void => controller.moveStory(by);
export const leaveStory = (): void => controller.leaveStory();
export const toggleLinkPanel = (name: string): void => togglePanel(controller.linkView, name);
/** The link of what is on screen, as a full address (for copying). */
export const linkHere = (atMoment: boolean): string | null => linkOf(controller, atMoment);
