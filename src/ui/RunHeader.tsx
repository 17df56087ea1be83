import { useRun } from "../app/page";
import type { ShownRun } from "../app/store";
import { runLabel } from "../engine/scenario/scenario";
import { formatInt, formatPercent, plural } from "./format";
import { HashCheck } from "./HashCheck";
import { MEASURED_LABEL, useMeasuredCost } from "./MeasurePanel";
import "./run-status.css";

/** One line naming what was run, so a figure is never separated from its scenario. */
function describeRun(run: ShownRun): string {
  const s = run.scenario;
  // Workers per shard the run actually used (the sequential scheduler uses one whatever the knob says).
  const workers = plural(run.result.lanes / s.shards, "worker");
  const eth = run.result.eth;
  const block = eth
    ? `Ethereum block ${formatInt(eth.number)}`
    : s.source === "mod3mod4"
      ? "teaching block (j mod 3 / j mod 4)"
      : `seed ${s.seed}`;
  const layout = s.shards > 1 ? `${plural(s.shards, "shard")} × ${workers}, ${s.crossShard}` : workers;
  const agg = s.aggregators ? " · aggregators" : "";
  const corrupt = run.result.listTamper ? " · one list entry corrupted" : "";
  return `${plural(run.result.block.n, "transaction")} · ${runLabel(s)} · ${layout}${agg}${corrupt} · ${block}`;
}

interface Props {
  readonly drawerOpen: boolean;
  readonly onToggleDrawer: () => void;
}

/** The brand, the scenario button and summary chip, the run's progress or its correctness check. */
export function RunHeader({ drawerOpen, onToggleDrawer }: Props) {
  const shown = useRun((s) => s.shown);
  const running = useRun((s) => s.running);
  const progress = useRun((s) => s.progress);
  const stop = useRun((s) => s.stop);
  const measured = useMeasuredCost(shown);
  return (
    <header className="run-header">
      <div className="brand">
        <img src="favicon.svg" alt="" width={26} height={26} />
        <h1>TxLanes</h1>
      </div>
      <button
        type="button"
        className="drawer-toggle"
        aria-expanded={drawerOpen}
        aria-controls="scenario-drawer"
        aria-label="Scenario settings"
        title="Change the scenario: scheduler, workers, shards, workload"
        onClick={onToggleDrawer}
      >
        <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
          <path
            d="M2 4h7M13 4h1M2 12h1M7 12h7M9 2v4M5 10v4"
            stroke="currentColor"
            strokeWidth="1.6"
            fill="none"
          />
        </svg>
        <span>Scenario</span>
      </button>
      {shown && (
        <p className="run-summary" data-testid="run-summary">
          {describeRun(shown)}
          {measured && ` · cost model ${MEASURED_LABEL}`}
        </p>
      )}
      <div className="run-status" data-testid="run-status" aria-live="polite">
        {running ? (
          <>
            <progress max={1} value={progress} aria-label="Run progress" />
            <span>Running… {formatPercent(progress)}</span>
            <button type="button" className="button" onClick={stop} title="Stop the run in flight">
              Stop
            </button>
          </>
        ) : (
          shown && <HashCheck result={shown.result} />
        )}
      </div>
    </header>
  );
}

/** Why the page shows an older run, or why the latest run failed. */
export function RunNotes() {
  const shown = useRun((s) => s.shown);
  const error = useRun((s) => s.error);
  const invalid = useRun((s) => s.issues.length > 0);
  if (!error && !(invalid && shown)) return null;
  return (
    <div className="run-notes">
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
    </div>
  );
}
