import { ACC_WRITE, type Block, GROUPS, type KeyRegion, keyName } from "../block";
import { ARGS } from "../contracts/contract";
import { ethCall } from "../contracts/eth-call";
import { erc20Approve, erc20Transfer, erc20TransferFrom } from "../contracts/eth-erc20";
import { ethTransfer } from "../contracts/eth-transfer";
import type { FeeMode } from "../scenario/scenario";
import { declareAccess } from "../workload/access";
import {
  decodeEthBlock,
  ETH_TX_KINDS,
  type EthBlockData,
  type EthTx,
  type EthTxKind,
  isExact,
} from "./decode";
import { addressName, shortAddress, shortHash } from "./labels";
import { decimalShift, GWEI_SHIFT, scaleAllowance, scaleDown } from "./scale";

/**
 * How the fee recipient (the block's miner) is credited. "in-tx": inside each transaction, so every
 * transaction writes the same balance and a naive executor serializes them all. "lazy": each transaction
 * records its fee in a key of its own, and applyLazyFees sweeps those into the recipient after the block,
 * as parallel EVMs do. Both end in the same final state.
 */

/** Said wherever an imported block's cost appears. */
export const GAS_LIMIT_NOTE =
  "cost = each transaction's gas limit, not the gas it used: receipts are not in the block file";

export interface HotKey {
  readonly key: number;
  readonly name: string;
  /** Transactions whose declared access names the key, and how many of them may write it. */
  readonly txs: number;
  readonly writers: number;
}

export interface HotContract {
  readonly address: string;
  readonly name: string;
  /** Transactions calling it, and how many of those are decoded exactly or modelled conservatively. */
  readonly txs: number;
  readonly exact: number;
  readonly conservative: number;
}

export interface TokenUnit {
  readonly address: string;
  readonly name: string;
  /** Amounts of this token are counted in units of 10^shift base units. */
  readonly shift: number;
}

/** What an imported block is: plain data (it crosses to workers and views by structured clone). */
export interface EthBlockInfo {
  readonly number: number;
  readonly hash: string;
  readonly miner: string;
  readonly feeMode: FeeMode;
  readonly txs: number;
  readonly kinds: Readonly<Record<EthTxKind, number>>;
  readonly exact: number;
  readonly conservative: number;
  /** Per transaction: its kind as an index into ETH_TX_KINDS. */
  readonly txKind: Uint8Array;
  /** Per transaction: its short hash. */
  readonly labels: readonly string[];
  /** Per transaction: what it calls or pays (contract name or short address). */
  readonly targets: readonly string[];
  readonly hottestKeys: readonly HotKey[];
  readonly hottestContracts: readonly HotContract[];
  /** The fee recipient's ETH balance key. */
  readonly minerKey: number;
  /** Transaction i's fee key is feeStart + i (written in "lazy" mode, always 0 in "in-tx" mode). */
  readonly feeStart: number;
  /** ETH is counted in units of 10^ethShift wei (9 = gwei). */
  readonly ethShift: number;
  readonly tokens: readonly TokenUnit[];
  /** Sum of the gas limits: the sequential cost of the block. */
  readonly gasLimitTotal: number;
  /** Gas the block used in all (its header), to set against gasLimitTotal; null when the file lacks it. */
  readonly gasUsed: number | null;
}

export type ImportResult = { ok: true; block: Block; info: EthBlockInfo } | { ok: false; error: string };

const HOTTEST = 10;

/** A block file's parsed JSON -> a workload: typed-array block, declared access, starting state, info. */
export function importEthBlock(json: unknown, opts: { feeMode: FeeMode }): ImportResult {
  const decoded = decodeEthBlock(json);
  if (!decoded.ok) return decoded;
  return { ok: true, ...buildBlock(decoded.value, opts.feeMode) };
}

/**
 * Sweeps the fee credits recorded by a "lazy" block into the fee recipient's balance, in transaction order
 * (exact integer sums). Run it on the final state of the executor and of the sequential oracle alike. On an
 * "in-tx" block the fee keys are all 0 and this changes nothing, so it may always be called.
 */
export function applyLazyFees(
  state: Float64Array,
  info: Pick<EthBlockInfo, "minerKey" | "feeStart" | "txs">,
): void {
  for (let i = 0; i < info.txs; i++) {
    const k = info.feeStart + i;
    state[info.minerKey] += state[k];
    state[k] = 0;
  }
}

/** Placement group of an address: its last byte (addresses are hashes, so groups come out even). */
function groupOf(hex: string): number {
  return Number.parseInt(hex.slice(-2), 16) % GROUPS;
}

/** A contract's keys, contiguous: its opaque storage key, then the token entries named by exact calls. */
interface ContractKeys {
  readonly name: string;
  readonly group: number;
  /** Entry id ("b" + holder, or "a" + owner + spender) -> index among the entries, in first-use order. */
  readonly entries: Map<string, number>;
  readonly entryLabels: string[];
  base: number;
}

class Layout {
  readonly eth = new Map<string, number>();
  readonly ethLabels: string[] = [];
  readonly ethGroups: number[] = [];
  readonly contracts = new Map<string, ContractKeys>();

  ethKey(address: string, label = shortAddress(address), group = groupOf(address)): number {
    let k = this.eth.get(address);
    if (k === undefined) {
      k = this.eth.size;
      this.eth.set(address, k);
      this.ethLabels.push(label);
      this.ethGroups.push(group);
    }
    return k;
  }

  /** The keys of the contract a transaction calls, or of the one it creates (named after the transaction). */
  callee(tx: EthTx): ContractKeys {
    const id = calleeId(tx);
    let c = this.contracts.get(id);
    if (!c) {
      const [name, group] = tx.to ? [addressName(tx.to), groupOf(tx.to)] : [id, groupOf(tx.hash)];
      c = { name, group, entries: new Map(), entryLabels: [], base: 0 };
      this.contracts.set(id, c);
    }
    return c;
  }

  /** Registers a token entry; its key is known once every contract's size is (after place()). */
  entry(c: ContractKeys, id: string, label: string): void {
    if (c.entries.has(id)) return;
    c.entries.set(id, c.entries.size);
    c.entryLabels.push(label);
  }

  /** Assigns key numbers: ETH balances, then n fee keys, then each contract's run. Returns the key count. */
  place(n: number): number {
    let next = this.eth.size + n;
    for (const c of this.contracts.values()) {
      c.base = next;
      next += 1 + c.entries.size;
    }
    return next;
  }
}

const balanceId = (holder: string) => `b${holder}`;
const allowanceId = (owner: string, spender: string) => `a${owner}${spender}`;
const balanceLabel = (holder: string) => `balanceOf ${shortAddress(holder)}`;
const allowanceLabel = (owner: string, spender: string) =>
  `allowance ${shortAddress(owner)}→${shortAddress(spender)}`;

/** The contract a transaction calls or creates (creations get a stand-in named after the transaction). */
function calleeId(tx: EthTx): string {
  return tx.to ?? `new contract of tx ${tx.index}`;
}

function buildBlock(data: EthBlockData, feeMode: FeeMode): { block: Block; info: EthBlockInfo } {
  const { txs, miner } = data;
  const n = txs.length;
  const at = new Layout();
  const minerEth = at.ethKey(miner, `fee recipient ${shortAddress(miner)}`);

  // Pass 1: every key each transaction names, and the totals that set each asset's unit.
  let ethTotal = 0n;
  const tokenTotal = new Map<string, bigint>();
  for (const tx of txs) {
    ethTotal += tx.value + BigInt(tx.gas) * tx.tipPerGas;
    at.ethKey(tx.from);
    const c = tx.call;
    if (c.kind === "eth-transfer") {
      at.ethKey(tx.to!);
      continue;
    }
    const callee = calleeId(tx);
    const keys = at.callee(tx);
    if (c.kind === "call" || c.kind === "create") {
      at.ethKey(callee, keys.name, keys.group);
      continue;
    }
    if (c.kind === "erc20-approve") {
      at.entry(keys, allowanceId(tx.from, c.spender), allowanceLabel(tx.from, c.spender));
      tokenTotal.set(callee, tokenTotal.get(callee) ?? 0n);
      continue;
    }
    const owner = c.kind === "erc20-transfer" ? tx.from : c.from;
    if (c.kind === "erc20-transferFrom")
      at.entry(keys, allowanceId(owner, tx.from), allowanceLabel(owner, tx.from));
    at.entry(keys, balanceId(owner), balanceLabel(owner));
    at.entry(keys, balanceId(c.to), balanceLabel(c.to));
    tokenTotal.set(callee, (tokenTotal.get(callee) ?? 0n) + c.amount);
  }
  const ethShift = decimalShift(ethTotal, GWEI_SHIFT);
  const tokenShift = new Map<string, number>();
  for (const [token, total] of tokenTotal) tokenShift.set(token, decimalShift(total, 0));

  const feeStart = at.eth.size;
  const count = at.place(n);
  const initial = new Float64Array(count);
  const group = new Uint8Array(count);
  const kind = new Uint8Array(n);
  const args = new Float64Array(n * ARGS);
  const gas = new Float64Array(n);
  const txKind = new Uint8Array(n);
  const targets: string[] = [];

  // Pass 2: arguments, and starting balances of what each sender sends (so every recorded transfer succeeds).
  for (const tx of txs) {
    const i = tx.index;
    const o = i * ARGS;
    const from = at.eth.get(tx.from)!;
    const value = scaleDown(tx.value, ethShift);
    const fee = scaleDown(BigInt(tx.gas) * tx.tipPerGas, ethShift);
    args[o] = from;
    args[o + 1] = feeMode === "in-tx" ? minerEth : feeStart + i;
    args[o + 2] = fee;
    initial[from] += value + fee;
    group[feeStart + i] = at.ethGroups[from];
    gas[i] = tx.gas;
    txKind[i] = ETH_TX_KINDS.indexOf(tx.call.kind);
    const c = tx.call;
    if (c.kind === "eth-transfer") {
      kind[i] = ethTransfer.id;
      args[o + 3] = at.eth.get(tx.to!)!;
      args[o + 4] = value;
      targets.push(shortAddress(tx.to!));
      continue;
    }
    const callee = calleeId(tx);
    const keys = at.contracts.get(callee)!;
    const keyOf = (id: string) => keys.base + 1 + keys.entries.get(id)!;
    targets.push(keys.name);
    if (c.kind === "call" || c.kind === "create") {
      kind[i] = ethCall.id;
      args[o + 3] = at.eth.get(callee)!;
      args[o + 4] = value;
      args[o + 5] = keys.base;
      args[o + 6] = keys.entries.size;
      args[o + 7] = i + 1;
      continue;
    }
    args[o + 3] = keys.base;
    switch (c.kind) {
      case "erc20-transfer": {
        const amount = scaleDown(c.amount, tokenShift.get(callee)!);
        kind[i] = erc20Transfer.id;
        args[o + 4] = keyOf(balanceId(tx.from));
        args[o + 5] = keyOf(balanceId(c.to));
        args[o + 6] = amount;
        initial[args[o + 4]] += amount;
        break;
      }
      case "erc20-transferFrom": {
        const amount = scaleDown(c.amount, tokenShift.get(callee)!);
        kind[i] = erc20TransferFrom.id;
        args[o + 4] = keyOf(allowanceId(c.from, tx.from));
        args[o + 5] = keyOf(balanceId(c.from));
        args[o + 6] = keyOf(balanceId(c.to));
        args[o + 7] = amount;
        initial[args[o + 4]] += amount;
        initial[args[o + 5]] += amount;
        break;
      }
      case "erc20-approve":
        kind[i] = erc20Approve.id;
        args[o + 4] = keyOf(allowanceId(tx.from, c.spender));
        args[o + 5] = scaleAllowance(c.amount, tokenShift.get(callee)!);
        break;
    }
  }

  const regions: KeyRegion[] = [
    { name: "eth", start: 0, count: at.eth.size, labels: at.ethLabels },
    { name: "fee", start: feeStart, count: n },
  ];
  at.ethGroups.forEach((g, k) => {
    group[k] = g;
  });
  for (const c of at.contracts.values()) {
    group.fill(c.group, c.base, c.base + 1 + c.entries.size);
    regions.push({
      name: c.name,
      start: c.base,
      count: 1 + c.entries.size,
      labels: ["storage", ...c.entryLabels],
    });
  }
  const keys = { count, initial, group, regions };
  const block: Block = {
    n,
    kind,
    args,
    gas,
    keys,
    ...declareAccess(kind, args, n),
    feeSweep: { minerKey: minerEth, feeStart },
  };
  const tokens = [...tokenShift].map(([address, shift]) => ({ address, name: addressName(address), shift }));
  return {
    block,
    info: {
      number: data.number,
      hash: data.hash,
      miner,
      feeMode,
      txs: n,
      ...kindCounts(txKind),
      txKind,
      labels: txs.map((tx) => shortHash(tx.hash)),
      targets,
      hottestKeys: hottestKeys(block),
      hottestContracts: hottestContracts(data.txs),
      minerKey: minerEth,
      feeStart,
      ethShift,
      tokens,
      gasLimitTotal: gas.reduce((s, g) => s + g, 0),
      gasUsed: data.gasUsed,
    },
  };
}

function kindCounts(txKind: Uint8Array): Pick<EthBlockInfo, "kinds" | "exact" | "conservative"> {
  const kinds = Object.fromEntries(ETH_TX_KINDS.map((k) => [k, 0])) as Record<EthTxKind, number>;
  for (const k of txKind) kinds[ETH_TX_KINDS[k]]++;
  const exact = ETH_TX_KINDS.filter(isExact).reduce((s, k) => s + kinds[k], 0);
  return { kinds, exact, conservative: txKind.length - exact };
}

/**
 * Keys written by the most transactions (then named by the most), from the declared access: only writes
 * conflict, so a key every transaction merely reads (a token's storage key) is not hot.
 */
function hottestKeys(block: Block): HotKey[] {
  const txs = new Int32Array(block.keys.count);
  const writers = new Int32Array(block.keys.count);
  block.accKey.forEach((k, i) => {
    txs[k]++;
    writers[k] += block.accFlag[i] & ACC_WRITE;
  });
  const order = [...txs.keys()].filter((k) => txs[k] > 0);
  order.sort((a, b) => writers[b] - writers[a] || txs[b] - txs[a] || a - b);
  return order
    .slice(0, HOTTEST)
    .map((key) => ({ key, name: keyName(block.keys, key), txs: txs[key], writers: writers[key] }));
}

/** Contracts called by the most transactions (ETH transfers call none). */
function hottestContracts(txs: readonly EthTx[]): HotContract[] {
  const by = new Map<string, { txs: number; exact: number }>();
  for (const tx of txs) {
    if (tx.call.kind === "eth-transfer" || tx.call.kind === "create") continue;
    const c = by.get(tx.to!) ?? { txs: 0, exact: 0 };
    c.txs++;
    if (isExact(tx.call.kind)) c.exact++;
    by.set(tx.to!, c);
  }
  return [...by]
    .sort(([a, x], [b, y]) => y.txs - x.txs || (a < b ? -1 : 1))
    .slice(0, HOTTEST)
    .map(([address, c]) => ({
      address,
      name: addressName(address),
      txs: c.txs,
      exact: c.exact,
      conservative: c.txs - c.exact,
    }));
}
