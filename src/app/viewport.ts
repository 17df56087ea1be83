/**
 * What part of the run the views show, as Perfetto's viewport: the lanes' time window (shared by both
 * sides of a compare: one clock), a selected time range, the graph's zoom, the transactions drawn with
 * their numbers wherever they are (those a chapter names), and the presenter's blank screen. Every view
 * draws from this and the playhead; zoom and pan are pure functions of it.
 */
import { createStore, type StoreApi } from "zustand/vanilla";
import type { TimeSpan } from "../engine/analysis/chapter-frame";

export type { TimeSpan };

/** The graph's zoom: k >= 1 times the fitted size, centred on (cx, cy), shares of the whole drawing. */
export interface GraphView {
  readonly k: number;
  readonly cx: number;
  readonly cy: number;
}

/** Which view the zoom and pan keys move: the one the pointer was last over. */
export type ZoomTarget = "lanes" | "graph";

export interface ViewportState {
  /** The lanes' time window, run microseconds; null: the whole run. */
  readonly window: TimeSpan | null;
  /** A time range selected on the lanes, whose figures show; null: none. */
  readonly range: TimeSpan | null;
  /** The graph's zoom; null: the whole graph. */
  readonly graph: GraphView | null;
  /** Transactions the graph frames (its renderer zooms so they are large enough to read); null: none. */
  readonly graphFit: readonly number[] | null;
  /** Transactions drawn with their numbers wherever they are, in block order. */
  readonly named: readonly number[];
  readonly target: ZoomTarget;
  /** The presenter blanked the screen (a clicker's "b" or "."). */
  readonly blank: boolean;
}

export const WHOLE_VIEW: Pick<ViewportState, "window" | "range" | "graph" | "graphFit" | "named"> = {
  window: null,
  range: null,
  graph: null,
  graphFit: null,
  named: [],
};

/** The whole run, nothing named, the screen on: where a page starts (and what a live run draws). */
export const FULL_VIEW: ViewportState = { ...WHOLE_VIEW, target: "lanes", blank: false };

export function createViewport(): StoreApi<ViewportState> {
  return createStore<ViewportState>()(() => FULL_VIEW);
}

/** The narrowest window, as a share of the run: a millionth (a 10 s run shows 10 µs). */
const MIN_WINDOW_SHARE = 1e-6;
/** Nor narrower than this many run microseconds. */
const MIN_WINDOW_US = 0.05;
/** The graph zooms in up to this many times its fitted size. */
export const MAX_GRAPH_ZOOM = 64;

/** The window shown: the given one clamped into [0, end], or the whole run. */
export function shownWindow(window: TimeSpan | null, end: number): TimeSpan {
  if (!window || end <= 0) return { from: 0, to: Math.max(end, 0) };
  const min = Math.min(end, Math.max(end * MIN_WINDOW_SHARE, MIN_WINDOW_US));
  const width = Math.min(end, Math.max(min, window.to - window.from));
  const from = Math.min(end - width, Math.max(0, window.from));
  return { from, to: from + width };
}

/**
 * The window zoomed by `factor` (below 1: in) about run time `anchor`, which stays where it is on screen.
 * Null when it is the whole run again.
 */
export function zoomWindow(
  window: TimeSpan | null,
  end: number,
  factor: number,
  anchor: number,
): TimeSpan | null {
  const w = shownWindow(window, end);
  const a = Math.min(w.to, Math.max(w.from, anchor));
  const next = shownWindow({ from: a - (a - w.from) * factor, to: a + (w.to - a) * factor }, end);
  return next.from <= 0 && next.to >= end ? null : next;
}

/** The window moved by `by` of its width (negative: earlier), stopping at the run's ends. */
export function panWindow(window: TimeSpan | null, end: number, by: number): TimeSpan | null {
  if (!window) return null;
  const w = shownWindow(window, end);
  const d = (w.to - w.from) * by;
  return shownWindow({ from: w.from + d, to: w.to + d }, end);
}

/** A zoom's centre kept where the view stays inside the drawing (k times the plot). */
export const clampCentre = (c: number, k: number): number => Math.min(1 - 0.5 / k, Math.max(0.5 / k, c));

/** The graph zoomed by `factor` (above 1: in) about the point (ax, ay), shares of the whole drawing. */
export function zoomGraph(view: GraphView | null, factor: number, ax = 0.5, ay = 0.5): GraphView | null {
  const v = view ?? { k: 1, cx: 0.5, cy: 0.5 };
  const k = Math.min(MAX_GRAPH_ZOOM, Math.max(1, v.k * factor));
  if (k <= 1) return null;
  // The anchor keeps its place on screen: its offset from the centre shrinks by the zoom.
  const s = v.k / k;
  return { k, cx: clampCentre(ax - (ax - v.cx) * s, k), cy: clampCentre(ay - (ay - v.cy) * s, k) };
}

/** The graph moved by (dx, dy) of its visible width and height. */
export function panGraph(view: GraphView | null, dx: number, dy: number): GraphView | null {
  if (!view) return null;
  return {
    k: view.k,
    cx: clampCentre(view.cx + dx / view.k, view.k),
    cy: clampCentre(view.cy + dy / view.k, view.k),
  };
}
