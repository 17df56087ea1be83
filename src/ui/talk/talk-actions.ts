/**
 * What the talk keys do: move between the preset's chapters (the playhead goes to each chapter's moment),
 * open presets 1-9, toggle talk mode, the help overlay and fullscreen.
 */
import { playback } from "../../app/playback";
import { runStore } from "../../app/session";
import { linkView, togglePanel } from "../../app/url-sync";
import { openPreset } from "../../app/use-url-sync";
import { chapterTime, findPreset, PRESETS } from "../../engine/scenario/presets";
import type { TalkAction } from "../playback/keys";

export const TALK_PANEL = "talk";
export const HELP_PANEL = "help";

/** Moves `by` chapters (clamped; 0 is the preset's title card). Without a preset, steps one event. */
export function moveChapter(by: 1 | -1): void {
  const head = playback.getState();
  const preset = findPreset(linkView.getState().preset ?? "");
  if (!preset) {
    if (by > 0) head.stepNext();
    else head.stepPrev();
    return;
  }
  const chapter = Math.min(preset.chapters.length, Math.max(0, linkView.getState().chapter + by));
  linkView.setState({ chapter });
  const shown = runStore.getState().shown;
  const c = preset.chapters[chapter - 1];
  if (!shown || !c) return;
  const t = chapterTime(c, shown.result.log, shown.result.elapsedUs);
  head.pause();
  if (t !== undefined) head.seek(t);
}

function toggleFullscreen(): void {
  if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
  // A refused request (no user gesture, or an embedding page forbids it) leaves the window as it is.
  else void document.documentElement.requestFullscreen?.().catch(() => {});
}

export function runTalkAction(action: TalkAction): void {
  switch (action) {
    case "prevChapter":
      moveChapter(-1);
      return;
    case "nextChapter":
      moveChapter(1);
      return;
    case "fullscreen":
      toggleFullscreen();
      return;
    case "help":
      togglePanel(HELP_PANEL);
      return;
    case "talk":
      togglePanel(TALK_PANEL);
      return;
    case "close":
      if (linkView.getState().panels.includes(HELP_PANEL)) togglePanel(HELP_PANEL);
      return;
    default: {
      const preset = PRESETS[Number(action.slice("preset".length)) - 1];
      if (preset) openPreset(preset);
    }
  }
}
