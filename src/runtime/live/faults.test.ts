import { afterAll, describe, expect, it } from "vitest";
import { DEFAULT_SCENARIO, type Scenario } from "../../engine/scenario/scenario";
import { EventLog, type EventLogData } from "../../engine/trace/eventlog";
import { Cancelled } from "../cancel";
import { attachLiveView } from "./live-view";
import { createNodePool } from "./node-pool";
import { runOnPool, untimedRuns, WATCHED_SEQUENTIAL_US } from "./run-live";

const pool = createNodePool(2);
afterAll(() => pool.close());

const small: Scenario = { ...DEFAULT_SCENARIO, txs: 300, accounts: 50, workers: 2 };

/** After any failure the same pool must still run a block correctly. */
async function expectUsable(): Promise<void> {
  const r = await runOnPool(pool, { ...small, seed: 7 }, { workers: 2 });
  expect(r.stateHash).toBe(r.sequentialStateHash);
}

describe("a live run that goes wrong ends with a message and leaves the pool usable", () => {
  it("a transaction that throws names the worker and the transaction", async () => {
    for (const scheduler of ["blockstm", "batched"] as const) {
      const run = runOnPool(pool, { ...small, scheduler }, { workers: 2, fault: { kind: "throw", tx: 17 } });
      await expect(run).rejects.toThrow(/^worker [01] failed on transaction 17: injected fault/);
      await expectUsable();
    }
  });

  it("a worker that never returns is terminated by the watchdog and replaced", async () => {
    const t0 = performance.now();
    const run = runOnPool(pool, small, { workers: 2, fault: { kind: "hang", tx: 40 } });
    await expect(run).rejects.toThrow(
      /^worker [01] stopped responding .* on transaction 40: it was terminated/,
    );
    expect(performance.now() - t0).toBeLessThan(6000);
    await expectUsable();
  });

  it("cancel stops a run within 100 ms", async () => {
    const signal = { cancelled: false };
    let cancelledAt = 0;
    // Slowed down a thousandfold: several seconds of run, cancelled after 150 ms.
    const run = runOnPool(pool, { ...small, txs: 2000 }, { workers: 2, slowdown: 1000, signal });
    setTimeout(() => {
      cancelledAt = performance.now();
      signal.cancelled = true;
    }, 150);
    await expect(run).rejects.toBeInstanceOf(Cancelled);
    expect(performance.now() - cancelledAt).toBeLessThan(100);
    await expectUsable();
  });

  it("a run shows its events while it runs, and a reader takes each event once, each lane in time order, at most as many as asked", async () => {
    const sizes: number[] = [];
    const pieces: EventLogData[] = [];
    let read: (limit?: number) => EventLogData = () => new EventLog().freeze();
    let snapshot: () => EventLogData = read;
    const r = await runOnPool(
      pool,
      { ...small, txs: 200 },
      {
        workers: 2,
        slowdown: 200,
        onStart: (memory) => {
          const view = attachLiveView(memory);
          read = view.reader();
          snapshot = () => view.snapshot();
          const timer = setInterval(() => {
            sizes.push(view.snapshot().length);
            pieces.push(read(50));
            if (view.committed() >= 200) clearInterval(timer);
          }, 20);
        },
      },
    );
    for (let p = read(50); p.length > 0; p = read(50)) pieces.push(p);
    expect(Math.max(...pieces.map((p) => p.length))).toBe(50);
    // Merged from the threads' logs, the same log as the run's result (one repetition, no host events).
    expect(snapshot()).toEqual(r.log);
    expect(sizes.some((n) => n > 0 && n < r.log.length)).toBe(true);
    expect(pieces.filter((p) => p.length > 0).length).toBeGreaterThan(1);
    expect(pieces.reduce((n, p) => n + p.length, 0)).toBe(r.log.length);
    const last = [Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY];
    for (const p of pieces) {
      for (let i = 0; i < p.length; i++) {
        expect(p.time[i]).toBeGreaterThanOrEqual(last[p.worker[i]]);
        last[p.worker[i]] = p.time[i];
      }
    }
    expect(r.stateHash).toBe(r.sequentialStateHash);
  });

  it("repeats the run and reports the median repetition, its range and progress over every repetition", async () => {
    const progress: [number, number][] = [];
    const r = await runOnPool(
      pool,
      { ...small, txs: 400 },
      { workers: 2, runs: 3, warmUp: true, onProgress: (done, total) => progress.push([done, total]) },
    );
    const { repetitions, speedupMin, speedupMax } = r.live;
    expect(repetitions).toHaveLength(3);
    const ups = repetitions.map((x) => x.sequentialUs / x.parallelUs).sort((a, b) => a - b);
    const speedup = r.sequentialUs / r.elapsedUs;
    expect(speedup).toBe(ups[1]);
    expect([speedupMin, speedupMax]).toEqual([ups[0], ups[2]]);
    expect(repetitions).toContainEqual({ sequentialUs: r.sequentialUs, parallelUs: r.elapsedUs });
    // Progress counts every run of the block, the untimed warm-up repetitions included (at least one, at
    // most untimedRuns), and ends at the total.
    const [done, total] = progress.at(-1) ?? [0, 0];
    expect(done).toBe(total);
    expect(total % (2 * 400)).toBe(0);
    expect(total / (2 * 400)).toBeGreaterThanOrEqual(3 + 1);
    expect(total / (2 * 400)).toBeLessThanOrEqual(3 + untimedRuns(400));
    for (let i = 1; i < progress.length; i++)
      expect(progress[i][0]).toBeGreaterThanOrEqual(progress[i - 1][0]);
    expect(r.stateHash).toBe(r.sequentialStateHash);
  });

  it("hands out a view of every parallel run of a full-speed call long enough to watch", async () => {
    const views: number[] = [];
    // 1,500 transactions of 300 us of real work each: a sequential run of about 450 ms.
    const heavy: Scenario = { ...small, txs: 1500, cost: { ...small.cost, work: 100 } };
    const r = await runOnPool(pool, heavy, {
      workers: 2,
      runs: 2,
      onStart: (memory) => views.push(memory.total),
    });
    expect(Math.min(...r.live.repetitions.map((x) => x.sequentialUs))).toBeGreaterThanOrEqual(
      WATCHED_SEQUENTIAL_US,
    );
    expect(views).toEqual([1500, 1500]);
    expect(r.stateHash).toBe(r.sequentialStateHash);
  });

  it("bad options are refused with the field and the range", async () => {
    await expect(runOnPool(pool, small, { workers: 3 })).rejects.toThrow(
      "workers must be an integer from 1 to 2 on this machine (got 3)",
    );
    await expect(runOnPool(pool, { ...small, shards: 2 }, { workers: 1 })).rejects.toThrow(
      /shards \(2\) must be at most workers \(1\)/,
    );
    await expect(runOnPool(pool, small, { slowdown: 0 })).rejects.toThrow(
      "slowdown must be a number from 1 to 100,000 (got 0)",
    );
    await expect(runOnPool(pool, small, { runs: 0 })).rejects.toThrow(
      "runs must be an integer from 1 to 50 (got 0)",
    );
    await expect(runOnPool(pool, small, { fault: { kind: "throw", tx: 300 } })).rejects.toThrow(
      "fault.tx must be a transaction of the block, 0 to 299 (got 300)",
    );
  });
});
