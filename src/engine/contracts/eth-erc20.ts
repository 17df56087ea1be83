import { type Contract, credit, Revert, type StateView, take } from "./contract";
import { FEE_ARG_NAMES, feeAccess, payFee } from "./eth-fee";

/**
 * ERC-20 calls of an imported block, decoded from their call data: exact read and write sets on the token's
 * balances and allowances (the target side is the token). Args: the fee slots (eth-fee.ts), then [3] the
 * token's storage key, which each call reads so that a conservative call to the same token, which writes
 * it, orders against them; then the entries the arguments name. Amounts are in the token's scaled unit.
 * The sender leg only pays the fee, which stays paid when the token call fails, as on Ethereum.
 */
const feeLeg: Pick<Contract, "debit" | "settle" | "settlesOnSuccess"> = {
  settlesOnSuccess: false,
  debit(v, a, o) {
    return payFee(v, a, o, 0);
  },
  settle() {},
};

function move(v: StateView, fromKey: number, toKey: number, amount: number): number {
  const taken = take(v, fromKey, amount);
  if (taken < 0) return taken;
  credit(v, toKey, amount);
  return 0;
}

/** transfer(to, amount). Args [4] sender's balance, [5] recipient's balance, [6] amount. */
export const erc20Transfer: Contract = {
  id: 7,
  name: "erc20-transfer",
  gas: 65_000,
  argNames: [...FEE_ARG_NAMES, "token storage", "sender balance", "recipient balance", "amount"],
  ...feeLeg,
  access(a, o, sink) {
    feeAccess(a, o, sink);
    sink.add(a[o + 3], false, 1);
    sink.add(a[o + 4], true, 1);
    sink.add(a[o + 5], true, 1);
  },
  apply(v, a, o) {
    v.read(a[o + 3]);
    return move(v, a[o + 4], a[o + 5], a[o + 6]);
  },
};

/**
 * transferFrom(from, to, amount) by a spender. Args [4] allowance(owner, spender), [5] owner's balance,
 * [6] recipient's balance, [7] amount. Fails without allowance or funds (both report InsufficientFunds).
 */
export const erc20TransferFrom: Contract = {
  id: 8,
  name: "erc20-transferFrom",
  gas: 80_000,
  argNames: [...FEE_ARG_NAMES, "token storage", "allowance", "owner balance", "recipient balance", "amount"],
  ...feeLeg,
  access(a, o, sink) {
    feeAccess(a, o, sink);
    sink.add(a[o + 3], false, 1);
    sink.add(a[o + 4], true, 1);
    sink.add(a[o + 5], true, 1);
    sink.add(a[o + 6], true, 1);
  },
  apply(v, a, o) {
    v.read(a[o + 3]);
    const amount = a[o + 7];
    const allowance = v.read(a[o + 4]);
    if (allowance < amount) return Revert.InsufficientFunds;
    const moved = move(v, a[o + 5], a[o + 6], amount);
    if (moved < 0) return moved;
    v.write(a[o + 4], allowance - amount);
    return 0;
  },
};

/** approve(spender, amount): sets the allowance. Args [4] allowance(sender, spender), [5] amount. */
export const erc20Approve: Contract = {
  id: 9,
  name: "erc20-approve",
  gas: 46_000,
  argNames: [...FEE_ARG_NAMES, "token storage", "allowance", "amount"],
  ...feeLeg,
  access(a, o, sink) {
    feeAccess(a, o, sink);
    sink.add(a[o + 3], false, 1);
    sink.add(a[o + 4], true, 1);
  },
  apply(v, a, o) {
    v.read(a[o + 3]);
    v.write(a[o + 4], a[o + 5]);
    return 0;
  },
};
