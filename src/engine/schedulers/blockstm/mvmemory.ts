import type { Arena } from "../../arena";
import { KeyIndex } from "../key-index";
import type { UnitAccess } from "../unit-access";

/** A unit's buffered writes, as record() takes them (a WriteBuffer). */
export interface Written {
  readonly keys: Int32Array;
  readonly vals: Float64Array;
  readonly delta: Uint8Array;
}

/** A unit's read set as an execution gathered it: per entry its key, version and value range. */
export interface ReadSet {
  readonly key: Int32Array;
  readonly unit: Int32Array;
  readonly inc: Int32Array;
  readonly lo: Float64Array;
  readonly hi: Float64Array;
}

/** Slot word: 0 = empty, else (incarnation + 1) * 4 + flag. DELTA: the value is an amount added. */
const WRITTEN = 1;
const ESTIMATE = 2;
const DELTA = 3;

/** Outcome of a read, besides the value: who wrote it. */
export const READ_STORAGE = -1;
/** verInc of a read that met an ESTIMATE. */
export const BLOCKED = -1;
/**
 * Read-set entries that are checked by value, not by version. BOUND: a tryAdd's outcome, which holds while
 * the value stays in (hi, lo]. RESOLVED: a read of a value summed from deltas, which holds while the sum
 * is the same (lo).
 */
export const BOUND = -2;
export const RESOLVED = -3;

/** Units with at most this many declared keys find a key's slots by scanning them (else by the index). */
const SCAN_KEYS = 8;
/**
 * Reads look at up to this many slots one by one, a load each; past it, an occupancy word first. Two is where
 * both cost the same (the occupancy word, then the slot's).
 */
const SCAN_SLOTS = 2;

/**
 * Block-STM multi-version memory (Gelashvili et al., Algorithm 2) in typed arrays. An entry (key, unit)
 * exists for every key a unit may write (its declared access, from its arguments): shared memory cannot
 * grow, so slots are laid out up front. The algorithm never uses that knowledge: a slot is empty until
 * the unit really writes it, and is emptied again when a later incarnation does not.
 *
 * Aggregators (Aptos's delayed fields, simplified): a slot may hold a delta instead of a value. A read
 * sums the deltas below it down to the first value (or storage). A tryAdd records only the range of values
 * its outcome holds for (BOUND), so a later delta below it invalidates it only when it moves the value out
 * of that range: then the limit was at stake and the transaction re-executes.
 */
export class MVMemory {
  /** Slots sorted by (key, unit). */
  readonly slotKey: Int32Array;
  readonly slotUnit: Int32Array;
  readonly word: Int32Array;
  readonly value: Float64Array;
  /**
   * One bit per slot, set while the slot is not empty, kept for `tracked` slots only: reads of their keys
   * skip runs of empty slots 32 at a time.
   */
  readonly occupied: Int32Array;
  /**
   * 1 for the slots of keys with more than SCAN_SLOTS of them: no read of any other key has more slots to
   * look at than it loads one by one, so only these keep their occupancy bits.
   */
  private readonly tracked: Uint8Array;
  /** Slots of each unit (CSR over unitAccess writes). */
  readonly unitSlotStart: Int32Array;
  readonly unitSlot: Int32Array;
  readonly index: KeyIndex;
  /**
   * Per declared key of each unit (indexed like access.key): the slots of that key whose unit is below,
   * [slotFrom, slotTo). A read of a declared key finds them by a short scan of the unit's keys instead of
   * a hash lookup and a binary search (every execution, validation and commit check reads this way).
   */
  private readonly slotFrom: Int32Array;
  private readonly slotTo: Int32Array;
  /** Last read set of each unit (capacity: its declared keys). */
  readonly readCount: Int32Array;
  /** 1 where the unit's last read set is final (see record): validating it cannot fail. */
  private readonly readsFinal: Uint8Array;
  readonly readKey: Int32Array;
  readonly readUnit: Int32Array;
  readonly readInc: Int32Array;
  /** Per read-set entry checked by value (BOUND, RESOLVED): its range (hi, lo], or its value (lo). */
  readonly readLo: Float64Array;
  readonly readHi: Float64Array;

  /**
   * Set by read(): version of the entry read (unit, incarnation), or READ_STORAGE; for a sum of deltas, the
   * highest of them and RESOLVED.
   */
  verUnit = READ_STORAGE;
  verInc = 0;

  constructor(
    readonly base: Float64Array,
    readonly access: UnitAccess,
    n: number,
    arena: Arena,
  ) {
    // Slots sorted by (key, unit) with a counting sort over the keys, in one pass over the units in order:
    // when unit u comes, the slots its key has so far are exactly those below u (slotTo).
    const declared = access.start[n];
    let keys = 0;
    let s = 0;
    for (let i = 0; i < declared; i++) {
      keys = Math.max(keys, access.key[i] + 1);
      if (access.mode[i]) s++;
    }
    const next = new Int32Array(keys + 1);
    for (let i = 0; i < declared; i++) if (access.mode[i]) next[access.key[i] + 1]++;
    for (let k = 0; k < keys; k++) next[k + 1] += next[k];
    const first = next.slice(0, keys);
    this.slotKey = new Int32Array(s);
    this.slotUnit = new Int32Array(s);
    this.unitSlotStart = new Int32Array(n + 1);
    this.unitSlot = new Int32Array(s);
    this.slotFrom = new Int32Array(declared);
    this.slotTo = new Int32Array(declared);
    let p = 0;
    for (let u = 0; u < n; u++) {
      const end = access.start[u + 1];
      for (let i = access.start[u]; i < end; i++) {
        this.slotFrom[i] = first[access.key[i]];
        this.slotTo[i] = next[access.key[i]];
      }
      for (let i = access.start[u]; i < end; i++) {
        if (!access.mode[i]) continue;
        const slot = next[access.key[i]]++;
        this.slotKey[slot] = access.key[i];
        this.slotUnit[slot] = u;
        this.unitSlot[p++] = slot;
      }
      this.unitSlotStart[u + 1] = p;
    }
    this.tracked = new Uint8Array(s);
    for (let i = 0; i < s; i++) {
      const k = this.slotKey[i];
      this.tracked[i] = next[k] - first[k] > SCAN_SLOTS ? 1 : 0;
    }
    this.index = new KeyIndex(this.slotKey);
    // Shared between workers: everything that changes during the run.
    this.word = arena.int32(s);
    this.value = arena.float64(s);
    this.occupied = arena.int32((s + 31) >>> 5);
    this.readCount = arena.int32(n);
    this.readsFinal = arena.uint8(n);
    this.readKey = arena.int32(declared);
    this.readUnit = arena.int32(declared);
    this.readInc = arena.int32(declared);
    this.readLo = arena.float64(declared);
    this.readHi = arena.float64(declared);
  }

  /**
   * Value of `key` as seen by unit u: the write of the highest unit below u, plus the deltas above it.
   * Returns the value and sets verUnit/verInc; if an entry on the way is an ESTIMATE, returns NaN and sets
   * verUnit to the blocking unit and verInc to BLOCKED.
   */
  read(key: number, u: number): number {
    const a = this.access;
    const end = a.start[u + 1];
    // A unit's own declared keys are few: scanning them beats hashing.
    if (end - a.start[u] <= SCAN_KEYS) {
      for (let i = a.start[u]; i < end; i++)
        if (a.key[i] === key) return this.readSlots(key, this.slotFrom[i], this.slotTo[i]);
    }
    const h = this.index.find(key);
    if (h < 0) return this.readSlots(key, 0, 0);
    const lo = this.index.start[h];
    return this.readSlots(key, lo, this.below(lo, this.index.end[h], u));
  }

  /** End of the slots in [lo, hi) (one key's, sorted by unit) whose unit is below u. */
  private below(lo: number, hi: number, u: number): number {
    let a = lo;
    let b = hi;
    while (a < b) {
      const m = (a + b) >>> 1;
      if (this.slotUnit[m] < u) a = m + 1;
      else b = m;
    }
    return a;
  }

  /** read() over the slots [lo, a) of `key` below the reader, highest first. */
  private readSlots(key: number, lo: number, a: number): number {
    let sum = 0;
    let top = -1;
    for (let s = this.lastCandidate(lo, a); s >= lo; s = this.lastCandidate(lo, s)) {
      for (;;) {
        const w = Atomics.load(this.word, s);
        if (w === 0) break;
        if ((w & 3) === ESTIMATE) {
          this.verUnit = this.slotUnit[s];
          this.verInc = BLOCKED;
          return Number.NaN;
        }
        const v = this.value[s];
        // Seqlock: a value is only good if the word did not change while we read it.
        if (Atomics.load(this.word, s) !== w) continue;
        if ((w & 3) === DELTA) {
          if (top < 0) top = this.slotUnit[s];
          sum += v;
          break;
        }
        if (top >= 0) return this.resolved(top, v + sum);
        this.verUnit = this.slotUnit[s];
        this.verInc = (w >> 2) - 1;
        return v;
      }
    }
    if (top >= 0) return this.resolved(top, this.base[key] + sum);
    this.verUnit = READ_STORAGE;
    this.verInc = 0;
    return this.base[key];
  }

  private resolved(top: number, value: number): number {
    this.verUnit = top;
    this.verInc = RESOLVED;
    return value;
  }

  /**
   * The slot to look at next, going down from hi: a key with few writers below the reader has each slot's
   * word loaded (an empty one is skipped), more are skipped 32 at a time by their occupancy bits.
   */
  private lastCandidate(lo: number, hi: number): number {
    return hi - lo <= SCAN_SLOTS ? hi - 1 : this.lastOccupied(lo, hi);
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
    if (this.tracked[s] === 0) return;
    if (on) Atomics.or(this.occupied, s >>> 5, 1 << (s & 31));
    else Atomics.and(this.occupied, s >>> 5, ~(1 << (s & 31)));
  }

  /**
   * Publishes incarnation `inc` of unit u: its writes (keys/vals, n of them; deltas where `deltas` is set)
   * fill its slots, slots it no longer writes are emptied, its read set is stored. `final`: the execution
   * began after every unit below u had committed, so what it read can no longer change and validate()
   * passes it without reading again. Returns whether it wrote a key its previous incarnation did not (then
   * higher units must be revalidated).
   */
  record(
    u: number,
    inc: number,
    writes: Written,
    n: number,
    reads: ReadSet,
    rn: number,
    final = false,
  ): boolean {
    const { keys, vals, delta } = writes;
    let wroteNew = false;
    let used = 0;
    for (let i = this.unitSlotStart[u]; i < this.unitSlotStart[u + 1]; i++) {
      const s = this.unitSlot[i];
      const k = this.slotKey[s];
      let j = 0;
      while (j < n && keys[j] !== k) j++;
      // A plain load: only u's own executions and the abort between two of them write u's slots, each
      // ordered before the next by the status word that hands u on.
      const old = this.word[s];
      if (j < n) {
        used++;
        if (old === 0) wroteNew = true;
        // Mark a written slot unreadable while the value changes (ESTIMATE makes readers wait, not read
        // torn data); an empty one is skipped by readers until its word is stored.
        else Atomics.store(this.word, s, ((inc + 1) << 2) | ESTIMATE);
        this.value[s] = vals[j];
        Atomics.store(this.word, s, ((inc + 1) << 2) | (delta[j] ? DELTA : WRITTEN));
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
      this.readKey[r0 + i] = reads.key[i];
      this.readUnit[r0 + i] = reads.unit[i];
      this.readInc[r0 + i] = reads.inc[i];
      this.readLo[r0 + i] = reads.lo[i];
      this.readHi[r0 + i] = reads.hi[i];
    }
    // Published with the EXECUTED status that finish_execution stores next: every reader of a read set
    // loads that status first.
    this.readCount[u] = rn;
    this.readsFinal[u] = final ? 1 : 0;
    return wroteNew;
  }

  /** After an abort: every write of u becomes an ESTIMATE, so readers wait for the re-execution. */
  convertWritesToEstimates(u: number): void {
    for (let i = this.unitSlotStart[u]; i < this.unitSlotStart[u + 1]; i++) {
      const s = this.unitSlot[i];
      // A plain load, as in record(): the execution that wrote it finished before the abort's status change,
      // and the next one starts only after this abort's setReady.
      const w = this.word[s];
      if (w !== 0) Atomics.store(this.word, s, (w & ~3) | ESTIMATE);
    }
  }

  /**
   * -1 at once for a final read set, else revalidate(u). Callers act on a failure only through a
   * compare-and-swap on the exact (incarnation, EXECUTED) word, so a read set that a later incarnation
   * recorded meanwhile does no harm.
   */
  validate(u: number): number {
    return this.isFinal(u) ? -1 : this.revalidate(u);
  }

  /** Whether u's last read set is final (record's `final`). */
  isFinal(u: number): boolean {
    return this.readsFinal[u] !== 0;
  }

  /**
   * Re-reads u's last read set, final or not. Returns -1 if every read still sees the same version (or, for
   * entries checked by value, a value its outcome holds for); otherwise the index (into readKey) of the
   * first stale read, with verUnit naming what is there now.
   */
  revalidate(u: number): number {
    const r0 = this.access.start[u];
    const n = this.readCount[u];
    for (let i = r0; i < r0 + n; i++) {
      const v = this.read(this.readKey[i], u);
      if (this.verInc === BLOCKED) return i;
      const inc = this.readInc[i];
      if (inc === BOUND) {
        if (!(v <= this.readLo[i] && v > this.readHi[i])) return i;
      } else if (inc === RESOLVED) {
        if (v !== this.readLo[i]) return i;
      } else if (this.verUnit !== this.readUnit[i] || this.verInc !== inc) return i;
    }
    return -1;
  }

  /** Applies the final value of every written key onto `state`: its last value plus the deltas after it. */
  writeBack(state: Float64Array): void {
    let key = -1;
    let value = 0;
    let written = false;
    for (let s = 0; s <= this.slotKey.length; s++) {
      // Slots are sorted by (key, unit): a key's run ends where the next key's starts.
      if (s === this.slotKey.length || this.slotKey[s] !== key) {
        if (written) state[key] = value;
        if (s === this.slotKey.length) break;
        key = this.slotKey[s];
        value = this.base[key];
        written = false;
      }
      const w = this.word[s];
      if (w === 0) continue;
      written = true;
      if ((w & 3) === DELTA) value += this.value[s];
      else value = this.value[s];
    }
  }
}
