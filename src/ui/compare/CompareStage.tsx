/**
 * Two runs of the same block side by side on one playhead: each side's lanes (and shards) and figures,
 * and a line with the difference between them. The right side's scheduler, workers and shards are
 * edited here (they are the compare patch of the link).
 */
import { useMemo, useState } from "react";
import { FLAG_KNOBS } from "../../app/knobs";
import { linkView, useCompareRun, useCompareSide } from "../../app/page";
import type { ShownRun } from "../../app/store";
import { captionRunOf, momentCaption } from "../../engine/analysis/caption";
import { invalidSince } from "../../engine/analysis/list-check";
import { countUpTo } from "../../engine/analysis/log-index";
import { analyzeRun } from "../../engine/analysis/run-analysis";
import { RANGES } from "../../engine/scenario/ranges";
import {
  CROSS_SHARD,
  corruptsList,
  runLabel,
  SCHEDULER_LABELS,
  SCHEDULERS,
  type Scenario,
} from "../../engine/scenario/scenario";
import type { ScenarioPatch } from "../../engine/scenario/view-state";
import { formatDuration, formatInt, formatPercent, formatTimes, plural } from "../format";
import { CORRUPT_LIST_OFF, FLAG_DEFS } from "../knob-defs";
import { DependencyGraph } from "../views/graph";
import { WorkerLanes } from "../views/lanes";
import { ShardsView } from "../views/shards";
import { useMoment } from "../views/use-moment";
import "./compare.css";

function describeSide(s: Scenario): string {
  const shards =
    s.shards > 1 ? ` · ${s.shards} shards (${s.crossShard}, locality ${formatPercent(s.locality)})` : "";
  const agg = s.aggregators ? " · aggregators" : "";
  const corrupt = corruptsList(s) ? " · one list entry corrupted" : "";
  return `${runLabel(s)} · ${plural(s.workers, "worker")}${shards}${agg}${corrupt}`;
}

/** How the right run differs from the left one: time ratio, aborts, time. */
export function compareLine(left: ShownRun, right: ShownRun): string {
  const a = left.metrics;
  const b = right.metrics;
  const ratio = a.elapsedUs / b.elapsedUs;
  const faster =
    Math.abs(ratio - 1) < 0.005
      ? "Right takes the same time as left"
      : ratio > 1
        ? `Right is ${formatTimes(ratio)} faster than left`
        : `Right is ${formatTimes(1 / ratio)} slower than left`;
  return `${faster}: ${formatDuration(b.elapsedUs)} vs ${formatDuration(a.elapsedUs)} · speedup over sequential ${formatTimes(b.speedup)} vs ${formatTimes(a.speedup)} · aborts ${formatInt(b.aborts)} vs ${formatInt(a.aborts)}`;
}

/**
 * One side: its figures, what is happening on it now (the caption), its dependency graph, shards and lanes.
 * Both sides share the playhead and one time axis; each counts transactions (a receipt run's legs are
 * not transactions), and a side that has ended keeps its final count.
 */
function SideView({ run, side }: { run: ShownRun; side: "left" | "right" }) {
  const time = useMoment();
  const caption = useMemo(() => captionRunOf(run.result, run.scenario), [run]);
  // Once a bal block has disagreed with its list it is invalid: none of its transactions is final.
  const invalid = useMemo(() => invalidSince(run.result.log), [run]) <= time;
  const final = invalid ? 0 : countUpTo(analyzeRun(run.result).index.finalTimes, time);
  const m = run.metrics;
  return (
    <section
      className={run.scenario.shards > 1 ? "compare-side sharded" : "compare-side"}
      aria-label={`${side} run`}
      data-testid={`compare-${side}`}
    >
      <header>
        <strong>{side === "left" ? "Left" : "Right"}</strong>
        <span>{describeSide(run.scenario)}</span>
      </header>
      <dl className="compare-figures">
        <div>
          <dt>Time ({m.clock})</dt>
          <dd data-testid={`compare-${side}-time`}>{formatDuration(m.elapsedUs)}</dd>
        </div>
        <div>
          <dt>Speedup</dt>
          <dd data-testid={`compare-${side}-speedup`}>{formatTimes(m.speedup)}</dd>
        </div>
        <div>
          <dt>Aborts</dt>
          <dd>{formatInt(m.aborts)}</dd>
        </div>
        <div>
          <dt>Transactions final</dt>
          <dd data-testid={`compare-${side}-committed`}>
            {formatInt(final)} / {formatInt(m.txs)}
            {invalid && " (block invalid)"}
          </dd>
        </div>
      </dl>
      <p className="compare-caption" data-testid={`compare-${side}-caption`}>
        {momentCaption(caption, time)}
      </p>
      <DependencyGraph run={run} />
      {run.scenario.shards > 1 && <ShardsView run={run} />}
      <WorkerLanes run={run} />
    </section>
  );
}

function RightControls({ patch, left }: { patch: ScenarioPatch; left: Scenario }) {
  const right = { ...left, ...patch };
  // Text that is not a number yet stays in the field; a number goes to the patch (the checker judges it).
  const [typing, setTyping] = useState<{ workers?: string; shards?: string }>({});
  const set = (fields: ScenarioPatch): void => linkView.setState({ compare: { ...patch, ...fields } });
  const number = (text: string, field: "workers" | "shards"): void => {
    const n = Number(text);
    const valid = text.trim() !== "" && Number.isFinite(n);
    setTyping({ ...typing, [field]: valid ? undefined : text });
    if (valid) set({ [field]: n });
  };
  return (
    <fieldset className="compare-controls">
      <legend>Right side</legend>
      <label>
        Scheduler
        <select
          value={right.scheduler}
          onChange={(e) => set({ scheduler: SCHEDULERS.find((s) => s === e.target.value) })}
        >
          {SCHEDULERS.map((s) => (
            <option key={s} value={s}>
              {SCHEDULER_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Workers
        <input
          type="number"
          min={RANGES.workers.min}
          max={RANGES.workers.max}
          value={typing.workers ?? String(right.workers)}
          onChange={(e) => number(e.target.value, "workers")}
        />
      </label>
      <label>
        Shards
        <input
          type="number"
          min={RANGES.shards.min}
          max={RANGES.shards.max}
          value={typing.shards ?? String(right.shards)}
          onChange={(e) => number(e.target.value, "shards")}
        />
      </label>
      <label>
        Cross-shard
        <select
          value={right.crossShard}
          onChange={(e) => set({ crossShard: CROSS_SHARD.find((c) => c === e.target.value) })}
        >
          {CROSS_SHARD.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
      {FLAG_KNOBS.map((flag) => {
        const off = flag === "corruptList" && right.scheduler !== "bal" ? CORRUPT_LIST_OFF : null;
        return (
          <label key={flag} title={off ?? FLAG_DEFS[flag].title}>
            {FLAG_DEFS[flag].label}
            <input
              type="checkbox"
              checked={right[flag]}
              disabled={off !== null}
              onChange={(e) => set({ [flag]: e.target.checked })}
            />
          </label>
        );
      })}
    </fieldset>
  );
}

interface Props {
  readonly left: ShownRun;
  readonly patch: ScenarioPatch;
}

export function CompareStage({ left, patch }: Props) {
  const running = useCompareRun((s) => s.running);
  const error = useCompareRun((s) => s.error);
  const { right: ready, problem } = useCompareSide();
  return (
    <main className="stage compare-stage" data-testid="compare-stage">
      <div className="compare-top">
        <RightControls patch={patch} left={left.scenario} />
        <p className="compare-diff" data-testid="compare-diff" aria-live="polite">
          {problem
            ? problem
            : error
              ? `The right side's run failed: ${error}`
              : ready
                ? compareLine(left, ready)
                : running
                  ? "Running the right side…"
                  : ""}
        </p>
      </div>
      <div className="compare-sides">
        <SideView run={left} side="left" />
        {ready ? <SideView run={ready} side="right" /> : <section className="compare-side compare-waiting" />}
      </div>
    </main>
  );
}
