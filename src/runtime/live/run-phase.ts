import { Arena } from "../../engine/arena";
import { DONE, type Executor, IDLE } from "../../engine/schedulers/executor";
import { TwoPhaseExecutor } from "../../engine/sharding/two-phase";
import { Ev } from "../../engine/trace/kinds";
import { makeExecutor } from "../executors";
import { burn } from "./burn";
import { perf } from "./clock";
import { FAILED, RunControl, T_FOLD, T_TX } from "./control";
import type { PhaseJob, PhaseReport, PieceStep, TwoPhaseStep } from "./job";
import { PUBLISH_US, SharedLogs, ThreadSink } from "./shared-log";
import { ThreadSync } from "./sync";

/** Longest burn between two checks of the stop word (us): keeps cancel well under 100 ms. */
const BURN_SLICE_US = 2000;

/** Microseconds since the epoch: worker time origins differ, the epoch does not. */
const epochUs = (): number => (perf.timeOrigin + perf.now()) * 1000;

/** Thrown out of a phase when the run was stopped (cancel, or another thread failed). */
class Stopped extends Error {}

/**
 * One worker thread's part of one phase: build the executors of its group's steps on the shared memory
 * the host prepared, meet the other threads at the start barrier, then run the steps. The same executor
 * code as the virtual driver; here begin and complete are back to back with real work in between.
 */
class PhaseRunner {
  private readonly c: RunControl;
  private readonly sync: ThreadSync;
  private readonly sink: ThreadSink;
  private readonly state: Float64Array;
  private readonly foldAt: number;
  /** perf.now() * 1000 + base = microseconds since the run's origin. */
  private base = 0;
  private started = false;
  /** When this thread's part of the last step ended, and the time it spent finishing it (see endStep). */
  private endUs = 0;
  private finishUs = 0;

  constructor(private readonly job: PhaseJob) {
    this.c = RunControl.attach(job.control, job.dims);
    this.sync = new ThreadSync(this.c, job.thread);
    const logs = SharedLogs.attach(job.logs, job.dims.threads, job.logCapacity);
    this.sink = new ThreadSink(logs, this.c, job.thread, job.fault);
    this.state = new Float64Array(job.state);
    this.foldAt = this.c.threadWord(job.thread, T_FOLD);
  }

  /** Microseconds since the run's origin (set at the start barrier, shared by every thread). */
  private now(): number {
    return perf.now() * 1000 + this.base;
  }

  private executor(step: PieceStep): Executor {
    const { block, cost } = this.job;
    const arena = Arena.shared(step.arena, false);
    return makeExecutor(step.scheduler, block, step.units, this.state, cost, this.sink, step.laneBase, arena);
  }

  /** Messages between shards are words of shared memory here: they land as they are sent. */
  private twoPhase(step: TwoPhaseStep): Executor {
    const { block, cost } = this.job;
    const arena = Arena.shared(step.arena, false);
    return new TwoPhaseExecutor(
      block,
      step.placement,
      step.workersPerShard,
      this.state,
      cost,
      this.sink,
      0,
      arena,
    );
  }

  private check(ok: boolean): void {
    if (!ok) throw new Stopped();
  }

  run(): PhaseReport {
    const { job, c } = this;
    try {
      // Executors first: building them is set-up, not part of the measured run.
      const built = job.steps.map((s) => (s.op === "piece" ? this.executor(s) : this.twoPhase(s)));
      this.check(this.sync.start(job.phaseThreads, epochUs));
      this.base = perf.timeOrigin * 1000 - c.origin[0];
      this.started = true;
      job.steps.forEach((s, i) => {
        if (s.op === "piece") this.piece(s, built[i]);
        else this.allShards(built[i]);
      });
      this.sink.publish();
      return { thread: job.thread, error: null, tx: -1, endUs: this.endUs, finishUs: this.finishUs };
    } catch (e) {
      this.sink.publish();
      const endUs = this.started ? this.now() : 0;
      if (e instanceof Stopped) return { thread: job.thread, error: null, tx: -1, endUs, finishUs: 0 };
      c.stop(FAILED);
      const tx = Atomics.load(c.thread, c.threadWord(job.thread, T_TX));
      const error = e instanceof Error ? e.message : String(e);
      return { thread: job.thread, error, tx, endUs, finishUs: 0 };
    }
  }

  /** A piece on the group's threads: the worker loop, then the group barrier where the last one finishes. */
  private piece(step: PieceStep, ex: Executor): void {
    const { job } = this;
    if (step.round >= 0 && job.rank === 0) {
      this.sink.emit(this.now(), step.laneBase, Ev.RoundStart, -1, 0, -1, step.round);
    }
    this.endStep(ex, this.drive(ex, job.rank));
  }

  /**
   * Two-phase commit: this thread is worker `thread` (its lane) of the one executor over every shard. A
   * completion on one shard can ready work on another, so every thread waits for work on one progress word.
   */
  private allShards(ex: Executor): void {
    const { job } = this;
    this.endStep(ex, this.drive(ex, job.thread, 0));
  }

  /**
   * The group barrier that ends a step, where this thread's part ended at `endUs`; the last thread to arrive
   * finishes the executor, and says how long that took. The phase ended when the last part did, plus the
   * finishing (lastEnd on the host): a thread that slept at the end wakes up late, and that is not timed.
   */
  private endStep(ex: Executor, endUs: number): void {
    const { job } = this;
    this.endUs = endUs;
    this.finishUs = 0;
    this.check(
      this.sync.group(job.group, job.groupSize, () => {
        const from = this.now();
        ex.finish(from);
        ex.writeBack(this.state);
        this.finishUs = this.now() - from;
      }),
    );
  }

  /**
   * The worker loop: take a task, do its real work, complete it, until the executor says DONE; returns when
   * this thread's part ended. An idle worker waits on group g's progress word.
   */
  private drive(ex: Executor, w: number, g = this.job.group): number {
    const { sync, job, c } = this;
    // One clock read per task: a task's end is the next one's start (the clock is slow on some machines).
    let t = this.now();
    // When this thread ran out of work, while it has found none since: if the block is done meanwhile, its
    // part ended then (the time it takes to wake from a sleep is not the run's).
    let idleFrom = -1;
    for (;;) {
      this.check(!c.stopped());
      sync.beat();
      let claimed = ex.claim(w, t);
      if (claimed === IDLE) {
        if (idleFrom < 0) idleFrom = this.now();
        this.sink.publish();
        // Announce, then ask again: a completion from now on bumps the progress word we wait on.
        const seen = sync.announce(g);
        claimed = ex.claim(w, t);
        const ok = claimed !== IDLE || sync.idle(g, seen);
        sync.retract(g);
        this.check(ok);
        if (claimed === IDLE) {
          t = this.now();
          continue;
        }
      }
      if (claimed === DONE) return idleFrom >= 0 ? idleFrom : this.now();
      idleFrom = -1;
      // Claiming and completing cost here what the real code takes; their modelled costs are the virtual clock's.
      const d = ex.begin(w, t);
      // A task long enough to see (real work or slowed down) shows its start while it runs.
      if (d * Math.max(1, job.slowdown) >= PUBLISH_US) this.sink.publish(t);
      // Real work for the contract's gas; an execution that stopped at a dependency did only its share (d).
      this.work(Math.min(d, ex.workUs(w)));
      if (job.slowdown > 1) this.check(sync.sleep(d * (job.slowdown - 1)));
      t = this.now();
      ex.complete(w, t);
      this.sink.publishBy(t);
      sync.progressed(g);
    }
  }

  /** Burns the real work for `us` of modelled cost, checking the stop word between slices. */
  private work(us: number): void {
    const perUs = this.job.itersPerUs;
    if (us <= 0 || perUs <= 0) return;
    const fold = this.c.thread;
    for (let left = us; left > 0; left -= BURN_SLICE_US) {
      const slice = Math.min(left, BURN_SLICE_US);
      fold[this.foldAt] ^= burn(Math.round(slice * perUs), fold[this.foldAt]);
      if (left > BURN_SLICE_US) {
        this.check(!this.c.stopped());
        this.sync.beat();
      }
    }
  }
}

export function runPhase(job: PhaseJob): PhaseReport {
  return new PhaseRunner(job).run();
}
