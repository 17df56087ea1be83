import { afterEach, describe, expect, it } from "vitest";
import { FakeWorker } from "../../test/runtime/fake-worker";
import { DEFAULT_SCENARIO } from "../engine/scenario/scenario";
import type { SweepPlan, SweepPoint, SweepTask } from "./sweep";
import { SweepCancelledError, SweepClient } from "./sweep-client";

type PointFn = (task: SweepTask) => unknown;

const plan: SweepPlan = {
  axis: "skew",
  base: DEFAULT_SCENARIO,
  tasks: [
    { scheduler: "blockstm", value: 0 },
    { scheduler: "batched", value: 0 },
    { scheduler: "blockstm", value: 1 },
  ],
};
const answer = (t: SweepTask): SweepPoint => ({ ...t, speedup: 2 - t.value, idealSpeedup: 3, aborts: 0 });

const workers: FakeWorker[] = [];
const clients: SweepClient[] = [];
function clientWith(points: PointFn[]): SweepClient {
  const client = new SweepClient({
    createWorker: () => {
      const p = points[workers.length];
      if (!p) throw new Error("test asked for more workers than it set up");
      const w = new FakeWorker({ point: (_base: unknown, _axis: unknown, task: SweepTask) => p(task) });
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

describe("SweepClient", () => {
  it("asks for every point in order and reports each as it arrives", async () => {
    const client = clientWith([answer]);
    const seen: [number, number, number][] = [];
    const points = await client.run(plan, (p, done, total) => seen.push([p.value, done, total]));
    expect(points).toEqual(plan.tasks.map(answer));
    expect(seen).toEqual([
      [0, 1, 3],
      [0, 2, 3],
      [1, 3, 3],
    ]);
    // The worker stays for the next sweep.
    await client.run(plan);
    expect(workers).toHaveLength(1);
  });

  it("a new sweep cancels the one in flight: it rejects as cancelled and its worker is stopped", async () => {
    let release: () => void = () => {};
    const stuck = new Promise<void>((r) => {
      release = r;
    });
    const client = clientWith([
      async (t) => (t.value === 1 ? stuck.then(() => answer(t)) : answer(t)),
      answer,
    ]);
    const first = client.run(plan);
    await new Promise((r) => setTimeout(r, 20));
    const second = client.run(plan);
    await expect(first).rejects.toBeInstanceOf(SweepCancelledError);
    expect(workers[0].terminated).toBe(true);
    await expect(second).resolves.toHaveLength(3);
    release();
  });

  it("a point that throws, or a crashed worker, ends the sweep with a readable message", async () => {
    const client = clientWith([
      (t) => {
        if (t.scheduler === "batched") throw new Error("accounts must be at least 2");
        return answer(t);
      },
      () => new Promise(() => {}),
    ]);
    await expect(client.run(plan)).rejects.toThrow("The sweep failed: accounts must be at least 2");
    const crashed = client.run(plan);
    await new Promise((r) => setTimeout(r, 10));
    workers[1].crash("out of memory");
    await expect(crashed).rejects.toThrow("The sweep worker crashed: out of memory.");
    expect(workers[1].terminated).toBe(true);
  });
});
