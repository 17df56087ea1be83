import type { Remote } from "comlink";
import type { ProbeJob, ProbeResult } from "../calibrate/probes";
import { CANCELLED, FAILED, type RunControl, T_BEAT, T_TX } from "./control";
import type { PhaseJob, PhaseReport } from "./job";
import { prefaulted } from "./share";
import type { LiveWorkerApi } from "./worker-api";

/** One worker thread of the pool, however the platform makes it. */
export interface PoolThread {
  readonly api: Remote<LiveWorkerApi>;
  terminate(): void;
  /** Sets who hears of the thread dying outside a call (an uncaught error, or it exited). */
  onDeath(listener: (message: string) => void): void;
}

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export type SpawnThread = (index: number) => PoolThread;

/** How often the host looks at the shared words during a phase (cancel, watchdog, progress). */
const TICK_MS = 10;
/** A thread with no heartbeat yet may still be loading its code (a new thread on a busy machine). */
const START_GRACE_MS = 30_000;
/** A thread that has not returned this long after its run was stopped is terminated too. */
const STOP_GRACE_MS = 2000;

export interface PhaseWatch {
  /** Polled every tick: a cancel stops the phase. */
  readonly cancelled: () => boolean;
  /** A thread whose heartbeat stands still this long is hung. */
  readonly hangMs: number;
  readonly onTick?: () => void;
}

/** How a phase ended, besides the per-thread reports. */
export interface PhaseOutcome {
  readonly reports: readonly PhaseReport[];
  readonly cancelled: boolean;
  /** Why the phase failed (a thread threw, hung or died), naming the thread and the transaction. */
  readonly failure: string | null;
}

/**
 * A pool of long-lived worker threads, platform-neutral: the browser and Node differ only in `spawn`.
 * Threads start on first use; a thread that hangs or dies is terminated and replaced on next use, so the
 * next run works. One calibration of the burn loop per pool.
 */
export class LivePool {
  private readonly threads: (PoolThread | null)[] = [];
  private iters = 0;
  private logBuffer: SharedArrayBuffer | null = null;
  private readonly seen = new Set<string>();
  private running: RunControl | null = null;

  constructor(
    private readonly spawn: SpawnThread,
    /** Most threads a run may use (the machine's cores by default). */
    readonly maxThreads: number,
  ) {}

  private thread(i: number): PoolThread {
    let t = this.threads[i];
    if (!t) {
      t = this.spawn(i);
      this.threads[i] = t;
    }
    return t;
  }

  private kill(i: number): void {
    this.threads[i]?.terminate();
    this.threads[i] = null;
  }

  /** Burn iterations per microsecond, measured once on the first thread. */
  async calibration(): Promise<number> {
    if (this.iters === 0) {
      // Keeps a Node process alive while it waits (worker threads may be unref'd).
      const keep = setInterval(() => {}, 1000);
      try {
        this.iters = await this.thread(0).api.calibrate();
      } finally {
        clearInterval(keep);
      }
    }
    return this.iters;
  }

  /** Runs one probe per thread (thread i gets jobs[i]), all at once; resolves with their results. */
  async probe(jobs: readonly ProbeJob[]): Promise<ProbeResult[]> {
    if (this.running) throw new Error("a live run is in progress on this pool");
    // Keeps a Node process alive while it waits (worker threads may be unref'd).
    const keep = setInterval(() => {}, 1000);
    try {
      return await Promise.all(jobs.map((job, i) => this.thread(i).api.probe(job)));
    } finally {
      clearInterval(keep);
    }
  }

  /**
   * Shared memory for the event logs of one run, kept from run to run: fresh memory pays a page fault on
   * first touch, which would land inside the measured run.
   */
  logMemory(bytes: number): SharedArrayBuffer {
    if (!this.logBuffer || this.logBuffer.byteLength < bytes) this.logBuffer = prefaulted(bytes);
    return this.logBuffer;
  }

  /** True the first time a kind of run is named (JIT warm-up is done once per kind per pool). */
  firstTime(kind: string): boolean {
    if (this.seen.has(kind)) return false;
    this.seen.add(kind);
    return true;
  }

  get busy(): boolean {
    return this.running !== null;
  }

  /** Stops the phase in flight, if any: its threads see the stop word within a slice of work. */
  cancel(): void {
    this.running?.stop(CANCELLED);
  }

  /** Terminates every thread (the pool starts new ones if used again). */
  close(): void {
    for (let i = 0; i < this.threads.length; i++) this.kill(i);
    this.seen.clear();
  }

  /**
   * Runs one phase: one call per thread, then watches the shared words until every thread has reported.
   * Never rejects: a failure is described in the outcome after every thread has stopped or been replaced.
   */
  phase(control: RunControl, jobs: readonly PhaseJob[], watch: PhaseWatch): Promise<PhaseOutcome> {
    if (this.running) return Promise.reject(new Error("a live run is already in progress on this pool"));
    this.running = control;
    return new Promise<PhaseOutcome>((resolve) => {
      const reports: (PhaseReport | null)[] = jobs.map(() => null);
      let left = jobs.length;
      let failure: string | null = null;
      let stoppedAt = 0;
      let timer: ReturnType<typeof setInterval> | undefined;
      const beat = jobs.map(() => ({ value: -1, at: performance.now() }));
      const fail = (message: string): void => {
        failure ??= message;
        control.stop(FAILED);
      };
      const settle = (i: number, r: PhaseReport): void => {
        if (reports[i]) return;
        reports[i] = r;
        if (r.error !== null) fail(`worker ${r.thread} failed on transaction ${r.tx}: ${r.error}`);
        if (--left > 0) return;
        clearInterval(timer);
        this.running = null;
        const done = reports.filter((x): x is PhaseReport => x !== null);
        resolve({ reports: done, cancelled: failure === null && control.stopped(), failure });
      };
      const lost = (i: number, why: string): void => {
        const t = jobs[i].thread;
        const tx = Atomics.load(control.thread, control.threadWord(t, T_TX));
        this.kill(t);
        fail(
          `worker ${t} ${why} on transaction ${tx}: it was terminated and will be replaced for the next run`,
        );
        settle(i, { thread: t, error: null, tx, endUs: 0, finishUs: 0 });
      };
      timer = setInterval(() => {
        const now = performance.now();
        if (watch.cancelled()) control.stop(CANCELLED);
        watch.onTick?.();
        if (control.stopped() && stoppedAt === 0) stoppedAt = now;
        jobs.forEach((job, i) => {
          if (reports[i]) return;
          const b = Atomics.load(control.thread, control.threadWord(job.thread, T_BEAT));
          if (b !== beat[i].value) {
            beat[i].value = b;
            beat[i].at = now;
          } else if (now - beat[i].at > (b === 0 ? Math.max(watch.hangMs, START_GRACE_MS) : watch.hangMs)) {
            lost(i, `stopped responding (no progress for ${((now - beat[i].at) / 1000).toFixed(1)} s)`);
          } else if (stoppedAt > 0 && now - stoppedAt > STOP_GRACE_MS) {
            lost(i, "did not stop when asked");
          }
        });
      }, TICK_MS);
      jobs.forEach((job, i) => {
        try {
          const th = this.thread(job.thread);
          th.onDeath((message) => lost(i, `died (${message})`));
          th.api.runPhase(job).then(
            (r) => settle(i, r),
            (e: unknown) => lost(i, `could not run its part (${errorText(e)})`),
          );
        } catch (e) {
          lost(i, `could not start (${errorText(e)})`);
        }
      });
    });
  }
}
