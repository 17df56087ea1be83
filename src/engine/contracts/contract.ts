/**
 * A contract kind: real logic over a key-value state, split into the legs a cross-shard receipt needs.
 *
 * Keys are integers into the block's KeySpace; values are integers stored as float64 (always safe
 * integers, so arithmetic is exact and every executor gets bit-identical results).
 *
 * A transaction has a sender side (keys homed with the signer) and a target side (the object it acts on:
 * the receiver, a pool, a collection, a proposal, an item). Executed whole (unsharded, or under locks) it
 * runs debit -> apply -> settle atomically and a failure reverts everything. Under asynchronous receipts the
 * legs run in successive rounds on their own shards and a failed apply is undone by a refunding settle.
 */
export interface StateView {
  /**
   * NaN when the executor has abandoned the call (Block-STM: an earlier read met an ESTIMATE). The call must
   * still end, whatever it computes from NaN: everything it does from then on is thrown away.
   */
  read(key: number): number;
  write(key: number, value: number): void;
  /**
   * An aggregator update (Aptos's try_add, AIP-43): adds `delta` (>= 0) to the value at `key` if the sum
   * stays at most `limit`, and says whether it did. The caller learns that outcome and never the value, so
   * two such updates of one key commute unless the limit is at stake: an executor may run them side by side
   * and must redo one only when the outcome it assumed would change.
   */
  tryAdd(key: number, delta: number, limit: number): boolean;
}

/** tryAdd as a read then a write: what a view that keeps no deltas does (sequential execution, naive). */
export function readThenAdd(v: StateView, key: number, delta: number, limit: number): boolean {
  const value = v.read(key);
  if (value + delta > limit) return false;
  v.write(key, value + delta);
  return true;
}

/** Negative leg results: the transaction reverts (or, after a receipt, is refunded) for this reason. */
export const Revert = {
  InsufficientFunds: -1,
  Slippage: -2,
  SoldOut: -3,
  AlreadyVoted: -4,
  NotHolder: -5,
  Overflow: -6,
} as const;
export const REVERT_NAMES: Readonly<Record<number, string>> = {
  [-1]: "insufficient funds",
  [-2]: "slippage limit",
  [-3]: "sold out",
  [-4]: "already voted",
  [-5]: "sender is not the current holder",
  [-6]: "tally limit reached",
};

/** Declared access: a superset of the keys a transaction may touch, derived from its arguments alone. */
export interface AccessSink {
  /** side: 0 = sender side, 1 = target side. */
  add(key: number, write: boolean, side: 0 | 1): void;
  /**
   * The transaction only ever tryAdds to `key` (an aggregator): at most `step` per transaction, up to
   * `limit`. Such keys commute with each other's deltas while the limit cannot be reached.
   */
  delta(key: number, side: 0 | 1, step: number, limit: number): void;
}

/** The largest value a key may hold: the limit of an aggregator that has none of its own (a tally). */
export const NO_LIMIT = Number.MAX_SAFE_INTEGER;

export interface Contract {
  readonly id: number;
  readonly name: string;
  /** Gas of a typical call (the workload's cost unless the block says otherwise). */
  readonly gas: number;
  /** Describes the arguments for people: "from, to, amount". */
  readonly argNames: readonly string[];
  access(a: Float64Array, o: number, sink: AccessSink): void;
  /** Sender leg: returns the payload carried to the target (>= 0) or a Revert code. */
  debit(v: StateView, a: Float64Array, o: number): number;
  /** Target leg: returns a result (>= 0) or a Revert code. */
  apply(v: StateView, a: Float64Array, o: number, payload: number): number;
  /** Return leg on the sender side: deliver `result`, or refund `payload` if `result` < 0. */
  settle(v: StateView, a: Float64Array, o: number, payload: number, result: number): void;
  /** Whether a successful apply still needs a return leg (swap output, minted token). */
  readonly settlesOnSuccess: boolean;
}

/** Adds `amount` to the value at `key`. */
export function credit(v: StateView, key: number, amount: number): void {
  v.write(key, v.read(key) + amount);
}

/** Takes `amount` from the balance at `key`: returns the amount, or InsufficientFunds and writes nothing. */
export function take(v: StateView, key: number, amount: number): number {
  const bal = v.read(key);
  if (bal < amount) return Revert.InsufficientFunds;
  v.write(key, bal - amount);
  return amount;
}

/** Number of float64 argument slots per transaction in a block. */
export const ARGS = 8;
