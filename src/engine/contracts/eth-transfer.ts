import { type Contract, credit } from "./contract";
import { FEE_ARG_NAMES, feeAccess, payFee } from "./eth-fee";

/**
 * A plain ETH transfer (input "0x") of an imported block. Args: the fee slots (eth-fee.ts), then
 * [3] the receiver's ETH balance key, [4] the value. Exact: it touches the two balances and the fee sink.
 */
export const ethTransfer: Contract = {
  id: 6,
  name: "eth-transfer",
  gas: 21_000,
  argNames: [...FEE_ARG_NAMES, "receiver ETH", "value"],
  settlesOnSuccess: false,
  access(a, o, sink) {
    feeAccess(a, o, sink);
    sink.add(a[o + 3], true, 1);
  },
  debit(v, a, o) {
    return payFee(v, a, o, a[o + 4]);
  },
  apply(v, a, o, payload) {
    credit(v, a[o + 3], payload);
    return 0;
  },
  settle(v, a, o, payload, result) {
    if (result < 0) credit(v, a[o], payload);
  },
};
