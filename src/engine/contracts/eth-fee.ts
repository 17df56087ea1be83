import { type AccessSink, credit, Revert, type StateView } from "./contract";

/**
 * The fee leg shared by every imported Ethereum transaction. Argument slots 0 to 2 of each eth-* contract:
 *   [0] the sender's ETH balance key, [1] the fee sink key, [2] the fee.
 * The fee is the priority fee (gas limit x priority fee per gas, in the block's ETH unit). The sink is the
 * fee recipient's ETH balance when fees are paid inside each transaction ("in-tx": every transaction writes
 * that one key), or a key private to the transaction when they are applied after the block ("lazy": the
 * credits are swept into the fee recipient's balance by applyLazyFees). The base fee burn is not modelled.
 */
export function feeAccess(a: Float64Array, o: number, sink: AccessSink): void {
  sink.add(a[o], true, 0);
  sink.add(a[o + 1], true, 0);
}

/** Takes `value` + fee from the sender and credits the fee to the sink; returns `value` or a Revert code. */
export function payFee(v: StateView, a: Float64Array, o: number, value: number): number {
  const bal = v.read(a[o]);
  const fee = a[o + 2];
  if (bal < value + fee) return Revert.InsufficientFunds;
  v.write(a[o], bal - value - fee);
  credit(v, a[o + 1], fee);
  return value;
}

export const FEE_ARG_NAMES = ["sender ETH", "fee sink", "fee"] as const;
