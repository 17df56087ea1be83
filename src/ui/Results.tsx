import { useRun } from "../app/session";
import type { ShownRun } from "../app/store";
import type { Scenario } from "../engine/scenario/scenario";
import { formatInt, formatPercent } from "./format";
import { HashCheck } from "./HashCheck";
import { MetricsGrid } from "./MetricsGrid";
import { UtilizationChart } from "./UtilizationChart";
import "./results.css";

const SCHEDULER_NAMES: Readonly<Record<Scenario["scheduler"], string>> = {
  sequential: "Sequential",
  blockstm: "Block-STM",
  batched: "Batched",
};

const plural = (n: number, one: string): string => `${formatInt(n)} ${one}${n === 1 ? "" : "s"}`;

/** Workers per shard the run actually used (the sequential scheduler uses one whatever the knob says). */
const workersPerShard = (run: ShownRun): number => run.result.lanes / run.scenario.shards;

/** One line naming what was run, so a figure is never separated from its scenario. */
function describeRun(run: ShownRun): string {
  const s = run.scenario;
  const workers = plural(workersPerShard(run), "worker");
  const block = s.source === "mod3mod4" ? "teaching block (j mod 3 / j mod 4)" : `seed ${s.seed}`;
  const layout = s.shards > 1 ? `${plural(s.shards, "shard")} × ${workers}, ${s.crossShard}` : workers;
  return `${plural(s.txs, "transaction")} · ${SCHEDULER_NAMES[s.scheduler]} · ${layout} · ${block}`;
}

export function Results() {
  const shown = useRun((s) => s.shown);
  const running = useRun((s) => s.running);
  const progress = useRun((s) => s.progress);
  const error = useRun((s) => s.error);
  const invalid = useRun((s) => s.issues.length > 0);

  return (
    <section className="results" aria-labelledby="results-title" aria-busy={running}>
      <div className="results-head">
        <h2 id="results-title">Result</h2>
        {shown && (
          <p className="run-summary" data-testid="run-summary">
            {describeRun(shown)}
          </p>
        )}
      </div>
      <div className="run-status" data-testid="run-status">
        {running ? (
          <>
            <progress max={1} value={progress} aria-label="Run progress" />
            <span>Running… {formatPercent(progress)}</span>
          </>
        ) : (
          shown && <span className="muted">Simulated in {formatInt(shown.computeMs)} ms in this browser</span>
        )}
      </div>
      {invalid && shown && (
        <p className="stale-note" data-testid="stale-note">
          Showing the last valid run. Fix the marked field to run again.
        </p>
      )}
      {error && (
        <p className="run-error" role="alert" data-testid="run-error">
          {error}
        </p>
      )}
      {shown ? (
        <RunView run={shown} />
      ) : (
        !error && (
          <p className="muted placeholder">
            {invalid ? "Fix the marked field to run the scenario." : "Running the first scenario…"}
          </p>
        )
      )}
    </section>
  );
}

function RunView({ run }: { run: ShownRun }) {
  return (
    <>
      <HashCheck result={run.result} />
      <MetricsGrid metrics={run.metrics} scenario={run.scenario} />
      <UtilizationChart utilization={run.metrics.laneUtilization} workersPerShard={workersPerShard(run)} />
    </>
  );
}
