import { ACC_DELTA, ACC_TARGET, ACC_WRITE, type Block } from "../block";
import type { Units } from "./units";
import { Phase } from "./units";

/**
 * How a unit holds a declared key: reads share it with reads, a write holds it alone, and deltas (tryAdds
 * to an aggregator) share it with deltas. Anything but Read may change the key.
 */
export const Mode = { Read: 0, Write: 1, Delta: 2 } as const;

/** A key's mode from its declared flags. */
export function modeOf(flag: number): number {
  if (flag & ACC_DELTA) return Mode.Delta;
  return flag & ACC_WRITE ? Mode.Write : Mode.Read;
}

/**
 * Declared access of each unit (CSR): the block's per-transaction access restricted to the side a leg runs
 * on (debit and settle: sender side; apply: target side; a whole transaction: both).
 */
export interface UnitAccess {
  readonly start: Int32Array;
  readonly key: Int32Array;
  /** Mode of each declared key. */
  readonly mode: Uint8Array;
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
  const mode = new Uint8Array(total);
  let j = 0;
  let maxKeys = 0;
  for (let u = 0; u < units.n; u++) {
    const t = units.tx[u];
    const side = sideOf(units.phase[u]);
    for (let i = block.accStart[t]; i < block.accStart[t + 1]; i++) {
      if (side === -1 || (block.accFlag[i] & ACC_TARGET ? 1 : 0) === side) {
        key[j] = block.accKey[i];
        mode[j] = modeOf(block.accFlag[i]);
        j++;
      }
    }
    maxKeys = Math.max(maxKeys, start[u + 1] - start[u]);
  }
  return { start, key, mode, maxKeys };
}
