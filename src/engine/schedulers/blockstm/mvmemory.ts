import type { Arena } from "../../arena";
import { KeyIndex } from "../key-index";
import type { UnitAccess } from "../unit-access";

/** Slot word: 0 = empty, else (incarnation + 1) * 4 + flag. */
const WRITTEN = 1;
const ESTIMATE = 2;

/** Outcome of a read, besides the value: who wrote it. */
export const READ_STORAGE = -1;

/**
 * Block-STM multi-version memory (Gelashvili et al., Algorithm 2) in typed arrays. An entry (key, unit)
 * exists for every key a unit may write (its declared access, from its arguments): shared memory cannot
 * grow, so slots are laid out up front. The algorithm never uses that knowledge: a slot is empty until
 * the unit really writes it, and is emptied again when a later incarnation does not.
 */
export class MVMemory {
  /** Slots sorted by (key, unit). */
  readonly slotKey: Int32Array;
  readonly slotUnit: Int32Array;
  readonly word: Int32Array;
  readonly value: Float64Array;
  /** One bit per slot, set while the slot is not empty: reads skip runs of empty slots 32 at a time. */
  readonly occupied: Int32Array;
  /** Slots of each unit (CSR over unitAccess writes). */
  readonly unitSlotStart: Int32Array;
  readonly unitSlot: Int32Array;
  readonly index: KeyIndex;
  /** Last read set of each unit (capacity: its declared keys). */
  readonly readCount: Int32Array;
  readonly readKey: Int32Array;
  readonly readUnit: Int32Array;
  readonly readInc: Int32Array;

  /** Set by read(): version of the entry read (unit, incarnation), or READ_STORAGE. */
  verUnit = READ_STORAGE;
  verInc = 0;

  constructor(
    readonly base: Float64Array,
    readonly access: UnitAccess,
    n: number,
    arena: Arena,
  ) {
    const pairs: number[] = [];
    for (let u = 0; u < n; u++) {
      for (let i = access.start[u]; i < access.start[u + 1]; i++)
        if (access.write[i]) pairs.push(access.key[i], u);
    }
    const s = pairs.length / 2;
    const order = Array.from({ length: s }, (_, i) => i);
    order.sort((a, b) => pairs[2 * a] - pairs[2 * b] || pairs[2 * a + 1] - pairs[2 * b + 1]);
    this.slotKey = new Int32Array(s);
    this.slotUnit = new Int32Array(s);
    const slotOfPair = new Int32Array(s);
    order.forEach((p, slot) => {
      this.slotKey[slot] = pairs[2 * p];
      this.slotUnit[slot] = pairs[2 * p + 1];
      slotOfPair[p] = slot;
    });
    this.unitSlotStart = new Int32Array(n + 1);
    this.unitSlot = new Int32Array(s);
    let p = 0;
    for (let u = 0; u < n; u++) {
      for (let i = access.start[u]; i < access.start[u + 1]; i++) {
        if (!access.write[i]) continue;
        this.unitSlot[p] = slotOfPair[p];
        p++;
      }
      this.unitSlotStart[u + 1] = p;
    }
    this.index = new KeyIndex(this.slotKey);
    // Shared between workers: everything that changes during the run.
    this.word = arena.int32(s);
    this.value = arena.float64(s);
    this.occupied = arena.int32((s + 31) >>> 5);
    this.readCount = arena.int32(n);
    const cap = access.start[n];
    this.readKey = arena.int32(cap);
    this.readUnit = arena.int32(cap);
    this.readInc = arena.int32(cap);
  }

  /**
   * Value of `key` as seen by unit u: the write of the highest unit below u. Returns the value and sets
   * verUnit/verInc; if that entry is an ESTIMATE, returns NaN and sets verUnit to the blocking unit and
   * verInc to -1.
   */
  read(key: number, u: number): number {
    const h = this.index.find(key);
    if (h >= 0) {
      const lo = this.index.start[h];
      // Highest slot of this key whose unit is below u.
      let a = lo;
      let b = this.index.end[h];
      while (a < b) {
        const m = (a + b) >>> 1;
        if (this.slotUnit[m] < u) a = m + 1;
        else b = m;
      }
      for (let s = this.lastOccupied(lo, a); s >= lo; s = this.lastOccupied(lo, s)) {
        for (;;) {
          const w = Atomics.load(this.word, s);
          if (w === 0) break;
          if ((w & 3) === ESTIMATE) {
            this.verUnit = this.slotUnit[s];
            this.verInc = -1;
            return Number.NaN;
          }
          const v = this.value[s];
          // Seqlock: a value is only good if the word did not change while we read it.
          if (Atomics.load(this.word, s) !== w) continue;
          this.verUnit = this.slotUnit[s];
          this.verInc = (w >> 2) - 1;
          return v;
        }
      }
    }
    this.verUnit = READ_STORAGE;
    this.verInc = 0;
    return this.base[key];
  }

  /** Highest occupied slot in [lo, hi), or -1. */
  private lastOccupied(lo: number, hi: number): number {
    let s = hi - 1;
    while (s >= lo) {
      const bits = Atomics.load(this.occupied, s >>> 5) & (-1 >>> (31 - (s & 31)));
      if (bits !== 0) {
        const top = (s & ~31) + 31 - Math.clz32(bits);
        return top >= lo ? top : -1;
      }
      s = (s & ~31) - 1;
    }
    return -1;
  }

  private setOccupied(s: number, on: boolean): void {
    if (on) Atomics.or(this.occupied, s >>> 5, 1 << (s & 31));
    else Atomics.and(this.occupied, s >>> 5, ~(1 << (s & 31)));
  }

  /**
   * Publishes incarnation `inc` of unit u: its writes (keys/vals, n of them) fill its slots, slots it no
   * longer writes are emptied, its read set is stored. Returns whether it wrote a key its previous
   * incarnation did not (then higher units must be revalidated).
   */
  record(
    u: number,
    inc: number,
    keys: Int32Array,
    vals: Float64Array,
    n: number,
    rKeys: Int32Array,
    rUnits: Int32Array,
    rIncs: Int32Array,
    rn: number,
  ): boolean {
    let wroteNew = false;
    let used = 0;
    for (let i = this.unitSlotStart[u]; i < this.unitSlotStart[u + 1]; i++) {
      const s = this.unitSlot[i];
      const k = this.slotKey[s];
      let j = 0;
      while (j < n && keys[j] !== k) j++;
      const old = Atomics.load(this.word, s);
      if (j < n) {
        used++;
        if (old === 0) wroteNew = true;
        // Mark the slot unreadable while the value changes (ESTIMATE makes readers wait, not read torn data).
        Atomics.store(this.word, s, ((inc + 1) << 2) | ESTIMATE);
        this.value[s] = vals[j];
        Atomics.store(this.word, s, ((inc + 1) << 2) | WRITTEN);
        if (old === 0) this.setOccupied(s, true);
      } else if (old !== 0) {
        Atomics.store(this.word, s, 0);
        this.setOccupied(s, false);
      }
    }
    if (used !== n) throw new Error(`unit ${u} wrote a key outside its declared access`);
    const r0 = this.access.start[u];
    // The read set's region holds the unit's declared keys and no more: past it lies the next unit's.
    if (rn > this.access.start[u + 1] - r0) throw new Error(`unit ${u} read more keys than it declares`);
    for (let i = 0; i < rn; i++) {
      this.readKey[r0 + i] = rKeys[i];
      this.readUnit[r0 + i] = rUnits[i];
      this.readInc[r0 + i] = rIncs[i];
    }
    Atomics.store(this.readCount, u, rn);
    return wroteNew;
  }

  /** After an abort: every write of u becomes an ESTIMATE, so readers wait for the re-execution. */
  convertWritesToEstimates(u: number): void {
    for (let i = this.unitSlotStart[u]; i < this.unitSlotStart[u + 1]; i++) {
      const s = this.unitSlot[i];
      const w = Atomics.load(this.word, s);
      if (w !== 0) Atomics.store(this.word, s, (w & ~3) | ESTIMATE);
    }
  }

  /**
   * Re-reads u's last read set. Returns -1 if every read still sees the same version; otherwise the index
   * (into readKey) of the first stale read, with verUnit naming what is there now.
   */
  validate(u: number): number {
    const r0 = this.access.start[u];
    const n = Atomics.load(this.readCount, u);
    for (let i = r0; i < r0 + n; i++) {
      this.read(this.readKey[i], u);
      if (this.verInc === -1 || this.verUnit !== this.readUnit[i] || this.verInc !== this.readInc[i])
        return i;
    }
    return -1;
  }

  /** Applies the final value of every written key onto `state`. */
  writeBack(state: Float64Array): void {
    for (let s = 0; s < this.slotKey.length; s++) {
      const w = this.word[s];
      // Slots are sorted by (key, unit): the last written slot of a key wins.
      if (w !== 0 && (w & 3) === WRITTEN) state[this.slotKey[s]] = this.value[s];
    }
  }
}
