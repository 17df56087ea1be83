import { describe, expect, it } from "vitest";
import { BLOCKSTM_ROWS } from "../../../test/engine/blockstm-log";
import { logOf } from "../../../test/engine/log";
import { buildLogIndex } from "./log-index";
import { rangeFigures } from "./range-figures";

describe("rangeFigures", () => {
  const index = buildLogIndex(logOf(BLOCKSTM_ROWS), 2);

  it("counts the events of a range, its ends included, worked by hand", () => {
    expect(rangeFigures(index, 4, 9)).toEqual({
      from: 4,
      to: 9,
      // tx 2's first execution at 4; tx 1's second at 5 and tx 2's second at 9 are re-executions.
      executions: 3,
      reExecutions: 2,
      aborts: 1,
      suspensions: 1,
      // Validations end at 4 (tx 0), 5 (tx 1) and 9 (tx 1 again).
      validations: 3,
      // tx 0 is final at 4 and tx 1 at 9; tx 2 only at 13.
      finals: 2,
      messages: 0,
      // Lane 0 is busy 4..5, lane 1 4..9: 6 of 2 x 5 lane-microseconds.
      busy: 0.6,
    });
  });

  it("takes the ends either way round, and a whole run adds up to the run's counters", () => {
    expect(rangeFigures(index, 9, 4)).toEqual(rangeFigures(index, 4, 9));
    expect(rangeFigures(index, 0, 13)).toMatchObject({ executions: 5, reExecutions: 2, finals: 3 });
    expect(rangeFigures(index, 20, 30)).toMatchObject({ executions: 0, finals: 0, busy: 0 });
  });

  it("splits into adjacent ranges without losing or doubling an event", () => {
    const whole = rangeFigures(index, 0, 13);
    const a = rangeFigures(index, 0, 4.5);
    const b = rangeFigures(index, 4.5, 13);
    for (const k of ["executions", "aborts", "validations", "finals"] as const)
      expect(a[k] + b[k]).toBe(whole[k]);
  });
});
