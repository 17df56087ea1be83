import { describe, expect, it } from "vitest";
import { BLOCKSTM_ROWS } from "../../../test/engine/blockstm-log";
import { logOf } from "../../../test/engine/log";
import type { Chapter } from "../scenario/presets";
import { chapterFrame, namedTxs } from "./chapter-frame";

describe("chapterFrame", () => {
  const log = logOf(BLOCKSTM_ROWS);
  const chapters: Chapter[] = [
    { caption: "Three transactions on two workers.", at: 0 },
    { caption: "Both workers start.", first: "ExecStart" },
    { caption: "Tx 1 read key 5 before tx 0 wrote it.", first: "Abort" },
    { caption: "Tx 2 waits.", first: "Suspend" },
    { caption: "Done.", at: 1 },
  ];
  const frame = (n: number) => chapterFrame(chapters, n, log, 13);

  it("names the transactions a caption names", () => {
    expect(namedTxs("Tx 3 read M[0] before tx 0 wrote it: the read is stale, so tx 3 runs again.")).toEqual([
      0, 3,
    ]);
    expect(namedTxs("Eight transactions: tx j reads M[j mod 3].")).toEqual([]);
  });

  it("holds a share of the run on its moment, with the whole run in view", () => {
    expect(frame(1)).toEqual({ from: 0, to: 0, window: null, txs: [] });
    expect(frame(5)).toMatchObject({ to: 13, window: null });
  });

  it("holds an execution half way through, after playing up to it", () => {
    // tx 0 executes from 0 to 3.
    expect(frame(2)).toMatchObject({ from: 0, to: 1.5, txs: [0] });
  });

  it("frames an abort on its actors' executions, naming both", () => {
    // The abort at 5: tx 1 read at 0 what tx 0 (which started at 0) wrote.
    expect(frame(3)).toEqual({ from: 1.5, to: 5, window: { from: 0, to: 7 }, txs: [0, 1] });
    // tx 2 suspends at 5 on tx 1, whose re-execution started at 5 and tx 2's execution at 4.
    expect(frame(4)).toMatchObject({ from: 5, to: 5, txs: [1, 2] });
  });

  it("has no frame for a chapter whose event never happens", () => {
    expect(chapterFrame([{ caption: "x", first: "MsgSend" }], 1, log, 13)).toBeUndefined();
    expect(chapterFrame(chapters, 9, log, 13)).toBeUndefined();
  });
});
