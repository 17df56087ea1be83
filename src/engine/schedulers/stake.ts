import type { Block } from "../block";
import { type AccessSink, ARGS } from "../contracts/contract";
import { CONTRACTS } from "../contracts/registry";
import { Mode, type UnitAccess, unitAccess } from "./unit-access";
import type { Units } from "./units";

/** One transaction's declared deltas: the largest step and the limit of each (from its arguments alone). */
class DeltaBounds implements AccessSink {
  private n = 0;
  private readonly key: number[] = [];
  private readonly step: number[] = [];
  private readonly limit: number[] = [];

  of(block: Block, t: number): this {
    this.n = 0;
    CONTRACTS[block.kind[t]].access(block.args, t * ARGS, this);
    return this;
  }

  add(): void {}

  delta(key: number, _side: 0 | 1, step: number, limit: number): void {
    this.key[this.n] = key;
    this.step[this.n] = step;
    this.limit[this.n++] = limit;
  }

  /** [step, limit] of `key` (a key declared twice adds up its steps). */
  bounds(key: number): [number, number] {
    let step = 0;
    let limit = Number.POSITIVE_INFINITY;
    for (let i = 0; i < this.n; i++) {
      if (this.key[i] !== key) continue;
      step += this.step[i];
      limit = Math.min(limit, this.limit[i]);
    }
    return [step, limit];
  }
}

/**
 * For schedulers that order units by declared access (level batches, account locks, two-phase commit):
 * turns each declared delta whose limit is at stake into a write, in place. Groups (units, or sides of
 * transactions) come in serial order. A delta is safe when the value its key holds now (`state`, the state
 * the groups start from) plus the largest step of every earlier delta and its own cannot pass the limit:
 * then every tryAdd of it succeeds whichever order the deltas run in, so they may run side by side. From the
 * first delta that could reach the limit on, an outcome depends on the deltas before it: those are writes,
 * and wait for everything earlier on the key. (Block-STM needs none of this: it validates the outcome each
 * tryAdd assumed, and re-executes only the ones that would change.)
 */
export function stakeDeltas(
  block: Block,
  txOf: (g: number) => number,
  start: Int32Array,
  key: Int32Array,
  mode: Uint8Array,
  state: Float64Array,
): void {
  // Largest value each key may hold by now; Infinity once a write made it unknown.
  const most = new Map<number, number>();
  const bounds = new DeltaBounds();
  for (let g = 0; g + 1 < start.length; g++) {
    let found = false;
    for (let i = start[g]; i < start[g + 1]; i++) {
      const k = key[i];
      if (mode[i] === Mode.Write) most.set(k, Number.POSITIVE_INFINITY);
      if (mode[i] !== Mode.Delta) continue;
      if (!found) bounds.of(block, txOf(g));
      found = true;
      const [step, limit] = bounds.bounds(k);
      const reach = (most.get(k) ?? state[k]) + step;
      if (!(reach <= limit)) mode[i] = Mode.Write;
      most.set(k, reach);
    }
  }
}

/** Declared access of each unit with the deltas whose limit is at stake made writes (stakeDeltas). */
export function stakedAccess(block: Block, units: Units, state: Float64Array): UnitAccess {
  const access = unitAccess(block, units);
  stakeDeltas(block, (u) => units.tx[u], access.start, access.key, access.mode, state);
  return access;
}
