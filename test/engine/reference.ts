import type { Block } from "../../src/engine/block";

/**
 * An independent reference for the property tests: the contract kinds' semantics written from the README's
 * contract table on a plain Map, with its own placement of transactions on shards and its own receipt
 * rounds. It shares no code with the executors or the sequential oracle (not runUnit, the contracts, the
 * write buffers or the placement), so a bug they share shows up against it. Only the block (its arguments,
 * declared keys and initial values) is common input.
 */

// Kind ids, as blocks store them (README: "The contract kinds").
const TRANSFER = 0;
const SWAP = 1;
const MINT = 2;
const VOTE = 3;
const SHIP = 4;
const READ_WRITE = 5;
const ARGS = 8;
const TARGET_SIDE = 2;

/** A leg that fails returns this: its writes are dropped. */
const FAIL = Number.NEGATIVE_INFINITY;

/** Reads fall through to the block's initial values; writes go to the map. */
class Overlay {
  readonly writes = new Map<number, number>();
  constructor(private readonly under: (k: number) => number) {}
  get(k: number): number {
    return this.writes.get(k) ?? this.under(k);
  }
  set(k: number, v: number): void {
    this.writes.set(k, v);
  }
}

/** floor(a * b / c) on exact integers. */
const mulDiv = (a: number, b: number, c: number): number => Number((BigInt(a) * BigInt(b)) / BigInt(c));

interface Legs {
  /** Sender side: returns what it carries to the target (>= 0), or FAIL. */
  debit(s: Overlay, a: readonly number[]): number;
  /** Target side: returns its result (>= 0), or FAIL. */
  apply(s: Overlay, a: readonly number[], carried: number): number;
  /** Sender side, after the target: the refund (failed) or the delivery (succeeded). */
  settle(s: Overlay, a: readonly number[], carried: number, failed: boolean, result: number): void;
  /** A successful apply still sends something back (the output of a swap, the minted token). */
  readonly settlesOnSuccess: boolean;
}

const add = (s: Overlay, k: number, x: number): void => s.set(k, s.get(k) + x);

/** The largest value a tally or a revenue may reach (README: aggregators). */
const LIMIT = Number.MAX_SAFE_INTEGER;

/** Adds x to k unless that passes LIMIT: whether it did. */
function addUpToLimit(s: Overlay, k: number, x: number): boolean {
  if (s.get(k) + x > LIMIT) return false;
  add(s, k, x);
  return true;
}

/** Takes `amount` from balance `k`, or FAIL when it holds less. */
function pay(s: Overlay, k: number, amount: number): number {
  if (s.get(k) < amount) return FAIL;
  s.set(k, s.get(k) - amount);
  return amount;
}

const KINDS: Readonly<Record<number, Legs>> = {
  // transfer: from, to, amount. Fails when `from` holds less than amount.
  [TRANSFER]: {
    settlesOnSuccess: false,
    debit: (s, [from, , amount]) => pay(s, from, amount),
    apply: (s, [, to], amount) => {
      add(s, to, amount);
      return 0;
    },
    settle: (s, [from], amount, failed) => {
      if (failed) add(s, from, amount);
    },
  },
  // swap: traderIn, traderOut, reserveIn, reserveOut, amountIn, minOut. out = floor(y * in * 997 /
  // (x * 1000 + in * 997)) for reserves x (in) and y (out); fails below minOut.
  [SWAP]: {
    settlesOnSuccess: true,
    debit: (s, [traderIn, , , , amountIn]) => pay(s, traderIn, amountIn),
    apply: (s, [, , reserveIn, reserveOut, , minOut], amountIn) => {
      const x = s.get(reserveIn);
      const y = s.get(reserveOut);
      const out = mulDiv(y, amountIn * 997, x * 1000 + amountIn * 997);
      if (out < minOut) return FAIL;
      s.set(reserveIn, x + amountIn);
      s.set(reserveOut, y - out);
      return out;
    },
    settle: (s, [traderIn, traderOut], amountIn, failed, out) => {
      if (failed) add(s, traderIn, amountIn);
      else add(s, traderOut, out);
    },
  },
  // mint: minterBalance, ownerRecord, counter, revenue, price, cap, aggregators. Fails at the cap (or
  // without funds, or past the revenue's limit). Aggregators change how executors may run it, not its result.
  [MINT]: {
    settlesOnSuccess: true,
    debit: (s, [balance, , , , price]) => pay(s, balance, price),
    apply: (s, [, , counter, revenue, , cap], price) => {
      const minted = s.get(counter);
      if (minted >= cap) return FAIL;
      s.set(counter, minted + 1);
      return addUpToLimit(s, revenue, price) ? minted : FAIL;
    },
    settle: (s, [balance, owned], price, failed) => {
      if (failed) add(s, balance, price);
      else add(s, owned, 1);
    },
  },
  // vote: hasVoted, weight, tally, aggregators. One ballot per voter: fails if it already voted (or past the
  // tally's limit).
  [VOTE]: {
    settlesOnSuccess: false,
    debit: (s, [voted, weight]) => {
      if (s.get(voted) !== 0) return FAIL;
      s.set(voted, 1);
      return s.get(weight);
    },
    apply: (s, [, , tally], weight) => (addUpToLimit(s, tally, weight) ? 0 : FAIL),
    settle: (s, [voted], _weight, failed) => {
      if (failed) s.set(voted, 0);
    },
  },
  // ship: shippedCount, itemHolder, fromId, toId, itemHops. Fails unless the item's holder is fromId.
  [SHIP]: {
    settlesOnSuccess: false,
    debit: (s, [shipped]) => {
      add(s, shipped, 1);
      return 1;
    },
    apply: (s, [, holder, fromId, toId, hops], one) => {
      if (s.get(holder) !== fromId) return FAIL;
      s.set(holder, toId);
      add(s, hops, one);
      return 0;
    },
    settle: (s, [shipped], one, failed) => {
      if (failed) add(s, shipped, -one);
    },
  },
  // The teaching contract: readKey, writeKey; writes the value read plus one.
  [READ_WRITE]: {
    settlesOnSuccess: false,
    debit: () => 0,
    apply: (s, [read, write]) => {
      s.set(write, s.get(read) + 1);
      return 0;
    },
    settle: () => {},
  },
};

/** The state after a block, as one map over the initial values. */
class ReferenceState {
  readonly values = new Map<number, number>();
  constructor(private readonly block: Block) {}

  get(k: number): number {
    return this.values.get(k) ?? this.block.keys.initial[k];
  }

  /** Runs one step on an overlay; keeps its writes unless it failed. */
  step(run: (s: Overlay) => number): number {
    const s = new Overlay((k) => this.get(k));
    const r = run(s);
    if (r !== FAIL) for (const [k, v] of s.writes) this.values.set(k, v);
    return r;
  }

  toArray(): Float64Array {
    const out = Float64Array.from(this.block.keys.initial);
    for (const [k, v] of this.values) out[k] = v;
    return out;
  }
}

function legsOf(block: Block, t: number): { legs: Legs; args: number[] } {
  const legs = KINDS[block.kind[t]];
  if (!legs) throw new Error(`the reference does not know contract kind ${block.kind[t]}`);
  return { legs, args: Array.from(block.args.subarray(t * ARGS, (t + 1) * ARGS)) };
}

/** A whole transaction: debit, apply and settle at once; a failure anywhere undoes all of it. */
function whole(state: ReferenceState, block: Block, t: number): void {
  const { legs, args } = legsOf(block, t);
  state.step((s) => {
    const carried = legs.debit(s, args);
    if (carried === FAIL) return FAIL;
    const result = legs.apply(s, args, carried);
    if (result === FAIL) return FAIL;
    legs.settle(s, args, carried, false, result);
    return 0;
  });
}

/** Every transaction whole, in block order: the serial order of unsharded runs and of 2PC locks. */
export function referenceBlockOrder(block: Block): Float64Array {
  const state = new ReferenceState(block);
  for (let t = 0; t < block.n; t++) whole(state, block, t);
  return state.toArray();
}

/**
 * Shards of each transaction's two sides (README: sharding): key k lives on shard group[k] mod shards; the
 * home shard is its sender-side keys', the target shard its target-side keys'; a side with no keys takes
 * the other's.
 */
function sidesOf(block: Block, t: number, shards: number): { home: number; target: number } {
  let home = -1;
  let target = -1;
  for (let i = block.accStart[t]; i < block.accStart[t + 1]; i++) {
    const shard = block.keys.group[block.accKey[i]] % shards;
    if (block.accFlag[i] & TARGET_SIDE) target = shard;
    else home = shard;
  }
  if (home < 0) home = Math.max(target, 0);
  if (target < 0) target = home;
  return { home, target };
}

/**
 * Asynchronous receipts (README: sharding, receipts): round 0 runs each local transaction whole and each
 * cross-shard one's debit; round 1 the applies of the debits that went through; round 2 the settles of the
 * applies that failed or deliver something. Shards share no keys, so within a round block order is as good
 * as shard by shard.
 */
export function referenceReceipts(block: Block, shards: number): Float64Array {
  const state = new ReferenceState(block);
  const carried = new Map<number, number>();
  for (let t = 0; t < block.n; t++) {
    const { home, target } = sidesOf(block, t, shards);
    if (home === target) whole(state, block, t);
    else {
      const { legs, args } = legsOf(block, t);
      const c = state.step((s) => legs.debit(s, args));
      if (c !== FAIL) carried.set(t, c);
    }
  }
  const settles: [number, number, number][] = [];
  for (const [t, c] of carried) {
    const { legs, args } = legsOf(block, t);
    const result = state.step((s) => legs.apply(s, args, c));
    if (result === FAIL || legs.settlesOnSuccess) settles.push([t, c, result]);
  }
  for (const [t, c, result] of settles) {
    const { legs, args } = legsOf(block, t);
    state.step((s) => {
      legs.settle(s, args, c, result === FAIL, result);
      return 0;
    });
  }
  return state.toArray();
}
