/**
 * Talk mode: a presenter view for a 1280x720 projector. Large type and high contrast; the header and the
 * playback bar float over the stage and fade after a few idle seconds, coming back on a mouse move or a
 * key, so nothing on the stage ever moves for them. The preset's chapter caption is shown large with
 * "chapter 2/4" in a card of fixed height; Page Up/Down (a clicker) moves between chapters.
 */
import { useEffect } from "react";
import { useStore } from "zustand";
import { linkView, moveChapter, useViewport } from "../../app/page";
import { findPreset } from "../../engine/scenario/presets";
import { CloseButton } from "../dialog";
import { KEY_HELP } from "../playback/keys";
import { HELP_PANEL, runTalkAction, TALK_PANEL } from "./talk-actions";
import "./talk.css";

export { runTalkAction };

/** Controls come back for this long after the last mouse move or key. */
const IDLE_MS = 2500;

export function useTalkMode(): boolean {
  const talk = useStore(linkView, (s) => s.panels.includes(TALK_PANEL));
  useEffect(() => {
    const root = document.documentElement;
    if (!talk) return;
    root.classList.add("talk");
    let timer: ReturnType<typeof setTimeout> | undefined;
    const wake = (): void => {
      root.classList.remove("talk-idle");
      clearTimeout(timer);
      timer = setTimeout(() => root.classList.add("talk-idle"), IDLE_MS);
    };
    wake();
    const events = ["mousemove", "pointerdown", "keydown"] as const;
    for (const e of events) window.addEventListener(e, wake);
    return () => {
      clearTimeout(timer);
      for (const e of events) window.removeEventListener(e, wake);
      root.classList.remove("talk", "talk-idle");
    };
  }, [talk]);
  return talk;
}

/**
 * The preset's current chapter: its lesson (chapter 0) or caption, and buttons for mouse users. Shown in
 * talk mode and out of it, so a preset's lesson is never hidden; it changes only when the user moves.
 */
export function ChapterCard() {
  const id = useStore(linkView, (s) => s.preset);
  const chapter = useStore(linkView, (s) => s.chapter);
  const preset = id ? findPreset(id) : undefined;
  if (!preset) return null;
  const n = preset.chapters.length;
  const caption = chapter === 0 ? preset.lesson : (preset.chapters[chapter - 1]?.caption ?? "");
  return (
    <section className="chapter-card" aria-label="Chapter" aria-live="polite" data-testid="chapter-card">
      <p className="chapter-title">
        <strong>{preset.title}</strong>
        <span data-testid="chapter-count">{chapter === 0 ? `${n} chapters` : `chapter ${chapter}/${n}`}</span>
      </p>
      <p className="chapter-caption" data-testid="chapter-caption">
        {caption}
      </p>
      <div className="chapter-nav">
        <button type="button" className="pill" onClick={() => moveChapter(-1)} disabled={chapter === 0}>
          ← Previous
        </button>
        <button type="button" className="pill" onClick={() => moveChapter(1)} disabled={chapter === n}>
          {chapter === 0 ? "Start" : "Next"} →
        </button>
      </div>
    </section>
  );
}

/** The presenter's blank screen ("b" or "." on a clicker): black over everything until pressed again. */
export function BlankScreen() {
  const blank = useViewport((s) => s.blank);
  if (!blank) return null;
  return <div className="blank-screen" data-testid="blank-screen" aria-hidden="true" />;
}

export function HelpOverlay() {
  const open = useStore(linkView, (s) => s.panels.includes(HELP_PANEL));
  if (!open) return null;
  return (
    <div className="help-backdrop">
      <section
        className="help-overlay"
        role="dialog"
        aria-modal="true"
        aria-label="Keyboard keys"
        data-testid="help-overlay"
      >
        <h2>Keys</h2>
        <dl>
          {KEY_HELP.map(([keys, what]) => (
            <div key={keys}>
              <dt>
                <kbd>{keys}</kbd>
              </dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
        <CloseButton onClose={() => runTalkAction("help")} />
      </section>
    </div>
  );
}
