import { useLiveSweep, useThreadSim } from "../../../app/jobs";
import type { ShownRun } from "../../../app/store";
import { plural } from "../../format";
import { SvgChart } from "./SvgChart";
import {
  drawThreadSweep,
  simPointText,
  THREAD_SERIES,
  type ThreadChartData,
  threadPointText,
} from "./thread-chart";

const HEIGHT = 170;

/** The legend's keys: the measured series a solid line with dots, the simulated one dashed with squares. */
function SeriesKey({ kind }: { kind: "measured" | "simulated" }) {
  return (
    <svg width="26" height="10" aria-hidden="true" className={`ct-key ct-key-${kind}`}>
      <line x1="1" x2="25" y1="5" y2="5" />
      {kind === "measured" ? (
        <circle cx="13" cy="5" r="3.5" />
      ) : (
        <rect x="9.5" y="1.5" width="7" height="7" />
      )}
    </svg>
  );
}

/**
 * The shown block run live over 1..N threads on this machine, started by the user (it takes seconds and the
 * cores), with progress and a Cancel button; beside it, computed once the chart is `onScreen`, the same block
 * and scheduler simulated at the same thread counts.
 */
export function ThreadSweep({
  run,
  simulatedSweep,
  onScreen,
}: {
  run: ShownRun;
  simulatedSweep: boolean;
  onScreen: boolean;
}) {
  const sim = useThreadSim(run, onScreen);
  const sweep = useLiveSweep(run, simulatedSweep || sim.running);
  const { points, running } = sweep.state;
  // The axis: the thread counts this machine's sweep measures (the sweep in flight has its own plan).
  const { plan } = sim;
  const planned = sweep.state.plan.length;
  const shown = sweep.current ? points : [];
  const data: ThreadChartData = { plan, measured: shown, simulated: sim.points };
  const label = [
    `Speedup over sequential against threads. Measured: ${shown.length > 0 ? shown.map(threadPointText).join("; ") : "nothing measured yet"}.`,
    `Simulated: ${sim.points.length > 0 ? sim.points.map(simPointText).join("; ") : "not computed yet"}.`,
  ].join(" ");

  const cores = plural(sweep.cores, "core");
  return (
    <div className="ct-measured-sweep" data-testid="thread-sweep">
      <h3 className="ct-subtitle">Speedup against threads: measured on this machine, and simulated</h3>
      <p className="ct-note">
        Live runs of this block on 1 to {sweep.cores} threads ({cores} found), each point the median of its
        timed repetitions with their range: measured speedup over the measured sequential run, not simulated.
        Beside them, the same block and scheduler simulated at each thread count: simulated speedup over the
        simulated sequential run.
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
              max={planned}
              value={points.length + sweep.state.progress}
              aria-label="Measured sweep progress"
            />{" "}
            Measuring {points.length + 1} of {planned} thread counts…
          </span>
        )}
        {sim.running && sim.points.length < plan.length && (
          <span className="ct-progress" data-testid="thread-sim-progress">
            <progress max={plan.length} value={sim.points.length} aria-label="Simulated sweep progress" />{" "}
            Simulating {sim.points.length + 1} of {plan.length} thread counts…{" "}
            <button type="button" className="button" onClick={sim.cancel}>
              Stop
            </button>
          </span>
        )}
        {sim.stopped && (
          <span className="ct-note" data-testid="thread-sim-stopped">
            Simulated series stopped after {sim.points.length} of {plan.length} thread counts.
          </span>
        )}
        {!running && sweep.refusal && <span className="ct-note">{sweep.refusal}</span>}
        {!running && sweep.current && sweep.state.cancelled && (
          <span className="ct-note" data-testid="thread-sweep-cancelled">
            Cancelled after {points.length} of {planned} thread counts.
          </span>
        )}
        {sweep.current && sweep.state.error && (
          <span className="ct-error" role="alert">
            {sweep.state.error}
          </span>
        )}
        {sim.error && (
          <span className="ct-error" role="alert">
            {sim.error}
          </span>
        )}
      </div>
      <figure>
        <SvgChart
          height={HEIGHT}
          label={label}
          draw={(svg, width, height) => drawThreadSweep(svg, data, width, height)}
        />
        <ul className="ct-legend" data-testid="thread-sweep-legend">
          {(["measured", "simulated"] as const).map((kind) => (
            <li key={kind}>
              <SeriesKey kind={kind} />
              {THREAD_SERIES[kind]}
            </li>
          ))}
        </ul>
      </figure>
    </div>
  );
}
