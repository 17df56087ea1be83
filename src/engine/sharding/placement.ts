import { ACC_TARGET, type Block } from "../block";

/**
 * Where each transaction runs when the state is split over `shards`: key k lives on shard
 * group[k] % shards; a transaction's home shard is its sender side's, its target shard the target side's.
 */
export interface Placement {
  readonly shards: number;
  readonly home: Int32Array;
  readonly target: Int32Array;
  /** Number of transactions whose home and target shards differ. */
  readonly crossCount: number;
}

export function place(block: Block, shards: number): Placement {
  const home = new Int32Array(block.n);
  const target = new Int32Array(block.n);
  let crossCount = 0;
  for (let t = 0; t < block.n; t++) {
    let h = -1;
    let g = -1;
    for (let i = block.accStart[t]; i < block.accStart[t + 1]; i++) {
      const s = block.keys.group[block.accKey[i]] % shards;
      if (block.accFlag[i] & ACC_TARGET) {
        if (g === -1) g = s;
        else if (g !== s) throw new Error(`tx ${t}: target-side keys span shards ${g} and ${s}`);
      } else if (h === -1) h = s;
      else if (h !== s) throw new Error(`tx ${t}: sender-side keys span shards ${h} and ${s}`);
    }
    if (h === -1) h = g === -1 ? 0 : g;
    if (g === -1) g = h;
    home[t] = h;
    target[t] = g;
    if (h !== g) crossCount++;
  }
  return { shards, home, target, crossCount };
}
