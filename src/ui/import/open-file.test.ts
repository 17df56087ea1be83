import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MAX_BLOCK_BYTES } from "../../engine/ethereum/decode";
import { DEFAULT_SCENARIO } from "../../engine/scenario/scenario";
import { kindOf, openFile, openText } from "./open-file";

const blockText = readFileSync("public/blocks/12965000.json", "utf8");
const block = JSON.parse(blockText);

describe("opening a file", () => {
  it("tells a scenario from a block", () => {
    expect(kindOf(DEFAULT_SCENARIO)).toBe("scenario");
    expect(kindOf({})).toBe("scenario");
    expect(kindOf(block)).toBe("block");
    expect(kindOf({ jsonrpc: "2.0", id: 1, result: block })).toBe("block");
    expect(kindOf([1])).toBeNull();
    expect(kindOf(null)).toBeNull();
  });

  it("opens a mainnet block with its number and transaction count", () => {
    const opened = openText("b.json", blockText);
    expect(opened.kind === "block" && [opened.upload.number, opened.upload.txs]).toEqual([12965000, 259]);
  });

  it("validates a scenario like a link: the valid fields kept, each wrong one named", () => {
    const opened = openText("s.json", JSON.stringify({ v: 1, workers: 100, skew: 2 }));
    if (opened.kind !== "scenario") throw new Error(`expected a scenario, got ${opened.kind}`);
    expect(opened.check.ok).toBe(false);
    expect(opened.check.scenario.skew).toBe(2);
    expect(opened.check.scenario.workers).toBe(DEFAULT_SCENARIO.workers);
    expect(opened.check.ok ? [] : opened.check.errors.map((e) => e.field)).toEqual(["workers"]);
  });

  it.each([
    ["x.json", "nope", /^x\.json: not JSON/],
    [
      "x.json",
      "42",
      /^x\.json: neither a scenario nor an Ethereum block: both are JSON objects \(got a number\)/,
    ],
    ["x.json", JSON.stringify({ ...block, transactions: [] }), /the block has no transactions/],
    [
      "x.json",
      JSON.stringify({ ...block, transactions: [{ ...block.transactions[0], to: "0x12" }] }),
      /transactions\[0\]\.to/,
    ],
  ])("refuses %s (%#) with a message", (file, text, message) => {
    const opened = openText(file, text);
    expect(opened.kind).toBe("error");
    expect(opened.kind === "error" && opened.message).toMatch(message);
  });

  it("refuses an oversized file by its size, before reading it", async () => {
    let read = false;
    const huge = {
      name: "huge.json",
      size: 100 * 1024 * 1024,
      text: async () => {
        read = true;
        return "";
      },
    };
    expect(MAX_BLOCK_BYTES).toBeLessThan(huge.size);
    const opened = await openFile(huge);
    expect(read).toBe(false);
    expect(opened.kind === "error" && opened.message).toMatch(
      /^huge\.json: the file is 100(\.0)? MB, over the 20 MB limit/,
    );
  });
});
