import { useEffect, useMemo, useRef } from "react";
import { GLOSSARY } from "../../../app/glossary";
import type { ShownRun } from "../../../app/store";
import { invalidSince } from "../../../engine/analysis/list-check";
import { computeMetrics, type Metrics } from "../../../engine/analysis/metrics";
import { whySlower } from "../../../engine/analysis/why-slower";
import { GAS_LIMIT_NOTE } from "../../../engine/ethereum/import";
import type { LiveStats } from "../../../engine/run-result";
import { formatCount, formatDuration, formatInt, formatPercent, formatTimes } from "../../format";
import { TPS_REFERENCE } from "../../landscape/real-systems";
import { MEASURED_LABEL, useMeasuredCost } from "../../MeasurePanel";
import { useMoment } from "../use-moment";
import { useWidth } from "../use-width";
import { completionTimes, countUpTo, roundTimes } from "./playhead-counts";
import { drawThroughput, REFERENCE_TPS, type ThroughputBar, throughputHeight } from "./throughput-chart";
import "./metrics-panel.css";
import "../side-card.css";

interface Figure {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly note: string;
  readonly title: string;
  /** Colour of the visual language it belongs to (always beside its label). */
  readonly tone: "exec" | "commit" | "abort" | "wait" | "xshard" | "neutral";
}

/** A measured run's repetitions: how many, and the range of their speedups (the figure is the median's). */
function speedupNote(m: Metrics, live: LiveStats | undefined): string {
  const sequential = `sequential: ${formatDuration(m.sequentialUs)}`;
  const runs = live?.repetitions.length ?? 1;
  if (!live || runs < 2) return sequential;
  return `median of ${runs} runs, range ${formatTimes(live.speedupMin)}–${formatTimes(live.speedupMax)}; ${sequential}`;
}

/** Figures of the whole run: they do not move with the playhead. */
function wholeRun(m: Metrics, gasPerUs: number, live: LiveStats | undefined): Figure[] {
  return [
    {
      id: "tps",
      label: `${m.clock === "simulated" ? "Simulated" : "Measured"} throughput`,
      value: `${formatCount(m.tps)} tx/s`,
      note: `${formatInt(m.txs)} tx in ${formatDuration(m.elapsedUs)}`,
      title:
        m.clock === "simulated"
          ? `Transactions per second on the virtual clock: execution only (no consensus, network or disk); a transaction costs its gas at ${formatInt(gasPerUs)} gas/µs.`
          : "Transactions per second measured on this machine's cores: execution only (no consensus, network or disk).",
      tone: "exec",
    },
    {
      id: "speedup",
      label: "Speedup",
      value: formatTimes(m.speedup),
      note: speedupNote(m, live),
      title:
        m.clock === "simulated"
          ? GLOSSARY.speedup.text
          : "Sequential time divided by this run's time, for the same block on the same workers. At full speed, each repetition runs the block sequentially then in parallel, after a warm-up; the median repetition is shown, its range beside it.",
      tone: "exec",
    },
    {
      id: "ideal",
      label: "Ideal speedup",
      value: formatTimes(m.idealSpeedup),
      note: `critical path ${formatDuration(m.criticalPathUs)}`,
      title: GLOSSARY.ideal.text,
      tone: "commit",
    },
    {
      id: "efficiency",
      label: "Efficiency",
      value: formatPercent(m.efficiency),
      note: "speedup ÷ ideal speedup",
      title: "How much of the parallelism the dependencies allow this scheduler actually used.",
      tone: "commit",
    },
  ];
}

interface PlayheadFacts {
  readonly done: number;
  /** bal: a transaction has disagreed with its list entry by now, so the block is invalid: nothing is final. */
  readonly invalid: boolean;
  readonly rounds: number;
  readonly sharded: boolean;
  readonly batched: boolean;
  readonly protocol: "receipts" | "locks";
}

/** Counters at the playhead. */
function atPlayhead(m: Metrics, f: PlayheadFacts): Figure[] {
  const roundWord = f.protocol === "receipts" ? "receipt rounds" : "2PC exchanges";
  return [
    {
      id: "committed",
      label: "Committed",
      value: `${formatInt(f.done)} / ${formatInt(m.txs)}`,
      note: f.invalid
        ? "checked out; the block is invalid: none final"
        : f.done === m.txs
          ? "every transaction is final"
          : "transactions final so far",
      title: f.invalid
        ? "Transactions that checked out against their entry in the block access list; some did not, so the block is invalid and none of its writes is applied."
        : "Transactions whose last unit has committed: their writes are final.",
      tone: "commit",
    },
    {
      id: "aborts",
      label: "Aborts",
      value: formatInt(m.aborts),
      note: `${formatInt(m.suspensions)} waits on a dependency`,
      title: GLOSSARY.abort.text,
      tone: "abort",
    },
    {
      id: "reexecutions",
      label: "Re-executions",
      value: formatInt(m.reExecutions),
      note: `of ${formatInt(m.executions)} executions`,
      title: "Executions beyond the first of each transaction (or leg): after an abort or a wait.",
      tone: "wait",
    },
    {
      id: "wasted",
      label: "Wasted work",
      value: formatDuration(m.wastedUs),
      note: `${formatPercent(m.totalWorkUs > 0 ? m.wastedUs / m.totalWorkUs : 0)} of the useful work`,
      title: "Time spent on executions later aborted, or cut short by a wait on a dependency.",
      tone: "abort",
    },
    {
      id: "batches",
      label: "Batches",
      value: f.batched ? formatInt(m.batches) : "–",
      note: f.batched ? "level batches begun" : "level batches only",
      title: GLOSSARY.batch.text,
      tone: "neutral",
    },
    {
      id: "messages",
      label: "Cross-shard messages",
      value: f.sharded ? formatInt(m.crossShardMessages) : "–",
      note: f.sharded
        ? f.protocol === "receipts"
          ? "receipts and settlements"
          : "prepare, vote yes or no, commit or abort"
        : "unsharded",
      title: "Messages sent between shards for transactions that touch two shards.",
      tone: "xshard",
    },
    {
      id: "rounds",
      label: "Rounds",
      value: f.sharded ? `${formatInt(f.rounds)} / ${formatInt(m.rounds)}` : "1",
      note: f.sharded ? `${roundWord} begun` : "unsharded: one round",
      title: "Sharded runs: rounds of receipt passing, or two-phase-commit exchanges, begun so far of all.",
      tone: "xshard",
    },
  ];
}

function FigureList({ figures }: { figures: readonly Figure[] }) {
  return (
    <dl className="mp-figures">
      {figures.map((f) => (
        <div key={f.id} className={`mp-figure mp-tone-${f.tone}`} title={f.title}>
          <dt>{f.label}</dt>
          <dd className="mp-value" data-testid={`mp-${f.id}`}>
            {f.value}
          </dd>
          <dd className="mp-note" data-testid={`mp-${f.id}-note`}>
            {f.note}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function ThroughputChart({ bars, summary }: { bars: readonly ThroughputBar[]; summary: string }) {
  const svgRef = useRef<SVGSVGElement>(null);
  const [boxRef, width] = useWidth<HTMLDivElement>();
  useEffect(() => {
    if (svgRef.current && width > 0) drawThroughput(svgRef.current, bars, width);
  }, [bars, width]);
  return (
    <div ref={boxRef} className="mp-chart" style={{ height: throughputHeight(bars.length) }}>
      <svg ref={svgRef} role="img" aria-label={summary} />
    </div>
  );
}

/** Throughput against the 100k TPS reference, speedups, and the counters at the playhead. */
export function MetricsPanel({ run }: { run: ShownRun }) {
  const time = useMoment();
  const { result, scenario } = run;
  const m = computeMetrics(result, time);
  const done = countUpTo(completionTimes(result.log), m.atUs);
  const sharded = scenario.shards > 1;
  const rounds = sharded ? countUpTo(roundTimes(result.log, scenario.crossShard), m.atUs) : 1;
  const nowTps = m.atUs > 0 ? done / (m.atUs / 1e6) : 0;
  const clock = m.clock;
  const why = whySlower(result, run.metrics);
  const measuredCost = useMeasuredCost(run);
  // The block turns invalid at its first disagreement with the list, as the playhead passes it.
  const invalid = useMemo(() => invalidSince(result.log), [result.log]) <= m.atUs;
  const bars: ThroughputBar[] = [
    {
      id: "run",
      label: "whole run",
      tps: m.tps,
      title: `${formatCount(m.tps)} tx/s ${clock} over the whole run`,
    },
    {
      id: "playhead",
      label: "so far",
      tps: nowTps,
      title: `${formatInt(done)} transactions final in the first ${formatDuration(m.atUs)}: ${formatCount(nowTps)} tx/s ${clock}`,
    },
  ];
  const summary = `Throughput ${clock}: ${formatCount(m.tps)} transactions per second over the whole run, ${formatCount(nowTps)} so far, against a ${formatCount(REFERENCE_TPS)} TPS reference line`;
  const facts: PlayheadFacts = {
    done,
    invalid,
    rounds,
    sharded,
    batched: scenario.scheduler === "batched",
    protocol: scenario.crossShard,
  };

  return (
    <section className="side-card metrics-panel" aria-labelledby="mp-title" data-testid="metrics-panel">
      <h2 id="mp-title" className="side-title">
        Metrics <span className={`mp-clock mp-clock-${clock}`}>{clock}</span>
      </h2>
      <figure className="mp-throughput">
        <figcaption>
          Transactions per second, log scale: execution only (no consensus, network or disk),{" "}
          {clock === "simulated" ? "on the virtual clock" : "measured on this machine"}. The 100k TPS line is
          a reference, not a promise: <span data-testid="mp-reference">{TPS_REFERENCE.what}</span> (
          <a href={TPS_REFERENCE.source.url} target="_blank" rel="noreferrer">
            {TPS_REFERENCE.source.title}
          </a>
          , {TPS_REFERENCE.asOf}).
        </figcaption>
        <ThroughputChart bars={bars} summary={summary} />
      </figure>
      <h3 className="mp-group">Whole run</h3>
      <FigureList figures={wholeRun(m, scenario.cost.gasPerUs, result.live)} />
      {why !== null && (
        <p className="side-note" data-testid="why-slower">
          {why}
        </p>
      )}
      <h3 className="mp-group">
        At the playhead <span className="mp-at">{formatDuration(m.atUs)}</span>
      </h3>
      <FigureList figures={atPlayhead(m, facts)} />
      {measuredCost && (
        <p className="side-note" data-testid="mp-cost-measured">
          Cost model {MEASURED_LABEL}: the virtual clock charges this machine's medians for a scheduler task,
          a multi-version read and write, a validated read and a commit (Measure this machine, in the
          scenario).
        </p>
      )}
      {result.eth && <p className="side-note">Imported block: {GAS_LIMIT_NOTE}.</p>}
    </section>
  );
}
