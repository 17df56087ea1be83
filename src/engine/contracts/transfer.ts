import { type Contract, credit, take } from "./contract";

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
    return take(v, a[o], a[o + 2]);
  },
  apply(v, a, o, payload) {
    credit(v, a[o + 1], payload);
    return 0;
  },
  settle(v, a, o, payload, result) {
    if (result < 0) credit(v, a[o], payload);
  },
};
