import { Arena } from "../../engine/arena";
import type { CostModel } from "../../engine/scenario/scenario";
import { Scheduler } from "../../engine/schedulers/blockstm/scheduler";
import { Cancelled, type CancelToken } from "../cancel";
import type { LivePool } from "../live/pool";

/** The cost fields taken from measurement (gasPerUs, msgUs and work are modelling choices: see the README). */
export const MEASURED_FIELDS = [
  "taskUs",
  "mvReadUs",
  "mvWriteUs",
  "validateUsPerRead",
  "commitUs",
  "resumeUs",
] as const satisfies readonly (keyof CostModel)[];
export type MeasuredField = (typeof MEASURED_FIELDS)[number];

/** What each measured field times, as the CLI and the page print it beside it. */
export const MEASURED_WHAT: Readonly<Record<MeasuredField, string>> = {
  taskUs: "one slot of Block-STM's shared indices, every thread taking them at once",
  mvReadUs: "a multi-version read, beyond a plain read of the state",
  mvWriteUs: "publishing one write (and its read set) into multi-version memory",
  validateUsPerRead: "re-reading one read of a read set",
  commitUs: "one in-order commit under the commit lock, besides its validation",
  resumeUs: "making one suspended transaction ready again (finish_execution's resume loop)",
};

/** One figure over the warm repetitions: its median and its range. */
export interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

export interface Calibration {
  /** Threads that took the index together (every thread of the pool). */
  readonly threads: number;
  readonly runs: number;
  readonly fields: Readonly<Record<MeasuredField, Spread>>;
  /** One index slot taken by one thread alone: what contention adds to taskUs. */
  readonly taskUsAlone: Spread;
}

/**
 * The figure a cost field takes from a calibration. The virtual clock charges no contention on shared cache
 * lines (README, "What it leaves out"), so `taskUs` is the slot one thread takes alone; the slot with every
 * thread taking them at once is printed beside it for comparison.
 */
export function costSpread(c: Calibration, field: MeasuredField): Spread {
  return field === "taskUs" ? c.taskUsAlone : c.fields[field];
}

/** Three significant digits: a cost figure is a measurement, no more precise than its spread. */
export const significant = (x: number): number => Number(x.toPrecision(3));

export function spreadOf(samples: readonly number[]): Spread {
  const s = [...samples].sort((a, b) => a - b);
  const m = s.length >> 1;
  const median = s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
  return { median, min: s[0], max: s[s.length - 1] };
}

/** `threads` threads take slots of one fresh shared scheduler at once; what one slot costs a thread (µs). */
async function indexRound(pool: LivePool, threads: number, units: number): Promise<number> {
  const sizing = Arena.local();
  new Scheduler(units, sizing);
  const arena = new SharedArrayBuffer(sizing.bytes);
  new Scheduler(units, Arena.shared(arena, true));
  const barrier = new SharedArrayBuffer(8);
  const job = { probe: "index" as const, barrier, arena, units, threads };
  const out = await pool.probe(Array.from({ length: threads }, () => job));
  const perThread = out.map((r) => r.us / Math.max(1, r.ops));
  return perThread.reduce((a, b) => a + b, 0) / perThread.length;
}

/**
 * Measures the virtual clock's scheduler costs on this machine, on the live pool's threads: one warm-up,
 * then `runs` repetitions of each probe. The index is timed with every thread of the pool taking it at
 * once (so it needs two threads at least) and with one thread alone. `signal` is read between repetitions:
 * a cancelled calibration throws Cancelled once the probes in flight return.
 */
export async function calibrate(
  pool: LivePool,
  runs: number,
  onProgress?: (done: number, total: number) => void,
  signal?: Readonly<CancelToken>,
): Promise<Calibration> {
  const threads = pool.maxThreads;
  if (threads < 2) throw new Error("calibration needs at least two threads (it measures contention)");
  const units = 200_000;
  const samples: Record<MeasuredField | "alone", number[]> = {
    taskUs: [],
    mvReadUs: [],
    mvWriteUs: [],
    validateUsPerRead: [],
    commitUs: [],
    resumeUs: [],
    alone: [],
  };
  for (let rep = 0; rep <= runs; rep++) {
    if (signal?.cancelled) throw new Cancelled();
    const task = await indexRound(pool, threads, units);
    const alone = await indexRound(pool, 1, units);
    const [memory] = await pool.probe([{ probe: "memory" }]);
    onProgress?.(rep + 1, runs + 1);
    if (rep === 0) continue; // warm-up: the JIT compiles the probes
    samples.taskUs.push(task);
    samples.alone.push(alone);
    for (const f of MEASURED_FIELDS) if (f !== "taskUs") samples[f].push(memory[f]);
  }
  const fields = Object.fromEntries(MEASURED_FIELDS.map((f) => [f, spreadOf(samples[f])])) as Record<
    MeasuredField,
    Spread
  >;
  return { threads, runs, fields, taskUsAlone: spreadOf(samples.alone) };
}
