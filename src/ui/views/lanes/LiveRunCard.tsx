import { useRun } from "../../../app/page";
import { formatPercent } from "../../format";
import "../side-card.css";
import "./live-lanes.css";

/**
 * The side column while a live run is in flight: how far it is, on how many threads, and that the last
 * finished run's caption, metrics and charts stand aside until it ends (a speaker never shows old figures
 * beside a run in progress).
 */
export function LiveRunCard() {
  const progress = useRun((s) => s.progress);
  const threads = useRun((s) => s.live?.view.lanes);
  const on = threads ? `, on ${threads} ${threads === 1 ? "thread" : "threads"} of this machine` : "";
  return (
    <section className="side-card" aria-labelledby="live-run-title" data-testid="live-run-card">
      <h2 id="live-run-title" className="side-title">
        Live run in flight <span className="live-badge">measured</span>
      </h2>
      <p>
        <strong data-testid="live-run-done">{formatPercent(progress)}</strong> done, counting every
        transaction committed by the warm-up and the timed repetitions of the sequential and the parallel run
        {on}.
      </p>
      <p className="side-note">
        The last finished run's caption, metrics and charts are hidden while this one runs: this run's
        measured figures and its replay follow when it ends.
      </p>
    </section>
  );
}
