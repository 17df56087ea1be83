import { Mode, type UnitAccess } from "./unit-access";

/**
 * Level batches from declared access: each unit goes into the first batch after every earlier unit it
 * conflicts with (write/write, write/read or read/write on a declared key; a delta conflicts with reads and
 * writes but not with other deltas), so batch b holds the units whose longest chain of earlier conflicts
 * has b links. Batches are conflict-free and keep block order between conflicting units, so running them
 * one after another equals the serial order; their number is the longest conflict chain, the fewest any
 * batching can make. Returns the batch number of each unit.
 */
export function declaredBatches(access: UnitAccess, n: number): Int32Array {
  const batch = new Int32Array(n);
  const lastWrite = new Map<number, number>();
  const lastRead = new Map<number, number>();
  const lastDelta = new Map<number, number>();
  const after = (m: Map<number, number>, k: number) => (m.get(k) ?? -1) + 1;
  for (let u = 0; u < n; u++) {
    let b = 0;
    for (let i = access.start[u]; i < access.start[u + 1]; i++) {
      const k = access.key[i];
      const mode = access.mode[i];
      b = Math.max(b, after(lastWrite, k));
      if (mode !== Mode.Read) b = Math.max(b, after(lastRead, k));
      if (mode !== Mode.Delta) b = Math.max(b, after(lastDelta, k));
    }
    batch[u] = b;
    for (let i = access.start[u]; i < access.start[u + 1]; i++) {
      const k = access.key[i];
      const mode = access.mode[i];
      if (mode === Mode.Write) lastWrite.set(k, b);
      else {
        const m = mode === Mode.Read ? lastRead : lastDelta;
        m.set(k, Math.max(m.get(k) ?? -1, b));
      }
    }
  }
  return batch;
}
