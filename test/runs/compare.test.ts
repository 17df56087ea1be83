import { describe, expect, it } from "vitest";
import { defaultPatch, rightScenario } from "../../src/app/compare-patch";
import { DEFAULT_SCENARIO } from "../../src/engine/scenario/scenario";
import { EventLog } from "../../src/engine/trace/eventlog";
import { Ev } from "../../src/engine/trace/kinds";
import { mergeLogs } from "../../src/engine/trace/merge-log";
import { simulate } from "../../src/runtime/simulate";

describe("compare side", () => {
  it("opens on the other parallel scheduler and keeps the rest of the left scenario", () => {
    const left = { ...DEFAULT_SCENARIO, workers: 8 };
    expect(defaultPatch(left)).toEqual({ scheduler: "accountlocks" });
    expect(defaultPatch({ ...left, scheduler: "batched" })).toEqual({ scheduler: "blockstm" });
    const right = rightScenario(left, { workers: 32 });
    expect(right).toEqual({ ok: true, scenario: { ...left, workers: 32 } });
  });

  it("names the field when the patched scenario is invalid", () => {
    const right = rightScenario(DEFAULT_SCENARIO, { workers: 0 });
    expect(right.ok).toBe(false);
    if (!right.ok) expect(right.message).toMatch(/^workers/);
  });
});

describe("merged playhead log", () => {
  it("holds both runs' events in time order, left first at equal times", () => {
    const small = { ...DEFAULT_SCENARIO, txs: 60, accounts: 20 };
    const a = simulate({ ...small, workers: 2 }).log;
    const b = simulate({ ...small, workers: 8 }).log;
    const m = mergeLogs(a, b);
    expect(m.length).toBe(a.length + b.length);
    for (let k = 1; k < m.length; k++) expect(m.time[k]).toBeGreaterThanOrEqual(m.time[k - 1]);
    expect(m.time[m.length - 1]).toBe(Math.max(a.time[a.length - 1], b.time[b.length - 1]));
    const count = (log: typeof m, kind: number) =>
      log.kind.filter((k, i) => i < log.length && k === kind).length;
    expect(count(m, Ev.Commit)).toBe(count(a, Ev.Commit) + count(b, Ev.Commit));
  });

  it("breaks ties with the left log", () => {
    const a = new EventLog();
    const b = new EventLog();
    a.emit(1, 0, Ev.ExecStart, 7, 0, 0, -1);
    a.emit(2, 0, Ev.ExecEnd, 7, 0, 0, -1);
    b.emit(1, 0, Ev.ExecStart, 9, 0, 0, -1);
    const m = mergeLogs(a.freeze(), b.freeze());
    expect([...m.tx]).toEqual([7, 9, 7]);
  });
});
