/**
 * What the talk keys do: move between the guided story's steps while it is open, or between the preset's
 * chapters (each plays its segment, framed on its event),
 * open presets 1-9 or the next or previous one, blank the screen, toggle talk mode, the help overlay and
 * fullscreen.
 */
import {
  leaveStory,
  linkView,
  moveChapter,
  moveStory,
  openPreset,
  toggleLinkPanel,
  viewport,
} from "../../app/page";
import { PRESETS } from "../../engine/scenario/presets";
import type { TalkAction } from "../playback/keys";
import { runZoomAction } from "../views/viewport-moves";

export const TALK_PANEL = "talk";
export const HELP_PANEL = "help";

function toggleFullscreen(): void {
  if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
  // A refused request (no user gesture, or an embedding page forbids it) leaves the window as it is.
  else void document.documentElement.requestFullscreen?.().catch(() => {});
}

/** The preset `by` places from the open one in the gallery's order (from the first, or the last, without one). */
function presetBeside(by: 1 | -1): (typeof PRESETS)[number] {
  const at = PRESETS.findIndex((p) => p.id === linkView.getState().preset);
  const from = at < 0 ? (by > 0 ? -1 : 0) : at;
  return PRESETS[(from + by + PRESETS.length) % PRESETS.length];
}

export function runTalkAction(action: TalkAction): void {
  switch (action) {
    case "zoomIn":
    case "zoomOut":
    case "panLeft":
    case "panRight":
    case "reset":
      runZoomAction(action);
      return;
    case "nextPreset":
      openPreset(presetBeside(1));
      return;
    case "prevPreset":
      openPreset(presetBeside(-1));
      return;
    case "blank":
      viewport.setState({ blank: !viewport.getState().blank });
      return;
    case "prevChapter":
      if (linkView.getState().story > 0) moveStory(-1);
      else moveChapter(-1);
      return;
    case "nextChapter":
      if (linkView.getState().story > 0) moveStory(1);
      else moveChapter(1);
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
      if (viewport.getState().blank) viewport.setState({ blank: false });
      else if (linkView.getState().panels.includes(HELP_PANEL)) toggleLinkPanel(HELP_PANEL);
      // A dialog open over the story (presets, glossary) closes first, on its own.
      else if (linkView.getState().story > 0 && !document.querySelector('[aria-modal="true"]')) leaveStory();
      return;
    default: {
      const preset = PRESETS[Number(action.slice("preset".length)) - 1];
      if (preset) openPreset(preset);
    }
  }
}
