import { afterEach, describe, expect, it } from "vitest";
import { FakeWorker } from "../../test/runtime/fake-worker";
import { DEFAULT_SCENARIO, type Scenario } from "../engine/scenario/scenario";
import type { ProgressFn } from "./progress";
import { RunCancelledError, VirtualClient } from "./virtual-client";

/** What a stand-in worker does when asked to run: its answer, or a promise of one. */
type Behaviour = (scenario: Scenario, onProgress?: ProgressFn) => unknown;

const never = (): Promise<never> => new Promise(() => {});
const workers: FakeWorker[] = [];
const clients: VirtualClient[] = [];

function clientWith(behaviours: Behaviour[], timeoutMs?: number): VirtualClient {
  const client = new VirtualClient({
    timeoutMs,
    createWorker: () => {
      const behaviour = behaviours[workers.length];
      if (!behaviour) throw new Error("test asked for more workers than it set up");
      const w = new FakeWorker({ run: behaviour });
      workers.push(w);
      return w;
    },
  });
  clients.push(client);
  return client;
}

afterEach(() => {
  for (const c of clients.splice(0)) c.dispose();
  for (const w of workers.splice(0)) w.terminate();
});

describe("VirtualClient", () => {
  it("returns the worker's result and relays progress", async () => {
    const client = clientWith([
      async (scenario, onProgress) => {
        await onProgress?.(1, 2);
        await onProgress?.(2, 2);
        return { txs: scenario.txs };
      },
    ]);
    const seen: number[][] = [];
    const result = await client.run(DEFAULT_SCENARIO, (done, total) => seen.push([done, total]));
    expect(result).toEqual({ txs: DEFAULT_SCENARIO.txs });
    expect(seen).toEqual([
      [1, 2],
      [2, 2],
    ]);
  });

  it("keeps one worker across successful runs", async () => {
    const client = clientWith([(s) => s.seed]);
    await client.run({ ...DEFAULT_SCENARIO, seed: 1 });
    await client.run({ ...DEFAULT_SCENARIO, seed: 2 });
    expect(workers).toHaveLength(1);
  });

  it("cancels the run in flight when a new one starts, on a fresh worker", async () => {
    const client = clientWith([never, () => "second"]);
    const first = client.run(DEFAULT_SCENARIO);
    const second = client.run(DEFAULT_SCENARIO);
    await expect(first).rejects.toBeInstanceOf(RunCancelledError);
    await expect(second).resolves.toBe("second");
    expect(workers[0].terminated).toBe(true);
    expect(workers[1].terminated).toBe(false);
  });

  it("turns an exception in the worker into a rejection with its message", async () => {
    const client = clientWith([
      () => {
        throw new Error("boom in the scheduler");
      },
      () => "recovered",
    ]);
    await expect(client.run(DEFAULT_SCENARIO)).rejects.toThrow("The run failed: boom in the scheduler");
    await expect(client.run(DEFAULT_SCENARIO)).resolves.toBe("recovered");
  });

  it("turns a worker crash into a rejection and recovers with a new worker", async () => {
    const client = clientWith([never, () => "recovered"]);
    const run = client.run(DEFAULT_SCENARIO);
    const event = workers[0].crash("Out of memory");
    await expect(run).rejects.toThrow("The simulation worker crashed: Out of memory.");
    expect(event.defaultPrevented).toBe(true);
    expect(workers[0].terminated).toBe(true);
    await expect(client.run(DEFAULT_SCENARIO)).resolves.toBe("recovered");
  });

  it("stops a run that hangs past the time limit", async () => {
    const client = clientWith([never], 50);
    await expect(client.run(DEFAULT_SCENARIO)).rejects.toThrow("did not finish within 0.05 s");
    expect(workers[0].terminated).toBe(true);
  });

  it("cancel() without a run in flight does nothing", async () => {
    const client = clientWith([() => 1]);
    client.cancel();
    await expect(client.run(DEFAULT_SCENARIO)).resolves.toBe(1);
  });
});
