/**
 * How a bal run's check against its block access list went, read off the run: the entry the corrupt-list
 * toggle made wrong (if it did), the ListMismatch events that caught it and what they did to the block.
 */
import type { AccessList, Block } from "../block";
import { corruptsList, type Scenario } from "../scenario/scenario";
import type { Tamper } from "../schedulers/bal/tamper";
import type { EventLogData } from "../trace/eventlog";
import { Ev, LIST_MISMATCH_NAMES } from "../trace/kinds";
import type { Names } from "./explain";
import { logIndexOf } from "./log-index";

/** What the list's check needs of a run (a RunResult has it). */
export interface ListRun {
  readonly scenario: Pick<Scenario, "scheduler" | "corruptList">;
  readonly block: Block;
  readonly log: EventLogData;
  readonly listTamper?: Tamper;
}

export interface ListCheck {
  /** The entry the run made wrong on purpose, if any. */
  readonly tamper: Tamper | undefined;
  /** Log index of the ListMismatch that names the wrong entry's transaction and key, or -1. */
  readonly caught: number;
  /** Log index of every ListMismatch, in log order. */
  readonly mismatches: readonly number[];
  /** Transactions with at least one ListMismatch, ascending. */
  readonly txs: readonly number[];
}

/** When a bal block turned invalid: the time of its first disagreement with the list (Infinity: never). */
export function invalidSince(log: EventLogData): number {
  for (let i = 0; i < log.length; i++) if (log.kind[i] === Ev.ListMismatch) return log.time[i];
  return Number.POSITIVE_INFINITY;
}

export function listCheck(run: ListRun): ListCheck {
  const { log, listTamper: tamper } = run;
  const index = logIndexOf(log);
  const mismatches = Array.from(index.listMismatches);
  const txs = Array.from(index.listMismatchedTxs);
  const caught = tamper
    ? (mismatches.find((i) => log.tx[i] === tamper.tx && log.key[i] === tamper.key) ?? -1)
    : -1;
  return { tamper, caught, mismatches, txs };
}

/** The list's entry for tx's write of key: its value and whether it is an aggregator delta, or null. */
export function listedWrite(
  list: AccessList,
  tx: number,
  key: number,
): { value: number; delta: boolean } | null {
  for (let i = list.writeStart[tx]; i < list.writeStart[tx + 1]; i++)
    if (list.writeKey[i] === key) return { value: list.writeVal[i], delta: list.writeDelta[i] === 1 };
  return null;
}

const count = (n: number): string => n.toLocaleString("en-US");
const number = (n: number): string =>
  Number.isInteger(n) ? n.toLocaleString("en-US") : n.toLocaleString("en-US", { maximumFractionDigits: 6 });
const plural = (n: number, one: string): string => `${count(n)} ${one}${n === 1 ? "" : "s"}`;

/** What the toggle changed in the entry, as a clause: "tx 517's written value for balance[42] is off by one (…)". */
export function tamperClause(block: Block, t: Tamper, names: Names): string {
  const x = names.tx(t.tx);
  const key = names.key(t.key);
  switch (t.kind) {
    case "value": {
      const w = block.accessList ? listedWrite(block.accessList, t.tx, t.key) : null;
      if (!w) return `${x}'s written value for ${key} is off by one`;
      return w.delta
        ? `${x}'s amount added to ${key} is off by one (the list says +${number(w.value)}, its execution adds +${number(w.value - 1)})`
        : `${x}'s written value for ${key} is off by one (the list says ${number(w.value)}, its execution writes ${number(w.value - 1)})`;
    }
    case "drop-write":
      return `${x}'s write of ${key} is left out of the list`;
    case "drop-read":
      return `${x}'s read of ${key} is left out of the list`;
    case "extra-read":
      return `${x}'s entry lists a read of ${key} that it does not make`;
  }
}

/** Up to three transactions by name, then how many more. */
function someTxs(txs: readonly number[], names: Names): string {
  const shown = txs.slice(0, 3).map((t) => names.tx(t));
  return txs.length > 3 ? `${shown.join(", ")} and ${count(txs.length - 3)} more` : shown.join(" and ");
}

/** EIP-7928's rule, as the sentences and the hash check say it. */
export const EIP_7928_RULE =
  "EIP-7928 requires the list to be complete and accurate: a block whose list does not match its execution is invalid.";

/**
 * Whether the block checked out against its list, in sentences computed from the run: with the
 * corrupt-list toggle, the entry it made wrong, where the check caught it, which other transactions the
 * wrong value reached, and what the executor does to the block (rejects it: no write applied).
 */
export function checkLesson(run: ListRun, names: Names): string[] {
  const c = listCheck(run);
  const { log } = run;
  const out: string[] = [];
  if (c.tamper) {
    const t = c.tamper;
    out.push(`The corrupt-list setting made one entry wrong: ${tamperClause(run.block, t, names)}.`);
    out.push(
      c.caught >= 0
        ? `The check caught it at ${names.tx(t.tx)}: run at once against the list on worker ${log.worker[c.caught]}, it ${LIST_MISMATCH_NAMES[log.other[c.caught]]} at ${names.key(t.key)}.`
        : `The check did not catch it at ${names.tx(t.tx)}: this is a bug of the bal executor.`,
    );
    const others = c.txs.filter((tx) => tx !== t.tx);
    if (others.length > 0)
      out.push(
        `${others.length === 1 ? "One other transaction" : `${count(others.length)} other transactions`} (${someTxs(others, names)}) disagreed with ${others.length === 1 ? "its entry too: it" : "their entries too: each"} took ${names.key(t.key)} from the list after ${names.tx(t.tx)}, so it started from the wrong value.`,
      );
    else if (c.caught >= 0) out.push("No other transaction disagreed with its entry.");
  } else if (corruptsList(run.scenario) && run.block.accessList) {
    out.push(
      "The corrupt-list setting found no entry to change: no transaction in this block writes anything.",
    );
  }
  if (c.mismatches.length === 0) {
    out.push("Every transaction checked out against its entry: the block is valid.");
    return out;
  }
  const total = `${plural(c.mismatches.length, "disagreement")} in ${plural(c.txs.length, "transaction")}`;
  if (c.tamper)
    out.push(
      `So the block is invalid (${total}): the executor rejects it, nothing is re-executed or repaired, and none of its writes are applied, so the state stays as it was before the block. ${EIP_7928_RULE}`,
    );
  else {
    const first = c.mismatches[0];
    out.push(
      `The list is wrong: ${names.tx(log.tx[first])} ${LIST_MISMATCH_NAMES[log.other[first]]} at ${names.key(log.key[first])} (${total}), so the block is invalid and its state is left as it was.`,
    );
  }
  return out;
}

/**
 * The block's verdict when it does not match its list, in one line for the hash check (page and CLI): why
 * this run's state is not sequential execution's. Null when every transaction checked out.
 */
export function invalidBlockLine(run: ListRun, names: Names): string | null {
  const c = listCheck(run);
  if (c.mismatches.length === 0) return null;
  const who =
    c.tamper && c.caught >= 0
      ? `the corrupted list entry was caught at ${names.tx(c.tamper.tx)}`
      : `${names.tx(run.log.tx[c.mismatches[0]])} disagreed with its list entry`;
  return `Block invalid: ${who}; the block is rejected, its state left as before it.`;
}
