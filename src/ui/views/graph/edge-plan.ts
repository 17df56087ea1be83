/**
 * What the graph draws of its edges and nodes, from the run and the size of the drawing: each edge as a
 * line while they stay legible, else bands between levels (one per pair of levels, as thick as its count),
 * with the hovered and selected transactions' edges always drawn in full on top; nodes one by one while
 * they are big enough to see, else the density of each level (transactions per cell, by state).
 */
import { formatInt, plural } from "../../format";
import type { Box, GraphLayout } from "./graph-layout";
import type { GraphModel } from "./graph-model";

/**
 * An edge per 40×40 px square of the drawing at most: past that, lines cross faster than the eye can follow
 * one (at 1280×720 the graph panel's ~1,200×250 px plot draws 187 edges one by one; a phone's ~340×200, 42).
 */
export const EDGE_AREA_PX = 40 * 40;
/** Below this node radius a node is under 4 px across: one by one they would only be texture. */
export const DENSITY_RADIUS = 2;

/** How many edges the drawing `view` holds legibly. */
export function legibleEdges(view: Box): number {
  return Math.max(1, Math.floor((view.width * view.height) / EDGE_AREA_PX));
}

/** The edges from one level to another, drawn as one band from its writers' mean height to its readers'. */
export interface Band {
  readonly from: number;
  readonly to: number;
  readonly count: number;
  readonly y0: number;
  readonly y1: number;
}

export interface EdgePlan {
  readonly mode: "each" | "bundled";
  /** Every edge of the run. */
  readonly total: number;
  /** Edges with an end in the drawing (zoomed in, the others are off screen). */
  readonly visible: number;
  /** Most edges drawn one by one (legibleEdges of the drawing). */
  readonly limit: number;
  /** Level-to-level bands (bundled only), the biggest first. */
  readonly bands: readonly Band[];
  /** Nodes drawn as the density of each level instead of one by one. */
  readonly density: boolean;
}

const inside = (g: GraphLayout, t: number): boolean =>
  g.x[t] >= g.view.left &&
  g.x[t] <= g.view.left + g.view.width &&
  g.y[t] >= g.view.top &&
  g.y[t] <= g.view.top + g.view.height;

export function planEdges(model: GraphModel, g: GraphLayout): EdgePlan {
  const total = model.edgeFrom.length;
  let visible = 0;
  for (let e = 0; e < total; e++) if (inside(g, model.edgeFrom[e]) || inside(g, model.edgeTo[e])) visible++;
  const limit = legibleEdges(g.view);
  const density = g.r < DENSITY_RADIUS;
  if (visible <= limit) return { mode: "each", total, visible, limit, bands: [], density };
  return { mode: "bundled", total, visible, limit, bands: bandsOf(model, g), density };
}

/** The edges aggregated by (writer's level, reader's level). */
export function bandsOf(model: GraphModel, g: GraphLayout): Band[] {
  const byPair = new Map<number, { count: number; y0: number; y1: number }>();
  const cols = model.columns;
  for (let e = 0; e < model.edgeFrom.length; e++) {
    const a = model.edgeFrom[e];
    const b = model.edgeTo[e];
    const key = model.column[a] * cols + model.column[b];
    const band = byPair.get(key) ?? { count: 0, y0: 0, y1: 0 };
    band.count++;
    band.y0 += g.y[a];
    band.y1 += g.y[b];
    byPair.set(key, band);
  }
  return [...byPair]
    .map(([key, b]) => ({
      from: Math.floor(key / cols),
      to: key % cols,
      count: b.count,
      y0: b.y0 / b.count,
      y1: b.y1 / b.count,
    }))
    .sort((p, q) => q.count - p.count || p.from - q.from || p.to - q.to);
}

/** A band runs from the right of its writers' column to the left of its readers'. */
export function bandEnds(g: GraphLayout, b: Band): [number, number, number, number] {
  return [g.colRight[b.from], b.y0, g.colLeft[b.to], b.y1];
}

/**
 * The point at `t` (0 to 1) along a band as drawn: a cubic curve leaving its writers' column level and
 * arriving level at its readers', its two control points half way across.
 */
export function bandPoint(g: GraphLayout, b: Band, t: number): [number, number] {
  const [x0, y0, x1, y1] = bandEnds(g, b);
  const mid = (x0 + x1) / 2;
  const u = 1 - t;
  const a = u * u * u;
  const c = 3 * u * u * t;
  const d = 3 * u * t * t;
  const e = t * t * t;
  return [a * x0 + (c + d) * mid + e * x1, (a + c) * y0 + (d + e) * y1];
}

/** Who the edges drawn in full belong to, in the note's words. */
function focusWords(selected: boolean, hovered: boolean): string {
  if (selected && hovered) return "the selected and hovered transactions' drawn in full";
  if (selected) return "the selected transaction's drawn in full";
  if (hovered) return "the hovered transaction's drawn in full";
  return "point at a transaction to draw its own";
}

/** The panel note: what the drawing shows of the run's edges and nodes. */
export function edgeNote(
  plan: EdgePlan,
  model: GraphModel,
  focus: { readonly selected: boolean; readonly hovered: boolean },
): string {
  const parts: string[] = [];
  if (plan.total === 0) parts.push("no dependencies");
  else if (plan.mode === "each") parts.push(`${plural(plan.visible, "edge")} drawn`);
  else
    parts.push(
      `edges bundled by level: ${formatInt(plan.total)} edges in ${plural(plan.bands.length, "band")}, labelled with their edge counts; ${focusWords(focus.selected, focus.hovered)}`,
    );
  if (plan.density) parts.push(`${formatInt(model.txs)} nodes as density per level`);
  return parts.join(" · ");
}
