import type { AccessList } from "../../block";

/** Ways to make a list entry wrong, for the toggle that shows a bad list being caught and for tests. */
export type TamperKind = "value" | "drop-read" | "drop-write" | "extra-read";

/** One wrong entry: transaction tx's entry for key. */
export interface Tamper {
  readonly tx: number;
  readonly key: number;
  readonly kind: TamperKind;
}

/**
 * A copy of the list with one entry made wrong: a written value off by one, a read or write left out, or a
 * read the transaction does not make added. Throws if the entry it names is not there to change.
 */
export function tamperList(list: AccessList, t: Tamper): AccessList {
  const has = (start: Int32Array, keys: Int32Array) => {
    for (let i = start[t.tx]; i < start[t.tx + 1]; i++) if (keys[i] === t.key) return true;
    return false;
  };
  const inReads = has(list.readStart, list.readKey);
  const inWrites = has(list.writeStart, list.writeKey);
  const ok = t.kind === "extra-read" ? !inReads : t.kind === "drop-read" ? inReads : inWrites;
  if (!ok) throw new Error(`tx ${t.tx}'s list entry cannot take "${t.kind}" at key ${t.key}`);
  const reads: number[][] = [];
  const writes: [number, number, number][][] = [];
  for (let tx = 0; tx < list.n; tx++) {
    reads.push(Array.from(list.readKey.subarray(list.readStart[tx], list.readStart[tx + 1])));
    const w: [number, number, number][] = [];
    for (let i = list.writeStart[tx]; i < list.writeStart[tx + 1]; i++)
      w.push([list.writeKey[i], list.writeVal[i], list.writeDelta[i]]);
    writes.push(w);
  }
  if (t.kind === "drop-read") reads[t.tx] = reads[t.tx].filter((k) => k !== t.key);
  if (t.kind === "extra-read") reads[t.tx].push(t.key);
  if (t.kind === "drop-write") writes[t.tx] = writes[t.tx].filter(([k]) => k !== t.key);
  if (t.kind === "value") writes[t.tx] = writes[t.tx].map(([k, v, d]) => [k, k === t.key ? v + 1 : v, d]);
  const csr = <T>(rows: T[][]) => {
    const start = new Int32Array(rows.length + 1);
    rows.forEach((r, i) => {
      start[i + 1] = start[i] + r.length;
    });
    return { start, flat: rows.flat() };
  };
  const r = csr(reads);
  const w = csr(writes);
  return {
    n: list.n,
    readStart: r.start,
    readKey: Int32Array.from(r.flat),
    writeStart: w.start,
    writeKey: Int32Array.from(w.flat, ([k]) => k),
    writeVal: Float64Array.from(w.flat, ([, v]) => v),
    writeDelta: Uint8Array.from(w.flat, ([, , d]) => d),
  };
}

/**
 * The entry the corrupt-entry toggle changes: the first written value of the first transaction from the
 * middle of the block on that writes anything (or, failing that, of the first that does). Null when no
 * transaction writes.
 */
export function defaultTamper(list: AccessList): Tamper | null {
  const from = Math.floor(list.n / 2);
  for (let i = 0; i < list.n; i++) {
    const tx = (from + i) % list.n;
    if (list.writeStart[tx + 1] > list.writeStart[tx])
      return { tx, key: list.writeKey[list.writeStart[tx]], kind: "value" };
  }
  return null;
}
