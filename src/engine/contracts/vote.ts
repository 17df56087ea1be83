import { type Contract, NO_LIMIT, Revert, readThenAdd } from "./contract";

/** The largest weight a member has (weights are 1 to this): the most one vote adds to a tally. */
export const MAX_WEIGHT = 100;

/**
 * DAO vote: one ballot per account, weighted. Args: hasVotedKey, weightKey, tallyKey (a proposal's
 * choice), aggregators (1 = the tally is an aggregator). The debit sets the voter's flag and carries its
 * weight; a refunded vote clears the flag. A tally stops at the largest safe integer (Overflow): out of any
 * block's reach, but the same limit with or without aggregators.
 *
 * With aggregators (Aptos AIP-43) the tally is an aggregator: a vote adds its weight without reading the
 * tally, so votes on one choice commute (the tally's limit, the largest safe integer, is never near).
 */
export const vote: Contract = {
  id: 3,
  name: "vote",
  gas: 50_000,
  argNames: ["has voted", "weight", "tally", "aggregators"],
  settlesOnSuccess: false,
  access(a, o, sink) {
    sink.add(a[o], true, 0);
    sink.add(a[o + 1], false, 0);
    if (a[o + 3] === 1) sink.delta(a[o + 2], 1, MAX_WEIGHT, NO_LIMIT);
    else sink.add(a[o + 2], true, 1);
  },
  debit(v, a, o) {
    if (v.read(a[o]) !== 0) return Revert.AlreadyVoted;
    v.write(a[o], 1);
    return v.read(a[o + 1]);
  },
  apply(v, a, o, payload) {
    const tally = a[o + 2];
    const added =
      a[o + 3] === 1 ? v.tryAdd(tally, payload, NO_LIMIT) : readThenAdd(v, tally, payload, NO_LIMIT);
    return added ? 0 : Revert.Overflow;
  },
  settle(v, a, o, _payload, result) {
    if (result < 0) v.write(a[o], 0);
  },
};
