import { ACC_WRITE, type Block } from "../block";

/**
 * The longest chain of declared conflicts (write/write, write/read, read/write on a declared key, in block
 * order), weighted by each transaction's cost: the soonest a scheduler that waits on every declared
 * conflict (account locks, level batches) can finish the block. It is at least the read-after-write
 * critical path: every read of an earlier write is also a declared conflict.
 */
export function declaredCriticalPathUs(block: Block, costUs: Float64Array): number {
  // Per key: when its last writer finishes, and the latest finish of the readers since.
  const writerDone = new Map<number, number>();
  const readersDone = new Map<number, number>();
  let longest = 0;
  for (let t = 0; t < block.n; t++) {
    let start = 0;
    for (let i = block.accStart[t]; i < block.accStart[t + 1]; i++) {
      const k = block.accKey[i];
      start = Math.max(start, writerDone.get(k) ?? 0);
      if (block.accFlag[i] & ACC_WRITE) start = Math.max(start, readersDone.get(k) ?? 0);
    }
    const finish = start + costUs[t];
    for (let i = block.accStart[t]; i < block.accStart[t + 1]; i++) {
      const k = block.accKey[i];
      if (block.accFlag[i] & ACC_WRITE) {
        writerDone.set(k, finish);
        readersDone.delete(k);
      } else readersDone.set(k, Math.max(readersDone.get(k) ?? 0, finish));
    }
    longest = Math.max(longest, finish);
  }
  return longest;
}
