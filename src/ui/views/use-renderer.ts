/**
 * Hooks a D3/canvas renderer to its container: React owns the container, the renderer its inside. When the
 * playhead, the selection, the hover, the panel size or the colour scheme change, the renderer asks the
 * frame loop for a frame and draws in it, once per frame at most; drawing happens outside React, so playing
 * a run re-renders no component. A new renderer is first sized and drawn in a frame of its own (the frame
 * loop's first draws), not in the task that rendered the run's components.
 */
import { type RefObject, useEffect, useRef } from "react";
import { playback, viewport } from "../../app/page";
import type { PlaybackState } from "../../app/playback";
import type { ViewportState } from "../../app/viewport";
import { frameLoop } from "../frame-loop";
import { onMediaChange, prefersReducedMotion } from "../playback/media";
import { type Palette, readPalette } from "./palette";

export interface Frame {
  readonly time: number;
  readonly end: number;
  readonly speed: number;
  readonly selectedTx: number | null;
  readonly hoverTx: number | null;
  /** prefers-reduced-motion: no flashes. */
  readonly reducedMotion: boolean;
  readonly palette: Palette;
  /** The part of the run shown (the lanes' window, the graph's zoom, the transactions named on screen). */
  readonly view: ViewportState;
}

export interface Renderer {
  resize(width: number, height: number): void;
  draw(frame: Frame): void;
  destroy?(): void;
}

const frameOf = (s: PlaybackState, palette: Palette, reducedMotion: boolean): Frame => ({
  time: s.time,
  end: s.end,
  speed: s.speed,
  selectedTx: s.selectedTx,
  hoverTx: s.hoverTx,
  reducedMotion,
  palette,
  view: viewport.getState(),
});

/**
 * Creates the renderer when `data` changes (a new run's model) and keeps it drawn. Returns a ref to the
 * live renderer and a function that redraws it (after a change only the component knows of, a toggle).
 */
export function useRenderer<R extends Renderer>(
  box: RefObject<HTMLElement | null>,
  create: () => R | null,
  data: unknown,
): { renderer: RefObject<R | null>; redraw: () => void } {
  const renderer = useRef<R | null>(null);
  const redrawRef = useRef<() => void>(() => {});
  // biome-ignore lint/correctness/useExhaustiveDependencies: `create` closes over `data`: only data re-creates.
  useEffect(() => {
    const el = box.current;
    const r = create();
    if (!el || !r) return;
    renderer.current = r;
    let palette = readPalette();
    let reduced = prefersReducedMotion();
    let sized = false;
    let size = { width: 0, height: 0 };
    const paint = (): void => {
      if (sized) r.draw(frameOf(playback.getState(), palette, reduced));
    };
    const draw = (): void => frameLoop.requestDraw(paint);
    redrawRef.current = draw;
    const resize = (): void => {
      const { width, height } = el.getBoundingClientRect();
      if (width < 1 || height < 1) return;
      // The observer's first report repeats the size the first draw measured: nothing to lay out again.
      if (sized && width === size.width && height === size.height) return;
      size = { width, height };
      r.resize(width, height);
      sized = true;
      // Drawn at once: a resized canvas is blank until drawn.
      paint();
    };
    const observer = new ResizeObserver(resize);
    const first = (): void => {
      observer.observe(el);
      resize();
    };
    frameLoop.requestFirstDraw(first);
    const unsubscribe = playback.subscribe((s, prev) => {
      if (
        s.time !== prev.time ||
        s.log !== prev.log ||
        s.speed !== prev.speed ||
        s.selectedTx !== prev.selectedTx ||
        s.hoverTx !== prev.hoverTx
      ) {
        draw();
      }
    });
    const offView = viewport.subscribe(draw);
    const offMedia = onMediaChange(() => {
      palette = readPalette();
      reduced = prefersReducedMotion();
      draw();
    });
    return () => {
      observer.disconnect();
      unsubscribe();
      offView();
      offMedia();
      frameLoop.drop(first);
      frameLoop.drop(paint);
      r.destroy?.();
      renderer.current = null;
      redrawRef.current = () => {};
    };
  }, [data]);
  return { renderer, redraw: () => redrawRef.current() };
}
