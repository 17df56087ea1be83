/**
 * The allowed ranges, said once. The validator checks against them; the knobs, the CLI help and the
 * README's scenario table are written from them (a test reads the README back).
 */
import type { CostModel } from "./scenario";

export interface Range {
  readonly integer: boolean;
  readonly min: number;
  readonly max: number;
  /** Shown after the range ("µs"). */
  readonly unit?: string;
}

const int = (min: number, max: number): Range => ({ integer: true, min, max });
const real = (min: number, max: number, unit?: string): Range => ({ integer: false, min, max, unit });

export type NumberField =
  | "seed"
  | "txs"
  | "accounts"
  | "skew"
  | "pools"
  | "collections"
  | "proposals"
  | "items"
  | "workers"
  | "shards"
  | "locality";

/** The scenario's number fields. */
export const RANGES: Readonly<Record<NumberField, Range>> = {
  seed: int(0, 2 ** 32 - 1),
  txs: int(1, 100_000),
  accounts: int(2, 1_000_000),
  skew: real(0, 4),
  pools: int(1, 10_000),
  collections: int(1, 1_000),
  proposals: int(1, 1_000),
  items: int(1, 1_000_000),
  workers: int(1, 64),
  shards: int(1, 64),
  locality: real(0, 1),
};

/** The cost model's fields. */
export const COST_RANGES: Readonly<Record<keyof CostModel, Range>> = {
  gasPerUs: real(100, 10_000_000),
  validateUsPerRead: real(0, 100, "µs"),
  taskUs: real(0, 100, "µs"),
  mvReadUs: real(0, 100, "µs"),
  mvWriteUs: real(0, 100, "µs"),
  commitUs: real(0, 100, "µs"),
  resumeUs: real(0, 100, "µs"),
  msgUs: real(0, 1_000_000, "µs"),
  work: real(0, 100),
};

/** The scenario's on/off fields and what each does, said once (the knob, the CLI help, the README). */
export const FLAGS = {
  aggregators:
    "mint counters and revenues and vote tallies become aggregators, as in Aptos (AIP-47): a transaction adds to them without reading them, so these adds commute and need not wait for each other unless a mint's cap is at stake",
  corruptList:
    "with the bal scheduler, one written value in the block access list is made off by one (the first write of the first transaction from the middle of the block on that writes anything), to show the check catch it: a list that does not match execution makes the block invalid",
} as const;
export type FlagField = keyof typeof FLAGS;

/** One contract kind's weight in the mix: weights are relative; the cap keeps their sum finite. */
export const WEIGHT_RANGE: Range = real(0, 1_000_000);

/** Live runs' teaching pace: real work per unit of modelled cost is multiplied by this (1 = full speed). */
export const SLOWDOWN_RANGE: Range = real(1, 100_000);

/** Integers with thousands separators, fixed (not locale-dependent) so messages read the same everywhere. */
export function formatNumber(n: number): string {
  if (!Number.isInteger(n) || Math.abs(n) >= 1e21) return String(n);
  const digits = String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return n < 0 ? `-${digits}` : digits;
}

/** "1 to 64", "0 to 100 µs". */
export function rangeText(r: Range): string {
  return `${formatNumber(r.min)} to ${formatNumber(r.max)}${r.unit ? ` ${r.unit}` : ""}`;
}

/** The README's "allowed" column: "integer 1 to 64", "0 to 1". */
export function allowedText(r: Range): string {
  return r.integer ? `integer ${rangeText(r)}` : rangeText(r);
}

/** Whether x is a number the range allows. */
export function inRange(r: Range, x: unknown): x is number {
  return (
    typeof x === "number" &&
    (r.integer ? Number.isInteger(x) : Number.isFinite(x)) &&
    x >= r.min &&
    x <= r.max
  );
}

/** "must be an integer from 1 to 64": the validator's words for a range. */
export function mustBe(r: Range): string {
  return `must be ${r.integer ? "an integer" : "a number"} from ${formatNumber(r.min)} to ${formatNumber(r.max)}`;
}
