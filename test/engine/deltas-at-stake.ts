import { ACC_DELTA, ACC_WRITE, type Block } from "../../src/engine/block";
import { ARGS } from "../../src/engine/contracts/contract";
import { CONTRACTS } from "../../src/engine/contracts/registry";

/**
 * For tests, written apart from the schedulers' stakeDeltas: each transaction's declared aggregator keys
 * whose limit is at stake in block order, that is where the key's initial value plus the largest step of
 * every delta on it so far (this one's included) passes the limit.
 */
export function deltasAtStake(block: Block): Set<number>[] {
  const reach = new Map<number, number>();
  return Array.from({ length: block.n }, (_, t) => {
    const atStake = new Set<number>();
    CONTRACTS[block.kind[t]].access(block.args, t * ARGS, {
      add() {},
      delta(key, _side, step, limit) {
        const r = (reach.get(key) ?? block.keys.initial[key]) + step;
        reach.set(key, r);
        if (r > limit) atStake.add(key);
      },
    });
    return atStake;
  });
}

/** Whether two transactions' declared access conflicts: a shared key one of them writes, unless both only add to it and neither's limit is at stake. */
export function declaredConflict(block: Block, stake: readonly Set<number>[], u: number, v: number): boolean {
  for (let i = block.accStart[u]; i < block.accStart[u + 1]; i++)
    for (let j = block.accStart[v]; j < block.accStart[v + 1]; j++) {
      const k = block.accKey[i];
      if (k !== block.accKey[j] || !((block.accFlag[i] | block.accFlag[j]) & ACC_WRITE)) continue;
      const commute = block.accFlag[i] & block.accFlag[j] & ACC_DELTA && !stake[u].has(k) && !stake[v].has(k);
      if (!commute) return true;
    }
  return false;
}
