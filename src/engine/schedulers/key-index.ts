/**
 * A read-only open-addressing map from key to a [start, end) range, in typed arrays so that it can live in
 * shared memory next to the multi-version store it indexes.
 */
export class KeyIndex {
  private readonly mask: number;
  readonly keys: Int32Array;
  readonly start: Int32Array;
  readonly end: Int32Array;

  /** `sortedKeys` must be sorted ascending; each distinct key maps to its run in that array. */
  constructor(sortedKeys: Int32Array) {
    let distinct = 0;
    for (let i = 0; i < sortedKeys.length; i++)
      if (i === 0 || sortedKeys[i] !== sortedKeys[i - 1]) distinct++;
    let cap = 8;
    while (cap < distinct * 2) cap *= 2;
    this.mask = cap - 1;
    this.keys = new Int32Array(cap).fill(-1);
    this.start = new Int32Array(cap);
    this.end = new Int32Array(cap);
    for (let i = 0; i < sortedKeys.length; ) {
      const k = sortedKeys[i];
      let j = i;
      while (j < sortedKeys.length && sortedKeys[j] === k) j++;
      let h = hash(k) & this.mask;
      while (this.keys[h] !== -1) h = (h + 1) & this.mask;
      this.keys[h] = k;
      this.start[h] = i;
      this.end[h] = j;
      i = j;
    }
  }

  /** Slot of `key` in the table, or -1 when the key has no range. */
  find(key: number): number {
    let h = hash(key) & this.mask;
    for (;;) {
      const k = this.keys[h];
      if (k === key) return h;
      if (k === -1) return -1;
      h = (h + 1) & this.mask;
    }
  }
}

function hash(k: number): number {
  return Math.imul(k ^ (k >>> 16), 0x45d9f3b) >>> 0;
}
