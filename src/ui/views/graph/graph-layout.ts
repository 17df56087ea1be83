/**
 * Places the graph's nodes from block order alone: x = column (level or batch), y = lane, shards grouped.
 * Transactions sharing a (column, lane) cell fill it column by column in block order. The pitch (node
 * spacing) is the largest that fits the panel, so the layout is instant, stable and never overlaps; spare
 * width spreads the columns.
 */
import type { GraphView } from "../../../app/viewport";
import type { GraphModel } from "./graph-model";

export interface Box {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

export interface GraphLayout {
  readonly pitch: number;
  /** Node radius. */
  readonly r: number;
  readonly x: Float32Array;
  readonly y: Float32Array;
  /** Per column: left and right edge (for labels and the alternate shading). */
  readonly colLeft: Float32Array;
  readonly colRight: Float32Array;
  /** Per lane: top and bottom edge. */
  readonly laneTop: Float32Array;
  readonly laneBottom: Float32Array;
  /** Nodes per hit-test bucket (CSR over a grid of pitch-sized buckets). */
  readonly bucketStart: Int32Array;
  readonly bucketTx: Int32Array;
  readonly bucketCols: number;
  readonly bucketRows: number;
  /** The whole drawing: the plot scaled by the zoom (the plot itself when not zoomed). */
  readonly box: Box;
  /** The plot: the part of the drawing on screen. */
  readonly view: Box;
}

/** The graph's zoom (the viewport's): k times the plot, centred on (cx, cy), shares of the whole drawing. */
export type Zoom = GraphView;

/**
 * Largest spacing at the whole graph with 11 px text (zoomed k times, k times this; larger text, larger in
 * proportion, so that talk mode's numbers fit their nodes): a small block does not need giant nodes.
 */
export const MAX_PITCH = 26;
const MIN_PITCH = 0.6;
/** Room between the lanes of two shards. */
const SHARD_GAP = 8;

interface Fit {
  readonly pitch: number;
  /** Node rows per lane. */
  readonly rows: number;
  readonly gapCols: number;
}

/**
 * Lays the graph out in `view` zoomed by `zoom`: the whole drawing is k times the plot, shifted. Nodes are
 * as big as fits, up to a size in proportion to the canvas text (`textPx`).
 */
export function layoutGraph(
  model: GraphModel,
  view: Box,
  zoom: Zoom | null = null,
  textPx = 11,
): GraphLayout {
  const k = zoom?.k ?? 1;
  const box: Box = zoom
    ? {
        left: view.left + view.width * (0.5 - zoom.cx * k),
        top: view.top + view.height * (0.5 - zoom.cy * k),
        width: view.width * k,
        height: view.height * k,
      }
    : view;
  const { txs, columns, lanes, column, lane } = model;
  const count = new Int32Array(Math.max(1, columns * lanes));
  for (let t = 0; t < txs; t++) count[column[t] * lanes + lane[t]]++;
  const cap = new Int32Array(columns);
  for (let c = 0; c < columns; c++) {
    for (let l = 0; l < lanes; l++) cap[c] = Math.max(cap[c], count[c * lanes + l]);
  }
  const gaps = model.shards - 1;
  const laneHeight = Math.max(1, (box.height - gaps * SHARD_GAP) / lanes);
  const fit = chooseFit(cap, laneHeight, box.width, MAX_PITCH * Math.max(1, textPx / 11) * k);
  const { pitch, rows, gapCols } = fit;

  const subCols = Int32Array.from(cap, (k) => Math.max(1, Math.ceil(k / rows)));
  let usedCols = gapCols * Math.max(0, columns - 1);
  for (let c = 0; c < columns; c++) usedCols += subCols[c];
  // When the nodes leave width over (a short panel caps the pitch), the columns spread across it, each
  // centred in an equal share of the spare width, so the levels stay apart instead of huddling mid-panel.
  const spread = Math.max(0, box.width - usedCols * pitch) / columns;
  let x0 = box.left + spread / 2;
  const colLeft = new Float32Array(columns);
  const colRight = new Float32Array(columns);
  for (let c = 0; c < columns; c++) {
    colLeft[c] = x0;
    colRight[c] = x0 + subCols[c] * pitch;
    x0 = colRight[c] + gapCols * pitch + spread;
  }
  const laneTop = new Float32Array(lanes);
  const laneBottom = new Float32Array(lanes);
  for (let l = 0; l < lanes; l++) {
    const shard = Math.floor(l / model.workersPerShard);
    laneTop[l] = box.top + l * laneHeight + shard * SHARD_GAP;
    laneBottom[l] = laneTop[l] + laneHeight;
  }

  // Place each cell's transactions in block order, centred in their column and lane.
  const x = new Float32Array(txs);
  const y = new Float32Array(txs);
  const seen = new Int32Array(count.length);
  for (let t = 0; t < txs; t++) {
    const c = column[t];
    const l = lane[t];
    const cell = c * lanes + l;
    const k = count[cell];
    const j = seen[cell]++;
    const inRows = Math.min(k, rows);
    const inCols = Math.ceil(k / rows);
    const sub = Math.floor(j / rows);
    const row = j % rows;
    // The last sub-column may hold fewer nodes: centre it on its own.
    const rowsHere = sub === inCols - 1 ? k - sub * rows : inRows;
    const left = (colLeft[c] + colRight[c]) / 2 - (inCols * pitch) / 2;
    const mid = (laneTop[l] + laneBottom[l]) / 2;
    x[t] = left + (sub + 0.5) * pitch;
    y[t] = mid + (row - (rowsHere - 1) / 2) * pitch;
  }
  return {
    pitch,
    r: Math.max(0.5, pitch * 0.38),
    x,
    y,
    colLeft,
    colRight,
    laneTop,
    laneBottom,
    ...buckets(x, y, box, pitch),
    box,
    view,
  };
}

/** The largest pitch whose layout fits: found by bisection (the width needed grows with the pitch). */
function chooseFit(cap: Int32Array, laneHeight: number, width: number, maxPitch: number): Fit {
  const widthAt = (pitch: number, gapCols: number): number => {
    const rows = Math.floor(laneHeight / pitch);
    if (rows < 1) return Number.POSITIVE_INFINITY;
    let cols = gapCols * Math.max(0, cap.length - 1);
    for (let c = 0; c < cap.length; c++) cols += Math.max(1, Math.ceil(cap[c] / rows));
    return cols * pitch;
  };
  const best = (gapCols: number): number => {
    let lo = MIN_PITCH;
    let hi = Math.min(maxPitch, Math.max(MIN_PITCH, laneHeight));
    if (widthAt(hi, gapCols) <= width) return hi;
    for (let i = 0; i < 30; i++) {
      const mid = (lo + hi) / 2;
      if (widthAt(mid, gapCols) <= width) lo = mid;
      else hi = mid;
    }
    return lo;
  };
  // A blank column between levels reads best, unless it costs much of the node size.
  const spaced = best(1);
  const packed = best(0);
  const gapCols = spaced >= packed * 0.75 ? 1 : 0;
  const pitch = gapCols ? spaced : packed;
  return { pitch, rows: Math.max(1, Math.floor(laneHeight / pitch)), gapCols };
}

/** Hit-test buckets: pitch-sized, at least 6 px, and at most 512 × 256 of them over a zoomed drawing. */
const bucketSize = (box: Box, pitch: number): number => Math.max(pitch, 6, box.width / 512, box.height / 256);

function buckets(x: Float32Array, y: Float32Array, box: Box, pitch: number) {
  const size = bucketSize(box, pitch);
  const bucketCols = Math.max(1, Math.ceil(box.width / size) + 1);
  const bucketRows = Math.max(1, Math.ceil(box.height / size) + 1);
  const n = x.length;
  const at = new Int32Array(n);
  const bucketStart = new Int32Array(bucketCols * bucketRows + 1);
  for (let t = 0; t < n; t++) {
    const bx = Math.min(bucketCols - 1, Math.max(0, Math.floor((x[t] - box.left) / size)));
    const by = Math.min(bucketRows - 1, Math.max(0, Math.floor((y[t] - box.top) / size)));
    at[t] = by * bucketCols + bx;
    bucketStart[at[t] + 1]++;
  }
  for (let b = 0; b < bucketCols * bucketRows; b++) bucketStart[b + 1] += bucketStart[b];
  const fill = bucketStart.slice(0, bucketCols * bucketRows);
  const bucketTx = new Int32Array(n);
  for (let t = 0; t < n; t++) bucketTx[fill[at[t]]++] = t;
  return { bucketStart, bucketTx, bucketCols, bucketRows };
}

/** The transaction nearest to (px, py) within reach of a node, or -1. */
export function nodeAt(layout: GraphLayout, px: number, py: number): number {
  const { box, bucketCols, bucketRows, bucketStart, bucketTx, x, y } = layout;
  const { view } = layout;
  const reach = Math.max(layout.pitch * 0.75, 5);
  // Zoomed in, nodes off the plot are not on screen.
  const off = (p: number, lo: number, size: number): boolean => p < lo - reach || p > lo + size + reach;
  if (off(px, view.left, view.width) || off(py, view.top, view.height)) return -1;
  const size = bucketSize(box, layout.pitch);
  const bx = Math.floor((px - box.left) / size);
  const by = Math.floor((py - box.top) / size);
  let best = -1;
  let bestD = reach * reach;
  for (let j = by - 1; j <= by + 1; j++) {
    if (j < 0 || j >= bucketRows) continue;
    for (let i = bx - 1; i <= bx + 1; i++) {
      if (i < 0 || i >= bucketCols) continue;
      const b = j * bucketCols + i;
      for (let k = bucketStart[b]; k < bucketStart[b + 1]; k++) {
        const t = bucketTx[k];
        const d = (x[t] - px) ** 2 + (y[t] - py) ** 2;
        if (d <= bestD) {
          bestD = d;
          best = t;
        }
      }
    }
  }
  return best;
}
