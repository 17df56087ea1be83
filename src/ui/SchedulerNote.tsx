import { useState } from "react";
import { useLinkView, useRun } from "../app/page";
import { storyStep } from "../app/story/steps";
import { runNames } from "../engine/analysis/explain";
import { listLesson } from "../engine/analysis/list-size";
import { unsafeLesson } from "../engine/analysis/unsafe";
import { isUnsafe, SCHEDULER_LABELS } from "../engine/scenario/scenario";
import { sameScenario } from "../engine/scenario/scenario-key";

/**
 * Right under the header, what only some schedulers have to say, every sentence computed from the run
 * (engine/analysis): an unsafe run's losses, supply check and other worker count; a block access list's
 * size and whether the block checked out against it. A story step showing its own run says the same in
 * its card (its sentences use the same functions), so the note gives way to it.
 */
export function SchedulerNote() {
  const shown = useRun((s) => s.shown);
  const story = useLinkView((s) => s.story);
  if (!shown) return null;
  if (story > 0 && sameScenario(shown.scenario, storyStep(story).scenario)) return null;
  const { result, scenario } = shown;
  if (isUnsafe(scenario.scheduler))
    return (
      <section className="scheduler-note unsafe-note" data-testid="unsafe-note" aria-label="What went wrong">
        <p className="note-title">
          <span aria-hidden="true">⚠</span> {SCHEDULER_LABELS[scenario.scheduler]}: no validation, no
          ordering. This is what goes wrong without them.
        </p>
        <NoteLines lines={unsafeLesson(result, runNames(result))} />
      </section>
    );
  const list = listLesson(result, runNames(result));
  if (list.length === 0) return null;
  return (
    <section className="scheduler-note" data-testid="list-note" aria-label="Block access list">
      <NoteLines lines={list} />
    </section>
  );
}

/** Lines a note shows before "Show all": the stage keeps its height under a long note (a bad list's five). */
const FIRST_LINES = 2;

/** A note's lines, the first few shown and the rest one press away (the header's warning says the verdict). */
function NoteLines({ lines }: { lines: readonly string[] }) {
  const [all, setAll] = useState(false);
  const long = lines.length > FIRST_LINES + 1;
  return (
    <>
      <ul>
        {lines.map((line, i) => (
          <li key={line} hidden={long && !all && i >= FIRST_LINES}>
            {line}
          </li>
        ))}
      </ul>
      {long && (
        <button type="button" className="note-more" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? "Show fewer" : `Show all ${lines.length} lines`}
        </button>
      )}
    </>
  );
}
