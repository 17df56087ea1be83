import { describe, expect, it } from "vitest";
import type { AccessList } from "../block";
import { listSize } from "./list-size";

describe("listSize", () => {
  it("counts entries, distinct keys and EIP-7928-style bytes, worked by hand", () => {
    // tx 0 reads 1, writes 1 and 2; tx 1 reads 2, writes 2: keys {1, 2}, 2 reads, 3 writes.
    const list: AccessList = {
      n: 2,
      readStart: Int32Array.of(0, 1, 2),
      readKey: Int32Array.of(1, 2),
      writeStart: Int32Array.of(0, 2, 3),
      writeKey: Int32Array.of(1, 2, 2),
      writeVal: Float64Array.of(5, 6, 7),
      writeDelta: new Uint8Array(3),
    };
    expect(listSize(list)).toEqual({ reads: 2, writes: 3, deltas: 0, keys: 2, bytes: 2 * 52 + 3 * 34 });
  });
});
