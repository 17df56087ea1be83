/**
 * What a scheduler executes: units. Unsharded, a unit is a whole transaction. Sharded with receipts, a
 * transaction becomes up to three units (debit, apply, settle) run in successive rounds on their shards.
 */
export const Phase = {
  /** debit -> apply -> settle atomically; any failure reverts all writes. */
  Full: 0,
  Debit: 1,
  Apply: 2,
  Settle: 3,
} as const;
export type PhaseT = (typeof Phase)[keyof typeof Phase];
export const PHASE_NAMES: readonly string[] = ["full", "debit", "apply", "settle"];

/** Share of a transaction's gas each leg costs (a full execution costs all of it). */
export const PHASE_GAS: readonly number[] = [1, 0.4, 0.5, 0.1];

/** A list of units to execute in a serial order the executor must reproduce. */
export interface Units {
  readonly n: number;
  readonly tx: Int32Array;
  readonly phase: Uint8Array;
  /** Input of the leg: the debit's payload for apply and settle. */
  readonly payload: Float64Array;
  /** Input of settle: the apply's result (negative = refund). */
  readonly result: Float64Array;
}

export function wholeTransactions(n: number): Units {
  const tx = new Int32Array(n);
  for (let i = 0; i < n; i++) tx[i] = i;
  return { n, tx, phase: new Uint8Array(n), payload: new Float64Array(n), result: new Float64Array(n) };
}
