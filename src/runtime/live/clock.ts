/**
 * The clock the live threads read: looking up the global `performance` is slow in browser workers (hundreds
 * of ns), so it is looked up once, here.
 */
export const perf = performance;
