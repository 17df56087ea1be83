import type { SequentialTrace } from "../analysis/sequential-trace";
import type { AccessList, Block } from "../block";
import type { StateView } from "../contracts/contract";
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

/**
 * The sequential oracle: executes units one after another on `state`, in the serial order the run defines,
 * recording what each read saw and wrote. Several unit lists (the rounds of a sharded run) may be fed in
 * turn; unit numbers in the trace are global across them.
 */
export class SequentialOracle implements StateView {
  private readonly lastWriter: Int32Array;
  private readonly unitTx = ints();
  private readonly readStart = ints();
  private readonly readKey = ints();
  private readonly readFrom = ints();
  private readonly writeStart = ints();
  private readonly writeKey = ints();
  private readonly writeVal = floats();
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
    if (i >= 0) return this.buffer.vals[i];
    // A key read twice by one unit is one read (as in the parallel executors' read sets).
    const first = this.readStart.data[this.readStart.length - 1];
    for (let r = first; r < this.readKey.length; r++)
      if (this.readKey.data[r] === key) return this.state[key];
    this.readKey.push(key);
    this.readFrom.push(this.lastWriter[key]);
    return this.state[key];
  }

  write(key: number, value: number): void {
    this.buffer.put(key, value);
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
        for (let i = 0; i < this.buffer.n; i++) {
          const k = this.buffer.keys[i];
          this.state[k] = this.buffer.vals[i];
          this.lastWriter[k] = this.unit;
          this.writeKey.push(k);
          this.writeVal.push(this.buffer.vals[i]);
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
   * What a block builder puts in the block for the bal scheduler: each transaction's reads, and its writes
   * with their post-values. Only for a run of the whole transactions in block order (unit t = tx t).
   */
  accessList(): AccessList {
    const n = this.unit;
    for (let u = 0; u < n; u++)
      if (this.unitTx.data[u] !== u)
        throw new Error("an access list needs whole transactions in block order");
    return {
      n,
      readStart: this.readStart.trimmed(),
      readKey: this.readKey.trimmed(),
      writeStart: this.writeStart.trimmed(),
      writeKey: this.writeKey.trimmed(),
      writeVal: this.writeVal.trimmed(),
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
