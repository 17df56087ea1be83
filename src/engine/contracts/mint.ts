import { type Contract, credit, Revert, take } from "./contract";

/**
 * NFT mint from a capped collection. Args: minterBalKey, ownerRecordKey (how many tokens the minter owns),
 * counterKey (minted so far), revenueKey, price, cap. Returns the token id; reverts SoldOut at the cap.
 */
export const mint: Contract = {
  id: 2,
  name: "mint",
  gas: 80_000,
  argNames: ["minter balance", "owner record", "counter", "revenue", "price", "cap"],
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
    const minted = v.read(a[o + 2]);
    if (minted >= a[o + 5]) return Revert.SoldOut;
    v.write(a[o + 2], minted + 1);
    credit(v, a[o + 3], payload);
    return minted;
  },
  settle(v, a, o, payload, result) {
    if (result < 0) credit(v, a[o], payload);
    else credit(v, a[o + 1], 1);
  },
};
