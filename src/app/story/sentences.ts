/**
 * What each step of the guided story says, computed from the run it shows (and its compare side): pure
 * functions of the runs, so a unit test runs each step's scenario and checks every figure and claim. Figures
 * are written as the metrics panel writes them (app/format), so a viewer can find each one there.
 */
import { BOUND_LABEL } from "../../engine/analysis/critical-path";
import { declaredCriticalPathUs } from "../../engine/analysis/declared-path";
import { abortFacts, abortReason, runNames } from "../../engine/analysis/explain";
import { listLesson } from "../../engine/analysis/list-size";
import { computeMetrics, type Metrics } from "../../engine/analysis/metrics";
import { runPathCause } from "../../engine/analysis/path-cause";
import { unsafeLesson } from "../../engine/analysis/unsafe";
import type { RunResult } from "../../engine/run-result";
import { runLabel } from "../../engine/scenario/scenario";
import { place } from "../../engine/sharding/placement";
import type { EventLogData } from "../../engine/trace/eventlog";
import { Ev } from "../../engine/trace/kinds";
import { formatDuration, formatInt, formatPercent, formatTimes } from "../format";

/** A step's sentences from its run and, for a comparison, the right side's run (null until it is shown). */
export type StorySay = (left: RunResult, right: RunResult | null) => string[];

const plural = (n: number, one: string, many = `${one}s`): string =>
  `${formatInt(n)} ${n === 1 ? one : many}`;
const workers = (m: Metrics): string => plural(m.lanes, "worker");
/** "on the virtual clock" or "measured on this machine": every time says which. */
const clockWords = (m: Metrics): string =>
  m.clock === "simulated" ? "on the virtual clock" : "measured on this machine";
const matches = (run: RunResult): boolean => run.stateHash === run.sequentialStateHash;
/** A sentence may begin with a name written in lower case ("tx 3"). */
const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** Log indices of the events of one kind, in log order. */
export function eventsOf(log: EventLogData, kind: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < log.length; i++) if (log.kind[i] === kind) out.push(i);
  return out;
}

/** Whether the transactions started in block order, each once (a sequential run). */
export function ranInOrder(log: EventLogData, n: number): boolean {
  const starts = eventsOf(log, Ev.ExecStart).map((i) => log.tx[i]);
  return starts.length === n && starts.every((tx, i) => tx === i);
}

/** Whether every transaction committed once, in block order. */
export function committedInOrder(log: EventLogData, n: number): boolean {
  const commits = eventsOf(log, Ev.Commit).map((i) => log.tx[i]);
  return commits.length === n && commits.every((tx, i) => tx === i);
}

/** Executions started before the first one ends: the first wave, run at once. */
export function firstWave(log: EventLogData): number {
  const firstEnd = log.kind.indexOf(Ev.ExecEnd);
  const end = firstEnd < 0 ? log.length : firstEnd;
  let n = 0;
  for (let i = 0; i < end; i++) if (log.kind[i] === Ev.ExecStart && log.time[i] < log.time[end]) n++;
  return n;
}

/** Distinct transactions that logged an event of this kind. */
export function txsWith(log: EventLogData, kind: number): number {
  return new Set(eventsOf(log, kind).map((i) => log.tx[i])).size;
}

/** The first conflict that cost the run something: an abort, else a wait on a dependency, else none. */
function firstConflict(run: RunResult): string {
  const names = runNames(run);
  const { log } = run;
  const abort = abortFacts(log, log.kind.indexOf(Ev.Abort));
  if (abort)
    return `The first conflict: ${names.tx(abort.tx)} ${abortReason(abort, names)}, so ${names.tx(abort.tx)} ran again.`;
  const wait = log.kind.indexOf(Ev.Suspend);
  if (wait >= 0)
    return `The first conflict: ${names.tx(log.tx[wait])} needed ${names.key(log.key[wait])} from ${names.tx(log.other[wait])}, still running, and waited for it.`;
  return "No transaction read a key before an earlier one wrote it: no conflict cost this run anything.";
}

/** Step 1: one worker, in block order: the baseline. */
export const saySequential: StorySay = (run) => {
  const m = computeMetrics(run);
  const order = ranInOrder(run.log, m.txs) ? "one after another, in block order" : "in the order it chose";
  return [
    `${m.lanes === 1 ? "One worker runs" : `${workers(m)} run`} the ${formatInt(m.txs)} transactions ${order}: ${formatDuration(m.elapsedUs)} ${clockWords(m)}, where a transaction costs its gas at ${formatInt(run.scenario.cost.gasPerUs)} gas per µs.`,
    "That is the baseline: a run's speedup is the time of this one-by-one run of its block divided by the run's own time.",
  ];
};

/** Step 2: more workers, a first conflict. */
export const sayWorkers: StorySay = (run) => {
  const m = computeMetrics(run);
  return [
    `${workers(m)} each take the next transaction as soon as they are free: the ${formatInt(m.txs)} transactions finish in ${formatDuration(m.elapsedUs)} instead of ${formatDuration(m.sequentialUs)} one by one, ${formatTimes(m.speedup)} faster; the dependencies and ${workers(m)} allow at most ${formatTimes(m.idealSpeedup)} (ideal).`,
    firstConflict(run),
  ];
};

/** Step 3: Block-STM's abort and re-execution on the teaching block. */
export const sayBlockStm: StorySay = (run) => {
  const m = computeMetrics(run);
  const names = runNames(run);
  const { log } = run;
  const out = [
    `${runLabel(run.scenario)}: ${workers(m)} start ${plural(firstWave(log), "transaction")} at once, without knowing which keys they will touch.`,
  ];
  const abort = abortFacts(log, log.kind.indexOf(Ev.Abort));
  if (abort) {
    const tx = names.tx(abort.tx);
    out.push(
      `${capital(tx)} ${abortReason(abort, names)}: validation finds the stale read, so incarnation ${abort.inc + 1} of ${tx} aborts and incarnation ${abort.inc + 2} runs it again (${plural(m.aborts, "abort")} in all).`,
    );
  } else out.push("No read went stale in this run: nothing aborted.");
  const order = committedInOrder(log, m.txs) ? "commits in block order and " : "";
  out.push(
    matches(run)
      ? `The block ${order}ends in the state of running it one by one, ${formatTimes(m.speedup)} faster.`
      : `The block ends in another state than running it one by one (${formatTimes(m.speedup)}).`,
  );
  return out;
};

/** Step 4: the naive scheduler beside Block-STM on the same block. */
export const sayNaive: StorySay = (run, right) => {
  const out = unsafeLesson(run, runNames(run));
  if (right) {
    const r = computeMetrics(right);
    out.push(
      `${runLabel(right.scenario)} (right), on the same block: ${matches(right) ? "the state of running it one by one" : "another state than running it one by one"}, ${formatTimes(r.speedup)} faster.`,
    );
  }
  return out;
};

/** Step 5: declared access and account locks. */
export const sayLocks: StorySay = (run, right) => {
  const m = computeMetrics(run);
  const declared = declaredCriticalPathUs(run.block, run.sequential.costUs);
  const out = [
    `Every transaction declares the keys it will touch before it runs, as Solana transactions declare their accounts. ${runLabel(run.scenario)} start each one as soon as every earlier transaction sharing a declared key has finished: ${plural(m.aborts, "abort")}, ${plural(txsWith(run.log, Ev.LockWait), "transaction")} queued for a lock.`,
    `So the run takes at least the longest chain of declared conflicts, ${formatDuration(declared)}, against ${formatDuration(m.criticalPathUs)} for the chain of reads of earlier writes: ${formatDuration(m.elapsedUs)}, ${formatTimes(m.speedup)} faster than one by one.`,
  ];
  if (right) {
    const r = computeMetrics(right);
    out.push(
      `${runLabel(right.scenario)} (right) follows only the reads of earlier writes: ${formatTimes(r.speedup)}, with ${plural(r.aborts, "abort")}.`,
    );
  }
  return out;
};

/** Step 6: block access lists. */
export const sayAccessList: StorySay = (run, right) => {
  const m = computeMetrics(run);
  const out: string[] = [];
  if (right) {
    const r = computeMetrics(right);
    const chain =
      r.levels === r.txs
        ? "each depends on the one before"
        : `their dependencies form ${plural(r.levels, "level")}`;
    out.push(
      `${formatInt(m.txs)} transfers between ${formatInt(run.scenario.accounts)} accounts: ${chain}, so ${runLabel(right.scenario)} (right) gets ${formatTimes(r.speedup)}.`,
    );
  }
  out.push(
    `With a block access list (EIP-7928) the block carries every transaction's reads and written values, so each runs against the list at once: ${formatTimes(m.speedup)} on ${workers(m)}, bounded by the ${BOUND_LABEL[m.bound]}, with ${plural(m.reExecutions, "re-execution")}.`,
    ...listLesson(run, runNames(run)),
  );
  return out;
};

/** Step 7: shards and cross-shard messages. */
export const sayShards: StorySay = (run, right) => {
  const m = computeMetrics(run);
  const s = run.scenario;
  const cross = place(run.block, s.shards).crossCount;
  const out = [
    `The state is split over ${plural(s.shards, "shard")}, each with ${plural(s.workers, "worker")}. ${formatInt(cross)} of the ${formatInt(m.txs)} transactions (${formatPercent(cross / m.txs)}) touch two shards; with ${s.crossShard === "receipts" ? "receipts" : "two-phase commit"} they send ${plural(m.crossShardMessages, "cross-shard message")} over ${plural(m.rounds, s.crossShard === "receipts" ? "round" : "exchange")}: ${formatTimes(m.speedup)} faster than one by one.`,
  ];
  if (right) {
    const r = computeMetrics(right);
    out.push(
      `${runLabel(right.scenario)} (right) holds a cross-shard transaction's keys on both shards while its messages cross: ${formatTimes(r.speedup)}, with ${plural(r.crossShardMessages, "message")}.`,
    );
  }
  return out;
};

const mGas = (gas: number): string => `${(gas / 1e6).toFixed(1)} M gas`;

/** Step 8: a real Ethereum block, and what sets its critical path. */
export const sayEthereum: StorySay = (run) => {
  const m = computeMetrics(run);
  const eth = run.eth;
  const names = runNames(run);
  const cause = runPathCause(run);
  const head = eth
    ? `Ethereum mainnet block ${formatInt(eth.number)}: ${formatInt(m.txs)} transactions`
    : `${formatInt(m.txs)} transactions`;
  const out = [
    `${head}, replayed with ${runLabel(run.scenario)} on ${workers(m)}: ${formatTimes(m.speedup)} faster than one by one ${clockWords(m)}, of an ideal ${formatTimes(m.idealSpeedup)}.`,
  ];
  const tx = cause.longest.tx;
  const limit = eth ? ` (gas limit ${mGas(run.block.gas[tx])})` : "";
  if (cause.cause === "one-transaction")
    out.push(
      `Its critical path (${formatDuration(cause.criticalPathUs)}) is ${cause.txs.length === 1 ? "one transaction alone" : `set by one transaction, ${formatPercent(cause.longest.share)} of it`}: ${names.tx(tx)}${limit}. The deepest chain of dependent transactions, ${plural(cause.deepest.txs.length, "transaction")} long, takes ${formatDuration(cause.deepest.us)}.`,
    );
  else
    out.push(
      `Its critical path (${formatDuration(cause.criticalPathUs)}) is a chain of ${plural(cause.txs.length, "dependent transaction")}; the costliest, ${names.tx(tx)}, is ${formatPercent(cause.longest.share)} of it.`,
    );
  if (eth?.gasUsed)
    out.push(
      `A transaction costs its gas limit here, not the gas it used: the block's limits add up to ${mGas(eth.gasLimitTotal)} against ${mGas(eth.gasUsed)} used, so on a real node its critical path may be shorter.`,
    );
  return out;
};
