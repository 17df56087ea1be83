/**
 * "What you are seeing": one line on what the scheduler does, and one sentence on the moment at the
 * playhead, told from the events at (or just before) it and completed by looking ahead in the log at what
 * those events lead to ("worker 3 validates tx 41, which read balance[9] before tx 37 ... wrote it, so
 * tx 41 will abort").
 */
import { REVERT_NAMES } from "../contracts/contract";
import type { RunResult } from "../run-result";
import type { CrossShardName, Scenario, SchedulerName } from "../scenario/scenario";
import type { EventLogData } from "../trace/eventlog";
import { Ev, LIST_MISMATCH_NAMES, MSG_NAMES, MsgKind } from "../trace/kinds";
import { abortFacts, abortReason, firstAfterIndex, type Names, runNames } from "./explain";
import { batchStartedAt, type LogIndex, logIndexOf } from "./log-index";
import { SpanEnd } from "./spans";

export interface CaptionSetup {
  readonly scheduler: SchedulerName;
  readonly shards: number;
  readonly crossShard: CrossShardName;
  /** Workers per shard the run used. */
  readonly workers: number;
}

export interface CaptionRun extends CaptionSetup {
  readonly log: EventLogData;
  readonly txs: number;
  readonly names: Names;
}

const plural = (n: number, one: string): string => `${n} ${one}${n === 1 ? "" : "s"}`;
const count = (n: number): string => n.toLocaleString("en-US");

/** What the scheduler (and the sharding protocol, if any) does, in plain words. */
export function schedulerCaption(s: CaptionSetup): string {
  const sharded = s.shards > 1;
  const workers = sharded ? `${plural(s.workers, "worker")} per shard` : plural(s.workers, "worker");
  const head: Record<SchedulerName, string> = {
    sequential: sharded
      ? "Sequential: each shard runs its transactions one after another, in block order."
      : "Sequential: one worker runs the transactions one after another, in block order: the baseline every speedup is measured against.",
    blockstm: `Block-STM as published in 2022 (Aptos runs a later version of it): ${workers} execute transactions in parallel against a multi-version memory, then validate what each one read; a transaction whose read went stale aborts and runs again, and results commit in block order.`,
    batched: `Level batches with a barrier: every transaction declares the keys it touches up front and goes into the first batch after every earlier transaction it conflicts with; ${workers} run one batch at a time and meet at a barrier before the next starts, so each batch waits for its slowest transaction. Nothing aborts. Solana's replay stage ran entries in batches before Agave 2.1, but grew each batch until a conflict ended it; here each transaction joins the earliest batch it can.`,
    accountlocks: `Account locks: every transaction declares the keys it reads and writes, and runs as soon as every earlier transaction it conflicts with has finished, with no barrier; each of ${workers} takes the lowest-numbered ready transaction. Nothing aborts; a declared conflict that never happens still makes a transaction wait. Agave's unified scheduler replays blocks this way; its block producer locks the same way but picks from incoming transactions by fee priority, not a fixed block order.`,
    bal: `Block access lists (EIP-7928's idea): the block carries, for every transaction, the keys it read and wrote and the values it wrote, recorded by the block builder. So ${workers} run every transaction at once against the state before the block plus the list's earlier writes, with no ordering and no re-execution, and check each one against its entry; any difference makes the block invalid.`,
    naive: `Naive, UNSAFE (what a first attempt does, and no chain does): ${workers} take transactions in block order and run them at once on the shared state, with no validation, no locks and no ordering: each reads whatever the state holds when it starts and writes over it when it ends. When two transactions read the same balance and both write it, one update is lost, so the final state differs from sequential execution, and from one worker count to another.`,
  };
  if (!sharded) return head[s.scheduler];
  if (s.crossShard === "locks") {
    return `Two-phase commit on keys: the state is split over ${s.shards} shards, ${workers}, and each shard runs its transactions by the locks of the keys they declare, as account locks do, whatever the scheduler setting. A transaction that touches two shards holds its keys on both: its home shard runs its part and sends PREPARE; the other shard, once it holds its keys, runs its part and votes yes, or no if the transaction would fail there; COMMIT or ABORT releases the keys. Transactions that touch no locked key go on, and conflicting ones keep block order. Each message costs one message latency here; between real machines, a network hop.`;
  }
  const protocol =
    "a transaction that touches two shards commits its first leg on its home shard and sends a receipt; the other shard applies it in the next round, one message latency later, and a failure is refunded. NEAR passes receipts this way, but a receipt lands in a later block there, about 0.6 s on, not microseconds.";
  return `${head[s.scheduler]} The state is split over ${s.shards} shards: ${protocol}`;
}

/** How much an event says about the moment: the caption tells the most telling one at the playhead. */
const SALIENCE: Readonly<Record<number, number>> = {
  [Ev.Abort]: 9,
  [Ev.LostUpdate]: 9,
  [Ev.ListMismatch]: 9,
  [Ev.Suspend]: 8,
  [Ev.RoundStart]: 7,
  [Ev.BatchStart]: 6,
  [Ev.MsgSend]: 6,
  [Ev.LockHold]: 4,
  [Ev.LockRelease]: 3,
  [Ev.ValidateStart]: 5,
  [Ev.LockWait]: 5,
  [Ev.LockGrant]: 5,
  [Ev.ExecStart]: 4,
  [Ev.Revert]: 3,
  [Ev.Resume]: 3,
  [Ev.MsgRecv]: 3,
  [Ev.Commit]: 2,
  [Ev.BatchEnd]: 2,
  [Ev.ExecEnd]: 1,
  [Ev.ValidateEnd]: 1,
};
/** Bonus for an execution or validation that the log shows will end in an abort or a wait. */
const CONSEQUENCE_BONUS = 5;
/** At most this many events sharing the playhead's latest time are weighed (64 shards x 64 workers is more). */
const GROUP_LIMIT = 256;

/** What the caption sentences read of a run: its log, names and setup (the scenario it ran, by default). */
export function captionRunOf(
  result: RunResult,
  scenario: Pick<Scenario, "scheduler" | "shards" | "crossShard"> = result.scenario,
): CaptionRun {
  return {
    log: result.log,
    txs: result.block.n,
    names: runNames(result),
    scheduler: scenario.scheduler,
    shards: scenario.shards,
    crossShard: scenario.crossShard,
    workers: result.lanes / scenario.shards,
  };
}

/** One sentence about the moment at time t. */
export function momentCaption(run: CaptionRun, t: number): string {
  const { log } = run;
  if (log.length === 0) return "The run logged no events.";
  const last = lastAtOrBefore(log, t);
  if (last < 0) return `Nothing has started yet: ${plural(run.txs, "transaction")} wait to run.`;
  if (last === log.length - 1) {
    // An invalid block's verdict is the last word, at the end of the run (where playback stops) already.
    // How many transactions disagreed with their access list entry (bal).
    const bad = indexOf(run).listMismatchedTxs.length;
    if (bad > 0 && t >= log.time[last])
      return `The block is done, and invalid: ${count(bad)} of its ${plural(run.txs, "transaction")} disagreed with their entries in the access list, so none of its writes are applied.`;
    if (t > log.time[last]) return `The block is done: all ${plural(run.txs, "transaction")} have committed.`;
  }
  const at = log.time[last];
  const index = indexOf(run);
  let best = last;
  let bestScore = -1;
  for (let i = last; i >= 0 && i > last - GROUP_LIMIT && log.time[i] === at; i--) {
    const score = salience(index, i);
    // Ties go to the earliest event (lowest worker): stable while the playhead stays on this moment.
    if (score >= bestScore) {
      best = i;
      bestScore = score;
    }
  }
  const sentence = capitalize(describeEvent(run, best));
  if (log.kind[best] !== Ev.LockWait) return `${sentence}.`;
  // A lock scheduler queues many transactions at one moment (all of them at the start): say how many.
  const waiting = waitersAt(log, last);
  return waiting > 1
    ? `${sentence} (one of ${count(waiting)} transactions that queue for a lock at this moment).`
    : `${sentence}.`;
}

/** Distinct transactions that start waiting for a lock at the time of event `last`. */
function waitersAt(log: EventLogData, last: number): number {
  const at = log.time[last];
  const txs = new Set<number>();
  for (let i = last; i >= 0 && log.time[i] === at; i--) if (log.kind[i] === Ev.LockWait) txs.add(log.tx[i]);
  return txs.size;
}

function lastAtOrBefore(log: EventLogData, t: number): number {
  let a = 0;
  let b = log.length;
  while (a < b) {
    const m = (a + b) >>> 1;
    if (log.time[m] <= t) a = m + 1;
    else b = m;
  }
  return a - 1;
}

/** The log's index, as the run's lanes and shards see it (built once per log). */
function indexOf(run: CaptionRun): LogIndex {
  return logIndexOf(run.log, run.workers * run.shards, run.shards);
}

function salience(index: LogIndex, i: number): number {
  const { log } = index;
  const kind = log.kind[i];
  const base = SALIENCE[kind] ?? 0;
  if (kind === Ev.ExecStart && (abortOf(index, i) >= 0 || suspendsAt(index, i) >= 0))
    return base + CONSEQUENCE_BONUS;
  if (kind === Ev.ValidateStart) {
    const tx = log.tx[i];
    const inc = log.inc[i];
    const abort = firstAfterIndex(log, tx, i, Ev.Abort, inc);
    const next = firstAfterIndex(log, tx, i, kind, inc);
    if (abort >= 0 && (next < 0 || abort < next)) return base + CONSEQUENCE_BONUS;
  }
  return base;
}

/** The Suspend that ends the execution starting at log index i, or -1 if it runs to its end. */
function suspendsAt(index: LogIndex, i: number): number {
  const { spans } = index;
  const k = spans.eventSpan[i];
  return k >= 0 && spans.ended[k] === SpanEnd.Suspended ? spans.endEvent[k] : -1;
}

/** The Abort of the incarnation whose last execution starts at log index i, or -1. */
function abortOf(index: LogIndex, i: number): number {
  const k = index.spans.eventSpan[i];
  return k >= 0 ? index.spans.abortEvent[k] : -1;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function laneName(run: CaptionRun, lane: number): string {
  if (run.shards <= 1) return `worker ${lane}`;
  return `worker ${lane % run.workers} of shard ${Math.floor(lane / run.workers)}`;
}

function shardOf(run: CaptionRun, lane: number): number {
  return Math.floor(lane / Math.max(1, run.workers));
}

function describeEvent(run: CaptionRun, i: number): string {
  const { log, names } = run;
  const tx = log.tx[i];
  const inc = log.inc[i];
  const x = names.tx(tx);
  const lane = laneName(run, log.worker[i]);
  switch (log.kind[i]) {
    case Ev.ExecStart:
      return describeExecution(run, i);
    case Ev.ExecEnd:
      return `${lane} finishes ${x} and publishes its writes`;
    case Ev.ValidateStart:
      return describeValidation(run, i);
    case Ev.ValidateEnd:
      return log.other[i] === 1
        ? `${lane} finds every read of ${x} still valid`
        : `${lane} finds ${x} no longer valid: ${validationFailure(run, i)}`;
    case Ev.Suspend: {
      const w = names.tx(log.other[i]);
      return `${x} stops on ${lane}: it needs ${names.key(log.key[i])}, which ${w} has marked as an estimate after an abort, so it waits for ${w} to finish`;
    }
    case Ev.Resume:
      return `${x} can run again: ${names.tx(log.other[i])}, which it waited for, has finished`;
    case Ev.Abort: {
      const f = abortFacts(log, i);
      const why = f ? `: it ${abortReason(f, names)}` : "";
      const again = firstAfterIndex(log, tx, i, Ev.ExecStart, inc + 1) >= 0;
      return `${x} aborts${why}${again ? `; it will run again as incarnation ${inc + 2}` : ""}`;
    }
    case Ev.Revert:
      return `${x}'s own logic rejects it (${REVERT_NAMES[log.other[i]] ?? `code ${log.other[i]}`}): its writes are discarded`;
    case Ev.LostUpdate: {
      const other = names.tx(log.other[i]);
      return `${x} writes ${names.key(log.key[i])} over the update of ${other}, which it never saw: ${other}'s update is lost`;
    }
    case Ev.ListMismatch:
      return `${lane} checks ${x} against its entry in the access list: it ${LIST_MISMATCH_NAMES[log.other[i]]} at ${names.key(log.key[i])}, so the block is invalid`;
    case Ev.Commit:
      if (run.scheduler === "naive") return `${x} ends: nothing checks what it read or wrote`;
      if (run.scheduler === "bal")
        return `${x} checks out against its entry in the access list: what it read and wrote is what the list says`;
      if (run.scheduler === "blockstm" && inc > 0)
        return `${x} commits after ${inc + 1} incarnations: its writes are final`;
      if (run.shards > 1 && run.crossShard === "locks")
        return `${x} commits: its outcome is decided and its writes are final`;
      return run.scheduler === "accountlocks"
        ? `${x} commits as it ends: every earlier transaction it conflicts with has already finished`
        : `${x} commits in block order: its writes are final`;
    case Ev.LockWait:
      return `${x} waits for the lock on ${names.key(log.key[i])}: ${names.tx(log.other[i])}, which it conflicts with there, is ahead of it in that key's queue`;
    case Ev.LockHold:
      return `${x} holds ${plural(log.other[i], "key")} on shard ${shardOf(run, log.worker[i])} (${names.key(log.key[i])}${log.other[i] > 1 ? ", …" : ""}) until its two-phase commit is decided`;
    case Ev.LockRelease:
      return `${x} releases its ${plural(log.other[i], "key")} on shard ${shardOf(run, log.worker[i])}: transactions queued for them may go on`;
    case Ev.LockGrant:
      return `${names.tx(log.other[i])} releases ${names.key(log.key[i])}: ${x} now holds every lock it declared and is ready to run`;
    case Ev.BatchStart: {
      const size = batchSize(run, i);
      return size === 1
        ? `batch ${log.other[i] + 1} starts with a single transaction: nothing else can run beside it without a declared conflict`
        : `batch ${log.other[i] + 1} starts: ${size} transactions whose declared accesses do not conflict run side by side`;
    }
    case Ev.BatchEnd:
      return `batch ${log.other[i] + 1} is done: the workers meet at a barrier before the next one starts`;
    case Ev.RoundStart:
      return log.other[i] === 0
        ? "round 1 starts: each shard runs its own transactions, the cross-shard ones as their first leg"
        : `round ${log.other[i] + 1} starts: each shard runs the receipts that arrived from other shards`;
    case Ev.MsgSend:
      return describeSend(run, i);
    case Ev.MsgRecv:
      return `shard ${shardOf(run, log.worker[i])} receives the ${MSG_NAMES[log.other[i]] ?? "message"} of ${x} from shard ${log.key[i]}`;
    default:
      return `${lane} works on ${x}`;
  }
}

function describeExecution(run: CaptionRun, i: number): string {
  const { log, names } = run;
  const tx = log.tx[i];
  const inc = log.inc[i];
  const x = names.tx(tx);
  if (log.other[i] > 0) {
    const part = ["", "home part (the debit)", "part on its target shard", "settle, the vote being yes"];
    return `${laneName(run, log.worker[i])} runs ${x}'s ${part[log.other[i]] ?? "next part"}, holding its keys there`;
  }
  const again = inc > 0 ? ` again (incarnation ${inc + 1})` : "";
  const head = `${laneName(run, log.worker[i])} executes ${x}${again}`;
  const index = indexOf(run);
  const s = suspendsAt(index, i);
  if (s >= 0) {
    const w = names.tx(log.other[s]);
    return `${head}; it will find ${names.key(log.key[s])} marked as an estimate by ${w} and wait for ${w}`;
  }
  const f = abortFacts(log, abortOf(index, i));
  if (f) return `${head}, which ${abortReason(f, names, "future")}: this incarnation will abort`;
  const next = firstAfterIndex(log, tx, i, Ev.ExecStart, inc);
  const revert = firstAfterIndex(log, tx, i, Ev.Revert, inc);
  if (revert >= 0 && (next < 0 || revert < next)) {
    return `${head}; its own logic will reject it (${REVERT_NAMES[log.other[revert]] ?? "reverted"})`;
  }
  if (run.scheduler === "naive") {
    const lost = firstAfterIndex(log, tx, i, Ev.LostUpdate, inc);
    if (lost < 0)
      return `${head}; it reads the shared state as it is now, and nothing it reads changes before it writes`;
    const w = names.tx(log.other[lost]);
    return `${head}; ${w} will write ${names.key(log.key[lost])} before it ends, and it will write over that unseen: ${w}'s update will be lost`;
  }
  if (run.scheduler === "bal") {
    const bad = firstAfterIndex(log, tx, i, Ev.ListMismatch, inc);
    const against = `${head} against the state before the block plus the access list's earlier writes`;
    return bad >= 0
      ? `${against}; it will disagree with its entry at ${names.key(log.key[bad])}`
      : `${against}; it will check out against its entry`;
  }
  if (run.scheduler === "blockstm") return `${head}; nothing it reads will change, so it will commit`;
  if (run.scheduler === "batched")
    return `${head}; no other transaction in its batch declares a conflicting key`;
  if (run.scheduler === "accountlocks")
    return `${head}; it holds the locks on every key it declared, so nothing running beside it touches them`;
  return `${head}; nothing else runs beside it${run.shards > 1 ? " on its shard" : ""}`;
}

function describeValidation(run: CaptionRun, i: number): string {
  const { log, names } = run;
  const tx = log.tx[i];
  const inc = log.inc[i];
  const x = names.tx(tx);
  const head = `${laneName(run, log.worker[i])} validates ${x}`;
  const { spans } = indexOf(run);
  const k = spans.eventSpan[i];
  if (k < 0 || spans.ended[k] !== SpanEnd.Invalid) return `${head}: every value it read still holds`;
  const abort = firstAfterIndex(log, tx, i, Ev.Abort, inc);
  const f = abort >= 0 ? abortFacts(log, abort) : null;
  if (!f) return `${head}: a read went stale, but this incarnation was already aborted`;
  return `${head}, which ${abortReason(f, names)}, so ${x} will abort`;
}

/** What the failed validation ending at log index i found: a stale read, or an add whose limit check moved. */
function validationFailure(run: CaptionRun, i: number): string {
  const { log, names } = run;
  const f = abortFacts(log, firstAfterIndex(log, log.tx[i], i, Ev.Abort, log.inc[i]));
  if (f && names.adds?.(f.tx, f.key))
    return `the total its add to ${names.key(f.key)} was checked against has moved`;
  return "a value it read has changed";
}

function describeSend(run: CaptionRun, i: number): string {
  const { log, names } = run;
  const x = names.tx(log.tx[i]);
  const from = shardOf(run, log.worker[i]);
  const to = log.key[i];
  switch (log.other[i]) {
    case MsgKind.Receipt:
      return `shard ${from} sends a receipt for ${x} to shard ${to}: its next leg runs there in the next round`;
    case MsgKind.Settle:
      return `shard ${from} sends the outcome of ${x} back to shard ${to}, which settles it (or refunds it) in the next round`;
    case MsgKind.Prepare:
      return `shard ${from} has run its part of ${x} and asks shard ${to} to lock its keys and run its own (two-phase commit: prepare)`;
    case MsgKind.Vote:
      return `shard ${from} holds the keys of ${x}, its part succeeded: it votes yes to shard ${to}`;
    case MsgKind.VoteNo:
      return `${x} would fail on shard ${from}: it votes no to shard ${to} and releases its keys at once`;
    case MsgKind.CommitMsg:
      return `shard ${from} commits ${x} and tells shard ${to} to commit its part and release its keys`;
    case MsgKind.Abort:
      return `${x} failed on shard ${from} before preparing: shard ${from} aborts it and tells shard ${to} to release its keys`;
    default:
      return `shard ${from} sends a message about ${x} to shard ${to}`;
  }
}

/** Executions in the batch that starts at log index i, up to its BatchEnd on the same shard. */
function batchSize(run: CaptionRun, i: number): number {
  const index = indexOf(run);
  const b = batchStartedAt(index, i);
  return b >= 0 ? index.batches.executions[b] : 0;
}
