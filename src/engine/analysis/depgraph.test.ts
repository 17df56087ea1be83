import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { traceOf, type UnitSpec } from "../../../test/engine/log";
import { criticalPath, idealSpeedup } from "./critical-path";
import { buildDepGraph, type DepGraph, LEG_EDGE } from "./depgraph";

function edgesOf(g: DepGraph, i: number): [number, number][] {
  const out: [number, number][] = [];
  for (let e = g.depStart[i]; e < g.depStart[i + 1]; e++) out.push([g.dep[e], g.depKey[e]]);
  return out;
}

describe("buildDepGraph", () => {
  const units: UnitSpec[] = [
    { reads: [[0, -1]], writes: [0], cost: 3 },
    // Reads unit 0's write twice: one edge.
    {
      reads: [
        [0, 0],
        [0, 0],
        [1, -1],
      ],
      writes: [1],
      cost: 5,
    },
    {
      reads: [
        [0, 0],
        [1, 1],
      ],
      writes: [2],
      cost: 1,
    },
    { reads: [[7, -1]], writes: [7], cost: 2 },
  ];
  const g = buildDepGraph(traceOf(units));

  it("keeps one read-after-write edge per writer, naming the key read", () => {
    expect(edgesOf(g, 0)).toEqual([]);
    expect(edgesOf(g, 1)).toEqual([[0, 0]]);
    expect(edgesOf(g, 2)).toEqual([
      [0, 0],
      [1, 1],
    ]);
    expect(edgesOf(g, 3)).toEqual([]);
    expect(g.dep.length).toBe(3);
  });

  it("levels count the longest chain of edges", () => {
    expect([...g.level]).toEqual([0, 1, 2, 0]);
    expect(g.levels).toBe(3);
  });

  it("links the legs of one transaction (a receipt carries the earlier leg's output)", () => {
    const legs = buildDepGraph(traceOf([{ tx: 5 }, { tx: 6 }, { tx: 5, reads: [[3, 1]] }, { tx: 5 }]));
    expect(edgesOf(legs, 2)).toEqual([
      [0, LEG_EDGE],
      [1, 3],
    ]);
    expect(edgesOf(legs, 3)).toEqual([[2, LEG_EDGE]]);
    expect([...legs.level]).toEqual([0, 0, 1, 2]);
  });

  it("finds the mod 3 / mod 4 teaching block's edges", () => {
    // tx j reads M[j mod 3] and writes M[j mod 4].
    const lastWriter = [-1, -1, -1, -1];
    const spec: UnitSpec[] = [];
    for (let j = 0; j < 8; j++) {
      spec.push({ reads: [[j % 3, lastWriter[j % 3]]], writes: [j % 4] });
      lastWriter[j % 4] = j;
    }
    const teach = buildDepGraph(traceOf(spec));
    const deps = Array.from({ length: 8 }, (_, j) => edgesOf(teach, j).map(([d]) => d));
    // Worked by hand: tx 3 reads M0 (tx 0), 4 reads M1 (tx 1), 5 reads M2 (tx 2), 6 reads M0 (tx 4), 7 reads M1 (tx 5).
    expect(deps).toEqual([[], [], [], [0], [1], [2], [4], [5]]);
    expect([...teach.level]).toEqual([0, 0, 0, 1, 1, 1, 2, 2]);
  });

  it("empty order", () => {
    const e = buildDepGraph(traceOf([]));
    expect(e.levels).toBe(0);
    expect(
      criticalPath(e, {
        costUs: new Float64Array(0),
        claimUs: 0,
        readStart: Int32Array.of(0),
        readFrom: new Int32Array(0),
      }),
    ).toMatchObject({
      criticalPathUs: 0,
      totalWorkUs: 0,
    });
  });
});

describe("criticalPath", () => {
  it("follows the heaviest chain of the hand-made order", () => {
    const trace = traceOf([
      { reads: [[0, -1]], cost: 3 },
      { reads: [[0, 0]], cost: 5 },
      {
        reads: [
          [0, 0],
          [1, 1],
        ],
        cost: 1,
      },
      { cost: 2 },
    ]);
    const p = criticalPath(buildDepGraph(trace), trace);
    expect(p.criticalPathUs).toBe(9);
    expect([...p.units]).toEqual([0, 1, 2]);
    expect(p.totalWorkUs).toBe(11);
    expect(idealSpeedup(p, 4)).toBeCloseTo(11 / 9);
    expect(idealSpeedup(p, 1)).toBe(1);
  });

  it("counts only the first unit's claim on a chain: later claims can overlap the unit before", () => {
    // Three units in a chain, each costing 1 to claim and 3 to execute; a fourth independent one.
    const trace = traceOf(
      [{ cost: 4 }, { reads: [[0, 0]], cost: 4 }, { reads: [[0, 1]], cost: 4 }, { cost: 4 }],
      1,
    );
    const p = criticalPath(buildDepGraph(trace), trace);
    expect(p.criticalPathUs).toBe(1 + 3 + 3 + 3);
    expect([...p.units]).toEqual([0, 1, 2]);
    expect(p.totalWorkUs).toBe(16);
  });

  it("independent units: ideal speedup is the lane count", () => {
    const trace = traceOf(Array.from({ length: 100 }, () => ({ cost: 3 })));
    const p = criticalPath(buildDepGraph(trace), trace);
    expect(p.criticalPathUs).toBe(3);
    expect(idealSpeedup(p, 16)).toBe(16);
    expect(idealSpeedup(p, 256)).toBe(100);
  });

  it("matches brute force over every path on random small orders", () => {
    const order = fc.array(
      fc.record({ reads: fc.array(fc.nat(20), { maxLength: 4 }), cost: fc.integer({ min: 1, max: 9 }) }),
      { maxLength: 9 },
    );
    fc.assert(
      fc.property(order, (raw) => {
        // Each read names an earlier unit (value mod i) or the initial state (when i is 0).
        const spec: UnitSpec[] = raw.map((u, i) => ({
          reads: u.reads.map((r) => [r, i === 0 ? -1 : r % i] as const),
          cost: u.cost,
        }));
        const trace = traceOf(spec);
        const g = buildDepGraph(trace);
        const brute = (i: number): number =>
          spec[i].cost! + Math.max(0, ...(spec[i].reads ?? []).map(([, j]) => (j >= 0 ? brute(j) : 0)));
        const best = Math.max(0, ...spec.map((_, i) => brute(i)));
        const p = criticalPath(g, trace);
        expect(p.criticalPathUs).toBe(best);
        // The reported path is a real chain with that weight.
        let sum = 0;
        for (let k = 0; k < p.units.length; k++) {
          sum += trace.costUs[p.units[k]];
          if (k > 0) expect(edgesOf(g, p.units[k]).map(([d]) => d)).toContain(p.units[k - 1]);
        }
        expect(sum).toBe(best);
        // Edges are deduplicated and point backwards.
        for (let i = 0; i < g.units; i++) {
          const ds = edgesOf(g, i).map(([d]) => d);
          expect(new Set(ds).size).toBe(ds.length);
          for (const d of ds) expect(d).toBeLessThan(i);
        }
      }),
      { numRuns: 300 },
    );
  });
});
