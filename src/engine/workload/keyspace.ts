import { GROUPS, type KeyRegion, type KeySpace } from "../block";
import { MAX_WEIGHT } from "../contracts/vote";
import type { Scenario } from "../scenario/scenario";
import type { Rng } from "./rng";

/** First key of each region, or -1 when the scenario's mix does not need it. */
export interface Layout {
  balance: number;
  token: number;
  owned: number;
  voted: number;
  weight: number;
  shipped: number;
  reserveX: number;
  reserveY: number;
  minted: number;
  revenue: number;
  tally: number;
  holder: number;
  hops: number;
}
type RegionName = keyof Layout;

interface RegionSpec {
  name: RegionName;
  count: number;
  group(i: number): number;
  initial(i: number): number;
  labels?: readonly string[];
}

/** An account in item i's placement group with probability `locality` (uniformly), else any account. */
function initialHolder(s: Scenario, rng: Rng, i: number): number {
  const g = i % GROUPS;
  if (rng.chance(s.locality) && g < s.accounts)
    return g + GROUPS * rng.int(0, Math.ceil((s.accounts - g) / GROUPS) - 1);
  return rng.int(0, s.accounts - 1);
}

function specs(s: Scenario, rng: Rng): RegionSpec[] {
  const uses = (...kinds: (keyof Scenario["mix"])[]) => kinds.some((k) => s.mix[k] > 0);
  const own = (i: number) => i % GROUPS;
  const zero = () => 0;
  // Balances 10,000..1,000,000 in steps of 1,000: typical payments succeed, hot senders can run dry.
  const funds = () => 1000 * rng.int(10, 1000);
  // 5..20 million per side: a 10,000 trade moves the price ~0.1%, so busy pools drift into slippage.
  const reserve = () => rng.int(5_000_000, 20_000_000);
  const perAccount = (name: RegionName, initial: (i: number) => number): RegionSpec => ({
    name,
    count: s.accounts,
    group: own,
    initial,
  });
  const out: RegionSpec[] = [];
  if (uses("transfer", "swap", "mint")) out.push(perAccount("balance", funds));
  if (uses("swap")) out.push(perAccount("token", funds));
  if (uses("mint")) out.push(perAccount("owned", zero));
  if (uses("vote"))
    out.push(
      perAccount("voted", zero),
      perAccount("weight", () => rng.int(1, MAX_WEIGHT)),
    );
  if (uses("ship")) out.push(perAccount("shipped", zero));
  if (uses("swap")) {
    out.push({ name: "reserveX", count: s.pools, group: own, initial: reserve });
    out.push({ name: "reserveY", count: s.pools, group: own, initial: reserve });
  }
  if (uses("mint")) {
    out.push({ name: "minted", count: s.collections, group: own, initial: zero });
    out.push({ name: "revenue", count: s.collections, group: own, initial: zero });
  }
  if (uses("vote")) {
    const labels = Array.from({ length: s.proposals * 2 }, (_, t) => `${t >> 1}:${t & 1 ? "no" : "yes"}`);
    out.push({
      name: "tally",
      count: s.proposals * 2,
      group: (t) => (t >> 1) % GROUPS,
      initial: zero,
      labels,
    });
  }
  if (uses("ship")) {
    out.push({ name: "holder", count: s.items, group: own, initial: (i) => initialHolder(s, rng, i) });
    out.push({ name: "hops", count: s.items, group: own, initial: zero });
  }
  return out;
}

function build(list: readonly RegionSpec[]): { keys: KeySpace; layout: Layout } {
  const count = list.reduce((n, r) => n + r.count, 0);
  const initial = new Float64Array(count);
  const group = new Uint8Array(count);
  const regions: KeyRegion[] = [];
  const layout: Layout = {
    balance: -1,
    token: -1,
    owned: -1,
    voted: -1,
    weight: -1,
    shipped: -1,
    reserveX: -1,
    reserveY: -1,
    minted: -1,
    revenue: -1,
    tally: -1,
    holder: -1,
    hops: -1,
  };
  let start = 0;
  for (const r of list) {
    for (let i = 0; i < r.count; i++) {
      initial[start + i] = r.initial(i);
      group[start + i] = r.group(i);
    }
    regions.push(
      r.labels
        ? { name: r.name, start, count: r.count, labels: r.labels }
        : { name: r.name, start, count: r.count },
    );
    layout[r.name] = start;
    start += r.count;
  }
  return { keys: { count, initial, group, regions }, layout };
}

/**
 * The synthetic block's state: only the regions the mix needs, in a fixed order, each key placed in a
 * group by its owner (account a, pool p, collection c, proposal p, item i -> index % GROUPS).
 */
export function buildKeySpace(s: Scenario, rng: Rng): { keys: KeySpace; layout: Layout } {
  return build(specs(s, rng));
}

/** The teaching block's state: M[0..3], all zero, one contract's storage (so one placement group). */
export function teachingKeySpace(): KeySpace {
  return {
    count: 4,
    initial: new Float64Array(4),
    group: new Uint8Array(4),
    regions: [{ name: "M", start: 0, count: 4 }],
  };
}
