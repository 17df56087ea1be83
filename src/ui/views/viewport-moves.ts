/**
 * Moves of the viewport, as in Perfetto: zoom in or out about a point (the playhead or the graph's middle
 * for the keys, the pointer for the wheel), pan by a share of what is shown, back to the whole. The keys
 * move the view the pointer was last over (the lanes' time window, or the graph). Every view draws from
 * the viewport.
 */
import { playback, viewport } from "../../app/page";
import { type GraphView, panGraph, panWindow, zoomGraph, zoomWindow } from "../../app/viewport";
import type { ZoomAction } from "../playback/keys";

/** One key press zooms by this factor. */
const ZOOM_STEP = 0.6;
/** One key press pans by this share of the window. */
const PAN_STEP = 0.25;

export function zoomLanes(factor: number, anchor?: number): void {
  const { end, time } = playback.getState();
  const { window } = viewport.getState();
  viewport.setState({ window: zoomWindow(window, end, factor, anchor ?? time) });
}

export function panLanes(by: number): void {
  const { end } = playback.getState();
  viewport.setState({ window: panWindow(viewport.getState().window, end, by) });
}

/**
 * The graph's zoom after a move from `from` (the zoom drawn now: the viewport's, or the one its renderer
 * chose to frame a chapter's or a found transaction); a move by hand ends the framing.
 */
export function moveGraph(next: (from: GraphView | null) => GraphView | null, from: GraphView | null): void {
  viewport.setState({ graph: next(from), graphFit: null });
}

/** The zoom the graph draws now, as its renderer reports it (set by the graph panel while mounted). */
export const graphZoom: { current: () => GraphView | null } = { current: () => viewport.getState().graph };

export function runZoomAction(action: ZoomAction): void {
  const { target } = viewport.getState();
  if (action === "reset") {
    viewport.setState(target === "graph" ? { graph: null, graphFit: null } : { window: null });
    return;
  }
  if (target === "graph") {
    const from = graphZoom.current();
    if (action === "zoomIn") moveGraph((v) => zoomGraph(v, 1 / ZOOM_STEP), from);
    else if (action === "zoomOut") moveGraph((v) => zoomGraph(v, ZOOM_STEP), from);
    else moveGraph((v) => panGraph(v, action === "panLeft" ? -PAN_STEP : PAN_STEP, 0), from);
    return;
  }
  if (action === "zoomIn") zoomLanes(ZOOM_STEP);
  else if (action === "zoomOut") zoomLanes(1 / ZOOM_STEP);
  else panLanes(action === "panLeft" ? -PAN_STEP : PAN_STEP);
}
