import type { Block } from "../block";
import { stakeDeltas } from "../schedulers/stake";
import { Mode, modeOf } from "../schedulers/unit-access";

/**
 * The longest chain of declared conflicts (write/write, write/read, read/write on a declared key, in block
 * order; two aggregator deltas whose limit is not at stake do not conflict), weighted by each transaction's
 * cost: the soonest a scheduler that waits on every declared conflict (account locks, level batches) can
 * finish the block. It is at least the read-after-write critical path: every read of an earlier write is
 * also a declared conflict.
 */
export function declaredCriticalPathUs(block: Block, costUs: Float64Array): number {
  const mode = Uint8Array.from(block.accFlag, modeOf);
  stakeDeltas(block, (t) => t, block.accStart, block.accKey, mode, block.keys.initial);
  // Per key: when its last writer finishes, and the latest finish of the readers (or deltas) since.
  const writerDone = new Map<number, number>();
  const readersDone = new Map<number, number>();
  const deltasDone = new Map<number, number>();
  let longest = 0;
  for (let t = 0; t < block.n; t++) {
    let start = 0;
    for (let i = block.accStart[t]; i < block.accStart[t + 1]; i++) {
      const k = block.accKey[i];
      start = Math.max(start, writerDone.get(k) ?? 0);
      if (mode[i] !== Mode.Read) start = Math.max(start, readersDone.get(k) ?? 0);
      if (mode[i] !== Mode.Delta) start = Math.max(start, deltasDone.get(k) ?? 0);
    }
    const finish = start + costUs[t];
    for (let i = block.accStart[t]; i < block.accStart[t + 1]; i++) {
      const k = block.accKey[i];
      if (mode[i] === Mode.Write) {
        writerDone.set(k, finish);
        readersDone.delete(k);
        deltasDone.delete(k);
      } else {
        const since = mode[i] === Mode.Read ? readersDone : deltasDone;
        since.set(k, Math.max(since.get(k) ?? 0, finish));
      }
    }
    longest = Math.max(longest, finish);
  }
  return longest;
}
