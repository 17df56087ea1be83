import { useRun } from "../app/page";
import { runNames } from "../engine/analysis/explain";
import { unsafeLesson } from "../engine/analysis/unsafe";
import { isUnsafe, SCHEDULER_LABELS } from "../engine/scenario/scenario";

/**
 * The lesson of an unsafe run, right under the header: which updates were lost, the supply check, and
 * another worker count's state. Every sentence is computed from the run (engine/analysis/unsafe.ts).
 */
export function UnsafeNote() {
  const shown = useRun((s) => s.shown);
  if (!shown || !isUnsafe(shown.scenario.scheduler)) return null;
  const result = shown.result;
  return (
    <section className="unsafe-note" data-testid="unsafe-note" aria-label="What went wrong">
      <p className="unsafe-title">
        <span aria-hidden="true">⚠</span> {SCHEDULER_LABELS[shown.scenario.scheduler]}: no validation, no
        ordering. This is what goes wrong without them.
      </p>
      <ul>
        {unsafeLesson(result, runNames(result)).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </section>
  );
}
