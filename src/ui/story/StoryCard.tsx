/**
 * The guided story's card: the step, what its run shows (sentences computed from the run on screen), the
 * words it uses (tap or Enter shows a definition), one knob to try, and Back, Skip, Continue and Leave.
 * The card waits: nothing moves on until the viewer presses Continue (or Page Down on a clicker).
 */
import { useEffect, useMemo, useRef, useState } from "react";
import { GLOSSARY, type Term } from "../../app/glossary";
import {
  leaveStory,
  moveStory,
  openStory,
  runStore,
  useCompareSide,
  useLinkView,
  useRun,
} from "../../app/page";
import { STORY, type StoryNudge, type StoryScene, storyStep } from "../../app/story/steps";
import { sameScenario } from "../../engine/scenario/scenario-key";
import { CHOICE_DEFS, NUMBER_DEFS } from "../knob-defs";
import "./story.css";

/** The nudge as the knob panel names it: "Workers: 4 → 2". */
export function nudgeText(nudge: StoryNudge, from: string): string {
  const { knob, value } = nudge;
  if (knob in NUMBER_DEFS)
    return `${NUMBER_DEFS[knob as keyof typeof NUMBER_DEFS].label}: ${from} → ${value}`;
  const def = CHOICE_DEFS[knob as keyof typeof CHOICE_DEFS];
  const label = (v: string): string => def.options.find((o) => o.value === v)?.label ?? v;
  return `${def.label}: ${label(from)} → ${label(value)}`;
}

/** The terms of a step as buttons; the one pressed shows its definition under them. */
function Terms({ terms }: { terms: readonly Term[] }) {
  const [open, setOpen] = useState<Term | null>(null);
  return (
    <div className="story-terms">
      <span className="story-label">Words:</span>
      {terms.map((t) => (
        <button
          key={t}
          type="button"
          className="pill story-term"
          aria-expanded={open === t}
          aria-controls="story-definition"
          onClick={() => setOpen(open === t ? null : t)}
        >
          {GLOSSARY[t].term}
        </button>
      ))}
      {open && (
        <p id="story-definition" className="story-definition" data-testid="story-definition">
          <strong>{GLOSSARY[open].term}:</strong> {GLOSSARY[open].text}
        </p>
      )}
    </div>
  );
}

export function StoryCard() {
  const n = useLinkView((s) => s.story);
  const shown = useRun((s) => s.shown);
  const running = useRun((s) => s.running);
  const right = useCompareSide().right;
  const heading = useRef<HTMLHeadingElement>(null);
  const step = n > 0 ? storyStep(n) : null;
  // The step's own runs, once both are on screen (a changed knob or compare side makes them another run).
  const own = step !== null && shown !== null && sameScenario(shown.scenario, step.scenario);
  const target = step?.compare && shown ? { ...shown.scenario, ...step.compare } : null;
  const rightOwn = target === null || (right !== null && sameScenario(right.scenario, target));
  const ready = own && !running && rightOwn;
  const say = step?.say;
  const text = useMemo(
    () => (say && ready && shown ? say(shown.result, right?.result ?? null) : []),
    [say, ready, shown, right],
  );
  // Opening the story (from the button, a link or a key) takes the focus to the step, unless it is in the
  // card; leaving it gives the focus back to the Start here button, if the card had it.
  const open = n > 0;
  useEffect(() => {
    if (!open) return;
    const card = heading.current?.closest(".story-card");
    if (!card?.contains(document.activeElement)) heading.current?.focus();
    return () => {
      if (card?.contains(document.activeElement) || document.activeElement === document.body)
        document.querySelector<HTMLElement>('[data-testid="story-start"]')?.focus();
    };
  }, [open]);
  if (!step) return null;
  const last = step.n === STORY.length;
  const from = String(step.scenario[step.nudge.knob]);
  const next = (): void => {
    if (ready) moveStory(1);
  };
  return (
    <section className="story-card" aria-label="Guided story" data-testid="story-card">
      <div className="story-head">
        <h2 className="story-title" ref={heading} tabIndex={-1}>
          <span className="story-count" data-testid="story-count">
            Step {step.n} of {STORY.length}
          </span>
          {step.title}
        </h2>
        <nav className="story-nav" aria-label="Story steps">
          <button type="button" className="pill" onClick={() => moveStory(-1)} disabled={step.n === 1}>
            ← Back
          </button>
          <button type="button" className="pill" onClick={() => moveStory(1)} disabled={last}>
            Skip
          </button>
          <button
            type="button"
            className="pill story-continue"
            onClick={next}
            aria-disabled={!ready}
            title={ready ? undefined : "Continue once this step's run is shown"}
          >
            {last ? "Finish" : "Continue →"}
          </button>
          <button type="button" className="pill" onClick={leaveStory} title="Leave the story (Esc)">
            Leave
          </button>
        </nav>
      </div>
      <div className="story-text" aria-live="polite" data-testid="story-text">
        {ready ? (
          text.map((t) => <p key={t}>{t}</p>)
        ) : own || running ? (
          <p className="story-wait">Running this step's scenario…</p>
        ) : (
          <p className="story-wait" data-testid="story-changed">
            The run on screen is yours now, not this step's: see what moved in the figures, or go back to the
            step's own run.{" "}
            <button type="button" className="pill" onClick={() => openStory(step.n)}>
              Back to this step's run
            </button>
          </p>
        )}
      </div>
      <div className="story-extras">
        <Terms key={step.n} terms={step.terms} />
        <p className="story-try">
          <span className="story-label">Try it:</span> {nudgeText(step.nudge, from)}, and watch{" "}
          {step.nudge.watch}.{" "}
          <button
            type="button"
            className="pill"
            data-testid="story-try"
            onClick={() => runStore.getState().edit(step.nudge.knob, step.nudge.value)}
          >
            Try it
          </button>
        </p>
      </div>
    </section>
  );
}

/** What the stage shows: the open step's scene, or every view when the story is closed. */
export function useStoryScene(): StoryScene {
  const n = useLinkView((s) => s.story);
  return n > 0 ? storyStep(n).scene : "all";
}
