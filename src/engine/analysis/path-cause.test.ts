import { describe, expect, it } from "vitest";
import { traceOf, type UnitSpec } from "../../../test/engine/log";
import { criticalPath } from "./critical-path";
import { buildDepGraph } from "./depgraph";
import { pathCause } from "./path-cause";

function causeOf(units: UnitSpec[]) {
  const trace = traceOf(units);
  const graph = buildDepGraph(trace);
  return pathCause(criticalPath(graph, trace), graph, trace);
}

describe("pathCause", () => {
  // Units 0-3 chain on key 0 (cost 1 each); unit 4 depends on nothing.
  const chain = (last: number): UnitSpec[] => [
    { reads: [[0, -1]], writes: [0], cost: 1 },
    { reads: [[0, 0]], writes: [0], cost: 1 },
    { reads: [[0, 1]], writes: [0], cost: 1 },
    { reads: [[0, 2]], writes: [0], cost: 1 },
    { reads: [[9, -1]], writes: [9], cost: last },
  ];

  it("names a chain when no transaction on the path dominates it", () => {
    const c = causeOf(chain(2));
    expect(c.criticalPathUs).toBe(4);
    expect(c.txs).toEqual([0, 1, 2, 3]);
    expect(c.cause).toBe("chain");
    expect(c.longest).toEqual({ tx: 0, us: 1, share: 0.25 });
    expect(c.deepest).toEqual({ units: 4, us: 4, txs: [0, 1, 2, 3] });
  });

  it("names one transaction when it alone is longer than the deepest chain", () => {
    const c = causeOf(chain(10));
    expect(c.criticalPathUs).toBe(10);
    expect(c.txs).toEqual([4]);
    expect(c.cause).toBe("one-transaction");
    expect(c.longest).toEqual({ tx: 4, us: 10, share: 1 });
    // The deepest chain is still the four cheap ones, and shorter in time.
    expect(c.deepest).toEqual({ units: 4, us: 4, txs: [0, 1, 2, 3] });
  });
});
