import type { Metrics } from "../engine/analysis/metrics";
import type { Scenario } from "../engine/scenario/scenario";
import { formatCount, formatDuration, formatInt, formatPercent, formatTimes } from "./format";

/** Which colour of the visual language a card carries (always next to a symbol or word). */
type Tone = "exec" | "commit" | "abort" | "wait" | "xshard" | "neutral";

interface Card {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly unit?: string;
  readonly note: string;
  readonly title: string;
  readonly tone: Tone;
}

function cardsOf(m: Metrics, s: Scenario): Card[] {
  const sharded = s.shards > 1;
  return [
    {
      id: "tps",
      // Every throughput figure says which clock it is on.
      label: m.clock === "simulated" ? "Simulated throughput" : "Measured throughput",
      value: formatCount(m.tps),
      unit: "tx/s",
      note: `${formatInt(m.txs)} tx in ${formatDuration(m.elapsedUs)}`,
      title: `Transactions per second on the ${m.clock} clock: a transaction costs its gas at ${formatInt(s.cost.gasPerUs)} gas/µs, scheduling and validation a small modelled cost.`,
      tone: "exec",
    },
    {
      id: "speedup",
      label: "Speedup",
      value: formatTimes(m.speedup),
      note: `over sequential (${formatDuration(m.sequentialUs)})`,
      title: "Sequential time divided by this run's time, for the same block on the same clock.",
      tone: "exec",
    },
    {
      id: "ideal",
      label: "Ideal speedup",
      value: formatTimes(m.idealSpeedup),
      note: `critical path ${formatDuration(m.criticalPathUs)}`,
      title:
        "min(workers, total work / critical path): the best any schedule could reach, given the longest chain of dependent transactions.",
      tone: "commit",
    },
    {
      id: "efficiency",
      label: "Efficiency",
      value: formatPercent(m.efficiency),
      note: "of the ideal speedup",
      title: "Speedup divided by ideal speedup: how much of the available parallelism the scheduler used.",
      tone: "commit",
    },
    {
      id: "aborts",
      label: "Aborts",
      value: formatInt(m.aborts),
      note: `${formatInt(m.suspensions)} dependency waits`,
      title: "Executions thrown away because a lower transaction later wrote a key they had read.",
      tone: "abort",
    },
    {
      id: "reexecutions",
      label: "Re-executions",
      value: formatInt(m.reExecutions),
      note: `${formatInt(m.executions)} executions in all`,
      title: "Executions beyond the first of each transaction (or leg).",
      tone: "wait",
    },
    {
      id: "wasted",
      label: "Wasted work",
      value: formatDuration(m.wastedUs),
      note: `${formatPercent(m.totalWorkUs > 0 ? m.wastedUs / m.totalWorkUs : 0)} of the useful work`,
      title: "Time spent on executions that were later aborted, or cut short by a wait on a dependency.",
      tone: "abort",
    },
    {
      id: "batches",
      label: "Batches",
      value: formatInt(m.batches),
      note: s.scheduler === "batched" ? "conflict-free groups" : "batched scheduler only",
      title:
        "Conflict-free groups the declared-access scheduler formed; workers drain one, then meet at a barrier.",
      tone: "neutral",
    },
    {
      id: "messages",
      label: "Cross-shard messages",
      value: formatInt(m.crossShardMessages),
      note: sharded
        ? s.crossShard === "receipts"
          ? "receipts and settlements"
          : "2PC prepare, vote, commit"
        : "unsharded",
      title: "Messages sent between shards for transactions that touch more than one shard.",
      tone: "xshard",
    },
    {
      id: "rounds",
      label: "Rounds",
      value: formatInt(m.rounds),
      note: sharded
        ? s.crossShard === "receipts"
          ? "receipt rounds"
          : "2PC exchanges"
        : "unsharded: one round",
      title: "Sharded runs: rounds of receipt passing, or two-phase-commit exchanges; 1 when unsharded.",
      tone: "xshard",
    },
  ];
}

/** The headline figures of a finished run. Every value comes from computeMetrics over its event log. */
export function MetricsGrid({ metrics, scenario }: { metrics: Metrics; scenario: Scenario }) {
  return (
    <dl className="metrics">
      {cardsOf(metrics, scenario).map((c) => (
        <div key={c.id} className={`metric tone-${c.tone}`} title={c.title}>
          <dt>{c.label}</dt>
          <dd>
            <span className="metric-value" data-testid={`metric-${c.id}`}>
              {c.value}
            </span>
            {c.unit && <span className="metric-unit"> {c.unit}</span>}
          </dd>
          <dd className="metric-note">{c.note}</dd>
        </div>
      ))}
    </dl>
  );
}
