/** Scratch for moving a float64's bits in and out of a BigInt64 (one per thread: modules are per thread). */
const f64 = new Float64Array(1);
const i64 = new BigInt64Array(f64.buffer);

/**
 * Adds deltas to a state that other threads may add to at the same time: each add is a compare-and-swap on
 * the value's 64 bits, so two workers publishing deltas to one aggregator never lose one.
 */
export class AtomicAdder {
  private readonly bits: BigInt64Array;

  constructor(state: Float64Array) {
    this.bits = new BigInt64Array(state.buffer, state.byteOffset, state.length);
  }

  add(key: number, amount: number): void {
    for (;;) {
      const old = Atomics.load(this.bits, key);
      i64[0] = old;
      f64[0] += amount;
      if (Atomics.compareExchange(this.bits, key, old, i64[0]) === old) return;
    }
  }
}
