/** Draws one run's worker lanes on a canvas. */
import type { LogIndex } from "../../../engine/analysis/log-index";
import { fitCanvas } from "../canvas";
import type { Frame, Renderer } from "../use-renderer";
import { drawLanes, type LanesLayout, layoutLanes, makeHatch } from "./draw-lanes";
import { BarKind, barAt, type LaneBars } from "./lane-bars";

export interface BarHit {
  readonly bar: number;
  readonly lane: number;
  readonly now: number;
}

export class LanesRenderer implements Renderer {
  private layout: LanesLayout | null = null;
  private hatch: CanvasPattern | null = null;
  private hatchColor = "";
  private now = 0;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly bars: LaneBars,
    private readonly index: LogIndex,
    private readonly shards: number,
    private readonly end: number,
  ) {}

  resize(width: number, height: number): void {
    this.layout = layoutLanes(this.bars, this.shards, this.end, width, height);
  }

  draw(frame: Frame): void {
    const L = this.layout;
    if (!L) return;
    const ctx = fitCanvas(this.canvas, L.width, L.height);
    if (frame.palette.abort !== this.hatchColor) {
      this.hatch = makeHatch(ctx, frame.palette.abort);
      this.hatchColor = frame.palette.abort;
    }
    this.now = frame.time;
    drawLanes(ctx, this.bars, this.index, L, frame, frame.palette, this.hatch);
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
}
