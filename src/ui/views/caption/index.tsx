import { useMemo } from "react";
import { usePlayback } from "../../../app/page";
import type { ShownRun } from "../../../app/store";
import { captionRunOf, momentCaption, schedulerCaption } from "../../../engine/analysis/caption";
import "../side-card.css";
import "./caption.css";

/** "What you are seeing": what the scheduler does, and what is happening at the playhead and why. */
export function Caption({ run }: { run: ShownRun }) {
  const input = useMemo(() => captionRunOf(run.result, run.scenario), [run]);
  // The sentence itself is selected: the card renders only when it changes.
  const moment = usePlayback((s) => momentCaption(input, s.time));
  return (
    <section className="side-card caption" aria-labelledby="caption-title" data-testid="caption">
      <h2 id="caption-title" className="side-title">
        What you are seeing
      </h2>
      <p className="caption-moment" data-testid="caption-moment">
        {moment}
      </p>
      <p className="caption-scheduler" data-testid="caption-scheduler">
        {schedulerCaption(input)}
      </p>
    </section>
  );
}
