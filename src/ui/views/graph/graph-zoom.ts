/**
 * The zoom that frames given transactions (a chapter's, or the one found by number): centred on them and
 * close enough that their nodes hold their numbers, as long as they all stay on screen.
 */
import { clampCentre, MAX_GRAPH_ZOOM } from "../../../app/viewport";
import { type Box, type GraphLayout, layoutGraph, type Zoom } from "./graph-layout";
import type { GraphModel } from "./graph-model";

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
  const whole = layoutGraph(model, view);
  // A node holds its number when its diameter fits the digits (0.62 em each), as graph-labels.ts asks.
  const digits = Math.max(...shown.map((t) => String(t).length));
  // With a little to spare: the node size grows in steps, and text is measured in the browser.
  const radius = 1.08 * Math.max((digits * 0.62 * textPx) / 2, textPx / 2 - 2);
  if (whole.r >= radius) return null;
  let k = Math.min(MAX_GRAPH_ZOOM, radius / whole.r);
  // Not so close that some of them leave the screen.
  const xs = shown.map((t) => (whole.x[t] - whole.box.left) / whole.box.width);
  const ys = shown.map((t) => (whole.y[t] - whole.box.top) / whole.box.height);
  const spread = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys), 1e-9);
  k = Math.max(1, Math.min(k, SPREAD / spread));
  if (k <= 1) return null;
  const most = k;
  // Lanes hold whole rows of nodes, so the node size grows in steps: zoom on until it is big enough.
  let [cx, cy] = centreOf(whole, shown);
  let zoomed = layoutGraph(model, view, { k, cx: clampCentre(cx, k), cy: clampCentre(cy, k) });
  for (let i = 0; i < 4 && zoomed.r < radius && k < most * 2; i++) {
    k = Math.min(MAX_GRAPH_ZOOM, most * 2, k * (radius / zoomed.r) * 1.02);
    zoomed = layoutGraph(model, view, { k, cx: clampCentre(cx, k), cy: clampCentre(cy, k) });
  }
  // Nodes shift a little as the zoom gives each lane more rows: centre on where they are at this zoom.
  [cx, cy] = centreOf(zoomed, shown);
  return { k, cx: clampCentre(cx, k), cy: clampCentre(cy, k) };
}
