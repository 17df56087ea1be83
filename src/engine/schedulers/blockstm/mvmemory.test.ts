import { describe, expect, it } from "vitest";
import { Arena } from "../../arena";
import { Mode, type UnitAccess } from "../unit-access";
import { BOUND, MVMemory, READ_STORAGE, RESOLVED, type ReadSet, type Written } from "./mvmemory";

// The multi-version memory on its own (Gelashvili et al., Algorithm 2), over hand-declared access.
const K = 7; // the key every unit below may write
const L = 8; // a second key

/** Declared access: per unit, [key, writes?] pairs. */
function accessOf(units: readonly (readonly [number, boolean])[][]): UnitAccess {
  const start = [0];
  const key: number[] = [];
  const mode: number[] = [];
  for (const u of units) {
    for (const [k, w] of u) {
      key.push(k);
      mode.push(w ? Mode.Write : Mode.Read);
    }
    start.push(key.length);
  }
  return {
    start: Int32Array.from(start),
    key: Int32Array.from(key),
    mode: Uint8Array.from(mode),
    maxKeys: Math.max(...units.map((u) => u.length)),
  };
}

/** Writes as record() takes them: key -> value, and the keys whose value is an amount added. */
function written(writes: Record<number, number>, deltas: readonly number[] = []): Written {
  const keys = Int32Array.from(Object.keys(writes).map(Number));
  return {
    keys,
    vals: Float64Array.from(Object.values(writes)),
    delta: Uint8Array.from(keys, (k) => (deltas.includes(k) ? 1 : 0)),
  };
}
const nothing = written({});

/** A read set: per entry [key, writer unit, incarnation or BOUND/RESOLVED, lo, hi]. */
function readSet(entries: readonly (readonly [number, number, number, number?, number?])[]): ReadSet {
  return {
    key: Int32Array.from(entries, (e) => e[0]),
    unit: Int32Array.from(entries, (e) => e[1]),
    inc: Int32Array.from(entries, (e) => e[2]),
    lo: Float64Array.from(entries, (e) => e[3] ?? 0),
    hi: Float64Array.from(entries, (e) => e[4] ?? 0),
  };
}
const noReads = readSet([]);

/** Publishes incarnation `inc` of unit u writing `writes` (key -> value; amounts at `deltas`), reading nothing. */
function publish(
  mv: MVMemory,
  u: number,
  inc: number,
  writes: Record<number, number>,
  deltas: readonly number[] = [],
): boolean {
  const w = written(writes, deltas);
  return mv.record(u, inc, w, w.keys.length, noReads, 0);
}

/** A memory over units that each may read and write K and L; storage holds 100 at K and 200 at L. */
function memory(n: number): MVMemory {
  const base = new Float64Array(10);
  base[K] = 100;
  base[L] = 200;
  const access = accessOf(
    Array.from({ length: n }, () => [
      [K, true],
      [L, true],
    ]),
  );
  return new MVMemory(base, access, n, Arena.local());
}

describe("Block-STM multi-version memory", () => {
  it("a read sees the write of the highest transaction below the reader, else storage", () => {
    const mv = memory(5);
    publish(mv, 0, 0, { [K]: 1 });
    publish(mv, 2, 0, { [K]: 3 });
    expect(mv.read(K, 1)).toBe(1);
    expect([mv.verUnit, mv.verInc]).toEqual([0, 0]);
    expect(mv.read(K, 4)).toBe(3);
    expect([mv.verUnit, mv.verInc]).toEqual([2, 0]);
    // A transaction never sees its own or a higher one's entry.
    expect(mv.read(K, 2)).toBe(1);
    expect(mv.read(K, 0)).toBe(100);
    expect(mv.verUnit).toBe(READ_STORAGE);
    expect(mv.read(L, 4)).toBe(200);
  });

  it("an aborted incarnation's writes become ESTIMATEs: a reader above stops on them", () => {
    const mv = memory(3);
    publish(mv, 0, 0, { [K]: 1 });
    mv.convertWritesToEstimates(0);
    expect(mv.read(K, 2)).toBeNaN();
    expect([mv.verUnit, mv.verInc]).toEqual([0, -1]);
    // The re-execution replaces the estimate.
    publish(mv, 0, 1, { [K]: 5 });
    expect(mv.read(K, 2)).toBe(5);
    expect([mv.verUnit, mv.verInc]).toEqual([0, 1]);
  });

  it("a later incarnation that no longer writes a key removes its entry", () => {
    const mv = memory(3);
    publish(mv, 0, 0, { [K]: 1 });
    publish(mv, 1, 0, { [K]: 2 });
    expect(publish(mv, 1, 1, { [L]: 9 })).toBe(true); // L is a new key for tx 1
    expect(mv.read(K, 2)).toBe(1);
    expect(mv.verUnit).toBe(0);
    expect(mv.read(L, 2)).toBe(9);
  });

  it("validation: a read stays valid until a lower transaction writes what it read, even a new key", () => {
    const mv = memory(3);
    // tx 2 read K and L from storage.
    mv.read(K, 2);
    mv.read(L, 2);
    mv.record(
      2,
      0,
      nothing,
      0,
      readSet([
        [K, -1, 0],
        [L, -1, 0],
      ]),
      2,
    );
    expect(mv.validate(2)).toBe(-1);
    // tx 1 executes and writes K: tx 2's read of K, from storage, is stale (the version changed, even
    // though the value is the same).
    expect(publish(mv, 1, 0, { [K]: 100 })).toBe(true);
    expect(mv.validate(2)).toBe(mv.access.start[2]);
    // tx 1 re-executes and writes L instead, a key its previous incarnation did not write (wroteNew:
    // everything above must be revalidated): K reads from storage again, but the read of L is stale.
    expect(publish(mv, 1, 1, { [L]: 3 })).toBe(true);
    expect(mv.validate(2)).toBe(mv.access.start[2] + 1);
    expect(mv.verUnit).toBe(1);
  });

  it("a read of an ESTIMATE fails validation", () => {
    const mv = memory(2);
    publish(mv, 0, 0, { [K]: 1 });
    mv.record(1, 0, nothing, 0, readSet([[K, 0, 0]]), 1);
    expect(mv.validate(1)).toBe(-1);
    mv.convertWritesToEstimates(0);
    expect(mv.validate(1)).toBe(mv.access.start[1]);
  });

  it("a read skips emptied slots, looking at each slot of a key with two, at occupancy bits past that", () => {
    // K has two writers (units 0 and 1, no bits kept); L has three (units 0, 1 and 2).
    const access = accessOf([
      [
        [K, true],
        [L, true],
      ],
      [
        [K, true],
        [L, true],
      ],
      [[L, true]],
      [
        [K, false],
        [L, false],
      ],
    ]);
    const mv = new MVMemory(new Float64Array(10), access, 4, Arena.local());
    publish(mv, 0, 0, { [K]: 1, [L]: 10 });
    publish(mv, 1, 0, { [K]: 2, [L]: 20 });
    publish(mv, 2, 0, { [L]: 30 });
    expect([mv.read(K, 3), mv.read(L, 3)]).toEqual([2, 30]);
    // Units 1 and 2 execute again and write neither key: their slots empty, and reads fall through them.
    publish(mv, 1, 1, {});
    publish(mv, 2, 1, {});
    expect([mv.read(K, 3), mv.read(L, 3)]).toEqual([1, 10]);
    expect([mv.verUnit, mv.verInc]).toEqual([0, 0]);
    // Only L's slots keep occupancy bits: unit 0's is the one left set.
    const bits = Array.from({ length: mv.slotKey.length }, (_, i) => (mv.occupied[i >>> 5] >>> (i & 31)) & 1);
    expect(bits).toEqual(Array.from(mv.slotKey, (k, i) => (k === L && mv.slotUnit[i] === 0 ? 1 : 0)));
  });

  it("a read set recorded as final passes validation without reading again: finality is the caller's word", () => {
    const mv = memory(2);
    publish(mv, 0, 0, { [K]: 1 });
    mv.record(1, 0, nothing, 0, readSet([[K, 0, 0]]), 1, true);
    // Which the caller breaks here (unit 0 can no longer change once final reads rest on it).
    mv.convertWritesToEstimates(0);
    expect(mv.validate(1)).toBe(-1);
    expect(mv.revalidate(1)).toBe(mv.access.start[1]);
  });

  it("keeps each unit's read set in its own region: more reads than declared keys are refused", () => {
    const base = new Float64Array(10);
    const mv = new MVMemory(base, accessOf([[[K, false]], [[L, true]]]), 2, Arena.local());
    const r = readSet([
      [K, -1, 0],
      [L, -1, 0],
    ]);
    expect(() => mv.record(0, 0, nothing, 0, r, 2)).toThrow(/read more keys than it declares/);
  });

  it("write back keeps the highest transaction's write of every key", () => {
    const mv = memory(3);
    publish(mv, 0, 0, { [K]: 1, [L]: 10 });
    publish(mv, 2, 0, { [K]: 3 });
    const state = new Float64Array(10);
    mv.writeBack(state);
    expect([state[K], state[L]]).toEqual([3, 10]);
  });

  it("aggregators: a read sums the deltas above the last value; write back adds them up", () => {
    const mv = memory(5);
    publish(mv, 0, 0, { [K]: 2 }, [K]);
    publish(mv, 1, 0, { [K]: 10 });
    publish(mv, 2, 0, { [K]: 3 }, [K]);
    publish(mv, 3, 0, { [K]: 4 }, [K]);
    // Below tx 1's value: storage plus tx 0's delta. Above it: its value plus the deltas since.
    expect(mv.read(K, 1)).toBe(102);
    expect([mv.verUnit, mv.verInc]).toEqual([0, RESOLVED]);
    expect(mv.read(K, 4)).toBe(17);
    expect([mv.verUnit, mv.verInc]).toEqual([3, RESOLVED]);
    expect(mv.read(K, 2)).toBe(10);
    expect([mv.verUnit, mv.verInc]).toEqual([1, 0]);
    const state = Float64Array.from(mv.base);
    mv.writeBack(state);
    expect(state[K]).toBe(17);
  });

  it("aggregators: an ESTIMATE anywhere under a read blocks it", () => {
    const mv = memory(3);
    publish(mv, 0, 0, { [K]: 2 }, [K]);
    publish(mv, 1, 0, { [K]: 3 }, [K]);
    mv.convertWritesToEstimates(0);
    expect(mv.read(K, 2)).toBeNaN();
    expect(mv.verUnit).toBe(0);
  });

  it("aggregators: a tryAdd's outcome stays valid while the value stays in its range, whatever the deltas", () => {
    // Cap 103 on K (storage 100): tx 2 added 1 seeing 101, so it holds while K <= 102 below it.
    const mv = memory(3);
    publish(mv, 0, 0, { [K]: 1 }, [K]);
    mv.record(2, 0, written({ [K]: 1 }, [K]), 1, readSet([[K, 0, BOUND, 102, Number.NEGATIVE_INFINITY]]), 1);
    expect(mv.validate(2)).toBe(-1);
    // tx 1 adds 1 as well (K = 102 below tx 2): a version changed, the outcome did not.
    publish(mv, 1, 0, { [K]: 1 }, [K]);
    expect(mv.validate(2)).toBe(-1);
    // tx 1 re-executes adding 2 (K = 103): tx 2's add would now pass the cap, so it must re-execute.
    publish(mv, 1, 1, { [K]: 2 }, [K]);
    expect(mv.validate(2)).toBe(mv.access.start[2]);
  });
});
