import type { AccessList } from "../../block";
import { KeyIndex } from "../key-index";

/**
 * The list's writes by key: for any key and transaction, the post-value of the last earlier transaction
 * that wrote it. That is what lets every transaction start at once: its inputs are in the list. A delta
 * entry (an aggregator's) adds to what came before it, back to the last value written or the pre-state.
 */
export class ListIndex {
  private readonly slotTx: Int32Array;
  /** Value after each entry, or (slotAbs 0: no value written yet) the deltas added so far. */
  private readonly slotVal: Float64Array;
  private readonly slotAbs: Uint8Array;
  private readonly index: KeyIndex;

  constructor(list: AccessList) {
    const m = list.writeKey.length;
    const txOf = new Int32Array(m);
    for (let t = 0; t < list.n; t++) txOf.fill(t, list.writeStart[t], list.writeStart[t + 1]);
    // By key, then by transaction (the sort is stable and entries are in transaction order).
    const order = Array.from({ length: m }, (_, i) => i).sort((a, b) => list.writeKey[a] - list.writeKey[b]);
    const keys = new Int32Array(m);
    this.slotTx = new Int32Array(m);
    this.slotVal = new Float64Array(m);
    this.slotAbs = new Uint8Array(m);
    order.forEach((e, s) => {
      keys[s] = list.writeKey[e];
      this.slotTx[s] = txOf[e];
      const after = s > 0 && keys[s - 1] === keys[s];
      if (!list.writeDelta[e]) {
        this.slotVal[s] = list.writeVal[e];
        this.slotAbs[s] = 1;
      } else {
        this.slotVal[s] = (after ? this.slotVal[s - 1] : 0) + list.writeVal[e];
        this.slotAbs[s] = after ? this.slotAbs[s - 1] : 0;
      }
    });
    this.index = new KeyIndex(keys);
  }

  /** Value after slot s, over `pre` when no value was written up to it. */
  private valueAt(s: number, pre: number): number {
    return this.slotAbs[s] ? this.slotVal[s] : pre + this.slotVal[s];
  }

  /** Post-value of `key` after the last transaction before `tx` that wrote it; `pre` when none did. */
  valueBefore(key: number, tx: number, pre: number): number {
    const h = this.index.find(key);
    if (h < 0) return pre;
    let a = this.index.start[h];
    let b = this.index.end[h];
    const lo = a;
    while (a < b) {
      const m = (a + b) >>> 1;
      if (this.slotTx[m] < tx) a = m + 1;
      else b = m;
    }
    return a > lo ? this.valueAt(a - 1, pre) : pre;
  }

  /** Applies each written key's last post-value onto `state` (the pre-state): the block's effect, without executing it. */
  applyTo(state: Float64Array): void {
    const { keys, end } = this.index;
    for (let h = 0; h < keys.length; h++) {
      if (keys[h] >= 0) state[keys[h]] = this.valueAt(end[h] - 1, state[keys[h]]);
    }
  }
}
