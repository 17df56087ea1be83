/**
 * Every text drawn inside the graph, placed so that no two touch: in order of importance, the selected and
 * hovered transactions (what they are and their state), the keys of the newest aborts and waits, the
 * numbers of the transactions the caption names (beside their node), the numbers inside nodes big enough
 * to hold them, the "×3" of a re-executed transaction, and the edge count of each band of bundled edges
 * (the biggest first, on the band). Each tries a few spots and takes the first free one inside the plot, or
 * is dropped and counted ("+12 labels hidden", in a corner kept free for it).
 */
import { TX_STATUS_NAMES, type TxStates } from "../../../engine/analysis/tx-state";
import type { RunResult } from "../../../engine/run-result";
import { formatInt, plural } from "../../format";
import { txName, txTarget } from "../tx-label";
import { shownStatus } from "./draw-graph";
import { type Band, bandPoint } from "./edge-plan";
import type { GraphLayout } from "./graph-layout";
import { centred, LabelPlacer, type Rect } from "./label-placer";
import type { LitEdge, OverlayFrame } from "./lit-edges";
import { DIGIT_EM, radiusHolding } from "./node-number";

export type LabelKind =
  | "selected"
  | "hover"
  | "abort"
  | "wait"
  | "named"
  | "number"
  | "badge"
  | "band"
  | "hidden";

export interface PlacedLabel {
  readonly text: string;
  readonly kind: LabelKind;
  /** Its box; the text is centred in it. */
  readonly box: Rect;
  /** Bold text in px. */
  readonly px: number;
  /** Drawn inside its node (white on a dark halo, to read on every state's colour). */
  readonly inside: boolean;
  /** The transaction whose number it is, or -1. */
  readonly tx: number;
}

export interface LabelPlan {
  readonly labels: readonly PlacedLabel[];
  /** Labels wanted but dropped: no free spot. */
  readonly hidden: number;
  /** Transactions whose number is drawn, in block order (the canvas lists them for tests). */
  readonly labelled: readonly number[];
  /** The bands whose edge count is drawn, with the label that says it. */
  readonly bandLabels: readonly { readonly band: Band; readonly label: PlacedLabel }[];
}

/** The advance width of `text` at `px` pixels, bold, and the height of its ink. */
export type Measure = (text: string, px: number) => { readonly width: number; readonly height: number };

/** A text in tabular digits and common letters, for tests and before a canvas exists. */
export const roughMeasure: Measure = (text, px) => ({
  width: text.length * px * DIGIT_EM.width,
  height: px * DIGIT_EM.height,
});

const PAD = 2;
/** Where along a band its count may sit (shares of its length): the middle first. */
const BAND_SPOTS = [0.5, 0.35, 0.65, 0.2, 0.8];
/** Beyond this many nodes on screen, labels do not try to keep off them (they are dots, or too many). */
const MAX_DISCS = 4000;

/** The selected or hovered transaction as its label says it: name, target, state, executions. */
function focusText(result: RunResult, states: TxStates, tx: number, f: OverlayFrame): string {
  const target = txTarget(result, tx);
  const runs = states.reExecutions[tx] > 0 ? ` · ×${states.reExecutions[tx] + 1}` : "";
  const status = TX_STATUS_NAMES[shownStatus(states, tx, f)];
  return `${txName(result, tx)}${target ? ` → ${target}` : ""} · ${status}${runs}`;
}

export function hiddenText(n: number): string {
  return `+${plural(n, "label")} hidden`;
}

/** Spots around a point: above, below, right, left, then the four corners. */
function around(x: number, y: number, reach: number, w: number, h: number): Rect[] {
  const dx = reach + w / 2 + PAD;
  const dy = reach + h / 2 + PAD;
  return [
    centred(x, y - dy, w, h),
    centred(x, y + dy, w, h),
    centred(x + dx, y, w, h),
    centred(x - dx, y, w, h),
    centred(x + dx, y - dy, w, h),
    centred(x - dx, y - dy, w, h),
    centred(x + dx, y + dy, w, h),
    centred(x - dx, y + dy, w, h),
  ];
}

export function planLabels(
  g: GraphLayout,
  states: TxStates,
  result: RunResult,
  lit: readonly LitEdge[],
  f: OverlayFrame,
  measure: Measure,
  bands: readonly Band[] = [],
): LabelPlan {
  const txs = g.x.length;
  const px = f.textPx;
  const { view } = g;
  const inView = (x: number, y: number): boolean =>
    x >= view.left && x <= view.left + view.width && y >= view.top && y <= view.top + view.height;
  const onScreen = (t: number): boolean => inView(g.x[t], g.y[t]);
  interface Want {
    readonly text: string;
    readonly kind: LabelKind;
    readonly px: number;
    readonly spots: (w: number, h: number) => Rect[];
    readonly tx: number;
    /** Inside its node; any other label is beside something and keeps off the nodes when it can. */
    readonly inside?: boolean;
    /** The band whose edge count it is. */
    readonly band?: Band;
  }
  const wants: Want[] = [];
  const ring = Math.max(g.r * 1.7, 6);
  for (const [tx, kind] of [
    [f.selectedTx, "selected"],
    [f.hoverTx !== f.selectedTx ? f.hoverTx : null, "hover"],
  ] as const)
    if (tx !== null && tx < txs && onScreen(tx))
      wants.push({
        text: focusText(result, states, tx, f),
        kind,
        px,
        tx: -1,
        spots: (w, h) => around(g.x[tx], g.y[tx], ring, w, h),
      });
  for (const e of lit) {
    if (e.label === null || e.kind === "focus") continue;
    const mx = (g.x[e.from] + g.x[e.to]) / 2;
    const my = (g.y[e.from] + g.y[e.to]) / 2;
    wants.push({ text: e.label, kind: e.kind, px, tx: -1, spots: (w, h) => around(mx, my, 0, w, h) });
  }
  // Numbers inside nodes that hold their ink (the label is the node's own middle); beside named ones that
  // do not. A node too small for the narrowest number holds none (no measuring a thousand numbers).
  const tooSmall = g.r < radiusHolding(DIGIT_EM.width * 0.5 * px, DIGIT_EM.height * 0.9 * px);
  const holds = (t: number): boolean => {
    if (tooSmall) return false;
    const ink = measure(String(t), px);
    return radiusHolding(ink.width, ink.height) <= g.r;
  };
  const named = new Set(f.named);
  for (const t of f.named)
    if (t < txs && onScreen(t) && !holds(t))
      wants.push({
        text: String(t),
        kind: "named",
        px,
        tx: t,
        spots: (w, h) => around(g.x[t], g.y[t], g.r, w, h),
      });
  for (let t = 0; t < txs; t++)
    if (onScreen(t) && holds(t))
      wants.push({
        text: String(t),
        kind: named.has(t) ? "named" : "number",
        px,
        tx: t,
        inside: true,
        spots: (w, h) => [centred(g.x[t], g.y[t], w, h)],
      });
  // Named numbers inside their node go before every other number.
  wants.sort((a, b) => rank(a.kind) - rank(b.kind));
  if (g.r >= 5) {
    const badgePx = Math.min(11, Math.max(8, g.r * 0.9));
    for (let t = 0; t < txs; t++)
      if (states.reExecutions[t] > 0 && onScreen(t)) {
        const x = g.x[t];
        const y = g.y[t];
        wants.push({
          text: `×${states.reExecutions[t] + 1}`,
          kind: "badge",
          px: badgePx,
          tx: -1,
          spots: (w, h) => [centred(x + g.r * 0.7 + w / 2, y - g.r * 0.5 - h / 2, w, h)],
        });
      }
  }

  const bandsFrom = wants.length;
  // Each band's count on the band itself: at its middle, else further along it, off the nodes. No more
  // are tried than the plot could hold at their least size (a 100k block has thousands of bands): the
  // biggest bands first, the rest counted as hidden.
  const leastBand = (DIGIT_EM.width * px + px + 2 * PAD) * (1.5 * px + 2 * PAD);
  const bandRoom = Math.floor((view.width * view.height) / leastBand);
  let bandsUntried = 0;
  for (const b of bands) {
    const points = BAND_SPOTS.map((t) => bandPoint(g, b, t));
    if (!points.some(([x, y]) => inView(x, y))) continue;
    if (wants.length - bandsFrom >= bandRoom) {
      bandsUntried++;
      continue;
    }
    wants.push({
      text: formatInt(b.count),
      kind: "band",
      px,
      tx: -1,
      band: b,
      // With room around it: a count packed among others reads as noise, and its band is hard to tell.
      spots: (w, h) => points.map(([x, y]) => centred(x, y, w + px, h + px / 2)),
    });
  }

  // The nodes on screen, which a label beside something covers only when it has no other spot.
  const discs = new LabelPlacer(view);
  let onScreenNodes = 0;
  for (let t = 0; t < txs && onScreenNodes <= MAX_DISCS; t++)
    if (onScreen(t)) {
      onScreenNodes++;
      discs.take(centred(g.x[t], g.y[t], 2 * g.r, 2 * g.r));
    }
  const clearOfNodes = onScreenNodes <= MAX_DISCS && g.r >= 2;
  // The count of hidden labels goes in the first corner clear of nodes (kept free only when needed).
  const noteW = measure(hiddenText(wants.length), px).width + 2 * PAD;
  const noteH = px + 2 * PAD;
  const right = view.left + view.width;
  const bottom = view.top + view.height;
  const corners: Rect[] = [
    { x0: right - noteW, y0: bottom - noteH, x1: right, y1: bottom },
    { x0: right - noteW, y0: view.top, x1: right, y1: view.top + noteH },
    { x0: view.left, y0: bottom - noteH, x1: view.left + noteW, y1: bottom },
    { x0: view.left, y0: view.top, x1: view.left + noteW, y1: view.top + noteH },
  ];
  const corner = (clearOfNodes && corners.find((c) => discs.free(c))) || corners[0];
  const place = (reserve: boolean) => {
    const placer = new LabelPlacer(view);
    if (reserve) placer.take(corner);
    const labels: PlacedLabel[] = [];
    const labelled: number[] = [];
    const bandLabels: { band: Band; label: PlacedLabel }[] = [];
    for (const w of wants) {
      const spots = w.spots(measure(w.text, w.px).width + 2 * PAD, w.px + 2 * PAD);
      const clear = w.inside || !clearOfNodes ? [] : spots.filter((r) => discs.free(r));
      // A band's count never covers a node drawn on its own (it would read as the node's number).
      const box = placer.place(w.band && clearOfNodes ? clear : [...clear, ...spots]);
      if (!box) continue;
      const label = { text: w.text, kind: w.kind, box, px: w.px, inside: w.inside === true, tx: w.tx };
      labels.push(label);
      if (w.tx >= 0) labelled.push(w.tx);
      if (w.band) bandLabels.push({ band: w.band, label });
    }
    return { labels, labelled, bandLabels, hidden: placer.dropped + bandsUntried };
  };
  // With bands to number, some labels are nearly always left out: keep the corner free from the start
  // rather than place every label twice.
  const reserved = wants.length > bandsFrom || bandsUntried > 0;
  const first = place(reserved);
  const { labels, labelled, bandLabels, hidden } = first.hidden > 0 && !reserved ? place(true) : first;
  if (hidden > 0)
    labels.push({ text: hiddenText(hidden), kind: "hidden", box: corner, px, inside: false, tx: -1 });
  return { labels, hidden, labelled: labelled.sort((a, b) => a - b), bandLabels };
}

const RANKS: Record<LabelKind, number> = {
  selected: 0,
  hover: 1,
  abort: 2,
  wait: 3,
  named: 4,
  number: 5,
  badge: 6,
  band: 7,
  hidden: 8,
};
const rank = (k: LabelKind): number => RANKS[k];
