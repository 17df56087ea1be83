/**
 * Why an incarnation aborted, in one sentence, from the event log alone. An Abort event names the stale
 * read's key and the transaction whose entry is at that key now (`other`, -1 = the initial state); what
 * happened to that entry between the read and the validation is read off the writer's own events.
 */
import { ACC_DELTA, type Block, keyName } from "../block";
import type { EthBlockInfo } from "../ethereum/import";
import type { EventLogData } from "../trace/eventlog";
import { Ev } from "../trace/kinds";

/** How a transaction and a key are called on screen (imported blocks name transactions by hash). */
export interface Names {
  tx(tx: number): string;
  key(key: number): string;
  /** Whether tx only adds to key (an aggregator: it never reads the value). */
  adds?(tx: number, key: number): boolean;
}

export function runNames(run: { readonly block: Block; readonly eth?: EthBlockInfo }): Names {
  const { block } = run;
  const labels = run.eth?.labels;
  return {
    tx: (t) => (labels?.[t] !== undefined ? `tx ${labels[t]}` : `tx ${t}`),
    key: (k) => keyName(block.keys, k),
    adds: (t, k) => {
      for (let i = block.accStart[t]; i < block.accStart[t + 1]; i++)
        if (block.accKey[i] === k) return (block.accFlag[i] & ACC_DELTA) !== 0;
      return false;
    },
  };
}

/** Each transaction's events in log order (CSR): log indices index[start[tx]..start[tx + 1]]. */
export interface TxEvents {
  readonly start: Int32Array;
  readonly index: Int32Array;
}

const byLog = new WeakMap<EventLogData, TxEvents>();

/** The per-transaction event lists of a log, built in one pass and cached. */
export function txEvents(log: EventLogData): TxEvents {
  const cached = byLog.get(log);
  if (cached) return cached;
  let maxTx = -1;
  for (let i = 0; i < log.length; i++) if (log.tx[i] > maxTx) maxTx = log.tx[i];
  const start = new Int32Array(maxTx + 2);
  for (let i = 0; i < log.length; i++) if (log.tx[i] >= 0) start[log.tx[i] + 1]++;
  for (let t = 0; t <= maxTx; t++) start[t + 1] += start[t];
  const fill = start.slice(0, maxTx + 1);
  const index = new Int32Array(start[maxTx + 1]);
  for (let i = 0; i < log.length; i++) if (log.tx[i] >= 0) index[fill[log.tx[i]]++] = i;
  const built = { start, index };
  byLog.set(log, built);
  return built;
}

/** Position in tx's list of its first event at log index >= i. */
export function positionOf(ev: TxEvents, tx: number, i: number): number {
  if (tx < 0 || tx + 1 >= ev.start.length) return 0;
  let a = ev.start[tx];
  let b = ev.start[tx + 1];
  while (a < b) {
    const m = (a + b) >>> 1;
    if (ev.index[m] < i) a = m + 1;
    else b = m;
  }
  return a;
}

/** Log index of tx's last event of `kind` before log index i (and of incarnation `inc` if given), or -1. */
export function lastBefore(log: EventLogData, tx: number, i: number, kind: number, inc = -1): number {
  const ev = txEvents(log);
  if (tx < 0 || tx + 1 >= ev.start.length) return -1;
  for (let p = positionOf(ev, tx, i) - 1; p >= ev.start[tx]; p--) {
    const e = ev.index[p];
    if (log.kind[e] === kind && (inc < 0 || log.inc[e] === inc)) return e;
  }
  return -1;
}

/** Log index of tx's first event of `kind` after log index i (and of incarnation `inc` if given), or -1. */
export function firstAfterIndex(log: EventLogData, tx: number, i: number, kind: number, inc = -1): number {
  const ev = txEvents(log);
  if (tx < 0 || tx + 1 >= ev.start.length) return -1;
  for (let p = positionOf(ev, tx, i + 1); p < ev.start[tx + 1]; p++) {
    const e = ev.index[p];
    if (log.kind[e] === kind && (inc < 0 || log.inc[e] === inc)) return e;
  }
  return -1;
}

/**
 * What made the read stale:
 * - wrote-after: the writer published its write of the key after the read (`again`: in a re-execution);
 * - rewrote: the read saw the writer's earlier incarnation, which re-executed and wrote a new value;
 * - writer-aborted: the read saw the writer's value, and the writer has since aborted (its write is now an
 *   ESTIMATE);
 * - withdrawn: the write the read saw is gone; the key's value now comes from tx `now` (-1: initial state).
 */
export type AbortCause =
  | { readonly kind: "wrote-after"; readonly writer: number; readonly again: boolean }
  | { readonly kind: "rewrote"; readonly writer: number }
  | { readonly kind: "writer-aborted"; readonly writer: number }
  | { readonly kind: "withdrawn"; readonly now: number };

export interface AbortFacts {
  readonly tx: number;
  readonly inc: number;
  readonly key: number;
  /** Log index of the Abort event. */
  readonly event: number;
  /** Log index of the aborted incarnation's last execution start (its reads happen then), or -1. */
  readonly readAt: number;
  readonly cause: AbortCause;
}

/**
 * The facts of the Abort event at log index i, or null if it is not one. Reads are placed at the execution
 * start: exact on the virtual clock (a task runs when it begins and publishes when it completes), an
 * approximation for measured runs, where a read happens somewhere inside the execution.
 */
export function abortFacts(log: EventLogData, i: number): AbortFacts | null {
  if (i < 0 || i >= log.length || log.kind[i] !== Ev.Abort) return null;
  const tx = log.tx[i];
  const inc = log.inc[i];
  const writer = log.other[i];
  const readAt = lastBefore(log, tx, i, Ev.ExecStart, inc);
  const facts = { tx, inc, key: log.key[i], event: i, readAt };
  if (writer < 0) return { ...facts, cause: { kind: "withdrawn", now: -1 } };
  // The writer's entry at the time of the read: published (and not aborted since), or not there yet.
  const endBeforeRead = lastBefore(log, writer, readAt, Ev.ExecEnd);
  const standing = endBeforeRead >= 0 && lastBefore(log, writer, readAt, Ev.Abort) < endBeforeRead;
  const wroteAfter: AbortCause = { kind: "wrote-after", writer, again: endBeforeRead >= 0 };
  // A re-execution that wrote no new key wrote a subset of the earlier write set: if that one stood at the
  // read, the read saw it. One that wrote a new key may have written this key for the first time.
  const sawWriter = standing && !wroteNewKey(log, writer, readAt, i);
  const lastEnd = lastBefore(log, writer, i, Ev.ExecEnd);
  if (lastBefore(log, writer, i, Ev.Abort) > lastEnd) {
    return { ...facts, cause: sawWriter ? { kind: "writer-aborted", writer } : wroteAfter };
  }
  if (lastEnd > readAt) return { ...facts, cause: sawWriter ? { kind: "rewrote", writer } : wroteAfter };
  return { ...facts, cause: { kind: "withdrawn", now: writer } };
}

/** Whether tx published an execution that wrote a key new to it between log indices from and to. */
function wroteNewKey(log: EventLogData, tx: number, from: number, to: number): boolean {
  const ev = txEvents(log);
  for (let p = positionOf(ev, tx, from + 1); p < ev.start[tx + 1] && ev.index[p] < to; p++) {
    const e = ev.index[p];
    if (log.kind[e] === Ev.ExecEnd && log.other[e] === 1) return true;
  }
  return false;
}

/**
 * The reason as a clause whose subject is the aborted transaction: past ("read balance[7] written by tx 3,
 * which re-executed and wrote a new value") or future, for a caption looking ahead at an execution that
 * will be thrown away ("reads M[0] before tx 4, earlier in the block, writes it").
 */
export function abortReason(f: AbortFacts, names: Names, tense: "past" | "future" = "past"): string {
  const k = names.key(f.key);
  const past = tense === "past";
  const c = f.cause;
  if (names.adds?.(f.tx, f.key)) return limitReason(k, c, names, past);
  switch (c.kind) {
    case "wrote-after": {
      const w = names.tx(c.writer);
      if (c.again)
        return past
          ? `read ${k} before ${w} re-executed and wrote it`
          : `reads ${k} before ${w} re-executes and writes it`;
      return past
        ? `read ${k} before ${w}, earlier in the block, wrote it`
        : `reads ${k} before ${w}, earlier in the block, writes it`;
    }
    case "rewrote":
      return past
        ? `read ${k} written by ${names.tx(c.writer)}, which re-executed and wrote a new value`
        : `reads ${k} written by ${names.tx(c.writer)}, which will re-execute and write a new value`;
    case "writer-aborted":
      return past
        ? `read ${k} written by ${names.tx(c.writer)}, which then aborted`
        : `reads ${k} written by ${names.tx(c.writer)}, which will abort`;
    case "withdrawn": {
      if (!past) return `reads ${k} from a write that will be withdrawn`;
      const from = c.now < 0 ? "the initial state" : names.tx(c.now);
      return `read ${k} from a write that was then withdrawn; ${k} now comes from ${from}`;
    }
  }
}

/**
 * An aggregator's add (tryAdd) is validated by whether it still fits its limit, not by what it read: the
 * total below it changed across the limit, or an add it counted is being re-executed.
 */
function limitReason(k: string, c: AbortCause, names: Names, past: boolean): string {
  const decided = past ? "decided" : "decides";
  const head = `${decided} whether its add to ${k} fits the limit from a total that`;
  if (c.kind === "writer-aborted") {
    const w = names.tx(c.writer);
    return past
      ? `${head} counted ${w}'s add, and ${w} then aborted`
      : `${head} counts ${w}'s add, and ${w} will abort`;
  }
  const latest = c.kind === "withdrawn" ? c.now : c.writer;
  const by = latest < 0 ? "" : ` (the latest by ${names.tx(latest)})`;
  return `${head} earlier transactions' adds${by} ${past ? "have since moved" : "will move"} across it`;
}

/** The sentence for the Abort event at log index i ("" if it is not one). */
export function explainAbort(log: EventLogData, i: number, names: Names): string {
  const f = abortFacts(log, i);
  return f ? abortReason(f, names) : "";
}
