import { type Contract, credit, Revert } from "./contract";

/**
 * Supply-chain custody: the sender hands an item to the next holder. Args: senderShippedCountKey,
 * itemHolderKey, fromId, toId (account numbers, not keys), itemHopsKey. Reverts NotHolder unless the
 * item's current holder is the sender; a refunded shipment takes back the sender's shipped count.
 */
export const ship: Contract = {
  id: 4,
  name: "ship",
  gas: 45_000,
  argNames: ["sender shipped count", "item holder", "from", "to", "item hops"],
  settlesOnSuccess: false,
  access(a, o, sink) {
    sink.add(a[o], true, 0);
    sink.add(a[o + 1], true, 1);
    sink.add(a[o + 4], true, 1);
  },
  debit(v, a, o) {
    credit(v, a[o], 1);
    return 1;
  },
  apply(v, a, o, payload) {
    if (v.read(a[o + 1]) !== a[o + 2]) return Revert.NotHolder;
    v.write(a[o + 1], a[o + 3]);
    credit(v, a[o + 4], payload);
    return 0;
  },
  settle(v, a, o, payload, result) {
    if (result < 0) v.write(a[o], v.read(a[o]) - payload);
  },
};
