import { ACC_TARGET, ACC_WRITE, type Block } from "../block";
import type { Units } from "./units";
import { Phase } from "./units";

/**
 * Declared access of each unit (CSR): the block's per-transaction access restricted to the side a leg runs
 * on (debit and settle: sender side; apply: target side; a whole transaction: both).
 */
export interface UnitAccess {
  readonly start: Int32Array;
  readonly key: Int32Array;
  readonly write: Uint8Array;
  /** Largest number of declared keys of any unit: sizes per-worker buffers. */
  readonly maxKeys: number;
}

export function sideOf(phase: number): -1 | 0 | 1 {
  if (phase === Phase.Full) return -1;
  return phase === Phase.Apply ? 1 : 0;
}

export function unitAccess(block: Block, units: Units): UnitAccess {
  const start = new Int32Array(units.n + 1);
  let total = 0;
  for (let u = 0; u < units.n; u++) {
    const t = units.tx[u];
    const side = sideOf(units.phase[u]);
    for (let i = block.accStart[t]; i < block.accStart[t + 1]; i++) {
      if (side === -1 || (block.accFlag[i] & ACC_TARGET ? 1 : 0) === side) total++;
    }
    start[u + 1] = total;
  }
  const key = new Int32Array(total);
  const write = new Uint8Array(total);
  let j = 0;
  let maxKeys = 0;
  for (let u = 0; u < units.n; u++) {
    const t = units.tx[u];
    const side = sideOf(units.phase[u]);
    for (let i = block.accStart[t]; i < block.accStart[t + 1]; i++) {
      if (side === -1 || (block.accFlag[i] & ACC_TARGET ? 1 : 0) === side) {
        key[j] = block.accKey[i];
        write[j] = block.accFlag[i] & ACC_WRITE;
        j++;
      }
    }
    maxKeys = Math.max(maxKeys, start[u + 1] - start[u]);
  }
  return { start, key, write, maxKeys };
}
