import { ARGS, type Contract, readThenAdd, type StateView } from "../../src/engine/contracts/contract";

/** A Map-backed state for contract tests: unknown keys read 0; `buffer()` stages writes for a revert. */
export class MapState implements StateView {
  constructor(readonly values: Map<number, number> = new Map()) {}
  read(key: number): number {
    return this.values.get(key) ?? 0;
  }
  write(key: number, value: number): void {
    this.values.set(key, value);
  }
  tryAdd(key: number, delta: number, limit: number): boolean {
    return readThenAdd(this, key, delta, limit);
  }
  /** A view whose writes land here only on commit(): how an executor discards a reverted leg. */
  buffer(): StateView & { commit(): void } {
    const staged = new Map<number, number>();
    const view: StateView & { commit(): void } = {
      read: (k) => staged.get(k) ?? this.read(k),
      write: (k, v) => void staged.set(k, v),
      tryAdd: (k, delta, limit) => readThenAdd(view, k, delta, limit),
      commit: () => {
        for (const [k, v] of staged) this.write(k, v);
      },
    };
    return view;
  }
  sum(keys: readonly number[]): number {
    return keys.reduce((s, k) => s + this.read(k), 0);
  }
}

export function argsOf(...values: number[]): Float64Array {
  const a = new Float64Array(ARGS);
  a.set(values);
  return a;
}

/** Whole-transaction execution: debit -> apply -> settle, all writes dropped on any revert. */
export function runWhole(c: Contract, s: MapState, a: Float64Array): number {
  const v = s.buffer();
  const payload = c.debit(v, a, 0);
  if (payload < 0) return payload;
  const result = c.apply(v, a, 0, payload);
  if (result < 0) return result;
  c.settle(v, a, 0, payload, result);
  v.commit();
  return result;
}

/** Receipt execution: each leg commits on its own; a failed apply is undone by a refunding settle. */
export function runReceipts(c: Contract, s: MapState, a: Float64Array): number {
  const debit = s.buffer();
  const payload = c.debit(debit, a, 0);
  if (payload < 0) return payload;
  debit.commit();
  const apply = s.buffer();
  const result = c.apply(apply, a, 0, payload);
  if (result >= 0) apply.commit();
  if (result < 0 || c.settlesOnSuccess) c.settle(s, a, 0, payload, result);
  return result;
}
