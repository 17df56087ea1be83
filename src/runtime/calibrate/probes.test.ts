import { describe, expect, it } from "vitest";
import { Arena } from "../../engine/arena";
import { Scheduler } from "../../engine/schedulers/blockstm/scheduler";
import { spreadOf } from "./calibrate";
import { runProbe } from "./probes";

describe("calibration probes", () => {
  it("time the multi-version memory and the commit on a finished run: every field a positive time", () => {
    const r = runProbe({ probe: "memory" });
    for (const f of ["mvWriteUs", "validateUsPerRead", "commitUs", "resumeUs"]) {
      expect(r[f], f).toBeGreaterThan(0);
      expect(r[f], f).toBeLessThan(1000);
    }
    expect(r.mvReadUs).toBeGreaterThanOrEqual(0);
    expect(r.checksum).toBe(0);
  });

  it("take every slot of a shared scheduler's indices, one thread alone", () => {
    const units = 1000;
    const sizing = Arena.local();
    new Scheduler(units, sizing);
    const arena = new SharedArrayBuffer(sizing.bytes);
    new Scheduler(units, Arena.shared(arena, true));
    const r = runProbe({ probe: "index", barrier: new SharedArrayBuffer(8), arena, units, threads: 1 });
    // An execution slot for each unit (tasks never finish, so validation finds nothing to take).
    expect(r.ops).toBeGreaterThanOrEqual(units);
    expect(r.us).toBeGreaterThan(0);
  });

  it("report a median and range", () => {
    expect(spreadOf([3, 1, 2])).toEqual({ median: 2, min: 1, max: 3 });
    expect(spreadOf([4, 1, 2, 3])).toEqual({ median: 2.5, min: 1, max: 4 });
  });
});
