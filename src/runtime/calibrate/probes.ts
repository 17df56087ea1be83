import { Arena } from "../../engine/arena";
import { DEFAULT_SCENARIO } from "../../engine/scenario/scenario";
import { BlockStmExecutor } from "../../engine/schedulers/blockstm/executor";
import type { ReadSet } from "../../engine/schedulers/blockstm/mvmemory";
import { EXECUTE, NO_TASK, Scheduler, type Task, VALIDATE } from "../../engine/schedulers/blockstm/scheduler";
import { WriteBuffer } from "../../engine/schedulers/run-unit";
import { wholeTransactions } from "../../engine/schedulers/units";
import type { EventSink } from "../../engine/trace/eventlog";
import { generateBlock } from "../../engine/workload/generate";
import { runVirtual } from "../virtual/driver";

/**
 * Timings of the engine's own code, taken inside a live pool thread (a worker_thread under Node): what the
 * virtual clock's measured cost fields stand for. Each probe runs the real code (the Block-STM scheduler and
 * its multi-version memory) on the Block-STM paper's uncontended block.
 */
export type ProbeJob =
  | {
      readonly probe: "index";
      /** The start barrier: one word counting the threads that arrived. */
      readonly barrier: SharedArrayBuffer;
      /** A scheduler's shared memory, initialized by the host. */
      readonly arena: SharedArrayBuffer;
      readonly units: number;
      readonly threads: number;
    }
  | { readonly probe: "memory" };

/** What a probe measured, by name (microseconds per operation, or counts). */
export type ProbeResult = Readonly<Record<string, number>>;

/**
 * Every thread takes slots of one shared scheduler's indices as fast as it can (next_task, tasks never
 * finished: an execution slot, then a validation slot that finds nothing, and so on) until both indices
 * pass the block.
 */
function indexProbe(job: Extract<ProbeJob, { probe: "index" }>): ProbeResult {
  const arrived = new Int32Array(job.barrier, 0, 1);
  const sched = new Scheduler(job.units, Arena.shared(job.arena, false));
  const t: Task = { kind: NO_TASK, unit: 0, inc: 0 };
  Atomics.add(arrived, 0, 1);
  while (Atomics.load(arrived, 0) < job.threads) {}
  const t0 = performance.now();
  let ops = 0;
  while (sched.nextTask(t)) ops++;
  return { ops, us: (performance.now() - t0) * 1000 };
}

const NO_EVENTS: EventSink = { emit() {} };

/** 10,000 p2p transfers over 10,000 accounts after a one-worker Block-STM run: every read set and write is in memory. */
let finished: { ex: BlockStmExecutor; state: Float64Array } | null = null;
function finishedRun(): { ex: BlockStmExecutor; state: Float64Array } {
  if (finished) return finished;
  const mix = { transfer: 1, swap: 0, mint: 0, vote: 0, ship: 0 };
  const block = generateBlock({ ...DEFAULT_SCENARIO, mix, txs: 10_000, accounts: 10_000 });
  const units = wholeTransactions(block.n);
  const state = Float64Array.from(block.keys.initial);
  const ex = new BlockStmExecutor(block, units, state, DEFAULT_SCENARIO.cost, NO_EVENTS, 0, Arena.local());
  runVirtual(ex, 1, 0);
  finished = { ex, state };
  return finished;
}

/** Each transaction's last writes and read set, as an execution leaves them in a worker's buffers. */
function lastOutputs(ex: BlockStmExecutor): { writes: WriteBuffer; reads: ReadSet; rn: number }[] {
  const mv = ex.mv;
  const { start, maxKeys } = mv.access;
  const m = Math.max(1, maxKeys);
  return Array.from({ length: ex.output.length }, (_, u) => {
    const writes = new WriteBuffer(maxKeys);
    for (let j = mv.unitSlotStart[u]; j < mv.unitSlotStart[u + 1]; j++) {
      const s = mv.unitSlot[j];
      if (mv.word[s] !== 0) writes.put(mv.slotKey[s], mv.value[s]);
    }
    const r0 = start[u];
    const rn = mv.readCount[u];
    const span = <T extends Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const out = make(m);
      out.set(a.subarray(r0, r0 + rn));
      return out;
    };
    const ints = (n: number) => new Int32Array(n);
    const reals = (n: number) => new Float64Array(n);
    const reads: ReadSet = {
      key: span(mv.readKey, ints),
      unit: span(mv.readUnit, ints),
      inc: span(mv.readInc, ints),
      lo: span(mv.readLo, reals),
      hi: span(mv.readHi, reals),
    };
    return { writes, reads, rn };
  });
}

/** Multi-version reads, writes and validation, and the in-order commit's own steps, each timed over the block. */
function memoryProbe(): ProbeResult {
  const { ex, state } = finishedRun();
  const mv = ex.mv;
  const { start, key } = mv.access;
  const n = ex.output.length;

  // Reads: every declared key of every transaction through the memory, and straight from an array.
  let sink = 0;
  let t0 = performance.now();
  for (let u = 0; u < n; u++) for (let i = start[u]; i < start[u + 1]; i++) sink += mv.read(key[i], u);
  const mvUs = (performance.now() - t0) * 1000;
  t0 = performance.now();
  for (let u = 0; u < n; u++) for (let i = start[u]; i < start[u + 1]; i++) sink += state[key[i]] + u;
  const plainUs = (performance.now() - t0) * 1000;

  // Writes: each transaction publishes its last incarnation again, with the read set it came from.
  const last = lastOutputs(ex);
  let written = 0;
  t0 = performance.now();
  for (let u = 0; u < n; u++) {
    const o = last[u];
    mv.record(u, ex.sched.incarnation(u), o.writes, o.writes.n, o.reads, o.rn);
    written += o.writes.n;
  }
  const recordUs = (performance.now() - t0) * 1000;

  // Validation: every transaction's read set, re-read.
  let validated = 0;
  t0 = performance.now();
  for (let u = 0; u < n; u++) {
    if (mv.revalidate(u) >= 0) throw new Error(`transaction ${u} does not validate after the run`);
    validated += mv.readCount[u];
  }
  const validateUs = (performance.now() - t0) * 1000;

  // The in-order commit's own steps, on a scheduler where every transaction has executed.
  const sched = new Scheduler(n, Arena.local());
  const t: Task = { kind: NO_TASK, unit: 0, inc: 0 };
  const out: Task = { kind: NO_TASK, unit: 0, inc: 0 };
  while (sched.nextTask(t)) {
    if (t.kind === EXECUTE) sched.finishExecution(t.unit, t.inc, false, out);
    else if (t.kind === VALIDATE) sched.finishValidation(t.unit, false, out);
  }
  t0 = performance.now();
  for (let u = 0; u < n; u++) {
    if (sched.tryLockCommit() !== u || !sched.commit(u, sched.incarnation(u)))
      throw new Error(`transaction ${u} cannot commit`);
    sched.unlockCommit(u + 1);
  }
  const commitUs = (performance.now() - t0) * 1000;

  // finish_execution's resume loop: every other transaction suspended on the first, made ready again at once.
  const blocked = new Scheduler(n, Arena.local());
  while (blocked.nextTask(t)) {}
  for (let u = 1; u < n; u++)
    if (!blocked.addDependency(u, 0)) throw new Error(`transaction ${u} cannot wait for transaction 0`);
  t0 = performance.now();
  blocked.finishExecution(0, 0, false, out);
  const resumeUs = (performance.now() - t0) * 1000;
  return {
    mvReadUs: Math.max(0, mvUs - plainUs) / start[n],
    mvWriteUs: recordUs / Math.max(1, written),
    validateUsPerRead: validateUs / Math.max(1, validated),
    commitUs: commitUs / n,
    resumeUs: resumeUs / Math.max(1, n - 1),
    // Keeps the read loops from being optimized away.
    checksum: Number.isFinite(sink) ? 0 : 1,
  };
}

export function runProbe(job: ProbeJob): ProbeResult {
  return job.probe === "index" ? indexProbe(job) : memoryProbe();
}
