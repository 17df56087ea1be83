/**
 * Places text boxes so that no two overlap: each label tries its candidate spots in order and takes the
 * first free one inside the drawing, or is dropped (and counted). Boxes are kept in a grid of cells so a
 * check looks only at its neighbours.
 */
import type { Box } from "./graph-layout";

export interface Rect {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

const CELL = 48;

export const overlaps = (a: Rect, b: Rect): boolean =>
  a.x0 < b.x1 && a.x1 > b.x0 && a.y0 < b.y1 && a.y1 > b.y0;

export class LabelPlacer {
  private readonly grid = new Map<number, Rect[]>();
  dropped = 0;

  constructor(private readonly within: Box) {}

  private cells(r: Rect, fn: (key: number) => boolean | undefined): boolean {
    for (let cy = Math.floor(r.y0 / CELL); cy <= Math.floor(r.y1 / CELL); cy++)
      for (let cx = Math.floor(r.x0 / CELL); cx <= Math.floor(r.x1 / CELL); cx++)
        if (fn(cy * 100_003 + cx)) return true;
    return false;
  }

  /** Whether `r` lies inside the drawing and touches no placed box. */
  free(r: Rect): boolean {
    const w = this.within;
    if (r.x0 < w.left || r.y0 < w.top || r.x1 > w.left + w.width || r.y1 > w.top + w.height) return false;
    return !this.cells(r, (key) => this.grid.get(key)?.some((b) => overlaps(b, r)));
  }

  /** Takes `r` (a box placed whatever is there: the caller checked it, or reserved it). */
  take(r: Rect): void {
    this.cells(r, (key) => {
      const list = this.grid.get(key);
      if (list) list.push(r);
      else this.grid.set(key, [r]);
      return undefined;
    });
  }

  /** The first free candidate, taken; or null (the label is dropped and counted). */
  place(candidates: readonly Rect[]): Rect | null {
    for (const r of candidates)
      if (this.free(r)) {
        this.take(r);
        return r;
      }
    this.dropped++;
    return null;
  }
}

/** A box of size w × h centred on (x, y). */
export const centred = (x: number, y: number, w: number, h: number): Rect => ({
  x0: x - w / 2,
  y0: y - h / 2,
  x1: x + w / 2,
  y1: y + h / 2,
});
