/**
 * Everything the inspector says about one transaction, from the run alone: what it calls with which
 * arguments, what the serial order's reads saw (the versions the final incarnation must see), and every
 * execution the log recorded with how it ended.
 */
import { explainAbort, type Names, runNames } from "../../../engine/analysis/explain";
import { analyzeRun } from "../../../engine/analysis/run-analysis";
import { SpanEnd, SpanKind, spansOf } from "../../../engine/analysis/spans";
import { ACC_WRITE, type Block, keyName } from "../../../engine/block";
import { ARGS, type Contract, REVERT_NAMES } from "../../../engine/contracts/contract";
import { CONTRACTS } from "../../../engine/contracts/registry";
import type { RunResult } from "../../../engine/run-result";
import { PHASE_NAMES } from "../../../engine/schedulers/units";
import { type Placement, place } from "../../../engine/sharding/placement";
import { Ev, MSG_NAMES } from "../../../engine/trace/kinds";
import { formatInt } from "../../format";

export interface ArgDetail {
  readonly name: string;
  readonly value: string;
  /** The argument is a key of the state (shown by its name). */
  readonly isKey: boolean;
}

export interface ReadDetail {
  readonly key: string;
  /** Whose write the read saw: "tx 3, incarnation 2", "the initial state", "its own debit leg". */
  readonly from: string;
}

/** One unit of the serial order: the whole transaction, or one leg of a cross-shard receipt run. */
export interface LegDetail {
  readonly phase: string;
  readonly reads: readonly ReadDetail[];
  readonly writes: readonly string[];
  /** Why its own logic reverted it, or null. */
  readonly revert: string | null;
}

export type Outcome = "committed" | "reverted" | "aborted" | "waited" | "executed";

/** One execution as the log recorded it. */
export interface ExecutionDetail {
  /** 1-based: the first run of a transaction (or leg) is incarnation 1. */
  readonly incarnation: number;
  /** The leg it ran, in a receipt run; null when the transaction runs whole. */
  readonly leg: string | null;
  readonly lane: number;
  readonly start: number;
  /** When it finished or stopped (NaN if the log ends first). */
  readonly end: number;
  readonly outcome: Outcome;
  /** Why it aborted, what it waited for, why it reverted; "" when nothing to add. */
  readonly note: string;
  readonly validations: number;
}

export interface MessageDetail {
  readonly time: number;
  readonly text: string;
}

export interface TxDetails {
  readonly tx: number;
  readonly name: string;
  readonly contract: string;
  /** What an imported transaction calls or pays. */
  readonly calls: string | null;
  readonly args: readonly ArgDetail[];
  readonly declared: readonly { readonly key: string; readonly write: boolean }[];
  readonly legs: readonly LegDetail[];
  readonly executions: readonly ExecutionDetail[];
  readonly messages: readonly MessageDetail[];
  /** Home and target shard of a sharded run. */
  readonly shards: { readonly home: number; readonly target: number } | null;
}

/**
 * Which arguments are keys: nudge one argument by half and see whether the declared access now names the
 * nudged value. Keys are integers, so nothing else can produce it, and it needs no list kept per contract.
 */
export function keyArguments(contract: Contract, args: Float64Array, offset: number): boolean[] {
  return contract.argNames.map((_, j) => {
    const a = args.slice(offset, offset + ARGS);
    a[j] += 0.5;
    let found = false;
    const note = (key: number) => {
      if (key === a[j]) found = true;
    };
    contract.access(a, 0, { add: note, delta: note });
    return found;
  });
}

const placements = new WeakMap<Block, Placement>();

function placementOf(block: Block, shards: number): Placement {
  let p = placements.get(block);
  if (!p || p.shards !== shards) {
    p = place(block, shards);
    placements.set(block, p);
  }
  return p;
}

/** Units of the serial order per transaction, in order. */
function unitsOf(result: RunResult, tx: number): number[] {
  const out: number[] = [];
  const { unitTx, units } = result.sequential;
  for (let u = 0; u < units; u++) if (unitTx[u] === tx) out.push(u);
  return out;
}

const LEG_NAMES = ["debit leg", "apply leg", "settle leg"];

/** The name of the k-th unit of a transaction: whole, or its leg under receipts when it crosses shards. */
function legName(result: RunResult, tx: number, k: number): string | null {
  const s = result.scenario;
  if (s.shards <= 1 || s.crossShard !== "receipts") return null;
  const p = placementOf(result.block, s.shards);
  return p.home[tx] === p.target[tx] ? null : (LEG_NAMES[k] ?? `leg ${k + 1}`);
}

/** Incarnation (0-based) of each of tx's commits, in order: the k-th is the final one of its k-th unit. */
function committedIncarnations(result: RunResult, tx: number): number[] {
  const { log } = result;
  const ev = analyzeRun(result).index.events;
  const out: number[] = [];
  if (tx + 1 >= ev.start.length) return out;
  for (let p = ev.start[tx]; p < ev.start[tx + 1]; p++) {
    if (log.kind[ev.index[p]] === Ev.Commit) out.push(log.inc[ev.index[p]]);
  }
  return out;
}

function legsOf(result: RunResult, tx: number, names: Names): LegDetail[] {
  const seq = result.sequential;
  const own = unitsOf(result, tx);
  const versions = (writerUnit: number): string => {
    if (writerUnit < 0) return "the initial state";
    const writer = seq.unitTx[writerUnit];
    const k = unitsOf(result, writer).indexOf(writerUnit);
    const leg = legName(result, writer, k);
    if (writer === tx) return `its own ${leg ?? "earlier write"}`;
    const inc = committedIncarnations(result, writer)[k];
    const incarnation = inc === undefined ? "" : `, incarnation ${inc + 1}`;
    return `${names.tx(writer)}${leg ? ` (${leg})` : ""}${incarnation}`;
  };
  return own.map((u, k) => {
    const reads: ReadDetail[] = [];
    for (let r = seq.readStart[u]; r < seq.readStart[u + 1]; r++) {
      reads.push({ key: names.key(seq.readKey[r]), from: versions(seq.readFrom[r]) });
    }
    const writes: string[] = [];
    for (let w = seq.writeStart[u]; w < seq.writeStart[u + 1]; w++) writes.push(names.key(seq.writeKey[w]));
    const code = seq.revert[u];
    return {
      phase: legName(result, tx, k) ?? "whole transaction",
      reads,
      writes,
      revert: code < 0 ? (REVERT_NAMES[code] ?? `code ${code}`) : null,
    };
  });
}

interface OpenExecution {
  incarnation: number;
  leg: string | null;
  lane: number;
  start: number;
  end: number;
  outcome: Outcome;
  note: string;
  validations: number;
  reverted: boolean;
  startEvent: number;
}

function executionsOf(
  result: RunResult,
  tx: number,
  names: Names,
): {
  executions: ExecutionDetail[];
  messages: MessageDetail[];
} {
  const { log } = result;
  const spans = analyzeRun(result).index.spans;
  const executions: OpenExecution[] = [];
  const messages: MessageDetail[] = [];
  // The latest execution of incarnation inc among the first `upTo`.
  const latest = (inc: number, upTo = executions.length): OpenExecution | undefined => {
    for (let e = upTo - 1; e >= 0; e--) if (executions[e].incarnation === inc + 1) return executions[e];
    return undefined;
  };
  // Executions and their validations, as the spans paired them.
  for (const k of spansOf(spans, tx)) {
    const inc = spans.inc[k];
    if (spans.kind[k] === SpanKind.Validate) {
      const x = latest(inc);
      if (x && spans.ended[k] !== SpanEnd.Open) x.validations++;
      continue;
    }
    const suspended = spans.ended[k] === SpanEnd.Suspended;
    const aborted = spans.abortEvent[k] >= 0;
    // A two-phase commit's legs (debit, apply, settle) are named by the span's leg.
    executions.push({
      incarnation: inc + 1,
      leg: spans.leg[k] > 0 ? (PHASE_NAMES[spans.leg[k]] ?? null) : null,
      lane: spans.lane[k],
      start: spans.start[k],
      end: spans.endEvent[k] >= 0 ? spans.end[k] : Number.NaN,
      outcome: suspended ? "waited" : aborted ? "aborted" : "executed",
      note: suspended
        ? `stopped at ${names.key(spans.key[k])}, an estimate left by ${names.tx(spans.other[k])}, and waited for it`
        : aborted
          ? explainAbort(log, spans.abortEvent[k], names)
          : "",
      validations: 0,
      reverted: false,
      startEvent: spans.startEvent[k],
    });
  }
  // Reverts, commits (each ends a leg) and messages: the transaction's own events.
  const ev = analyzeRun(result).index.events;
  if (tx + 1 >= ev.start.length) return { executions, messages };
  let legs = 0;
  let started = 0;
  // Executions up to the last commit: each commit decides the legs since the one before.
  let sinceCommit = 0;
  for (let p = ev.start[tx]; p < ev.start[tx + 1]; p++) {
    const i = ev.index[p];
    for (; started < executions.length && executions[started].startEvent <= i; started++) {
      executions[started].leg ??= legName(result, tx, legs);
    }
    const t = log.time[i];
    switch (log.kind[i]) {
      case Ev.Revert: {
        const x = latest(log.inc[i], started);
        if (x) {
          x.reverted = true;
          // An abort later says more: that incarnation's result did not count.
          if (x.outcome !== "aborted") {
            x.note = `its own logic rejected it: ${REVERT_NAMES[log.other[i]] ?? `code ${log.other[i]}`}`;
          }
        }
        break;
      }
      case Ev.Commit: {
        // A two-phase commit's legs all end with its one decision.
        const legsRun = executions.slice(sinceCommit, started);
        const reverted = legsRun.some((x) => x.reverted);
        for (const x of legsRun)
          if (x.outcome === "executed") x.outcome = reverted ? "reverted" : "committed";
        sinceCommit = started;
        legs++;
        break;
      }
      case Ev.MsgSend:
        messages.push({
          time: t,
          text: `sent ${MSG_NAMES[log.other[i]] ?? "a message"} to shard ${log.key[i]}`,
        });
        break;
      case Ev.MsgRecv:
        messages.push({
          time: t,
          text: `${MSG_NAMES[log.other[i]] ?? "message"} arrived from shard ${log.key[i]}`,
        });
        break;
    }
  }
  return { executions, messages };
}

export function txDetails(result: RunResult, tx: number): TxDetails {
  const { block, scenario } = result;
  const names = runNames(result);
  const contract = CONTRACTS[block.kind[tx]];
  const o = tx * ARGS;
  const isKey = keyArguments(contract, block.args, o);
  const args = contract.argNames.map((name, j) => {
    const v = block.args[o + j];
    return { name, isKey: isKey[j], value: isKey[j] ? keyName(block.keys, v) : formatInt(v) };
  });
  const declared = [];
  for (let i = block.accStart[tx]; i < block.accStart[tx + 1]; i++) {
    declared.push({ key: names.key(block.accKey[i]), write: (block.accFlag[i] & ACC_WRITE) !== 0 });
  }
  const p = scenario.shards > 1 ? placementOf(block, scenario.shards) : null;
  return {
    tx,
    name: names.tx(tx),
    contract: contract.name,
    calls: result.eth?.targets[tx] ?? null,
    args,
    declared,
    legs: legsOf(result, tx, names),
    ...executionsOf(result, tx, names),
    shards: p ? { home: p.home[tx], target: p.target[tx] } : null,
  };
}
