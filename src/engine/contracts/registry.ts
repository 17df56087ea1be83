import type { Contract } from "./contract";
import { ethCall } from "./eth-call";
import { erc20Approve, erc20Transfer, erc20TransferFrom } from "./eth-erc20";
import { ethTransfer } from "./eth-transfer";
import { mint } from "./mint";
import { readWrite } from "./read-write";
import { ship } from "./ship";
import { swap } from "./swap";
import { transfer } from "./transfer";
import { vote } from "./vote";

/** Every contract kind, indexed by its id (Block.kind). Ids are stable: blocks and logs store them. */
export const CONTRACTS: readonly Contract[] = [
  transfer,
  swap,
  mint,
  vote,
  ship,
  readWrite,
  ethTransfer,
  erc20Transfer,
  erc20TransferFrom,
  erc20Approve,
  ethCall,
];
