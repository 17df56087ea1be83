import { type Contract, credit, Revert, take } from "./contract";

/** floor(a * b / c) exactly, for non-negative safe integers (BigInt only when the product leaves 2^53). */
function mulDivFloor(a: number, b: number, c: number): number {
  const p = a * b;
  // A float product below 2^53 is exact (rounding is monotone), so the fast path loses nothing. NaN (a call
  // the executor has abandoned, see StateView) takes it too: BigInt would throw on it.
  if (!(p > Number.MAX_SAFE_INTEGER)) return Math.floor(p / c);
  return Number((BigInt(a) * BigInt(b)) / BigInt(c));
}

/**
 * Constant-product AMM (x * y = k) with a 0.3% fee. Args: traderInKey, traderOutKey, reserveInKey,
 * reserveOutKey, amountIn, minOut; the workload picks the direction by which keys it puts where.
 * out = floor(y * in * 997 / (x * 1000 + in * 997)); reverts with Slippage when out < minOut.
 */
export const swap: Contract = {
  id: 1,
  name: "swap",
  gas: 120_000,
  argNames: ["trader in", "trader out", "reserve in", "reserve out", "amount in", "min out"],
  settlesOnSuccess: true,
  access(a, o, sink) {
    sink.add(a[o], true, 0);
    sink.add(a[o + 1], true, 0);
    sink.add(a[o + 2], true, 1);
    sink.add(a[o + 3], true, 1);
  },
  debit(v, a, o) {
    return take(v, a[o], a[o + 4]);
  },
  apply(v, a, o, payload) {
    const x = v.read(a[o + 2]);
    const y = v.read(a[o + 3]);
    const inWithFee = payload * 997;
    const out = mulDivFloor(y, inWithFee, x * 1000 + inWithFee);
    if (out < a[o + 5]) return Revert.Slippage;
    v.write(a[o + 2], x + payload);
    v.write(a[o + 3], y - out);
    return out;
  },
  settle(v, a, o, payload, result) {
    if (result < 0) credit(v, a[o], payload);
    else credit(v, a[o + 1], result);
  },
};
