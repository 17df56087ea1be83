/**
 * Parses and validates an Ethereum block in the JSON-RPC `eth_getBlockByNumber(n, true)` format (unknown
 * input) and decodes what each transaction does from its fields alone: plain ETH transfers, the three
 * ERC-20 calls whose arguments name every entry they touch, contract creations and every other call.
 */

import { RANGES } from "../scenario/ranges";

/** Largest block file accepted: a full mainnet block is about 1 MB of JSON, so 20 MB leaves ample room. */
export const MAX_BLOCK_BYTES = 20 * 1024 * 1024;
/** Most transactions accepted in one block (the scenario's block size limit). */
export const MAX_BLOCK_TXS = RANGES.txs.max;
/** Largest gas limit accepted for one transaction (mainnet blocks hold about 30 to 36 million). */
export const MAX_TX_GAS = 1_000_000_000;

export const SELECTORS = {
  transfer: "0xa9059cbb",
  transferFrom: "0x23b872dd",
  approve: "0x095ea7b3",
} as const;

/** What a transaction does, as far as its fields tell. */
export type EthCall =
  | { readonly kind: "eth-transfer" }
  | { readonly kind: "erc20-transfer"; readonly to: string; readonly amount: bigint }
  | {
      readonly kind: "erc20-transferFrom";
      readonly from: string;
      readonly to: string;
      readonly amount: bigint;
    }
  | { readonly kind: "erc20-approve"; readonly spender: string; readonly amount: bigint }
  /** Any other call: its storage accesses are unknown without running the EVM. */
  | { readonly kind: "call"; readonly selector: string }
  | { readonly kind: "create" };
export type EthTxKind = EthCall["kind"];

/** Every kind, in a stable order (info counts and per-transaction kind indices use it). */
export const ETH_TX_KINDS: readonly EthTxKind[] = [
  "eth-transfer",
  "erc20-transfer",
  "erc20-transferFrom",
  "erc20-approve",
  "call",
  "create",
];

/** Kinds whose read and write sets are known exactly from the fields; the others are conservative. */
export function isExact(kind: EthTxKind): boolean {
  return kind !== "call" && kind !== "create";
}

export interface EthTx {
  readonly index: number;
  readonly hash: string;
  readonly from: string;
  /** null for a contract creation. */
  readonly to: string | null;
  /** Wei. */
  readonly value: bigint;
  /** Gas limit (the gas actually used is in the receipts, which the block does not carry). */
  readonly gas: number;
  /** Priority fee per gas paid to the fee recipient, in wei. */
  readonly tipPerGas: bigint;
  readonly call: EthCall;
}

export interface EthBlockData {
  readonly number: number;
  readonly hash: string;
  readonly miner: string;
  /** Wei per gas; null before London (then the whole gas price goes to the miner). */
  readonly baseFeePerGas: bigint | null;
  /** Gas the block's transactions used in all (the header's gasUsed); null when the file leaves it out. */
  readonly gasUsed: number | null;
  readonly txs: readonly EthTx[];
}

export type Decoded<T> = { ok: true; value: T } | { ok: false; error: string };

/** Refuses an oversized file before anything reads it whole (the app checks File.size, the CLI the stat). */
export function checkBlockSize(bytes: number): string | null {
  if (bytes <= MAX_BLOCK_BYTES) return null;
  const limit = MAX_BLOCK_BYTES / (1024 * 1024);
  return `the file is ${mb(bytes)}, over the ${limit} MB limit for a block file (a full mainnet block is about 1 MB)`;
}

/** Text of a block file -> its JSON value: the size is checked first, so a huge file is never parsed. */
export function parseBlockText(text: string): Decoded<unknown> {
  // A UTF-16 length never exceeds the UTF-8 byte length, so this refuses before JSON.parse touches the text.
  const tooBig = checkBlockSize(text.length);
  if (tooBig) return { ok: false, error: tooBig };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, error: `not JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** Validates an already parsed block (or a JSON-RPC response wrapping one). */
export function decodeEthBlock(json: unknown): Decoded<EthBlockData> {
  try {
    return { ok: true, value: decodeBlock(unwrapResponse(json)) };
  } catch (e) {
    if (e instanceof BadBlock) return { ok: false, error: e.message };
    throw e;
  }
}

class BadBlock extends Error {}

function fail(message: string): never {
  throw new BadBlock(message);
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

function shown(x: unknown): string {
  if (x === undefined) return "nothing";
  if (x === null) return "null";
  if (Array.isArray(x)) return "an array";
  if (typeof x === "object") return "an object";
  const s = JSON.stringify(x);
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

function unwrapResponse(json: unknown): unknown {
  if (!isRecord(json) || "transactions" in json) return json;
  if (isRecord(json.error)) {
    fail(`the file is a JSON-RPC error response: ${shown(json.error.message)}`);
  }
  if ("result" in json) {
    if (json.result === null) fail("the JSON-RPC response's result is null: the node has no such block");
    return json.result;
  }
  return json;
}

function decodeBlock(json: unknown): EthBlockData {
  if (!isRecord(json)) {
    fail(`expected a block object as eth_getBlockByNumber(n, true) returns it, got ${shown(json)}`);
  }
  const number = quantity(json.number, "number", Number.MAX_SAFE_INTEGER);
  const hash = hexOf(json.hash, "hash", HASH);
  const miner = hexOf(json.miner, "miner", ADDRESS);
  const baseFeePerGas =
    json.baseFeePerGas === undefined ? null : bigQuantity(json.baseFeePerGas, "baseFeePerGas");
  const gasUsed = json.gasUsed === undefined ? null : quantity(json.gasUsed, "gasUsed", MAX_TX_GAS);
  const list = json.transactions;
  if (!Array.isArray(list)) fail(`transactions must be an array of transactions, got ${shown(list)}`);
  if (list.length === 0) fail("the block has no transactions: there is nothing to execute");
  if (list.length > MAX_BLOCK_TXS) {
    fail(
      `the block has ${list.length.toLocaleString("en-US")} transactions; at most ${MAX_BLOCK_TXS.toLocaleString("en-US")} are supported`,
    );
  }
  if (typeof list[0] === "string") {
    fail(
      "transactions holds hashes only: fetch the block with full transactions, eth_getBlockByNumber(n, true)",
    );
  }
  const txs = list.map((tx, i) => decodeTx(tx, i, baseFeePerGas));
  return { number, hash, miner, baseFeePerGas, gasUsed, txs };
}

function decodeTx(json: unknown, index: number, baseFee: bigint | null): EthTx {
  const at = `transactions[${index}]`;
  if (!isRecord(json)) fail(`${at} must be a transaction object, got ${shown(json)}`);
  const hash = hexOf(json.hash, `${at}.hash`, HASH);
  const from = hexOf(json.from, `${at}.from`, ADDRESS);
  const to =
    json.to === null ? null : hexOf(json.to, `${at}.to`, ADDRESS, " (or null for a contract creation)");
  const value = bigQuantity(json.value, `${at}.value`);
  const gas = quantity(json.gas, `${at}.gas`, MAX_TX_GAS);
  if (gas === 0) fail(`${at}.gas must be at least 1 (got 0)`);
  const input = hexOf(json.input, `${at}.input`, DATA);
  return {
    index,
    hash,
    from,
    to,
    value,
    gas,
    tipPerGas: tipPerGas(json, at, baseFee),
    call: decodeCall(to, value, input),
  };
}

/** Priority fee per gas: min(maxPriorityFeePerGas, maxFeePerGas - baseFee) for EIP-1559, else gasPrice - baseFee. */
function tipPerGas(tx: Record<string, unknown>, at: string, baseFee: bigint | null): bigint {
  const dynamic = tx.maxFeePerGas !== undefined || tx.maxPriorityFeePerGas !== undefined;
  if (dynamic) {
    const maxFee = bigQuantity(tx.maxFeePerGas, `${at}.maxFeePerGas`);
    const maxPriority = bigQuantity(tx.maxPriorityFeePerGas, `${at}.maxPriorityFeePerGas`);
    if (baseFee === null) fail(`baseFeePerGas is missing, but ${at} has EIP-1559 fee fields that need it`);
    if (maxFee < baseFee)
      fail(`${at}.maxFeePerGas (${maxFee} wei) is below the block's baseFeePerGas (${baseFee} wei)`);
    // bigint: no Math.min.
    const room = maxFee - baseFee;
    if (maxPriority < room) return maxPriority;
    return room;
  }
  const price = bigQuantity(tx.gasPrice, `${at}.gasPrice`);
  const base = baseFee ?? 0n;
  if (price < base) fail(`${at}.gasPrice (${price} wei) is below the block's baseFeePerGas (${base} wei)`);
  return price - base;
}

function decodeCall(to: string | null, value: bigint, input: string): EthCall {
  if (to === null) return { kind: "create" };
  if (input === "0x") return { kind: "eth-transfer" };
  const selector = input.slice(0, 10).toLowerCase();
  // ERC-20 calls are not payable: with ETH attached the call is something else, so keep it conservative.
  if (value === 0n) {
    const w = (i: number) => input.slice(10 + 64 * i, 74 + 64 * i);
    if (selector === SELECTORS.transfer && input.length >= 138) {
      const recipient = addressWord(w(0));
      if (recipient) return { kind: "erc20-transfer", to: recipient, amount: BigInt(`0x${w(1)}`) };
    }
    if (selector === SELECTORS.transferFrom && input.length >= 202) {
      const owner = addressWord(w(0));
      const recipient = addressWord(w(1));
      if (owner && recipient) {
        return { kind: "erc20-transferFrom", from: owner, to: recipient, amount: BigInt(`0x${w(2)}`) };
      }
    }
    if (selector === SELECTORS.approve && input.length >= 138) {
      const spender = addressWord(w(0));
      if (spender) return { kind: "erc20-approve", spender, amount: BigInt(`0x${w(1)}`) };
    }
  }
  return { kind: "call", selector };
}

/** An ABI address word: 12 zero bytes then 20 address bytes (anything else would revert in Solidity). */
function addressWord(word: string): string | null {
  return /^0{24}[0-9a-f]{40}$/i.test(word) ? `0x${word.slice(24).toLowerCase()}` : null;
}

interface HexShape {
  readonly re: RegExp;
  readonly what: string;
}
const HASH: HexShape = { re: /^0x[0-9a-fA-F]{64}$/, what: "a 32-byte hex hash (0x and 64 hex digits)" };
const ADDRESS: HexShape = { re: /^0x[0-9a-fA-F]{40}$/, what: "a hex address (0x and 40 hex digits)" };
const DATA: HexShape = { re: /^0x(?:[0-9a-fA-F]{2})*$/, what: 'hex data ("0x" and whole bytes)' };
const QUANTITY = /^0x[0-9a-fA-F]{1,64}$/;

function hexOf(x: unknown, field: string, shape: HexShape, orElse = ""): string {
  if (typeof x !== "string" || !shape.re.test(x))
    fail(`${field} must be ${shape.what}${orElse}, got ${shown(x)}`);
  return x.toLowerCase();
}

function bigQuantity(x: unknown, field: string): bigint {
  if (typeof x !== "string" || !QUANTITY.test(x)) {
    fail(`${field} must be a hex quantity up to 256 bits like "0x1bc16d674ec80000", got ${shown(x)}`);
  }
  return BigInt(x);
}

function quantity(x: unknown, field: string, max: number): number {
  const v = bigQuantity(x, field);
  if (v > BigInt(max)) fail(`${field} must be at most ${max.toLocaleString("en-US")}, got ${v}`);
  return Number(v);
}

function mb(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
