import { MessageChannel } from "node:worker_threads";
import { expose } from "comlink";
import { afterAll, describe, expect, it } from "vitest";
import { DEFAULT_SCENARIO, type Scenario } from "../../engine/scenario/scenario";
import { MEASURED_FIELDS } from "../calibrate/calibrate";
import { RunCancelledError } from "../virtual-client";
import type { WorkerLike } from "../worker-session";
import { coordinatorApi } from "./coordinator";
import { LiveClient, type LiveClientOptions } from "./live-client";
import type { LiveView } from "./live-view";
import { nodeEndpoint } from "./node-endpoint";
import { createNodePool } from "./node-pool";
import type { LivePool } from "./pool";

const pools: LivePool[] = [];
afterAll(() => {
  for (const p of pools) p.close();
});

const small: Scenario = { ...DEFAULT_SCENARIO, txs: 300, accounts: 50, workers: 2 };

/**
 * The page's client over the real coordinator (on a Node pool) behind a message channel, as the browser
 * runs it behind a worker, each coordinator with its own threads; `crash()` fires the worker's error event,
 * as a coordinator that died would (its threads end with it).
 */
function clientOverChannel(options: LiveClientOptions = {}) {
  const errors = new Set<EventListenerOrEventListenerObject>();
  const created: MessageChannel[] = [];
  const worker = (): WorkerLike => {
    const channel = new MessageChannel();
    const pool = createNodePool(2);
    pools.push(pool);
    created.push(channel);
    expose(
      coordinatorApi(() => pool),
      nodeEndpoint(channel.port2),
    );
    const page = nodeEndpoint(channel.port1);
    return {
      postMessage: page.postMessage,
      addEventListener: (type, listener) =>
        type === "error" ? errors.add(listener) : page.addEventListener(type, listener),
      removeEventListener: (type, listener) =>
        type === "error" ? errors.delete(listener) : page.removeEventListener(type, listener),
      terminate: () => {
        channel.port1.close();
        pool.close();
      },
    };
  };
  const client = new LiveClient(options, 2, worker);
  const crash = (message: string): void => {
    const event = Object.assign(new Event("error", { cancelable: true }), { message });
    for (const l of [...errors]) typeof l === "function" ? l(event) : l.handleEvent(event);
  };
  return { client, crash, created };
}

describe("the live client runs the coordinator off the page and reports every end readably", () => {
  it("a run returns the measured result and its progress; a slowed one a live view of its logs", async () => {
    const views: LiveView[] = [];
    const { client } = clientOverChannel({ workers: 2, onStart: (view) => views.push(view) });
    const progress: number[] = [];
    const r = await client.run(small, (done, total) => progress.push(done / total));
    expect(r.stateHash).toBe(r.sequentialStateHash);
    expect(r.live.repetitions).toHaveLength(5);
    expect(progress.at(-1)).toBe(1);
    // Each repetition of this small block is over in milliseconds: no view of any of them.
    expect(views).toHaveLength(0);
    client.options = { workers: 2, slowdown: 20, onStart: (view) => views.push(view) };
    await client.run(small);
    // The one slowed parallel run: the logs its view shows are the run's own, read from shared memory.
    expect(views).toHaveLength(1);
    expect(views[0].lanes).toBe(2);
    expect(views[0].committed()).toBe(300);
    client.dispose();
  });

  it("a thread that throws or hangs ends the run with the pool's message, and the next run works", async () => {
    const { client } = clientOverChannel({ workers: 2, fault: { kind: "throw", tx: 17 } });
    await expect(client.run(small)).rejects.toThrow(
      /^The live run failed: worker [01] failed on transaction 17: injected fault/,
    );
    client.options = { workers: 2, fault: { kind: "hang", tx: 40 } };
    await expect(client.run(small)).rejects.toThrow(
      /^The live run failed: worker [01] stopped responding .* on transaction 40: it was terminated/,
    );
    client.options = { workers: 2 };
    const r = await client.run({ ...small, seed: 7 });
    expect(r.stateHash).toBe(r.sequentialStateHash);
    client.dispose();
  });

  it("a new run cancels the one in flight, which ends as cancelled", async () => {
    const { client } = clientOverChannel({ workers: 2, slowdown: 1000 });
    const slow = client.run({ ...small, txs: 2000 });
    client.options = { workers: 2 };
    const next = client.run(small);
    await expect(slow).rejects.toBeInstanceOf(RunCancelledError);
    const r = await next;
    expect(r.stateHash).toBe(r.sequentialStateHash);
    client.dispose();
  });

  it("measure() runs at the threads asked, at full speed and without the lanes' view; a run cancels it", async () => {
    let views = 0;
    const { client } = clientOverChannel({ workers: 2, slowdown: 50, onStart: () => views++ });
    const one = await client.measure(small, 1);
    expect(one.live).toMatchObject({ threads: 1, slowdown: 1 });
    expect(one.live.repetitions).toHaveLength(5);
    expect(one.stateHash).toBe(one.sequentialStateHash);
    expect(views).toBe(0);
    const measuring = client.measure(small, 2);
    const run = client.run(small);
    await expect(measuring).rejects.toBeInstanceOf(RunCancelledError);
    expect((await run).live).toMatchObject({ threads: 2, slowdown: 50 });
    expect(views).toBe(1);
    client.dispose();
  });

  it("a coordinator that dies ends the run with a message, and the next run starts a new one", async () => {
    let started = (): void => {};
    const inFlight = new Promise<void>((resolve) => {
      started = resolve;
    });
    const { client, crash, created } = clientOverChannel({
      workers: 2,
      slowdown: 1000,
      onStart: () => started(),
    });
    const run = client.run(small);
    await inFlight;
    crash("out of memory");
    await expect(run).rejects.toThrow(
      "The live run failed: the live coordinator crashed (out of memory); the next run starts a new one",
    );
    client.options = { workers: 2 };
    const r = await client.run(small);
    expect(r.stateHash).toBe(r.sequentialStateHash);
    expect(created).toHaveLength(2);
    client.dispose();
  });

  it("measures the cost fields on the coordinator's pool (the CLI's calibration), and cancels between repetitions", async () => {
    const { client } = clientOverChannel();
    const progress: [number, number][] = [];
    const c = await client.calibrate(1, (done, total) => progress.push([done, total]));
    expect(c.threads).toBe(2);
    expect(c.runs).toBe(1);
    expect(progress).toEqual([
      [1, 2],
      [2, 2],
    ]);
    for (const f of MEASURED_FIELDS) {
      expect(c.fields[f].min, f).toBeGreaterThanOrEqual(0);
      expect(c.fields[f].median, f).toBe(c.fields[f].min);
    }
    expect(c.fields.taskUs.median).toBeGreaterThan(0);

    // Cancelled once its first repetition is in (a late progress message must not cancel the next run).
    let cancelled = false;
    const stopped = client.calibrate(50, () => {
      if (!cancelled) client.cancel();
      cancelled = true;
    });
    await expect(stopped).rejects.toBeInstanceOf(RunCancelledError);
    const r = await client.run(small);
    expect(r.stateHash).toBe(r.sequentialStateHash);
    client.dispose();
  });
});
