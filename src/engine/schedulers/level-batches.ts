import type { UnitAccess } from "./unit-access";

/**
 * Level batches from declared access: each unit goes into the first batch after every earlier unit it
 * conflicts with (write/write, write/read or read/write on a declared key), so batch b holds the units whose
 * longest chain of earlier conflicts has b links. Batches are conflict-free and keep block order between
 * conflicting units, so running them one after another equals the serial order; their number is the
 * longest conflict chain, the fewest any batching can make. Returns the batch number of each unit.
 */
export function declaredBatches(access: UnitAccess, n: number): Int32Array {
  const batch = new Int32Array(n);
  const lastWrite = new Map<number, number>();
  const lastRead = new Map<number, number>();
  for (let u = 0; u < n; u++) {
    let b = 0;
    for (let i = access.start[u]; i < access.start[u + 1]; i++) {
      const k = access.key[i];
      const w = lastWrite.get(k) ?? -1;
      b = Math.max(b, w + 1);
      if (access.write[i]) b = Math.max(b, (lastRead.get(k) ?? -1) + 1);
    }
    batch[u] = b;
    for (let i = access.start[u]; i < access.start[u + 1]; i++) {
      const k = access.key[i];
      if (access.write[i]) lastWrite.set(k, b);
      else lastRead.set(k, Math.max(lastRead.get(k) ?? -1, b));
    }
  }
  return batch;
}
