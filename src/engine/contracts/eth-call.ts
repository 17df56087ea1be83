import { type Contract, credit } from "./contract";
import { FEE_ARG_NAMES, feeAccess, payFee } from "./eth-fee";

/** Modulus of the opaque storage value: keeps value * 31 + tag far below 2^53. */
const P = 1_000_000_007;

/**
 * Any other call (or a contract creation) of an imported block: what it touches inside the contract is
 * unknown without running the EVM, so it is modelled conservatively as an opaque read-modify-write of one
 * storage key standing for the whole called contract, plus the ETH value it carries. It also reads every
 * token entry of that contract other transactions of the block touch exactly (they sit right after the
 * storage key), so exact calls after it and before it both order against it. Calls it makes into other
 * contracts are invisible from the transaction's fields: the model does not see them.
 * Args: the fee slots (eth-fee.ts), then [3] the contract's ETH balance key, [4] the value, [5] its
 * storage key, [6] how many keys after the storage key it reads, [7] a tag (the transaction's index + 1)
 * mixed into the storage value so that the result depends on the order of the calls.
 */
export const ethCall: Contract = {
  id: 10,
  name: "eth-call",
  gas: 150_000,
  argNames: [...FEE_ARG_NAMES, "contract ETH", "value", "contract storage", "token entries", "tag"],
  settlesOnSuccess: false,
  access(a, o, sink) {
    feeAccess(a, o, sink);
    sink.add(a[o + 3], true, 1);
    const storage = a[o + 5];
    sink.add(storage, true, 1);
    for (let i = 1; i <= a[o + 6]; i++) sink.add(storage + i, false, 1);
  },
  debit(v, a, o) {
    return payFee(v, a, o, a[o + 4]);
  },
  apply(v, a, o, payload) {
    credit(v, a[o + 3], payload);
    const storage = a[o + 5];
    for (let i = 1; i <= a[o + 6]; i++) v.read(storage + i);
    v.write(storage, (v.read(storage) * 31 + a[o + 7]) % P);
    return 0;
  },
  settle(v, a, o, payload, result) {
    if (result < 0) credit(v, a[o], payload);
  },
};
