/**
 * Canvas drawing of the graph: the static base (shading, labels, dependency edges) and the node layer,
 * redrawn at every playhead move. Nodes are batched by glyph layer: one path and one fill per layer and
 * state, so 10,000 nodes cost a few dozen draw calls.
 */
import { type TxStates, TxStatus } from "../../../engine/analysis/tx-state";
import { canvasFont } from "../canvas";
import type { Palette, Role } from "../palette";
import { type Band, bandEnds, DENSITY_RADIUS, type EdgePlan } from "./edge-plan";
import { type GlyphSprites, stamp } from "./glyph-sprites";
import { GLYPHS } from "./glyphs";
import type { LabelKind, LabelPlan } from "./graph-labels";
import type { GraphLayout } from "./graph-layout";
import type { GraphModel } from "./graph-model";

export function drawBase(
  ctx: CanvasRenderingContext2D,
  model: GraphModel,
  g: GraphLayout,
  plan: EdgePlan,
  palette: Palette,
  textPx = 11,
): void {
  const { box, view } = g;
  drawAxisLabels(ctx, model, g, palette, textPx);
  ctx.save();
  ctx.beginPath();
  ctx.rect(view.left, view.top, view.width, view.height);
  ctx.clip();
  // Alternate shading tells the columns apart without spending width on gaps.
  const colWidth = model.columns > 0 ? (g.colRight[model.columns - 1] - g.colLeft[0]) / model.columns : 0;
  if (colWidth >= 4) {
    ctx.fillStyle = palette["surface-2"];
    for (let c = 1; c < model.columns; c += 2)
      ctx.fillRect(g.colLeft[c], box.top, g.colRight[c] - g.colLeft[c], box.height);
  }
  // Lane separators, and a heavier line between shards.
  ctx.strokeStyle = palette.border;
  for (let l = 1; l < model.lanes; l++) {
    const shardEdge = l % model.workersPerShard === 0;
    const y = shardEdge ? (g.laneBottom[l - 1] + g.laneTop[l]) / 2 : g.laneTop[l];
    ctx.globalAlpha = shardEdge ? 1 : 0.45;
    ctx.lineWidth = shardEdge ? 1.5 : 1;
    ctx.beginPath();
    ctx.moveTo(view.left, Math.round(y) + 0.5);
    ctx.lineTo(view.left + view.width, Math.round(y) + 0.5);
    ctx.stroke();
  }
  ctx.globalAlpha = 1;
  if (plan.mode === "each") drawEdges(ctx, model, g, palette);
  else drawBands(ctx, g, plan.bands, palette);
  ctx.restore();
}

/** Worker and shard names down the left, level numbers along the top: those whose lane or column is on screen. */
function drawAxisLabels(
  ctx: CanvasRenderingContext2D,
  model: GraphModel,
  g: GraphLayout,
  palette: Palette,
  textPx: number,
): void {
  const { view } = g;
  const onRows = (y: number): boolean => y >= view.top && y <= view.top + view.height;
  ctx.font = canvasFont(textPx);
  ctx.fillStyle = palette.muted;
  ctx.textBaseline = "middle";
  ctx.textAlign = "right";
  const laneHeight = g.laneBottom[0] - g.laneTop[0];
  const sharded = model.shards > 1;
  const laneEvery = Math.max(1, Math.ceil((textPx + 1) / laneHeight));
  for (let l = 0; l < model.lanes; l += laneEvery) {
    const y = (g.laneTop[l] + g.laneBottom[l]) / 2;
    if (onRows(y)) ctx.fillText(`w${l % model.workersPerShard}`, view.left - 6, y);
  }
  if (sharded) {
    ctx.textAlign = "left";
    ctx.fillStyle = palette.xshard;
    const shardEvery = Math.max(1, Math.ceil((textPx + 1) / (laneHeight * model.workersPerShard)));
    for (let s = 0; s < model.shards; s += shardEvery) {
      const first = s * model.workersPerShard;
      const last = Math.min(model.lanes, first + model.workersPerShard) - 1;
      const y = (g.laneTop[first] + g.laneBottom[last]) / 2;
      if (onRows(y)) ctx.fillText(`S${s}`, 2, y);
    }
  }
  // Column numbers along the top, skipping any that would touch the previous one or leave the plot.
  ctx.fillStyle = palette.muted;
  ctx.textAlign = "center";
  ctx.textBaseline = "alphabetic";
  let free = view.left;
  for (let c = 0; c < model.columns; c++) {
    const text = String(c);
    const half = ctx.measureText(text).width / 2;
    const x = (g.colLeft[c] + g.colRight[c]) / 2;
    if (x - half < free || x + half > view.left + view.width) continue;
    ctx.fillText(text, x, view.top - 5);
    free = x + half + 8;
  }
}

/** Every edge as a line (there are few enough to follow). */
function drawEdges(ctx: CanvasRenderingContext2D, model: GraphModel, g: GraphLayout, palette: Palette): void {
  const m = model.edgeFrom.length;
  if (m === 0) return;
  ctx.strokeStyle = palette.muted;
  ctx.globalAlpha = 0.4;
  ctx.lineWidth = g.pitch < 4 ? 0.5 : 0.8;
  ctx.beginPath();
  for (let e = 0; e < m; e++) {
    const a = model.edgeFrom[e];
    const b = model.edgeTo[e];
    ctx.moveTo(g.x[a], g.y[a]);
    ctx.lineTo(g.x[b], g.y[b]);
  }
  ctx.stroke();
  ctx.globalAlpha = 1;
}

/** The thickest band, in CSS pixels; a band's width is its share of the biggest band's count. */
const BAND_MAX_PX = 10;

/** One band per pair of levels, from the writers' level to the readers', as thick as its edge count. */
function drawBands(
  ctx: CanvasRenderingContext2D,
  g: GraphLayout,
  bands: readonly Band[],
  palette: Palette,
): void {
  if (bands.length === 0) return;
  const most = bands[0].count;
  ctx.strokeStyle = palette.muted;
  ctx.globalAlpha = 0.35;
  ctx.lineCap = "round";
  // Thinnest last, so a thin band stays visible over a thick one.
  for (const b of bands) {
    const [x0, y0, x1, y1] = bandEnds(g, b);
    const mid = (x0 + x1) / 2;
    ctx.lineWidth = Math.max(1, (BAND_MAX_PX * b.count) / most);
    ctx.beginPath();
    ctx.moveTo(x0, y0);
    ctx.bezierCurveTo(mid, y0, mid, y1, x1, y1);
    ctx.stroke();
  }
  ctx.lineCap = "butt";
  ctx.globalAlpha = 1;
}

export interface NodeFrame {
  /** Text size in CSS pixels (talk mode: larger). */
  readonly textPx: number;
  /** Transactions labelled wherever they are (those the caption names). */
  readonly named: readonly number[];
  readonly time: number;
  /** How long an abort stays on screen, in run microseconds. */
  readonly flashUs: number;
  /** No halo animation (prefers-reduced-motion). */
  readonly still: boolean;
}

/** The glyph a node shows: an abort stays visible for the flash window even once re-execution starts. */
export function shownStatus(states: TxStates, tx: number, f: NodeFrame): number {
  const since = f.time - states.abortAt[tx];
  return since >= 0 && since < f.flashUs ? TxStatus.Aborted : states.status[tx];
}

/** Per-frame buckets of transactions by the glyph they show. */
export class NodeBuckets {
  private readonly members: Int32Array;
  private readonly shown: Uint8Array;
  private readonly start = new Int32Array(Object.keys(GLYPHS).length + 1);
  constructor(txs: number) {
    this.members = new Int32Array(txs);
    this.shown = new Uint8Array(txs);
  }
  fill(states: TxStates, f: NodeFrame): void {
    const n = this.members.length;
    const kinds = this.start.length - 1;
    const shown = this.shown;
    this.start.fill(0);
    for (let t = 0; t < n; t++) {
      shown[t] = shownStatus(states, t, f);
      this.start[shown[t] + 1]++;
    }
    for (let k = 0; k < kinds; k++) this.start[k + 1] += this.start[k];
    const at = this.start.slice(0, kinds);
    for (let t = 0; t < n; t++) this.members[at[shown[t]]++] = t;
  }
  forEach(kind: number, fn: (tx: number) => void): void {
    for (let i = this.start[kind]; i < this.start[kind + 1]; i++) fn(this.members[i]);
  }
  count(kind: number): number {
    return this.start[kind + 1] - this.start[kind];
  }
}

export function drawNodes(
  ctx: CanvasRenderingContext2D,
  model: GraphModel,
  g: GraphLayout,
  states: TxStates,
  buckets: NodeBuckets,
  sprites: GlyphSprites,
  f: NodeFrame,
  palette: Palette,
): void {
  buckets.fill(states, f);
  const r = g.r;
  const kinds = Object.entries(GLYPHS);
  const { view } = g;
  ctx.save();
  ctx.beginPath();
  ctx.rect(view.left, view.top, view.width, view.height);
  ctx.clip();
  if (r < DENSITY_RADIUS) drawDensity(ctx, model, g, buckets, palette);
  else {
    const dpr = ctx.getTransform().a;
    sprites.update(r, palette, dpr);
    for (const [kindKey] of kinds) {
      const sprite = sprites.of(Number(kindKey));
      if (sprite) buckets.forEach(Number(kindKey), (t) => stamp(ctx, sprite, g.x[t], g.y[t], dpr));
    }
    const ring = sprites.crossShard;
    if (ring)
      for (let t = 0; t < model.txs; t++) if (model.crossShard[t]) stamp(ctx, ring, g.x[t], g.y[t], dpr);
  }
  if (!f.still) drawFlashes(ctx, g, states, f, palette);
  ctx.restore();
}

/**
 * Too many nodes to draw singly: each (level, worker) cell shows a bar as tall as its share of the fullest
 * cell, split by the states its transactions are in (pending fainter).
 */
function drawDensity(
  ctx: CanvasRenderingContext2D,
  model: GraphModel,
  g: GraphLayout,
  buckets: NodeBuckets,
  palette: Palette,
): void {
  const kinds = Object.entries(GLYPHS).map(([k, glyph]) => [Number(k), glyph] as const);
  const cells = model.columns * model.lanes;
  const total = new Int32Array(cells);
  const byKind = kinds.map(([kind]) => {
    const n = new Int32Array(cells);
    buckets.forEach(kind, (t) => {
      const cell = model.column[t] * model.lanes + model.lane[t];
      n[cell]++;
      total[cell]++;
    });
    return n;
  });
  let most = 1;
  for (let c = 0; c < cells; c++) if (total[c] > most) most = total[c];
  const stacked = new Float32Array(cells);
  kinds.forEach(([kind, glyph], k) => {
    ctx.fillStyle = palette[glyph.layers[0].role];
    ctx.globalAlpha = kind === TxStatus.Pending ? 0.45 : 1;
    const n = byKind[k];
    for (let cell = 0; cell < cells; cell++) {
      if (n[cell] === 0) continue;
      const col = Math.floor(cell / model.lanes);
      const lane = cell % model.lanes;
      const h = Math.max(1, (g.laneBottom[lane] - g.laneTop[lane] - 2) * (n[cell] / most));
      const bottom = g.laneBottom[lane] - 1 - stacked[cell];
      ctx.fillRect(g.colLeft[col], bottom - h, Math.max(1, g.colRight[col] - g.colLeft[col]), h);
      stacked[cell] += h;
    }
  });
  ctx.globalAlpha = 1;
}

const LABEL_INK: Record<LabelKind, Role> = {
  selected: "text",
  hover: "text",
  abort: "abort",
  wait: "wait",
  named: "text",
  number: "text",
  badge: "text",
  band: "muted",
  hidden: "muted",
};

/** Draws the placed labels (graph-labels.ts placed them so that none overlap). */
export function drawLabels(ctx: CanvasRenderingContext2D, plan: LabelPlan, palette: Palette): void {
  ctx.textAlign = "center";
  ctx.textBaseline = "middle";
  ctx.lineJoin = "round";
  ctx.lineWidth = 3;
  for (const l of plan.labels) {
    ctx.font = canvasFont(l.px, l.kind === "badge" || l.kind === "band" || l.kind === "hidden" ? 600 : 700);
    // Inside a node the text sits on the state's colour: white on a dark halo reads on every one.
    ctx.strokeStyle = l.inside ? "rgb(0 0 0 / 0.55)" : palette.surface;
    ctx.fillStyle = l.inside ? "#fff" : palette[LABEL_INK[l.kind]];
    const x = (l.box.x0 + l.box.x1) / 2;
    const y = (l.box.y0 + l.box.y1) / 2;
    ctx.strokeText(l.text, x, y);
    ctx.fillText(l.text, x, y);
  }
}

/** A red ring that grows and fades over the flash window after each abort. */
function drawFlashes(
  ctx: CanvasRenderingContext2D,
  g: GraphLayout,
  states: TxStates,
  f: NodeFrame,
  palette: Palette,
): void {
  ctx.strokeStyle = palette.abort;
  ctx.lineWidth = Math.max(1.5, g.r * 0.35);
  const base = Math.max(g.r, 2.5);
  for (let t = 0; t < states.txs; t++) {
    const since = f.time - states.abortAt[t];
    if (!(since >= 0 && since < f.flashUs)) continue;
    const k = since / f.flashUs;
    ctx.globalAlpha = 1 - k;
    ctx.beginPath();
    ctx.arc(g.x[t], g.y[t], base * (1.5 + 1.5 * k), 0, Math.PI * 2);
    ctx.stroke();
  }
  ctx.globalAlpha = 1;
}
