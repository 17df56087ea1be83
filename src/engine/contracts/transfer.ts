import { type Contract, Revert } from "./contract";

/** P2P payment (the Block-STM paper's benchmark). Args: fromKey, toKey, amount. Fails without funds. */
export const transfer: Contract = {
  id: 0,
  name: "transfer",
  gas: 21_000,
  argNames: ["from", "to", "amount"],
  settlesOnSuccess: false,
  access(a, o, sink) {
    sink.add(a[o], true, 0);
    sink.add(a[o + 1], true, 1);
  },
  debit(v, a, o) {
    const bal = v.read(a[o]);
    const amount = a[o + 2];
    if (bal < amount) return Revert.InsufficientFunds;
    v.write(a[o], bal - amount);
    return amount;
  },
  apply(v, a, o, payload) {
    v.write(a[o + 1], v.read(a[o + 1]) + payload);
    return 0;
  },
  settle(v, a, o, payload, result) {
    if (result < 0) v.write(a[o], v.read(a[o]) + payload);
  },
};
