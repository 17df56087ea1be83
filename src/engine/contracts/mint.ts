import { type Contract, credit, NO_LIMIT, Revert, readThenAdd, take } from "./contract";

/**
 * NFT mint from a capped collection. Args: minterBalKey, ownerRecordKey (how many tokens the minter owns),
 * counterKey (minted so far), revenueKey, price, cap, aggregators (1 = the counter and the revenue are
 * aggregators). Returns the token id; reverts SoldOut at the cap (and Overflow if the revenue would pass the
 * largest safe integer, out of any block's reach).
 *
 * With aggregators (Aptos AIP-43) the counter is a bounded aggregator (try_add 1 up to the cap) and the
 * revenue an unbounded one: the mint adds to both without reading either, so mints of one collection
 * commute until the cap is at stake. It then never learns the counter's value, so it returns token id 0:
 * Aptos derives the id from a snapshot of the counter (AIP-47), which this model does not keep, and nothing
 * in the state depends on it (the owner record counts tokens). Every final state is the same either way.
 */
export const mint: Contract = {
  id: 2,
  name: "mint",
  gas: 80_000,
  argNames: ["minter balance", "owner record", "counter", "revenue", "price", "cap", "aggregators"],
  settlesOnSuccess: true,
  access(a, o, sink) {
    sink.add(a[o], true, 0);
    sink.add(a[o + 1], true, 0);
    if (a[o + 6] === 1) {
      sink.delta(a[o + 2], 1, 1, a[o + 5]);
      sink.delta(a[o + 3], 1, a[o + 4], NO_LIMIT);
      return;
    }
    sink.add(a[o + 2], true, 1);
    sink.add(a[o + 3], true, 1);
  },
  debit(v, a, o) {
    return take(v, a[o], a[o + 4]);
  },
  apply(v, a, o, payload) {
    if (a[o + 6] === 1) {
      if (!v.tryAdd(a[o + 2], 1, a[o + 5])) return Revert.SoldOut;
      return v.tryAdd(a[o + 3], payload, NO_LIMIT) ? 0 : Revert.Overflow;
    }
    const minted = v.read(a[o + 2]);
    if (minted >= a[o + 5]) return Revert.SoldOut;
    v.write(a[o + 2], minted + 1);
    return readThenAdd(v, a[o + 3], payload, NO_LIMIT) ? minted : Revert.Overflow;
  },
  settle(v, a, o, payload, result) {
    if (result < 0) credit(v, a[o], payload);
    else credit(v, a[o + 1], 1);
  },
};
