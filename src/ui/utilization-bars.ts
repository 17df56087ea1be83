import { formatPercent } from "./format";

export interface Bar {
  /** Axis label: worker lane ("3") or shard ("s2"). */
  readonly label: string;
  /** Share of the run the lane (or the shard's lanes on average) was busy, 0..1. */
  readonly value: number;
  /** Shard the bar belongs to. */
  readonly shard: number;
  /** Full description for the tooltip. */
  readonly title: string;
}

export interface Bars {
  readonly bars: readonly Bar[];
  /** True when there are too many lanes to draw one each, and bars are per-shard means. */
  readonly perShard: boolean;
  readonly mean: number;
}

/** Most bars the chart draws; past this, lanes are averaged per shard (shards are at most 64). */
export const MAX_BARS = 64;

/** One bar per worker lane (lane w belongs to shard floor(w / workersPerShard)), or per shard when many. */
export function utilizationBars(utilization: Float64Array, workersPerShard: number): Bars {
  const lanes = utilization.length;
  const shards = Math.ceil(lanes / workersPerShard);
  const mean = lanes > 0 ? utilization.reduce((a, b) => a + b, 0) / lanes : 0;
  const shardText = (s: number): string => (shards > 1 ? `, shard ${s}` : "");
  if (lanes <= MAX_BARS) {
    const bars = Array.from(utilization, (value, w) => {
      const shard = Math.floor(w / workersPerShard);
      return {
        label: String(w),
        value,
        shard,
        title: `Worker ${w}${shardText(shard)}: busy ${formatPercent(value)}`,
      };
    });
    return { bars, perShard: false, mean };
  }
  const bars: Bar[] = [];
  for (let s = 0; s < shards; s++) {
    const part = utilization.subarray(s * workersPerShard, Math.min(lanes, (s + 1) * workersPerShard));
    const value = part.reduce((a, b) => a + b, 0) / part.length;
    bars.push({
      label: `s${s}`,
      value,
      shard: s,
      title: `Shard ${s}: its ${part.length} workers busy ${formatPercent(value)} on average`,
    });
  }
  return { bars, perShard: true, mean };
}
