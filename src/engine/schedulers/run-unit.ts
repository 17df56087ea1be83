import type { Block } from "../block";
import { ARGS, type StateView } from "../contracts/contract";
import { CONTRACTS } from "../contracts/registry";
import type { EventSink } from "../trace/eventlog";
import { Ev } from "../trace/kinds";
import { Phase, type Units } from "./units";

/**
 * Runs unit u of `units` against `view` and returns its output: the debit's payload, the apply's result,
 * 0 for a whole transaction or a settle, or a negative Revert code. On a negative output the caller must
 * discard the unit's writes (a revert writes nothing).
 */
export function runUnit(block: Block, units: Units, u: number, view: StateView): number {
  const t = units.tx[u];
  const c = CONTRACTS[block.kind[t]];
  const o = t * ARGS;
  const a = block.args;
  switch (units.phase[u]) {
    case Phase.Debit:
      return c.debit(view, a, o);
    case Phase.Apply:
      return c.apply(view, a, o, units.payload[u]);
    case Phase.Settle:
      c.settle(view, a, o, units.payload[u], units.result[u]);
      return 0;
    default: {
      const payload = c.debit(view, a, o);
      if (payload < 0) return payload;
      const result = c.apply(view, a, o, payload);
      if (result < 0) return result;
      c.settle(view, a, o, payload, result);
      return 0;
    }
  }
}

/** A worker's view while it runs one unit: the unit, its buffered writes, its output. */
export interface UnitView extends StateView {
  unit: number;
  output: number;
  readonly writes: WriteBuffer;
}

/**
 * Starts v.unit on `lane` and runs it to its end through v: logs its start, buffers its writes (dropped on
 * a revert) and keeps its output. The executors that never interrupt a unit share this.
 */
export function startUnit(
  block: Block,
  units: Units,
  v: UnitView,
  sink: EventSink,
  now: number,
  lane: number,
): void {
  v.writes.n = 0;
  sink.emit(now, lane, Ev.ExecStart, units.tx[v.unit], 0, -1, -1);
  v.output = runUnit(block, units, v.unit, v);
  if (v.output < 0) v.writes.n = 0;
}

/**
 * A transaction's private writes while it runs: reads of its own writes come from here, and the buffer is
 * published (or dropped on a revert) when the unit ends. Sized by the largest declared write set. An entry
 * is a value, or (delta set) an amount the unit added to an aggregator without reading it.
 */
export class WriteBuffer {
  n = 0;
  readonly keys: Int32Array;
  readonly vals: Float64Array;
  readonly delta: Uint8Array;
  constructor(capacity: number) {
    this.keys = new Int32Array(Math.max(1, capacity));
    this.vals = new Float64Array(Math.max(1, capacity));
    this.delta = new Uint8Array(Math.max(1, capacity));
  }
  find(key: number): number {
    for (let i = 0; i < this.n; i++) if (this.keys[i] === key) return i;
    return -1;
  }
  put(key: number, value: number): void {
    this.set(key, value, 0);
  }
  /** Adds to the key's pending delta, or to its pending value if the unit wrote one. */
  add(key: number, amount: number): void {
    const i = this.find(key);
    if (i >= 0) this.vals[i] += amount;
    else this.set(key, amount, 1);
  }
  private set(key: number, value: number, delta: number): void {
    const i = this.find(key);
    if (i >= 0) {
      this.vals[i] = value;
      this.delta[i] = delta;
      return;
    }
    if (this.n === this.keys.length)
      throw new Error(`write to undeclared key ${key}: declared access too small`);
    this.keys[this.n] = key;
    this.vals[this.n] = value;
    this.delta[this.n++] = delta;
  }
}
