import { useLiveSweep } from "../../../app/jobs";
import type { ShownRun } from "../../../app/store";
import { SvgChart } from "./SvgChart";
import { drawThreadSweep, threadPointText } from "./thread-chart";

const HEIGHT = 170;

/**
 * The measured counterpart of the simulated chart above: the shown block run live over 1..N threads on this
 * machine, started by the user (it takes seconds and the cores), with progress and a Cancel button.
 */
export function ThreadSweep({ run, simulatedSweep }: { run: ShownRun; simulatedSweep: boolean }) {
  const sweep = useLiveSweep(run.scenario, simulatedSweep);
  const { points, plan, running } = sweep.state;
  const shown = sweep.current ? points : [];

  const cores = `${sweep.cores} core${sweep.cores === 1 ? "" : "s"}`;
  return (
    <div className="ct-measured-sweep" data-testid="thread-sweep">
      <h3 className="ct-subtitle">Measured on this machine: speedup against threads</h3>
      <p className="ct-note">
        Live runs of this block on 1 to {sweep.cores} threads ({cores} found), each point the median of its
        timed repetitions with their range: measured speedup over the measured sequential run, not simulated.
      </p>
      <div className="ct-sweep-actions">
        {running ? (
          <button type="button" className="button" onClick={sweep.cancel}>
            Cancel
          </button>
        ) : (
          <button type="button" className="button" disabled={sweep.refusal !== null} onClick={sweep.start}>
            Measure 1–{plan.at(-1) ?? sweep.cores} threads
          </button>
        )}
        {running && (
          <span className="ct-progress" data-testid="thread-sweep-progress">
            <progress
              max={plan.length}
              value={points.length + sweep.state.progress}
              aria-label="Measured sweep progress"
            />{" "}
            Measuring {points.length + 1} of {plan.length} thread counts…
          </span>
        )}
        {!running && sweep.refusal && <span className="ct-note">{sweep.refusal}</span>}
        {!running && sweep.current && sweep.state.cancelled && (
          <span className="ct-note" data-testid="thread-sweep-cancelled">
            Cancelled after {points.length} of {plan.length} thread counts.
          </span>
        )}
        {sweep.current && sweep.state.error && (
          <span className="ct-error" role="alert">
            {sweep.state.error}
          </span>
        )}
      </div>
      <figure>
        <SvgChart
          height={HEIGHT}
          label={`Measured speedup over measured sequential against threads: ${shown.length > 0 ? shown.map(threadPointText).join("; ") : "nothing measured yet"}`}
          draw={(svg, width, height) => drawThreadSweep(svg, shown, plan, width, height)}
        />
        <figcaption className="ct-note">
          <span className="ct-measured-key" aria-hidden="true" /> measured: median of the repetitions; the bar
          is their range
        </figcaption>
      </figure>
    </div>
  );
}
