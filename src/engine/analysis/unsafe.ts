import type { KeySpace } from "../block";
import type { EventLogData } from "../trace/eventlog";
import { Ev } from "../trace/kinds";
import type { Names } from "./explain";

/** Tx `tx` wrote `key` over the update of tx `overwrote`, which it had not seen when it read the key. */
export interface LostUpdate {
  readonly tx: number;
  readonly key: number;
  readonly overwrote: number;
}

/** Every lost update of an unsafe run, in the order they happened (its Ev.LostUpdate events). */
export function lostUpdates(log: EventLogData): LostUpdate[] {
  const out: LostUpdate[] = [];
  for (let i = 0; i < log.length; i++)
    if (log.kind[i] === Ev.LostUpdate) out.push({ tx: log.tx[i], key: log.key[i], overwrote: log.other[i] });
  return out;
}

/**
 * The block's currencies and the key regions that hold them: transfers move coins between balances, swaps
 * move them into and out of pool reserves (X side; the Y side is tokens), mints pay them to a collection's
 * revenue. Sequential execution only moves units of each currency around, never makes or burns any.
 */
export const CURRENCIES = {
  coins: ["balance", "reserveX", "revenue"],
  tokens: ["token", "reserveY"],
} as const;
export type Currency = keyof typeof CURRENCIES;

/** Total units of each currency the state holds; a currency the block has no keys for is absent. */
export function supplyOf(keys: KeySpace, state: Float64Array): Partial<Record<Currency, number>> {
  const out: Partial<Record<Currency, number>> = {};
  for (const c of Object.keys(CURRENCIES) as Currency[]) {
    const regions = keys.regions.filter((r) => (CURRENCIES[c] as readonly string[]).includes(r.name));
    if (regions.length === 0) continue;
    let sum = 0;
    for (const r of regions) for (let k = r.start; k < r.start + r.count; k++) sum += state[k];
    out[c] = sum;
  }
  return out;
}

/** The supply check of a run that may not reproduce sequential execution: totals after each. */
export interface SupplyCheck {
  readonly run: Partial<Record<Currency, number>>;
  readonly sequential: Partial<Record<Currency, number>>;
}

/**
 * What an unsafe run reports beside its state hash: the supply check, and the final state of the same block
 * run with another worker count (virtual runs only: a live run's interleaving varies anyway).
 */
export interface UnsafeCheck {
  readonly supply: SupplyCheck;
  readonly other?: { readonly workers: number; readonly stateHash: string };
}

/** The worker count an unsafe run is compared with: one fewer (two when it had one). */
export const otherWorkers = (workers: number): number => (workers === 1 ? 2 : workers - 1);

/** Units of each currency the run created (positive) or destroyed (negative) against sequential execution. */
export function supplyDrift(check: SupplyCheck): { currency: Currency; created: number }[] {
  return (Object.keys(check.sequential) as Currency[]).map((currency) => ({
    currency,
    created: (check.run[currency] ?? 0) - (check.sequential[currency] ?? 0),
  }));
}

const count = (n: number): string => Math.abs(n).toLocaleString("en-US");

/** What an unsafe run is read with: its log, its hashes, what it reports and how it names things. */
export interface UnsafeRun {
  readonly log: EventLogData;
  readonly stateHash: string;
  readonly sequentialStateHash: string;
  readonly unsafe?: UnsafeCheck;
}

/**
 * The lesson of an unsafe run, in three sentences computed from it: which updates were lost, what the
 * supply check found, and whether another worker count ends in the same state. The CLI and the page both
 * show these; tests check them against the run.
 */
export function unsafeLesson(run: UnsafeRun, names: Names): string[] {
  const lost = lostUpdates(run.log);
  const out: string[] = [];
  if (lost.length === 0) out.push("No update was lost in this run: no two transactions raced on a key.");
  else {
    const l = lost[0];
    const more = lost.length > 1 ? ` (and ${count(lost.length - 1)} more)` : "";
    out.push(
      `${count(lost.length)} update${lost.length === 1 ? " was" : "s were"} lost: ${names.tx(l.tx)} wrote ${names.key(l.key)} over the update of ${names.tx(l.overwrote)}, which it never saw${more}.`,
    );
  }
  if (run.unsafe) {
    for (const { currency, created } of supplyDrift(run.unsafe.supply))
      out.push(
        created === 0
          ? `Supply check: the block ends with as many ${currency} as sequential execution leaves${run.stateHash === run.sequentialStateHash ? "" : ", in the wrong places"}.`
          : `Supply check: ${count(created)} ${currency} ${created > 0 ? "more" : "fewer"} than executing the block in order leaves: the block ${created > 0 ? "created" : "destroyed"} money.`,
      );
    const o = run.unsafe.other;
    if (o)
      out.push(
        o.stateHash === run.stateHash
          ? `With ${o.workers} worker${o.workers === 1 ? "" : "s"} the same block ends in the same state.`
          : `With ${o.workers} worker${o.workers === 1 ? "" : "s"} the same block ends in another state (${o.stateHash}, not ${run.stateHash}): validators with different core counts would disagree on this block.`,
      );
  }
  return out;
}
