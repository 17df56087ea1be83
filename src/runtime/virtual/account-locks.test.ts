import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { declaredConflict, deltasAtStake } from "../../../test/engine/deltas-at-stake";
import { scenarioArb } from "../../../test/runtime/scenario-arbitrary";
import { lockStalls } from "../../engine/analysis/lock-stalls";
import { TxStates, TxStatus } from "../../engine/analysis/tx-state";
import { type Block, keyName } from "../../engine/block";
import { DEFAULT_SCENARIO, type Scenario } from "../../engine/scenario/scenario";
import type { EventLogData } from "../../engine/trace/eventlog";
import { Ev } from "../../engine/trace/kinds";
import { simulate } from "../simulate";

/** Every event of a kind as [time, tx, key name, other]. */
function events(block: Block, log: EventLogData, kind: number): [number, number, string, number][] {
  const out: [number, number, string, number][] = [];
  for (let i = 0; i < log.length; i++)
    if (log.kind[i] === kind)
      out.push([log.time[i], log.tx[i], keyName(block.keys, log.key[i]), log.other[i]]);
  return out;
}

/** Earlier transactions each one conflicts with on a declared key, found pair by pair (no shared code). */
function declaredConflicts(block: Block): number[][] {
  const stake = deltasAtStake(block);
  return Array.from({ length: block.n }, (_, u) => {
    const out: number[] = [];
    for (let v = 0; v < u; v++) if (declaredConflict(block, stake, u, v)) out.push(v);
    return out;
  });
}

describe("account locks on the j mod 3 / j mod 4 block, worked by hand", () => {
  // Tx j reads M[j mod 3] and writes M[j mod 4]; every tx costs 3 µs, taking a task costs nothing; 4 workers.
  // Queues per key in block order: M0: 0 (w), 3 (r), 4 (w), 6 (r); M1: 1 (w), 4 (r), 5 (w), 7 (r);
  // M2: 2 (w), 5 (r), 6 (w); M3: 3 (w), 7 (w). Each tx waits behind the last earlier one it conflicts with
  // on each key (the readers since the last writer, for a write).
  const s: Scenario = {
    ...DEFAULT_SCENARIO,
    source: "mod3mod4",
    txs: 8,
    workers: 4,
    scheduler: "accountlocks",
    cost: { ...DEFAULT_SCENARIO.cost, taskUs: 0 },
  };
  const r = simulate(s);

  it("queues every transaction behind the earlier ones it conflicts with, at the start", () => {
    expect(events(r.block, r.log, Ev.LockWait)).toEqual([
      [0, 3, "M[0]", 0],
      [0, 4, "M[1]", 1],
      [0, 4, "M[0]", 3],
      [0, 5, "M[2]", 2],
      [0, 5, "M[1]", 4],
      [0, 6, "M[0]", 4],
      [0, 6, "M[2]", 5],
      [0, 7, "M[1]", 5],
      [0, 7, "M[3]", 3],
    ]);
  });

  it("runs 0, 1, 2 at once, then the chain 3, 4, 5, then 6 and 7 together; each grant names the last lock", () => {
    const starts = events(r.block, r.log, Ev.ExecStart).map(([t, tx]) => [t, tx]);
    expect(starts).toEqual([
      [0, 0],
      [0, 1],
      [0, 2],
      [3, 3],
      [6, 4],
      [9, 5],
      [12, 6],
      [12, 7],
    ]);
    // Tx 4 waits for M[1] (tx 1, done at 3 µs) and M[0] (tx 3 reads it until 6 µs): the write waits for the read.
    expect(events(r.block, r.log, Ev.LockGrant)).toEqual([
      [3, 3, "M[0]", 0],
      [6, 4, "M[0]", 3],
      [9, 5, "M[1]", 4],
      [12, 6, "M[2]", 5],
      [12, 7, "M[1]", 5],
    ]);
    expect(r.elapsedUs).toBe(15);
    expect(r.stateHash).toBe(r.sequentialStateHash);
  });

  it("shows a queued transaction as waiting for a lock until it is granted", () => {
    const st = new TxStates({ log: r.log, txs: r.block.n, lanes: r.lanes });
    st.seek(0);
    const [E, W] = [TxStatus.Executing, TxStatus.LockWait];
    expect([...st.status]).toEqual([E, E, E, W, W, W, W, W]);
    // Its latest wait: tx 7 queued behind tx 3 on M[3].
    expect([st.blocker[7], keyName(r.block.keys, st.blockKey[7])]).toEqual([3, "M[3]"]);
    st.seek(3);
    expect(st.status[3]).toBe(TxStatus.Executing);
    expect(st.status[4]).toBe(TxStatus.LockWait);
    st.seek(12);
    expect([st.status[6], st.status[7]]).toEqual([TxStatus.Executing, TxStatus.Executing]);
  });

  it("has a free worker stall while every transaction left waits for a lock, naming the head of the line", () => {
    const st = lockStalls(r.log, r.block.n);
    const stalls = Array.from({ length: st.count }, (_, i) => [
      st.start[i],
      st.end[i],
      st.tx[i],
      keyName(r.block.keys, st.key[i]),
      st.other[i],
    ]);
    // The latest wait logged for each head: tx 4 behind tx 3 on M[0], tx 5 behind 4 on M[1], tx 6 behind 5 on M[2].
    expect(stalls).toEqual([
      [0, 3, 3, "M[0]", 0],
      [3, 6, 4, "M[0]", 3],
      [6, 9, 5, "M[1]", 4],
      [9, 12, 6, "M[2]", 5],
    ]);
  });
});

describe("account-lock dispatch, on random blocks", () => {
  it("a transaction starts only after every earlier one it conflicts with has ended, and no lower ready one is left waiting", () => {
    fc.assert(
      fc.property(scenarioArb("accountlocks", 150), (s0) => {
        const r = simulate({ ...s0, shards: 1 });
        expect(r.stateHash).toBe(r.sequentialStateHash);
        const preds = declaredConflicts(r.block);
        const { log } = r;
        const n = r.block.n;
        const ended = new Int32Array(n).fill(-1);
        const started = new Int32Array(n).fill(-1);
        const endTime = new Float64Array(n);
        for (let i = 0; i < log.length; i++) {
          if (log.kind[i] === Ev.ExecEnd) {
            ended[log.tx[i]] = i;
            endTime[log.tx[i]] = log.time[i];
          }
          if (log.kind[i] === Ev.ExecStart) started[log.tx[i]] = i;
        }
        // A worker picks a transaction when it claims it, one claim's cost before it starts.
        const claimedAt = (u: number) => log.time[started[u]] - r.sequential.claimUs;
        for (let u = 0; u < n; u++) {
          for (const v of preds[u]) expect(ended[v] >= 0 && ended[v] < started[u]).toBe(true);
          const tc = claimedAt(u);
          for (let v = 0; v < u; v++) {
            // Ready strictly before u was picked, and picked strictly after: the lowest ready was passed over.
            const readyBefore = preds[v].every((p) => endTime[p] < tc);
            expect(readyBefore && claimedAt(v) > tc).toBe(false);
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});
