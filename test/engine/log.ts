import type { SequentialTrace } from "../../src/engine/analysis/sequential-trace";
import { EventLog, type EventLogData } from "../../src/engine/trace/eventlog";
import type { EventKind } from "../../src/engine/trace/kinds";

/** A unit of a hand-made sequential trace: its transaction, (key, writer unit) reads, written keys, cost. */
export interface UnitSpec {
  tx?: number;
  reads?: readonly (readonly [number, number])[];
  writes?: readonly number[];
  revert?: number;
  cost?: number;
}

/** Every hand-made unit's cost includes this much for taking it from the scheduler (default 0). */

/** Builds the CSR SequentialTrace of a few hand-written units (tests only). */
export function traceOf(units: readonly UnitSpec[], claimUs = 0): SequentialTrace {
  const n = units.length;
  const readStart = new Int32Array(n + 1);
  const writeStart = new Int32Array(n + 1);
  const readKey: number[] = [];
  const readFrom: number[] = [];
  const writeKey: number[] = [];
  units.forEach((u, i) => {
    for (const [k, from] of u.reads ?? []) {
      readKey.push(k);
      readFrom.push(from);
    }
    writeKey.push(...(u.writes ?? []));
    readStart[i + 1] = readKey.length;
    writeStart[i + 1] = writeKey.length;
  });
  return {
    units: n,
    unitTx: Int32Array.from(units, (u, i) => u.tx ?? i),
    readStart,
    readKey: Int32Array.from(readKey),
    readFrom: Int32Array.from(readFrom),
    writeStart,
    writeKey: Int32Array.from(writeKey),
    revert: Int8Array.from(units, (u) => u.revert ?? 0),
    costUs: Float64Array.from(units, (u) => u.cost ?? 1),
    claimUs,
  };
}

/** One hand-written event: time, lane, kind, tx, incarnation, then key and other (default -1 and 0). */
export type Row = [
  time: number,
  lane: number,
  kind: EventKind,
  tx: number,
  inc: number,
  key?: number,
  other?: number,
];

/** A frozen event log of hand-written rows (tests only). */
export function logOf(rows: readonly Row[]): EventLogData {
  const log = new EventLog();
  for (const [t, w, k, tx, inc, key = -1, other = 0] of rows) log.emit(t, w, k, tx, inc, key, other);
  return log.freeze();
}
