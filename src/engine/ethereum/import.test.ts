import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type Block, keyName } from "../block";
import { ARGS } from "../contracts/contract";
import { ethCall } from "../contracts/eth-call";
import { erc20TransferFrom } from "../contracts/eth-erc20";
import { ethTransfer } from "../contracts/eth-transfer";
import { DEFAULT_COST, FEE_MODES, type FeeMode } from "../scenario/scenario";
import { SequentialOracle } from "../schedulers/sequential-oracle";
import { wholeTransactions } from "../schedulers/units";
import { applyLazyFees, type EthBlockInfo, importEthBlock } from "./import";
import { VALUE_LIMIT } from "./scale";

const BLOCKS: [number, number][] = [
  [12965000, 259],
  [14029313, 724],
  [17666333, 961],
  [19606599, 367],
  [19807137, 712],
];
const json = (n: number): unknown =>
  JSON.parse(readFileSync(new URL(`../../../public/blocks/${n}.json`, import.meta.url), "utf8"));

function imported(source: unknown, feeMode: FeeMode): { block: Block; info: EthBlockInfo } {
  const r = importEthBlock(source, { feeMode });
  if (!r.ok) throw new Error(r.error);
  return r;
}

/** Final state of the sequential oracle in block order, fees swept, plus the number of reverts. */
function runSequential(block: Block, info: EthBlockInfo): { state: Float64Array; reverts: number } {
  const oracle = new SequentialOracle(block, Float64Array.from(block.keys.initial), DEFAULT_COST);
  oracle.run(wholeTransactions(block.n));
  applyLazyFees(oracle.state, info);
  return { state: oracle.state, reverts: oracle.trace().revert.filter((r) => r !== 0).length };
}

const sum = (a: Float64Array, start: number, end: number) =>
  a.subarray(start, end).reduce((s, v) => s + v, 0);

describe("the five mainnet blocks", () => {
  for (const [number, txs] of BLOCKS) {
    it(`${number}: ${txs} transactions, executed the same in both fee modes`, () => {
      const source = json(number);
      const lazy = imported(source, "lazy");
      const inTx = imported(source, "in-tx");
      const { info, block } = lazy;
      expect(info.number).toBe(number);
      expect(info.txs).toBe(txs);
      expect(block.n).toBe(txs);
      expect(Object.values(info.kinds).reduce((s, k) => s + k, 0)).toBe(txs);
      expect(info.exact + info.conservative).toBe(txs);
      expect(info.labels).toHaveLength(txs);
      expect(block.gas.reduce((s, g) => s + g, 0)).toBe(info.gasLimitTotal);

      // Every value is a safe integer below the limit, so float64 arithmetic is exact.
      for (const v of [...block.keys.initial, ...block.args]) {
        expect(Number.isInteger(v) && v >= 0 && v < VALUE_LIMIT).toBe(true);
      }
      expect(block.keys.initial).toEqual(inTx.block.keys.initial);

      const a = runSequential(lazy.block, lazy.info);
      const b = runSequential(inTx.block, inTx.info);
      expect(a.reverts).toBe(0);
      expect(b.reverts).toBe(0);
      expect(a.state).toEqual(b.state);
      // ETH (balances and fee keys) is conserved; the fee recipient holds every fee.
      const ethEnd = info.feeStart + info.txs;
      expect(sum(a.state, 0, ethEnd)).toBe(sum(block.keys.initial, 0, ethEnd));
      expect(sum(a.state, info.feeStart, ethEnd)).toBe(0);
      let fees = 0;
      for (let i = 0; i < txs; i++) fees += block.args[i * ARGS + 2];
      expect(fees).toBeGreaterThan(0);
      expect(a.state[info.minerKey]).toBeGreaterThanOrEqual(fees);
    });
  }

  it("in-tx fees make every transaction write the fee recipient's balance; lazy fees do not", () => {
    const source = json(19807137);
    const inTx = imported(source, "in-tx");
    expect(inTx.info.hottestKeys[0]).toMatchObject({ key: inTx.info.minerKey, txs: 712, writers: 712 });
    expect(inTx.info.hottestKeys[0].name).toBe("eth[fee recipient 0x1f90…c326]");
    const { block, info } = imported(source, "lazy");
    let touching = 0;
    for (const k of block.accKey) if (k === info.minerKey) touching++;
    // Block 19807137's fee recipient sends one transaction itself (its payment to the proposer).
    expect(touching).toBe(1);
    expect(info.hottestKeys.some((h) => h.key === info.minerKey)).toBe(false);
  });

  it("arguments of known transactions", () => {
    const { block, info } = imported(json(19606599), "lazy");
    // tx 117: USDT transferFrom(0x27ee…49b3 -> 0xab78…e1bc, 511.148714 USDT) by 0x1a1c…c097.
    const o = 117 * ARGS;
    expect(block.kind[117]).toBe(erc20TransferFrom.id);
    expect(info.targets[117]).toBe("USDT");
    expect(info.labels[117]).toBe("0x873cde3b");
    expect(info.tokens.find((t) => t.name === "USDT")?.shift).toBe(0);
    expect(keyName(block.keys, block.args[o])).toBe("eth[0x1a1c…c097]");
    expect(block.args[o + 1]).toBe(info.feeStart + 117);
    expect(keyName(block.keys, block.args[o + 3])).toBe("USDT[storage]");
    expect(keyName(block.keys, block.args[o + 4])).toBe("USDT[allowance 0x27ee…49b3→0x1a1c…c097]");
    expect(keyName(block.keys, block.args[o + 5])).toBe("USDT[balanceOf 0x27ee…49b3]");
    expect(keyName(block.keys, block.args[o + 6])).toBe("USDT[balanceOf 0xab78…e1bc]");
    expect(block.args[o + 7]).toBe(511_148_714);

    // 14029313 tx 0: a plain ETH transfer of 0.07995 ETH, counted in gwei; fee = 21,000 gas x tip.
    const eth = imported(json(14029313), "in-tx");
    expect(eth.info.ethShift).toBe(9);
    expect(eth.block.kind[0]).toBe(ethTransfer.id);
    expect(eth.block.args[1]).toBe(eth.info.minerKey);
    expect(eth.block.args[2]).toBe(Math.floor((21_000 * (0x280bffc000 - 0x155bfa2924)) / 1e9));
    expect(keyName(eth.block.keys, eth.block.args[3])).toBe("eth[0x9b5c…77b7]");
    expect(eth.block.args[4]).toBe(Number(0x11c275381d7d200n / 10n ** 9n));
    expect(eth.block.gas[0]).toBe(21_000);
  });

  it("hottest contracts count the calls to each, exact or conservative", () => {
    const { info } = imported(json(19606599), "lazy");
    expect(info.hottestContracts[0]).toEqual({
      address: "0x3fc91a3afd70395cd496c647d5a6cc9d4b2b7fad",
      name: "Uniswap Universal Router",
      txs: 34,
      exact: 0,
      conservative: 34,
    });
  });
});

describe("conservative calls", () => {
  it("a creation writes a storage key of its own; a call to a token reads the token's entries", () => {
    const b = JSON.parse(JSON.stringify(json(14029313)));
    b.transactions[0].to = null;
    const { block, info } = imported(b, "lazy");
    expect(info.kinds.create).toBe(1);
    expect(block.kind[0]).toBe(ethCall.id);
    expect(keyName(block.keys, block.args[5])).toBe("new contract of tx 0[storage]");

    // 14029313 calls WETH conservatively (deposit) and exactly (approve): the deposit reads the approvals.
    const weth = block.keys.regions.find((r) => r.name === "WETH")!;
    const deposit = [...info.targets.keys()].find(
      (i) => info.targets[i] === "WETH" && block.kind[i] === ethCall.id,
    )!;
    const keys = [...block.accKey.subarray(block.accStart[deposit], block.accStart[deposit + 1])];
    for (let k = weth.start; k < weth.start + weth.count; k++) expect(keys).toContain(k);
  });

  it("bad input comes back as a message", () => {
    expect(importEthBlock({ transactions: [] }, { feeMode: "lazy" })).toEqual({
      ok: false,
      error: 'number must be a hex quantity up to 256 bits like "0x1bc16d674ec80000", got nothing',
    });
    for (const feeMode of FEE_MODES) expect(importEthBlock(null, { feeMode }).ok).toBe(false);
  });
});
