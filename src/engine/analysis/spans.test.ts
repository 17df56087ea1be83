import { describe, expect, it } from "vitest";
import { BLOCKSTM_ROWS } from "../../../test/engine/blockstm-log";
import { logOf } from "../../../test/engine/log";
import { Ev } from "../trace/kinds";
import { buildSpans, SpanBuilder, SpanEnd, SpanKind, spansOf } from "./spans";

const spans = buildSpans(logOf(BLOCKSTM_ROWS), 2);
const row = (k: number) => [
  spans.lane[k],
  spans.kind[k],
  spans.tx[k],
  spans.inc[k],
  spans.start[k],
  spans.end[k],
  spans.ended[k],
  spans.abortAt[k],
  spans.key[k],
  spans.other[k],
];
const { Execute: X, Validate: V } = SpanKind;
const never = Number.POSITIVE_INFINITY;

describe("buildSpans", () => {
  it("pairs each lane's starts and ends, with how each ended and what stopped it", () => {
    expect(Array.from({ length: spans.count }, (_, k) => row(k))).toEqual([
      [0, X, 0, 0, 0, 3, SpanEnd.Finished, never, -1, -1],
      [0, V, 0, 0, 3, 4, SpanEnd.Valid, never, -1, -1],
      // Suspended on tx 1's ESTIMATE at key 3.
      [0, X, 2, 0, 4, 5, SpanEnd.Suspended, never, 3, 1],
      [0, X, 2, 1, 9, 12, SpanEnd.Finished, never, -1, -1],
      [0, V, 2, 1, 12, 13, SpanEnd.Valid, never, -1, -1],
      // Aborted at 5: its read of key 5 was stale, tx 0 wrote it.
      [1, X, 1, 0, 0, 3, SpanEnd.Finished, 5, 5, 0],
      [1, V, 1, 0, 4, 5, SpanEnd.Invalid, never, -1, -1],
      [1, X, 1, 1, 5, 8, SpanEnd.Finished, never, -1, -1],
      [1, V, 1, 1, 8, 9, SpanEnd.Valid, never, -1, -1],
    ]);
    expect(Array.from(spans.laneStart)).toEqual([0, 5, 9]);
  });

  it("lists each transaction's spans in start order", () => {
    expect(Array.from(spansOf(spans, 1), (k) => [spans.kind[k], spans.start[k]])).toEqual([
      [X, 0],
      [V, 4],
      [X, 5],
      [V, 8],
    ]);
    expect(spansOf(spans, 7).length).toBe(0);
  });

  it("keeps a span the log ends inside open, up to the last event", () => {
    const open = buildSpans(
      logOf([
        [0, 0, Ev.ExecStart, 0, 0],
        [2, 1, Ev.ExecStart, 1, 0],
        [3, 1, Ev.ExecEnd, 1, 0],
      ]),
      2,
    );
    expect([open.ended[0], open.end[0], open.endEvent[0]]).toEqual([SpanEnd.Open, 3, -1]);
  });

  it("knows the span each event starts or ends, and decodes an execution's leg", () => {
    const log = logOf(BLOCKSTM_ROWS);
    const at = (i: number) => spans.eventSpan[i];
    // Row 0 starts tx 0's execution on lane 0, row 2 ends it; a commit starts or ends none.
    expect(at(0)).toBe(0);
    expect(at(2)).toBe(0);
    expect(at(6)).toBe(-1);
    // The suspension (row 12) ends tx 2's first execution.
    expect([at(7), at(12), spans.ended[at(12)]]).toEqual([2, 2, SpanEnd.Suspended]);
    expect(spans.eventSpan.length).toBe(log.length);
    const legs = buildSpans(
      logOf([
        [0, 0, Ev.ExecStart, 0, 0, -1, 1],
        [1, 0, Ev.ExecEnd, 0, 0],
        [2, 1, Ev.ExecStart, 0, 0, -1, 2],
        [3, 1, Ev.ExecEnd, 0, 0],
        [4, 0, Ev.ExecStart, 1, 0, -1, -1],
        [5, 0, Ev.ExecEnd, 1, 0],
      ]),
      2,
    );
    expect(Array.from(legs.leg)).toEqual([1, 0, 2]);
  });

  it("builds the same spans from a log taken in two pieces, wherever it is cut (a live run's frames)", () => {
    const log = logOf(BLOCKSTM_ROWS);
    for (let cut = 0; cut <= log.length; cut++) {
      const builder = new SpanBuilder(2);
      builder.add(log, 0, cut);
      const before = builder.spans();
      // Up to the cut, what has started shows, and what is still running ends at the last event so far.
      expect(before.count).toBe(spans.startEvent.filter((e) => e < cut).length);
      for (let k = 0; k < before.count; k++) {
        if (before.ended[k] === SpanEnd.Open) expect(before.end[k]).toBe(log.time[cut - 1]);
      }
      builder.add(log, cut);
      expect(builder.spans()).toEqual(spans);
    }
  });
});
