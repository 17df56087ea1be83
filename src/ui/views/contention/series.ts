/** The lines of the contention chart, from sweep points: one per scheduler, plus the critical-path ideal. */

import type { SweepPoint } from "../../../app/jobs";
import { SCHEDULER_LABELS, type SchedulerName } from "../../../engine/scenario/scenario";

export type SeriesId = SchedulerName | "ideal";

/** How each line looks: a dash pattern and a marker shape as well as a colour, never colour alone. */
export interface SeriesStyle {
  readonly label: string;
  readonly dash: string;
  readonly marker: "circle" | "square" | "triangle" | "diamond" | "none";
  /** A theme colour role (CSS custom property name). */
  readonly color: string;
}

export const SERIES: Readonly<Record<SeriesId, SeriesStyle>> = {
  blockstm: { label: SCHEDULER_LABELS.blockstm, dash: "", marker: "circle", color: "exec" },
  accountlocks: { label: SCHEDULER_LABELS.accountlocks, dash: "3 2", marker: "diamond", color: "wait" },
  batched: { label: SCHEDULER_LABELS.batched, dash: "7 4", marker: "square", color: "text" },
  sequential: { label: SCHEDULER_LABELS.sequential, dash: "2 3", marker: "triangle", color: "muted" },
  bal: { label: SCHEDULER_LABELS.bal, dash: "6 2 1 2", marker: "square", color: "accent" },
  // Its speed is bought with a wrong final state: the label says unsafe, the colour is the abort red.
  naive: { label: SCHEDULER_LABELS.naive, dash: "1 3", marker: "circle", color: "abort" },
  ideal: { label: "Ideal (critical path)", dash: "12 3 2 3", marker: "none", color: "commit" },
};

export const SERIES_ORDER: readonly SeriesId[] = [
  "ideal",
  "blockstm",
  "accountlocks",
  "batched",
  "bal",
  "sequential",
  "naive",
];

export interface SeriesPoint {
  readonly value: number;
  readonly speedup: number;
  readonly aborts: number;
}

export interface Series {
  readonly id: SeriesId;
  readonly points: readonly SeriesPoint[];
}

/** Points grouped into lines sorted along the axis; the ideal line comes from the Block-STM runs' blocks. */
export function seriesOf(points: readonly SweepPoint[]): Series[] {
  const by = new Map<SeriesId, SeriesPoint[]>();
  const add = (id: SeriesId, p: SeriesPoint) => {
    const list = by.get(id) ?? [];
    list.push(p);
    by.set(id, list);
  };
  for (const p of points) {
    add(p.scheduler, { value: p.value, speedup: p.speedup, aborts: p.aborts });
    if (p.scheduler === "blockstm") add("ideal", { value: p.value, speedup: p.idealSpeedup, aborts: 0 });
  }
  return SERIES_ORDER.filter((id) => by.has(id)).map((id) => ({
    id,
    points: (by.get(id) ?? []).sort((a, b) => a.value - b.value),
  }));
}

/** The Block-STM point at the most contended end of the axis (highest skew, fewest accounts), if computed. */
export function mostContended(points: readonly SweepPoint[], axis: "skew" | "accounts"): SweepPoint | null {
  let best: SweepPoint | null = null;
  for (const p of points) {
    if (p.scheduler !== "blockstm") continue;
    if (!best || (axis === "skew" ? p.value > best.value : p.value < best.value)) best = p;
  }
  return best;
}
