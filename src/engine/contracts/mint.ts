import { type Contract, Revert } from "./contract";

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
    const bal = v.read(a[o]);
    const price = a[o + 4];
    if (bal < price) return Revert.InsufficientFunds;
    v.write(a[o], bal - price);
    return price;
  },
  apply(v, a, o, payload) {
    const minted = v.read(a[o + 2]);
    if (minted >= a[o + 5]) return Revert.SoldOut;
    v.write(a[o + 2], minted + 1);
    v.write(a[o + 3], v.read(a[o + 3]) + payload);
    return minted;
  },
  settle(v, a, o, payload, result) {
    if (result < 0) v.write(a[o], v.read(a[o]) + payload);
    else v.write(a[o + 1], v.read(a[o + 1]) + 1);
  },
};
