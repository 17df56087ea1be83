import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { decodeEthBlock, type EthBlockData, MAX_BLOCK_BYTES, parseBlockText } from "./decode";

const file = (n: number) =>
  readFileSync(new URL(`../../../public/blocks/${n}.json`, import.meta.url), "utf8");

function decoded(n: number): EthBlockData {
  const r = decodeEthBlock(JSON.parse(file(n)));
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

function errorOf(json: unknown): string {
  const r = decodeEthBlock(json);
  if (r.ok) throw new Error("expected a decoding error");
  return r.error;
}

type Json = Record<string, unknown>;

/** A small valid block: the first three transactions of block 14029313, which the tests then break. */
function small(): { block: Json; txs: Json[] } {
  const block: Json = JSON.parse(file(14029313));
  const txs: Json[] = (block.transactions as Json[]).slice(0, 3);
  block.transactions = txs;
  return { block, txs };
}

describe("decoding real transactions", () => {
  it("reads the header", () => {
    const text = parseBlockText(file(19807137));
    if (!text.ok) throw new Error(text.error);
    const r = decodeEthBlock(text.value);
    if (!r.ok) throw new Error(r.error);
    const b = r.value;
    expect(b.number).toBe(19807137);
    expect(b.miner).toBe("0x1f9090aae28b8a3dceadf281b0f12828e676c326");
    expect(b.baseFeePerGas).toBe(0x10320b113n);
    expect(b.txs).toHaveLength(712);
  });

  it("plain ETH transfer: 14029313 tx 0", () => {
    const tx = decoded(14029313).txs[0];
    expect(tx.hash).toBe("0xb63221bac5dca02ae7648b49bc5577289193cac6553a86db106acc13ed002944");
    expect(tx.call).toEqual({ kind: "eth-transfer" });
    expect(tx.from).toBe("0x57d4e9b4a191d2bba64abd6c9250a500e29eea74");
    expect(tx.to).toBe("0x9b5c92baf293ab4e657429e8b4dc976ec88177b7");
    expect(tx.value).toBe(0x11c275381d7d200n);
    expect(tx.gas).toBe(21_000);
    // Legacy transaction: gasPrice - baseFee.
    expect(tx.tipPerGas).toBe(0x280bffc000n - 0x155bfa2924n);
  });

  it("transfer(address,uint256): 19807137 tx 10 sends 81,556.7 tokens", () => {
    const tx = decoded(19807137).txs[10];
    expect(tx.hash).toBe("0x390583160aa37e5e8611d5ef0da8fae7502a72bea2711a11a9cad1990aca7e06");
    expect(tx.from).toBe("0x167a9333bf582556f35bd4d16a7e80e191aa6476");
    expect(tx.to).toBe("0xfaba6f8e4a5e8ab82f62fe7c39859fa577269be3");
    expect(tx.call).toEqual({
      kind: "erc20-transfer",
      to: "0x63040666bbc38b689dbdda80652e3c7fb4c04bc6",
      amount: 0x113ff49202fbcb92d000n,
    });
    // EIP-1559: min(maxPriorityFeePerGas, maxFeePerGas - baseFee).
    expect(tx.tipPerGas).toBe(0x12a05f200n);
  });

  it("transferFrom(address,address,uint256): 19606599 tx 117 moves 511.148714 USDT", () => {
    const tx = decoded(19606599).txs[117];
    expect(tx.hash).toBe("0x873cde3b76df754c1b2ef972f10082bb8b11851614deac2b56df88361b3d6324");
    expect(tx.from).toBe("0x1a1c87d9a6f55d3bbb064bff1059ad37b6bdc097");
    expect(tx.to).toBe("0xdac17f958d2ee523a2206206994597c13d831ec7");
    expect(tx.call).toEqual({
      kind: "erc20-transferFrom",
      from: "0x27ee6ff831735d6ebb49ad9cce50b49d482549b3",
      to: "0xab782bc7d4a2b306825de5a7730034f8f63ee1bc",
      amount: 511_148_714n,
    });
  });

  it("approve(address,uint256): 14029313 tx 12 approves the Uniswap V3 router without limit", () => {
    const tx = decoded(14029313).txs[12];
    expect(tx.hash).toBe("0xa06a72be59a3e5c515a2fb0a407c5e0d09c43ea47dc79210ea521adad0d1690f");
    expect(tx.from).toBe("0x2cf62a1505fb85955f174fc86521ee45c0d6fc69");
    expect(tx.to).toBe("0xf4d2888d29d722226fafa5d9b24f9164c092421e");
    expect(tx.call).toEqual({
      kind: "erc20-approve",
      spender: "0xe592427a0aece92de3edee1f18e0157c05861564",
      amount: 2n ** 256n - 1n,
    });
  });

  it("any other call is conservative: 19606599 tx 0 (Uniswap V2 swapExactTokensForTokens)", () => {
    expect(decoded(19606599).txs[0].call).toEqual({ kind: "call", selector: "0x38ed1739" });
  });

  it("a creation (to null), and an ERC-20 selector with ETH attached or a dirty address word", () => {
    const { block, txs } = small();
    txs[0].to = null;
    const transfer = `0xa9059cbb${"0".repeat(24)}${"ab".repeat(20)}${"0".repeat(63)}1`;
    txs[1].input = transfer;
    txs[1].value = "0x1";
    txs[2].input = `0xa9059cbb${"f".repeat(24)}${transfer.slice(34)}`;
    const r = decodeEthBlock(block);
    if (!r.ok) throw new Error(r.error);
    expect(r.value.txs.map((t) => t.call.kind)).toEqual(["create", "call", "call"]);
  });
});

describe("bad block files", () => {
  it("not JSON", () => {
    const r = parseBlockText("{ not json");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/^not JSON: /);
  });

  it("a file over the size limit is refused before parsing", () => {
    const huge = " ".repeat(MAX_BLOCK_BYTES + 1);
    const t0 = performance.now();
    const r = parseBlockText(huge);
    expect(performance.now() - t0).toBeLessThan(50);
    expect(r).toEqual({
      ok: false,
      error:
        "the file is 20.0 MB, over the 20 MB limit for a block file (a full mainnet block is about 1 MB)",
    });
  });

  it("the wrong shape", () => {
    expect(errorOf([1, 2])).toBe(
      "expected a block object as eth_getBlockByNumber(n, true) returns it, got an array",
    );
    expect(errorOf("0x12")).toMatch(/expected a block object .* got "0x12"/);
    const { block } = small();
    block.transactions = {};
    expect(errorOf(block)).toBe("transactions must be an array of transactions, got an object");
  });

  it("no transactions", () => {
    const { block } = small();
    block.transactions = [];
    expect(errorOf(block)).toBe("the block has no transactions: there is nothing to execute");
    delete block.transactions;
    expect(errorOf(block)).toBe("transactions must be an array of transactions, got nothing");
  });

  it("transaction hashes only", () => {
    const { block } = small();
    block.transactions = ["0x2ecd08e86079f08cfc27c326aa01b1c8d62f288d5961118056bac7da315f94d9"];
    expect(errorOf(block)).toMatch(/transactions holds hashes only/);
  });

  it("missing or malformed fields name the transaction and the field", () => {
    const cases: [string, unknown, string][] = [
      ["from", undefined, "transactions[1].from must be a hex address (0x and 40 hex digits), got nothing"],
      [
        "to",
        "0x1234",
        'transactions[1].to must be a hex address (0x and 40 hex digits) (or null for a contract creation), got "0x1234"',
      ],
      [
        "value",
        12,
        'transactions[1].value must be a hex quantity up to 256 bits like "0x1bc16d674ec80000", got 12',
      ],
      ["gas", "0x0", "transactions[1].gas must be at least 1 (got 0)"],
      ["gas", "0xffffffffff", "transactions[1].gas must be at most 1,000,000,000, got 1099511627775"],
      ["input", "0xabc", 'transactions[1].input must be hex data ("0x" and whole bytes), got "0xabc"'],
      ["hash", null, "transactions[1].hash must be a 32-byte hex hash (0x and 64 hex digits), got null"],
    ];
    for (const [field, value, message] of cases) {
      const { block, txs } = small();
      txs[1][field] = value;
      expect(errorOf(block)).toBe(message);
    }
    const { block, txs } = small();
    block.transactions = [txs[0], txs[1], "junk"];
    expect(errorOf(block)).toBe('transactions[2] must be a transaction object, got "junk"');
  });

  it("fees below the base fee, or EIP-1559 fields without a base fee", () => {
    const b = small();
    b.txs[0].gasPrice = "0x1";
    expect(errorOf(b.block)).toBe(
      "transactions[0].gasPrice (1 wei) is below the block's baseFeePerGas (91737434404 wei)",
    );
    const c = small();
    c.block.baseFeePerGas = undefined;
    c.txs[1].maxFeePerGas = "0x1";
    c.txs[1].maxPriorityFeePerGas = "0x1";
    expect(errorOf(c.block)).toBe(
      "baseFeePerGas is missing, but transactions[1] has EIP-1559 fee fields that need it",
    );
  });

  it("header fields", () => {
    const { block } = small();
    block.miner = "miner";
    expect(errorOf(block)).toBe('miner must be a hex address (0x and 40 hex digits), got "miner"');
    block.number = undefined;
    expect(errorOf(block)).toMatch(/^number must be a hex quantity/);
  });

  it("JSON-RPC responses: the block inside is used, errors and null results are reported", () => {
    const r = decodeEthBlock({ jsonrpc: "2.0", id: 1, result: small().block });
    expect(r.ok && r.value.txs.length).toBe(3);
    expect(errorOf({ jsonrpc: "2.0", id: 1, result: null })).toBe(
      "the JSON-RPC response's result is null: the node has no such block",
    );
    expect(errorOf({ jsonrpc: "2.0", id: 1, error: { code: -32000, message: "header not found" } })).toBe(
      'the file is a JSON-RPC error response: "header not found"',
    );
  });
});
