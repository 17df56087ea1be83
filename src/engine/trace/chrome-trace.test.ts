import { describe, expect, it } from "vitest";
import { type ChromeTrace, toChromeTrace } from "./chrome-trace";
import { EventLog } from "./eventlog";
import { Ev, MsgKind } from "./kinds";

// Two shards of two workers. Lane 1 executes tx 0 (aborted once, then suspended and resumed), lane 2 runs
// a batch on shard 1, and a receipt goes from shard 0 to shard 1.
function sampleLog() {
  const log = new EventLog();
  log.emit(0, 0, Ev.RoundStart, -1, 0, -1, 0);
  log.emit(0, 2, Ev.RoundStart, -1, 0, -1, 0);
  log.emit(0, 1, Ev.ExecStart, 0, 0, -1, -1);
  log.emit(1 / 3, 1, Ev.ExecEnd, 0, 0, -1, 1);
  log.emit(1 / 3, 1, Ev.ValidateStart, 0, 0, -1, -1);
  log.emit(0.4, 1, Ev.ValidateEnd, 0, 0, -1, 0);
  log.emit(0.4, 1, Ev.Abort, 0, 0, 7, 3);
  log.emit(0.4, 1, Ev.ExecStart, 0, 1, -1, -1);
  log.emit(0.5, 1, Ev.Suspend, 0, 1, 7, 3);
  log.emit(0.9, 0, Ev.Resume, 0, 1, -1, 3);
  log.emit(0.9, 1, Ev.ExecStart, 0, 1, -1, -1);
  log.emit(1.2, 1, Ev.ExecEnd, 0, 1, -1, 0);
  log.emit(1.2, 1, Ev.Revert, 0, 1, -1, -1);
  log.emit(1.2, 1, Ev.Commit, 0, 1, -1, -1);
  log.emit(1.2, 1, Ev.MsgSend, 0, 0, 1, MsgKind.Receipt);
  log.emit(0, 2, Ev.BatchStart, 5, 0, -1, 0);
  log.emit(0, 2, Ev.ExecStart, 5, 0, -1, -1);
  log.emit(2, 2, Ev.ExecEnd, 5, 0, -1, 1);
  log.emit(2, 2, Ev.Commit, 5, 0, -1, -1);
  log.emit(2, 2, Ev.BatchEnd, 5, 0, -1, 0);
  log.emit(21.2, 3, Ev.MsgRecv, 0, 0, 0, MsgKind.Receipt);
  return log.freeze();
}

const trace = toChromeTrace(sampleLog(), {
  lanes: 4,
  workersPerShard: 2,
  label: "test run",
  txName: (tx) => `tx ${tx}`,
});

describe("toChromeTrace", () => {
  it("is valid Chrome trace JSON", () => {
    const back = JSON.parse(JSON.stringify(trace)) as ChromeTrace;
    expect(back).toEqual(trace);
    for (const e of trace.traceEvents) {
      expect(e.name.length).toBeGreaterThan(0);
      expect(Number.isInteger(e.pid)).toBe(true);
      if (e.ph === "X") {
        expect(Number.isInteger(e.tid)).toBe(true);
        expect(e.ts).toBeGreaterThanOrEqual(0);
        expect(e.dur).toBeGreaterThanOrEqual(0);
      }
      if (e.ph === "i") expect(e.ts).toBeGreaterThanOrEqual(0);
    }
    expect(trace.otherData.label).toBe("test run");
  });

  it("names shards as processes and lanes as worker threads", () => {
    const meta = trace.traceEvents.filter((e) => e.ph === "M");
    const names = meta.filter((e) => e.name !== "process_sort_index" && e.name !== "thread_sort_index");
    expect(names.map((e) => [e.name, e.pid, e.tid, e.args?.name])).toEqual([
      ["process_name", 0, undefined, "shard 0"],
      ["process_name", 1, undefined, "shard 1"],
      ["thread_name", 1, 5, "batches & messages"],
      ["thread_name", 0, 0, "worker 0"],
      ["thread_name", 0, 1, "worker 1"],
      ["thread_name", 1, 2, "worker 0"],
      ["thread_name", 1, 3, "worker 1"],
    ]);
  });

  it("pairs starts and ends per lane into complete events", () => {
    const x = trace.traceEvents.filter((e) => e.ph === "X" && e.cat !== "message");
    expect(x.map((e) => [e.name, e.pid, e.tid, e.ts, e.dur, e.args?.outcome])).toEqual([
      ["tx 0", 0, 1, 0, 0.333, "finished"],
      ["validate tx 0", 0, 1, 0.333, 0.067, undefined],
      ["tx 0 #1", 0, 1, 0.4, 0.1, "suspended"],
      ["tx 0 #1", 0, 1, 0.9, 0.3, "finished"],
      ["tx 5", 1, 2, 0, 2, "finished"],
      ["batch 0", 1, 5, 0, 2, undefined],
    ]);
    // Slices of one lane never overlap once imported at nanosecond resolution.
    const lane1 = x.filter((e) => e.tid === 1);
    for (let k = 1; k < lane1.length; k++) {
      expect(Math.round(lane1[k].ts! * 1000)).toBeGreaterThanOrEqual(
        Math.round(lane1[k - 1].ts! * 1000) + Math.round(lane1[k - 1].dur! * 1000),
      );
    }
  });

  it("marks aborts, suspensions, resumes, commits and reverts as instants", () => {
    const inst = trace.traceEvents.filter((e) => e.ph === "i");
    expect(inst.map((e) => [e.name, e.tid, e.s])).toEqual([
      ["round 0", undefined, "p"],
      ["round 0", undefined, "p"],
      ["abort tx 0", 1, "t"],
      ["suspend tx 0", 1, "t"],
      ["resume tx 0", 0, "t"],
      ["revert tx 0", 1, "t"],
      ["commit tx 0", 1, "t"],
      ["commit tx 5", 2, "t"],
    ]);
    expect(inst.slice(0, 2).map((e) => e.pid)).toEqual([0, 1]);
    expect(inst[2].args).toEqual({ tx: 0, incarnation: 0, key: 7, writer: 3 });
  });

  it("links a cross-shard message's send and receive with a flow", () => {
    const msgs = trace.traceEvents.filter((e) => e.cat === "message");
    expect(msgs.map((e) => [e.name, e.pid, e.tid, e.ts, e.flow_out, e.flow_in])).toEqual([
      ["receipt tx 0 → shard 1", 0, 1, 1.2, true, undefined],
      ["receipt tx 0 ← shard 0", 1, 3, 21.2, undefined, true],
    ]);
    expect(msgs[0].bind_id).toBeDefined();
    expect(msgs[1].bind_id).toBe(msgs[0].bind_id);
  });
});
