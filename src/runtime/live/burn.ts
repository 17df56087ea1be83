import { perf } from "./clock";

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
/** Calls between two clock reads: the clock costs little against them (about 100 us of calls). */
const BATCH = 32;
/**
 * One timed sample (ms): shorter than the time slices a busy machine shares a core out in (a few ms), so
 * some samples run with the core to themselves. A longer one averages the other threads' share in: on a
 * page still loading on two cores, 15 ms samples measured half the rate, and every run burned half the
 * work it claimed.
 */
const SAMPLE_MS = 1;
const SAMPLES = 80;

/** Milliseconds, as performance.now() gives them: a parameter so a test can take time away from samples. */
export type Clock = () => number;

/**
 * Iterations of `burn` per microsecond on this thread, measured the way runs call it (short calls of about
 * one transaction each, call overhead included). The best of many short samples: interference only slows.
 */
export function calibrateBurn(now: Clock = () => perf.now()): number {
  let h = 0;
  // Warm up (JIT) and take a rough rate with long calls: it only sizes the calls below.
  let rate = 0;
  for (let k = 0; k < 5; k++) {
    const t0 = now();
    h ^= burn(200_000, h);
    rate = Math.max(rate, 200_000 / Math.max(1e-3, (now() - t0) * 1000));
  }
  const per = Math.max(1, Math.round(rate * SAMPLE_US));
  let best = 0;
  for (let k = 0; k < SAMPLES; k++) {
    let calls = 0;
    const t0 = now();
    let dt = 0;
    while (dt < SAMPLE_MS) {
      for (let i = 0; i < BATCH; i++) h ^= burn(per, h);
      calls += BATCH;
      dt = now() - t0;
    }
    best = Math.max(best, (calls * per) / (dt * 1000));
  }
  // Keep h observable so the loops above are not optimized away.
  return h === 0x7fffffff ? best + 1e-9 : best;
}
