/**
 * The playback keys: one table, so talk-mode keys (a clicker's Page Up/Down, chapter keys) can join it.
 * Keys typed into a field stay with the field.
 */
import { useEffect } from "react";
import { type PlaybackState, playback } from "../../app/playback";
import { nudgeSpeed } from "./playback-format";

export type KeyAction = "toggle" | "stepPrev" | "stepNext" | "slower" | "faster" | "nextAbort" | "restart";

export const KEYMAP: Readonly<Record<string, KeyAction>> = {
  " ": "toggle",
  ".": "toggle",
  ArrowLeft: "stepPrev",
  ArrowRight: "stepNext",
  "[": "slower",
  "]": "faster",
  a: "nextAbort",
  Home: "restart",
};

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

export function runAction(action: KeyAction, s: PlaybackState): void {
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

/** Listens on the window for the playback keys while mounted. */
export function usePlaybackKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const action = actionFor(e);
      if (!action) return;
      // Space would also click a focused button or scroll the page.
      e.preventDefault();
      runAction(action, playback.getState());
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}
