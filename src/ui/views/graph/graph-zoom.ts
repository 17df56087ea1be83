/**
 * The zoom that frames given transactions (a chapter's, or the one found by number): centred on them and
 * close enough that their nodes hold their numbers, as long as they all stay on screen.
 */
import { clampCentre, MAX_GRAPH_ZOOM } from "../../../app/viewport";
import { type Box, type GraphLayout, layoutGraph, type Zoom } from "./graph-layout";
import type { GraphModel } from "./graph-model";
import { radiusForDigits } from "./node-number";

/** Share of the plot the framed transactions may spread over (the rest is room around them). */
const SPREAD = 0.8;

const centreOf = (g: GraphLayout, txs: readonly number[]): [number, number] => {
  let sx = 0;
  let sy = 0;
  for (const t of txs) {
    sx += (g.x[t] - g.box.left) / g.box.width;
    sy += (g.y[t] - g.box.top) / g.box.height;
  }
  return [sx / txs.length, sy / txs.length];
};

/** The zoom framing `txs` in `view`, or null when the whole graph already shows them big enough. */
export function fitZoom(model: GraphModel, view: Box, txs: readonly number[], textPx: number): Zoom | null {
  const shown = txs.filter((t) => t >= 0 && t < model.txs);
  if (shown.length === 0) return null;
  const whole = layoutGraph(model, view, null, textPx);
  // A node holds its number when the disc holds the digits' ink, as graph-labels.ts asks.
  const digits = Math.max(...shown.map((t) => String(t).length));
  // With a little to spare: the node size grows in steps, and text is measured in the browser.
  const radius = 1.04 * radiusForDigits(digits, textPx);
  if (whole.r >= radius) return null;
  let k = Math.min(MAX_GRAPH_ZOOM, radius / whole.r);
  // Not so close that some of them leave the screen.
  const xs = shown.map((t) => (whole.x[t] - whole.box.left) / whole.box.width);
  const ys = shown.map((t) => (whole.y[t] - whole.box.top) / whole.box.height);
  const spread = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys), 1e-9);
  k = Math.max(1, Math.min(k, SPREAD / spread));
  if (k <= 1) return null;
  const most = k;
  // Centred on them at k: where they are at that zoom (nodes shift a little as the zoom gives each lane
  // more rows), and whether every one of them, disc and all, is on screen.
  const frame = (k: number): { zoom: Zoom; g: GraphLayout } | null => {
    const [cx0, cy0] = centreOf(whole, shown);
    const first = layoutGraph(model, view, { k, cx: clampCentre(cx0, k), cy: clampCentre(cy0, k) }, textPx);
    const [cx, cy] = centreOf(first, shown);
    const zoom = { k, cx: clampCentre(cx, k), cy: clampCentre(cy, k) };
    const g = layoutGraph(model, view, zoom, textPx);
    const on = shown.every(
      (t) =>
        g.x[t] - g.r >= view.left &&
        g.x[t] + g.r <= view.left + view.width &&
        g.y[t] - g.r >= view.top &&
        g.y[t] + g.r <= view.top + view.height,
    );
    return on ? { zoom, g } : null;
  };
  let best = frame(k);
  // Rows per lane change with the zoom: closer still might leave one out, so step back until all show.
  while (!best && k > 1.05) {
    k = Math.max(1, k / 1.25);
    best = k > 1 ? frame(k) : null;
  }
  if (!best) return null;
  // Lanes hold whole rows of nodes, so the node size grows in steps: zoom on while it is too small, as
  // long as every one of them stays on screen.
  for (let i = 0; i < 4 && best.g.r < radius && best.zoom.k < most * 2; i++) {
    const next = frame(Math.min(MAX_GRAPH_ZOOM, most * 2, best.zoom.k * (radius / best.g.r) * 1.02));
    if (!next) break;
    best = next;
  }
  return best.zoom;
}
