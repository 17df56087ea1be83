import { type Contract, credit, Revert } from "./contract";

/**
 * DAO vote: one ballot per account, weighted. Args: hasVotedKey, weightKey, tallyKey (a proposal's
 * choice). The debit sets the voter's flag and carries its weight; a refunded vote clears the flag.
 */
export const vote: Contract = {
  id: 3,
  name: "vote",
  gas: 50_000,
  argNames: ["has voted", "weight", "tally"],
  settlesOnSuccess: false,
  access(a, o, sink) {
    sink.add(a[o], true, 0);
    sink.add(a[o + 1], false, 0);
    sink.add(a[o + 2], true, 1);
  },
  debit(v, a, o) {
    if (v.read(a[o]) !== 0) return Revert.AlreadyVoted;
    v.write(a[o], 1);
    return v.read(a[o + 1]);
  },
  apply(v, a, o, payload) {
    credit(v, a[o + 2], payload);
    return 0;
  },
  settle(v, a, o, _payload, result) {
    if (result < 0) v.write(a[o], 0);
  },
};
