/**
 * What the talk keys do: move between the preset's chapters (the playhead goes to each chapter's moment),
 * open presets 1-9, toggle talk mode, the help overlay and fullscreen.
 */
import { linkView, moveChapter, openPreset, toggleLinkPanel } from "../../app/page";
import { PRESETS } from "../../engine/scenario/presets";
import type { TalkAction } from "../playback/keys";

export const TALK_PANEL = "talk";
export const HELP_PANEL = "help";

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
      toggleLinkPanel(HELP_PANEL);
      return;
    case "talk":
      toggleLinkPanel(TALK_PANEL);
      return;
    case "close":
      if (linkView.getState().panels.includes(HELP_PANEL)) toggleLinkPanel(HELP_PANEL);
      return;
    default: {
      const preset = PRESETS[Number(action.slice("preset".length)) - 1];
      if (preset) openPreset(preset);
    }
  }
}
