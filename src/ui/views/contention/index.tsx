import { useState } from "react";
import { type SweepAxis, useSweep } from "../../../app/jobs";
import type { ShownRun } from "../../../app/store";
import { formatInt, formatTimes, plural } from "../../format";
import { useOnScreen } from "../use-on-screen";
import { ACCOUNTS_DOMAIN, type ContentionData, drawContention, SKEW_DOMAIN } from "./contention-chart";
import { SvgChart } from "./SvgChart";
import { mostContended, SERIES, SERIES_ORDER, type SeriesStyle, seriesOf } from "./series";
import { ThreadSweep } from "./ThreadSweep";
import "../side-card.css";
import "./contention.css";

const HEIGHT = 210;

function LineKey({ style }: { style: SeriesStyle }) {
  return (
    <svg width="26" height="10" aria-hidden="true" className="ct-key">
      <line
        x1="1"
        x2="25"
        y1="5"
        y2="5"
        stroke={`var(--${style.color})`}
        strokeDasharray={style.dash || undefined}
      />
    </svg>
  );
}

/** Where the shown run sits on the axis, or why it has no place there. */
function markerOf(run: ShownRun, axis: SweepAxis): { marker: ContentionData["marker"]; note: string | null } {
  const s = run.scenario;
  // An opened file runs under a placeholder source: it is a real block too.
  if (s.source !== "synthetic" || run.upload) {
    return {
      marker: null,
      note: "The shown block is not synthetic, so it has no place on this axis: the sweep runs synthetic blocks with the other knobs of the scenario.",
    };
  }
  const value = s[axis];
  const [lo, hi] = axis === "skew" ? SKEW_DOMAIN : ACCOUNTS_DOMAIN;
  const outside = value < lo || value > hi ? ` (its ${axis}, ${formatInt(value)}, is drawn at the edge)` : "";
  return {
    marker: { value, speedup: run.metrics.speedup },
    note: outside ? `The ring marks this run${outside}.` : null,
  };
}

/** Speedup over sequential against contention for every scheduler, computed in the background. */
export function ContentionChart({ run }: { run: ShownRun }) {
  const [axis, setAxis] = useState<SweepAxis>("skew");
  const [sectionRef, onScreen] = useOnScreen<HTMLElement>();
  const sweep = useSweep(run.scenario, axis, onScreen);
  const series = seriesOf(sweep.points);
  const { marker, note } = markerOf(run, axis);
  const data: ContentionData = { axis, series, marker };

  // The sweep's parallel schedulers run on the scenario's workers, whatever scheduler the shown run used.
  const workers = plural(run.scenario.workers, "worker");
  const sharded = run.scenario.shards > 1;
  const total = sweep.plan.tasks.length;
  const worst = sweep.running ? null : mostContended(sweep.points, axis);
  const where = axis === "skew" ? `skew ${worst?.value}` : `${formatInt(worst?.value ?? 0)} accounts`;
  return (
    <section
      ref={sectionRef}
      className="side-card contention"
      aria-labelledby="ct-title"
      data-testid="contention"
    >
      <h2 id="ct-title" className="side-title">
        Speedup under contention
      </h2>
      <div className="ct-axis-choice" role="radiogroup" aria-label="Contention axis">
        {(["skew", "accounts"] as const).map((a) => (
          <label key={a}>
            <input type="radio" name="ct-axis" value={a} checked={axis === a} onChange={() => setAxis(a)} />
            {a === "skew" ? "Skew" : "Accounts"}
          </label>
        ))}
      </div>
      <figure>
        <SvgChart
          height={HEIGHT}
          label={`Speedup over sequential against ${axis} for each scheduler, ${workers}${sharded ? " per shard" : ""}`}
          draw={(svg, width, height) => drawContention(svg, data, width, height)}
        />
        <ul className="ct-legend">
          {SERIES_ORDER.map((id) => (
            <li key={id}>
              <LineKey style={SERIES[id]} />
              {SERIES[id].label}
            </li>
          ))}
          <li>
            <span className="ct-ring" aria-hidden="true" />
            this run
          </li>
        </ul>
        <figcaption>
          {sweep.waiting && (
            <span className="ct-progress" data-testid="contention-waiting">
              The {total} runs start when this chart is on screen.{" "}
            </span>
          )}
          {sweep.running && !sweep.waiting && (
            <span className="ct-progress" data-testid="contention-progress">
              <progress max={total} value={sweep.points.length} aria-label="Sweep progress" /> Computing{" "}
              {sweep.points.length} of {total} runs…
            </span>
          )}
          {sweep.error && (
            <span className="ct-error" role="alert">
              {sweep.error}
            </span>
          )}
          Each point is a simulated run of {formatInt(sweep.plan.base.txs)} synthetic transactions on{" "}
          {workers}
          {sharded ? ` per shard, ${run.scenario.shards} shards` : ""}. In the Block-STM paper's benchmark of
          transfers (Gelashvili et al., PPoPP 2023) speedup falls as contention rises, and with 2 accounts,
          where nearly every transaction conflicts, Block-STM stays close to sequential: this chart reproduces
          that shape.
          {worst && (
            <span data-testid="contention-summary">
              {" "}
              Here, at {where}, Block-STM reaches {formatTimes(worst.speedup)}.
            </span>
          )}
          {note && ` ${note}`}
        </figcaption>
      </figure>
      <ThreadSweep run={run} simulatedSweep={sweep.running && !sweep.waiting} onScreen={onScreen} />
    </section>
  );
}
