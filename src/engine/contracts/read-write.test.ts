import { describe, expect, it } from "vitest";
import { argsOf, MapState, runWhole } from "../../../test/engine/contract-harness";
import { ACC_TARGET, ACC_WRITE } from "../block";
import { readWrite } from "./read-write";

describe("readWrite", () => {
  it("writes read + 1 and touches nothing else", () => {
    const s = new MapState(new Map([[0, 41]]));
    expect(runWhole(readWrite, s, argsOf(0, 3))).toBe(0);
    expect([...s.values.entries()].sort()).toEqual([
      [0, 41],
      [3, 42],
    ]);
  });

  it("declares a target-side read and a target-side write", () => {
    const seen: [number, number][] = [];
    readWrite.access(argsOf(2, 1), 0, {
      add: (k, w, side) => seen.push([k, (w ? ACC_WRITE : 0) | (side ? ACC_TARGET : 0)]),
      delta: () => {
        throw new Error("the teaching contract has no aggregator");
      },
    });
    expect(seen).toEqual([
      [2, ACC_TARGET],
      [1, ACC_WRITE | ACC_TARGET],
    ]);
  });
});
