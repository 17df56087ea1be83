/**
 * Moves of the lanes' time window, as in Perfetto: zoom in or out about a run time (the playhead for the
 * keys, the pointer for the wheel), pan by a share of the window. Every view draws from the viewport.
 */
import { playback, viewport } from "../../app/page";
import { panWindow, zoomWindow } from "../../app/viewport";
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

export function runZoomAction(action: ZoomAction): void {
  if (action === "zoomIn") zoomLanes(ZOOM_STEP);
  else if (action === "zoomOut") zoomLanes(1 / ZOOM_STEP);
  else panLanes(action === "panLeft" ? -PAN_STEP : PAN_STEP);
}
