/**
 * The playback keys: one table, so talk-mode keys (a clicker's Page Up/Down, chapter keys) can join it.
 * Keys typed into a field stay with the field.
 */
import { useEffect } from "react";
import { playback } from "../../app/page";
import type { PlaybackState } from "../../app/playback";
import { nudgeSpeed } from "./playback-format";

export type PlaybackAction =
  | "toggle"
  | "stepPrev"
  | "stepNext"
  | "slower"
  | "faster"
  | "nextAbort"
  | "restart";
/**
 * Keys for the talk: chapters (a clicker sends Page Up/Down), presets 1-9 and the next or previous one (so
 * every preset is a key away), a blank screen (a clicker's "b" or "."), fullscreen, help, talk mode.
 */
export type PresetKey = `preset${1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9}`;
export type TalkAction =
  | ZoomAction
  | "prevChapter"
  | "nextChapter"
  | "nextPreset"
  | "prevPreset"
  | "blank"
  | "fullscreen"
  | "help"
  | "talk"
  | "close"
  | PresetKey;
/**
 * Perfetto's keys for the view the pointer was last over (the lanes' time window, or the graph): W/S zoom
 * in and out, A/D pan, 0 back to the whole.
 */
export type ZoomAction = "zoomIn" | "zoomOut" | "panLeft" | "panRight" | "reset";
export type KeyAction = PlaybackAction | TalkAction;

const PLAYBACK_ACTIONS: ReadonlySet<string> = new Set<PlaybackAction>([
  "toggle",
  "stepPrev",
  "stepNext",
  "slower",
  "faster",
  "nextAbort",
  "restart",
]);

export function isPlaybackAction(a: KeyAction): a is PlaybackAction {
  return PLAYBACK_ACTIONS.has(a);
}

export const KEYMAP: Readonly<Record<string, KeyAction>> = {
  " ": "toggle",
  ArrowLeft: "stepPrev",
  ArrowRight: "stepNext",
  "[": "slower",
  "]": "faster",
  x: "nextAbort",
  w: "zoomIn",
  s: "zoomOut",
  a: "panLeft",
  d: "panRight",
  "0": "reset",
  Home: "restart",
  PageUp: "prevChapter",
  PageDown: "nextChapter",
  n: "nextPreset",
  p: "prevPreset",
  b: "blank",
  B: "blank",
  ".": "blank",
  f: "fullscreen",
  F: "fullscreen",
  "?": "help",
  t: "talk",
  Escape: "close",
  "1": "preset1",
  "2": "preset2",
  "3": "preset3",
  "4": "preset4",
  "5": "preset5",
  "6": "preset6",
  "7": "preset7",
  "8": "preset8",
  "9": "preset9",
};

/** What each key does, for the help overlay (in the order it lists them). */
export const KEY_HELP: readonly (readonly [keys: string, what: string])[] = [
  ["Space", "play / pause"],
  ["← →", "step to the previous / next event"],
  ["[ ]", "slower / faster"],
  ["x", "jump to the next abort"],
  [
    "w s",
    "zoom in / out the lanes (about the playhead) or the graph, whichever the pointer was last over; Ctrl + wheel zooms about the pointer",
  ],
  ["a d", "pan the lanes earlier / later, or the graph left / right (or drag either)"],
  ["0", "show the whole run on the lanes, or the whole graph"],
  ["Home", "back to the start"],
  ["Page Up / Page Down", "previous / next chapter, or story step (a presentation clicker)"],
  ["1 – 9", "open preset 1 to 9"],
  ["n p", "next / previous preset (after the last chapter comes the next preset)"],
  ["b or .", "blank the screen, and back (a clicker's blank key)"],
  ["t", "talk mode on / off"],
  ["f", "fullscreen (Esc leaves)"],
  ["?", "this help"],
  ["Esc", "close this help, end a blank screen, or leave the guided story"],
];

/** The parts of a keydown the table looks at (a KeyboardEvent has them). */
export interface KeyPress {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  readonly target: EventTarget | null;
}

const prop = (target: EventTarget | null, name: string): unknown =>
  target && name in target ? Reflect.get(target, name) : undefined;

const TEXT_INPUTS = new Set(["text", "number", "search", "email", "url", "tel", "password"]);

/** The action a key press asks for, or null when it belongs to someone else. */
export function actionFor(e: KeyPress): KeyAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  const action = KEYMAP[e.key] ?? null;
  if (!action) return null;
  const tag = String(prop(e.target, "tagName") ?? "").toLowerCase();
  const type = String(prop(e.target, "type") ?? "text");
  if (tag === "textarea" || tag === "select" || prop(e.target, "isContentEditable") === true) return null;
  if (tag === "input") {
    if (TEXT_INPUTS.has(type)) return null;
    // A focused slider keeps its arrow keys.
    if (type === "range" && (action === "stepPrev" || action === "stepNext")) return null;
  }
  return action;
}

export function runAction(action: PlaybackAction, s: PlaybackState): void {
  switch (action) {
    case "toggle":
      s.toggle();
      break;
    case "stepPrev":
      s.stepPrev();
      break;
    case "stepNext":
      s.stepNext();
      break;
    case "slower":
      s.setSpeed(nudgeSpeed(s.speed, -1));
      break;
    case "faster":
      s.setSpeed(nudgeSpeed(s.speed, 1));
      break;
    case "nextAbort":
      s.nextAbort();
      break;
    case "restart":
      s.restart();
      break;
  }
}

/**
 * Listens on the window for the playback keys while mounted; the talk keys go to `onTalk` (the talk
 * module's handler; without one they do nothing).
 */
export function usePlaybackKeys(onTalk?: (action: TalkAction) => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const action = actionFor(e);
      if (!action) return;
      if (isPlaybackAction(action)) {
        // Space would also click a focused button or scroll the page.
        e.preventDefault();
        runAction(action, playback.getState());
      } else if (onTalk) {
        if (action !== "close") e.preventDefault();
        onTalk(action);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onTalk]);
}
