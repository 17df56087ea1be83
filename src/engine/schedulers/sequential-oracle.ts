import type { SequentialTrace } from "../analysis/sequential-trace";
import type { AccessList, Block } from "../block";
import { readThenAdd, type StateView } from "../contracts/contract";
import type { CostModel } from "../scenario/scenario";
import { runUnit, WriteBuffer } from "./run-unit";
import { claimUs, unitCosts } from "./unit-cost";
import type { Units } from "./units";

/** Growable typed-array column. */
class Column<T extends Int32Array | Float64Array> {
  length = 0;
  constructor(
    public data: T,
    private readonly make: (n: number) => T,
  ) {}
  push(v: number): void {
    if (this.length === this.data.length) {
      const d = this.make(this.data.length * 2);
      d.set(this.data);
      this.data = d;
    }
    this.data[this.length++] = v;
  }
  trimmed(): T {
    return this.data.slice(0, this.length) as T;
  }
}
const ints = () => new Column(new Int32Array(256), (n) => new Int32Array(n));
const floats = () => new Column(new Float64Array(256), (n) => new Float64Array(n));

/** The deltas added to one key since its last write: which units, and how much each. */
interface Deltas {
  readonly unit: number[];
  readonly amount: number[];
}

/**
 * The sequential oracle: executes units one after another on `state`, in the serial order the run defines,
 * recording what each read saw and wrote. Several unit lists (the rounds of a sharded run) may be fed in
 * turn; unit numbers in the trace are global across them.
 *
 * Aggregator deltas are writes that nobody reads on the way: a tryAdd that succeeds records no read, so two
 * deltas of one key are no dependency. A tryAdd that fails at the limit did depend on the deltas that filled
 * it: it records a read of the last one of them it could not have failed without. A read of the value sees
 * the last write and every delta since, and records each.
 */
export class SequentialOracle implements StateView {
  private readonly lastWriter: Int32Array;
  private readonly deltas = new Map<number, Deltas>();
  private readonly unitTx = ints();
  private readonly readStart = ints();
  private readonly readKey = ints();
  private readonly readFrom = ints();
  private readonly writeStart = ints();
  private readonly writeKey = ints();
  private readonly writeVal = floats();
  private readonly writeDelta = ints();
  private readonly revert: number[] = [];
  private readonly cost: number[] = [];
  private readonly buffer: WriteBuffer;
  private unit = 0;

  constructor(
    private readonly block: Block,
    readonly state: Float64Array,
    private readonly costModel: CostModel,
  ) {
    this.lastWriter = new Int32Array(state.length).fill(-1);
    let maxKeys = 0;
    for (let t = 0; t < block.n; t++) maxKeys = Math.max(maxKeys, block.accStart[t + 1] - block.accStart[t]);
    this.buffer = new WriteBuffer(maxKeys);
    this.readStart.push(0);
    this.writeStart.push(0);
  }

  read(key: number): number {
    const i = this.buffer.find(key);
    if (i >= 0 && !this.buffer.delta[i]) return this.buffer.vals[i];
    if (!this.hasRead(key)) {
      this.recordRead(key, this.lastWriter[key]);
      const since = this.deltas.get(key);
      if (since) for (const u of since.unit) this.recordRead(key, u);
    }
    return i >= 0 ? this.state[key] + this.buffer.vals[i] : this.state[key];
  }

  write(key: number, value: number): void {
    this.buffer.put(key, value);
  }

  tryAdd(key: number, delta: number, limit: number): boolean {
    const i = this.buffer.find(key);
    if (i >= 0 && !this.buffer.delta[i]) return readThenAdd(this, key, delta, limit);
    const value = this.state[key] + (i >= 0 ? this.buffer.vals[i] : 0);
    if (value + delta <= limit) {
      this.buffer.add(key, delta);
      return true;
    }
    if (!this.hasRead(key)) {
      // The last delta without which this one would have fitted; the last write if none would do.
      const since = this.deltas.get(key);
      let from = this.lastWriter[key];
      for (let d = (since?.unit.length ?? 0) - 1; since && d >= 0; d--) {
        if (value - since.amount[d] + delta <= limit) {
          from = since.unit[d];
          break;
        }
      }
      this.recordRead(key, from);
    }
    return false;
  }

  /** A key read twice by one unit is one read (as in the parallel executors' read sets). */
  private hasRead(key: number): boolean {
    const first = this.readStart.data[this.readStart.length - 1];
    for (let r = first; r < this.readKey.length; r++) if (this.readKey.data[r] === key) return true;
    return false;
  }

  private recordRead(key: number, from: number): void {
    this.readKey.push(key);
    this.readFrom.push(from);
  }

  /** Runs every unit of the list in order; returns their outputs. */
  run(units: Units): Float64Array {
    const out = new Float64Array(units.n);
    const exec = unitCosts(this.block, units, this.costModel);
    const claim = claimUs(this.costModel);
    for (let u = 0; u < units.n; u++) {
      const t = units.tx[u];
      this.buffer.n = 0;
      const r = runUnit(this.block, units, u, this);
      out[u] = r;
      if (r >= 0) {
        const b = this.buffer;
        for (let i = 0; i < b.n; i++) {
          const k = b.keys[i];
          if (b.delta[i]) {
            this.state[k] += b.vals[i];
            const since = this.deltas.get(k) ?? { unit: [], amount: [] };
            since.unit.push(this.unit);
            since.amount.push(b.vals[i]);
            this.deltas.set(k, since);
          } else {
            this.state[k] = b.vals[i];
            this.lastWriter[k] = this.unit;
            this.deltas.delete(k);
          }
          this.writeKey.push(k);
          this.writeVal.push(b.vals[i]);
          this.writeDelta.push(b.delta[i]);
        }
      }
      this.unitTx.push(t);
      this.readStart.push(this.readKey.length);
      this.writeStart.push(this.writeKey.length);
      this.revert.push(Math.min(r, 0));
      // Taking it from the scheduler plus its work: what a lone worker spends on it.
      this.cost.push(claim + exec[u]);
      this.unit++;
    }
    return out;
  }

  /**
   * What a block builder puts in the block for the bal scheduler: each transaction's reads (each key once),
   * and its writes with their post-values, or the amount for a delta. Only for a run of the whole
   * transactions in block order (unit t = tx t).
   */
  accessList(): AccessList {
    const n = this.unit;
    for (let u = 0; u < n; u++)
      if (this.unitTx.data[u] !== u)
        throw new Error("an access list needs whole transactions in block order");
    const readStart = new Int32Array(n + 1);
    const readKey = ints();
    for (let u = 0; u < n; u++) {
      const first = readKey.length;
      for (let r = this.readStart.data[u]; r < this.readStart.data[u + 1]; r++) {
        const k = this.readKey.data[r];
        if (!readKey.data.subarray(first, readKey.length).includes(k)) readKey.push(k);
      }
      readStart[u + 1] = readKey.length;
    }
    return {
      n,
      readStart,
      readKey: readKey.trimmed(),
      writeStart: this.writeStart.trimmed(),
      writeKey: this.writeKey.trimmed(),
      writeVal: this.writeVal.trimmed(),
      writeDelta: Uint8Array.from(this.writeDelta.trimmed()),
    };
  }

  trace(): SequentialTrace {
    return {
      units: this.unit,
      unitTx: this.unitTx.trimmed(),
      readStart: this.readStart.trimmed(),
      readKey: this.readKey.trimmed(),
      readFrom: this.readFrom.trimmed(),
      writeStart: this.writeStart.trimmed(),
      writeKey: this.writeKey.trimmed(),
      revert: Int8Array.from(this.revert),
      costUs: Float64Array.from(this.cost),
      claimUs: claimUs(this.costModel),
    };
  }
}
