import { type Block, GROUPS } from "../block";
import { ARGS } from "../contracts/contract";
import { readWrite } from "../contracts/read-write";
import { CONTRACTS } from "../contracts/registry";
import { CONTRACT_KINDS, type ContractKindName, type Scenario } from "../scenario/scenario";
import { declareAccess } from "./access";
import { buildKeySpace, type Layout, teachingKeySpace } from "./keyspace";
import { Rng } from "./rng";
import { Cumulative, zipfWeights } from "./zipf";

/** Probability that a shipment is sent by the item's current holder (else by someone else: NotHolder). */
const HONEST_SHIPPER = 0.9;
/** Streams of the seed: the initial state and the transactions draw independently. */
const STATE_STREAM = 0;
const TX_STREAM = 1;

/**
 * Picks accounts by popularity (Zipf over account numbers: account 0 is the hottest). The sender of a
 * transaction is drawn, with probability `locality`, from the target's placement group: the global Zipf
 * conditioned on the group, so the same accounts stay hot.
 */
/** Draws a voting transaction makes to find a member who has not voted yet. */
const VOTER_REDRAWS = 8;

class AccountPicker {
  private readonly all: Cumulative;
  private readonly groups: Cumulative[] = [];

  constructor(
    private readonly s: Scenario,
    private readonly rng: Rng,
  ) {
    const w = zipfWeights(s.accounts, s.skew);
    this.all = new Cumulative(w);
    for (let g = 0; g < Math.min(GROUPS, s.accounts); g++) {
      const members = new Float64Array(Math.ceil((s.accounts - g) / GROUPS));
      for (let j = 0; j < members.length; j++) members[j] = w[g + j * GROUPS];
      this.groups.push(new Cumulative(members));
    }
  }

  /** Any account but `exclude` (-1 for none); from `group` with probability locality when it can. */
  pick(group: number, exclude: number): number {
    const local = this.rng.chance(this.s.locality);
    const members = this.groups[group];
    if (local && members) {
      if (exclude < 0 || exclude % GROUPS !== group) return group + GROUPS * members.sample(this.rng);
      if (members.size > 1)
        return group + GROUPS * members.sampleExcluding(this.rng, (exclude - group) / GROUPS);
    }
    return exclude < 0 ? this.all.sample(this.rng) : this.all.sampleExcluding(this.rng, exclude);
  }

  /** Targets (receivers, pools, collections, proposals, items) by popularity: Zipf with the same skew. */
  objects(n: number): Cumulative {
    return new Cumulative(zipfWeights(n, this.s.skew));
  }
}

interface Ctx {
  s: Scenario;
  rng: Rng;
  at: Layout;
  initial: Float64Array;
  accounts: AccountPicker;
}

/** Writes one transaction's arguments at a[o..]. */
type Writer = (a: Float64Array, o: number) => void;

const WRITERS: Record<ContractKindName, (c: Ctx) => Writer> = {
  transfer: ({ rng, at, accounts, s }) => {
    const receivers = accounts.objects(s.accounts);
    return (a, o) => {
      const to = receivers.sample(rng);
      const from = accounts.pick(to % GROUPS, to);
      a[o] = at.balance + from;
      a[o + 1] = at.balance + to;
      a[o + 2] = rng.int(1, 1000);
    };
  },
  swap: ({ rng, at, accounts, s, initial }) => {
    const pools = accounts.objects(s.pools);
    return (a, o) => {
      const p = pools.sample(rng);
      const trader = accounts.pick(p % GROUPS, -1);
      const xToY = rng.chance(0.5);
      const [mine, theirs] = xToY ? [at.balance, at.token] : [at.token, at.balance];
      const [rIn, rOut] = xToY ? [at.reserveX + p, at.reserveY + p] : [at.reserveY + p, at.reserveX + p];
      const amountIn = rng.int(1, 10_000);
      // Expected output at the initial reserves, less a 0..3% tolerance: pools that others move first revert.
      const expected = Math.floor((initial[rOut] * amountIn * 997) / (initial[rIn] * 1000 + amountIn * 997));
      a[o] = mine + trader;
      a[o + 1] = theirs + trader;
      a[o + 2] = rIn;
      a[o + 3] = rOut;
      a[o + 4] = amountIn;
      a[o + 5] = Math.floor((expected * (1000 - rng.int(0, 30))) / 1000);
    };
  },
  mint: ({ rng, at, accounts, s }) => {
    const collections = accounts.objects(s.collections);
    // Caps around each collection's expected demand (0.5x..1.5x): popular collections sell out.
    const demand = (s.txs * s.mix.mint) / mixTotal(s) / s.collections;
    const price = Array.from({ length: s.collections }, () => 100 * rng.int(1, 100));
    const cap = Array.from({ length: s.collections }, () =>
      Math.max(1, Math.floor((demand * rng.int(50, 150)) / 100)),
    );
    return (a, o) => {
      const c = collections.sample(rng);
      const minter = accounts.pick(c % GROUPS, -1);
      a[o] = at.balance + minter;
      a[o + 1] = at.owned + minter;
      a[o + 2] = at.minted + c;
      a[o + 3] = at.revenue + c;
      a[o + 4] = price[c];
      a[o + 5] = cap[c];
      a[o + 6] = s.aggregators ? 1 : 0;
    };
  },
  vote: ({ rng, at, accounts, s }) => {
    const proposals = accounts.objects(s.proposals);
    // Members vote once: redraws find one who has not voted yet (replayed in block order), so
    // AlreadyVoted reverts only appear once popular voters run out.
    const voted = new Uint8Array(s.accounts);
    return (a, o) => {
      const p = proposals.sample(rng);
      const choice = rng.int(0, 1);
      let voter = accounts.pick(p % GROUPS, -1);
      for (let k = 0; k < VOTER_REDRAWS && voted[voter]; k++) voter = accounts.pick(p % GROUPS, -1);
      voted[voter] = 1;
      a[o] = at.voted + voter;
      a[o + 1] = at.weight + voter;
      a[o + 2] = at.tally + 2 * p + choice;
      a[o + 3] = s.aggregators ? 1 : 0;
    };
  },
  ship: ({ rng, at, accounts, s, initial }) => {
    const items = accounts.objects(s.items);
    // Custody replayed in block order, so honest shipments name the holder they will really find.
    const holder = initial.slice(at.holder, at.holder + s.items);
    return (a, o) => {
      const i = items.sample(rng);
      const g = i % GROUPS;
      const from = rng.chance(HONEST_SHIPPER) ? holder[i] : accounts.pick(g, holder[i]);
      const to = accounts.pick(g, from);
      if (from === holder[i]) holder[i] = to;
      a[o] = at.shipped + from;
      a[o + 1] = at.holder + i;
      a[o + 2] = from;
      a[o + 3] = to;
      a[o + 4] = at.hops + i;
    };
  },
};

function mixTotal(s: Scenario): number {
  return CONTRACT_KINDS.reduce((t, k) => t + s.mix[k], 0);
}

/** The block of a validated scenario, identical for the same scenario on every machine. */
export function generateBlock(s: Scenario): Block {
  return s.source === "mod3mod4" ? teachingBlock(s.txs) : syntheticBlock(s);
}

function syntheticBlock(s: Scenario): Block {
  const { keys, layout } = buildKeySpace(s, Rng.of(s.seed, STATE_STREAM));
  const rng = Rng.of(s.seed, TX_STREAM);
  const ctx: Ctx = { s, rng, at: layout, initial: keys.initial, accounts: new AccountPicker(s, rng) };
  // Contract id = position in CONTRACT_KINDS; kinds with weight 0 are never drawn and get no writer.
  const writers = CONTRACT_KINDS.map((k) => (s.mix[k] > 0 ? WRITERS[k](ctx) : null));
  const kinds = new Cumulative(CONTRACT_KINDS.map((k) => s.mix[k]));
  const n = s.txs;
  const kind = new Uint8Array(n);
  const args = new Float64Array(n * ARGS);
  const gas = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const k = kinds.sample(rng);
    kind[i] = k;
    writers[k]!(args, i * ARGS);
    gas[i] = CONTRACTS[k].gas;
  }
  return { n, kind, args, gas, keys, ...declareAccess(kind, args, n) };
}

/** Transaction j reads M[j mod 3] and writes M[j mod 4]: the classic Block-STM walkthrough. */
function teachingBlock(n: number): Block {
  const kind = new Uint8Array(n).fill(readWrite.id);
  const args = new Float64Array(n * ARGS);
  for (let j = 0; j < n; j++) {
    args[j * ARGS] = j % 3;
    args[j * ARGS + 1] = j % 4;
  }
  const gas = new Float64Array(n).fill(readWrite.gas);
  return { n, kind, args, gas, keys: teachingKeySpace(), ...declareAccess(kind, args, n) };
}
