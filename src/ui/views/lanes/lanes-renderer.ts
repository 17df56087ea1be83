/** Draws one run's worker lanes on a canvas. */

import { shownWindow } from "../../../app/viewport";
import { canvasTextPx, fitCanvas } from "../canvas";
import type { Frame, Renderer } from "../use-renderer";
import { drawLanes, type LaneBusy, type LanesLayout, layoutLanes, makeHatch } from "./draw-lanes";
import { BarKind, barAt, type LaneBars } from "./lane-bars";

export interface BarHit {
  readonly bar: number;
  readonly lane: number;
  readonly now: number;
}

export class LanesRenderer implements Renderer {
  private layout: LanesLayout | null = null;
  private size = { width: 0, height: 0, textPx: 11 };
  private hatch: CanvasPattern | null = null;
  private hatchColor = "";
  private now = 0;
  private labelled = "";

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private bars: LaneBars,
    private readonly busyAt: LaneBusy,
    private readonly shards: number,
    private end: number,
  ) {}

  /** Draws these bars, up to `end`, from now on: a live run's lanes as they grow. */
  setBars(bars: LaneBars, end: number): void {
    this.bars = bars;
    this.end = end;
    this.layout = null;
  }

  resize(width: number, height: number): void {
    this.size = { width, height, textPx: canvasTextPx(this.canvas) };
    this.layout = null;
  }

  /**
   * The layout for the frame's window (kept while the window and the size stay). The axis runs to the
   * playhead's end: in a compare both sides share one clock, the later end.
   */
  private layoutFor(frame: Frame): LanesLayout {
    const w = shownWindow(frame.view.window, Math.max(this.end, frame.end));
    const L = this.layout;
    if (L && L.window.from === w.from && L.window.to === w.to) return L;
    const { width, height, textPx } = this.size;
    this.layout = layoutLanes(this.bars, this.shards, this.end, width, height, textPx, w);
    return this.layout;
  }

  draw(frame: Frame): void {
    if (this.size.width < 1) return;
    const L = this.layoutFor(frame);
    const ctx = fitCanvas(this.canvas, L.width, L.height);
    if (frame.palette.abort !== this.hatchColor) {
      this.hatch = makeHatch(ctx, frame.palette.abort);
      this.hatchColor = frame.palette.abort;
    }
    this.now = frame.time;
    const labelled = drawLanes(
      ctx,
      this.bars,
      this.busyAt,
      L,
      { ...frame, named: frame.view.named },
      frame.palette,
      this.hatch,
    );
    const range = frame.view.range;
    if (range) {
      // The selected range: a light band with edges, inside the plot.
      const x0 = Math.max(L.left, L.x(range.from));
      const x1 = Math.min(L.right, L.x(range.to));
      if (x1 > x0) {
        ctx.fillStyle = frame.palette.exec;
        ctx.globalAlpha = 0.12;
        ctx.fillRect(x0, L.top, x1 - x0, L.bottom - L.top);
        ctx.globalAlpha = 1;
        ctx.strokeStyle = frame.palette.exec;
        ctx.strokeRect(x0 + 0.5, L.top + 0.5, x1 - x0 - 1, L.bottom - L.top - 1);
      }
    }
    // The test hook: which transactions carry their numbers, and the time shown.
    const text = labelled.join(" ");
    if (text !== this.labelled) {
      this.labelled = text;
      this.canvas.dataset.labelledTx = text;
    }
    this.canvas.dataset.window = `${L.window.from} ${L.window.to}`;
  }

  /** The bar under a point (as drawn at the playhead), or null. */
  hit(x: number, y: number): BarHit | null {
    const L = this.layout;
    if (!L || x < L.left || x > L.right) return null;
    for (let lane = 0; lane < this.bars.lanes; lane++) {
      if (y < L.rowTop[lane] || y > L.rowTop[lane] + L.rowHeight) continue;
      // Three pixels of slack: validations can be thinner than a pixel.
      const slack = L.t(L.left + 3) - L.t(L.left);
      // The upper band holds executions, the lower one validations.
      const kind = y - L.rowTop[lane] < L.rowHeight * 0.72 ? BarKind.Execute : BarKind.Validate;
      const bar = barAt(this.bars, lane, L.t(x), this.now, slack, kind);
      return bar < 0 ? null : { bar, lane, now: this.now };
    }
    return null;
  }

  /** The run time at x on the lanes (for zooming about the pointer), or null before any layout. */
  timeAt(x: number): number | null {
    return this.layout ? this.layout.t(x) : null;
  }
}
