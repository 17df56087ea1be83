import { perf } from "./clock";
import {
  G_COUNT,
  G_GEN,
  G_PROGRESS,
  G_WAITERS,
  GO_COUNT,
  GO_GEN,
  type RunControl,
  STOP,
  T_BEAT,
} from "./control";

/** Longest single Atomics.wait (ms): waits are short so that a stopped run and the watchdog notice. */
const WAIT_SLICE_MS = 20;
/**
 * How long a barrier wait polls its word before it sleeps (ms). Waking a sleeping thread takes far longer
 * than the others usually take to arrive: on this 2-core virtual machine 40-150 us (median) once it has
 * slept a millisecond or more, several milliseconds at worst.
 */
const SPIN_MS = 1;
/**
 * Polls of the progress word before an idle worker goes to sleep. Far fewer than a barrier's: a worker that
 * polls longer keeps pulling the cache lines the busy workers write, and on 2 accounts (where workers often
 * find nothing to do for a moment) a millisecond of it cut Block-STM from 0.72x to 0.57-0.66x.
 */
const IDLE_SPINS = 4000;
/** Polls between two clock reads while spinning. */
const POLLS_PER_LOOK = 256;

/** Polls words[i] while it holds `value`, for up to SPIN_MS; true once it changed. */
function spin(words: Int32Array, i: number, value: number): boolean {
  const until = perf.now() + SPIN_MS;
  for (;;) {
    for (let k = 0; k < POLLS_PER_LOOK; k++) if (Atomics.load(words, i) !== value) return true;
    if (perf.now() >= until) return false;
  }
}

/**
 * How one worker thread waits on shared words. Every wait is bounded and checks the stop word, and every
 * turn of a wait beats the thread's heartbeat: a thread whose heartbeat stands still is really stuck.
 * Each method returns false when the run was stopped while waiting.
 */
export class ThreadSync {
  private readonly beatAt: number;

  constructor(
    private readonly c: RunControl,
    thread: number,
  ) {
    this.beatAt = c.threadWord(thread, T_BEAT);
  }

  beat(): void {
    // Only this thread writes its heartbeat: a plain increment (no locked add on every task).
    this.c.thread[this.beatAt]++;
  }

  /** Waits until words[i] differs from `value`. */
  waitChange(words: Int32Array, i: number, value: number): boolean {
    if (spin(words, i, value)) return !this.c.stopped();
    while (Atomics.load(words, i) === value) {
      if (this.c.stopped()) return false;
      this.beat();
      Atomics.wait(words, i, value, WAIT_SLICE_MS);
    }
    return !this.c.stopped();
  }

  /** Sleeps `us` microseconds on the stop word: a cancel wakes it at once. */
  sleep(us: number): boolean {
    const until = performance.now() + us / 1000;
    for (let left = us / 1000; left > 0; left = until - performance.now()) {
      if (this.c.stopped()) return false;
      this.beat();
      Atomics.wait(this.c.global, STOP, 0, Math.min(left, WAIT_SLICE_MS));
    }
    return !this.c.stopped();
  }

  /** Polls words[i] until it differs from `value`, never sleeping; beats and checks the stop word between. */
  private pollChange(words: Int32Array, i: number, value: number): boolean {
    while (!spin(words, i, value)) {
      if (this.c.stopped()) return false;
      this.beat();
    }
    return !this.c.stopped();
  }

  /**
   * Barrier over `size` threads on (count, gen) words; the last to arrive runs `last` before releasing the
   * others (if it throws, nobody is released and the caller stops the run). `awake`: the others poll until
   * released, without ever sleeping.
   */
  private barrier(
    words: Int32Array,
    count: number,
    gen: number,
    size: number,
    last: () => void,
    awake = false,
  ): boolean {
    const g = Atomics.load(words, gen);
    if (Atomics.add(words, count, 1) + 1 === size) {
      Atomics.store(words, count, 0);
      last();
      Atomics.add(words, gen, 1);
      Atomics.notify(words, gen);
      return !this.c.stopped();
    }
    return awake ? this.pollChange(words, gen, g) : this.waitChange(words, gen, g);
  }

  /**
   * The start barrier of a phase over all its threads, twice: a thread may sleep in the first while the
   * others are still on their way, and waking takes it a while; in the second every thread is awake and
   * polls, and the last to arrive sets the time origin if unset. No thread's wake-up is timed.
   */
  start(threads: number, epochUs: () => number): boolean {
    const g = this.c.global;
    return (
      this.barrier(g, GO_COUNT, GO_GEN, threads, () => {}) &&
      this.barrier(
        g,
        GO_COUNT,
        GO_GEN,
        threads,
        () => {
          if (this.c.origin[0] === 0) this.c.origin[0] = epochUs();
        },
        true,
      )
    );
  }

  /** Barrier of the threads of one group (one shard's workers). */
  group(g: number, size: number, last: () => void = () => {}): boolean {
    const c = this.c;
    return this.barrier(c.group, c.groupWord(g, G_COUNT), c.groupWord(g, G_GEN), size, last);
  }

  /**
   * Announces that this thread is about to look for work and may wait: completions count as progress
   * only while someone is announced, so busy threads touch no shared counter. Returns the progress seen.
   */
  announce(g: number): number {
    const c = this.c;
    Atomics.add(c.group, c.groupWord(g, G_WAITERS), 1);
    return Atomics.load(c.group, c.groupWord(g, G_PROGRESS));
  }

  retract(g: number): void {
    Atomics.sub(this.c.group, this.c.groupWord(g, G_WAITERS), 1);
  }

  /**
   * Waits (announced) until the group's progress moves past `seen`: spin a little, then sleep. Ordering
   * makes this safe: a waiter announces before it re-checks the executor, a completer publishes before it
   * looks for waiters, so one of them always sees the other.
   */
  idle(g: number, seen: number): boolean {
    const c = this.c;
    const p = c.groupWord(g, G_PROGRESS);
    for (let i = 0; i < IDLE_SPINS; i++) {
      if (Atomics.load(c.group, p) !== seen) return !c.stopped();
    }
    if (c.stopped()) return false;
    this.beat();
    Atomics.wait(c.group, p, seen, WAIT_SLICE_MS);
    return !c.stopped();
  }

  /** A task completed: if anyone waits for work, bump the progress counter and wake them. */
  progressed(g: number): void {
    const c = this.c;
    if (Atomics.load(c.group, c.groupWord(g, G_WAITERS)) === 0) return;
    const p = c.groupWord(g, G_PROGRESS);
    Atomics.add(c.group, p, 1);
    Atomics.notify(c.group, p);
  }
}
