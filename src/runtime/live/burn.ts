/**
 * The real work a live worker does for a transaction's gas: an integer hash loop. Its result is folded into
 * shared memory by the caller, so the engine cannot drop the loop as dead code.
 */
export function burn(iterations: number, seed: number): number {
  let h = seed | 0;
  for (let i = 0; i < iterations; i++) {
    h = Math.imul(h ^ i, 0x9e3779b1);
    h ^= h >>> 15;
  }
  return h;
}

/** Modelled cost the calibration loop burns per call: about one default transfer (21,000 gas at 7,000/us). */
const SAMPLE_US = 3;
const SAMPLE_MS = 15;

/**
 * Iterations of `burn` per microsecond on this thread, measured the way runs call it (short calls of about
 * one transaction each, call overhead included). The best of several samples: interference only slows.
 */
export function calibrateBurn(): number {
  let h = 0;
  // Warm up (JIT) and take a rough rate with long calls.
  let rate = 0;
  for (let k = 0; k < 5; k++) {
    const t0 = performance.now();
    h ^= burn(200_000, h);
    rate = Math.max(rate, 200_000 / Math.max(1e-3, (performance.now() - t0) * 1000));
  }
  let best = 0;
  for (let k = 0; k < 5; k++) {
    const per = Math.max(1, Math.round(rate * SAMPLE_US));
    let calls = 0;
    const t0 = performance.now();
    let dt = 0;
    while (dt < SAMPLE_MS) {
      for (let i = 0; i < 64; i++) h ^= burn(per, h);
      calls += 64;
      dt = performance.now() - t0;
    }
    best = Math.max(best, (calls * per) / (dt * 1000));
  }
  // Keep h observable so the loops above are not optimized away.
  return h === 0x7fffffff ? best + 1e-9 : best;
}
