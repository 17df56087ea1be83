/**
 * Transaction numbers on the lanes: inside every execution bar wide and tall enough to hold its number,
 * and always on the bars of the transactions the caption names (above the bar when it is too small), so a
 * speaker can point at "tx 3". Labels never overlap: on each lane one starts only after the previous ends.
 */
import type { Palette } from "../palette";
import type { LanesFrame, LanesLayout } from "./draw-lanes";
import { BarKind, barsStartedBy, type LaneBars } from "./lane-bars";

/** Width of one digit as a share of the text size (digits are tabular in the system fonts). */
const DIGIT = 0.62;
const PAD = 4;

/** Draws the labels; returns the transactions labelled, in block order (the test hook lists them). */
export function drawTxLabels(
  ctx: CanvasRenderingContext2D,
  b: LaneBars,
  L: LanesLayout,
  f: LanesFrame,
  band: { readonly top: number; readonly height: number },
  palette: Palette,
): number[] {
  const named = new Set(f.named);
  const labelled = new Set<number>();
  const px = L.textPx;
  const barH = L.rowHeight * band.height;
  const inside = barH >= px * 0.9;
  ctx.font = L.font;
  ctx.textAlign = "center";
  ctx.textBaseline = "middle";
  ctx.lineJoin = "round";
  ctx.lineWidth = 3;
  for (let l = 0; l < b.lanes; l++) {
    let freeFrom = Number.NEGATIVE_INFINITY;
    const first = b.laneStart[l];
    const last = first + barsStartedBy(b, l, f.time);
    for (let i = first; i < last; i++) {
      if (b.kind[i] !== BarKind.Execute) continue;
      const tx = b.tx[i];
      const x0 = Math.max(L.left, L.x(b.start[i]));
      const x1 = Math.min(L.right, L.x(Math.min(b.end[i], f.time)));
      if (x1 < L.left || x0 > L.right) continue;
      const text = String(tx);
      const w = text.length * px * DIGIT + PAD;
      const fits = inside && x1 - x0 >= w;
      if (!fits && !named.has(tx)) continue;
      const cx = fits ? (x0 + x1) / 2 : Math.max(L.left + w / 2, Math.min(L.right - w / 2, x0 + w / 2));
      if (cx - w / 2 < freeFrom) continue;
      freeFrom = cx + w / 2;
      const y = fits
        ? L.rowTop[l] + L.rowHeight * band.top + barH / 2
        : Math.max(px / 2, L.rowTop[l] + L.rowHeight * band.top - px / 2);
      // White on the bar's colour, or the text colour over the lane, each with a halo for contrast.
      ctx.strokeStyle = fits ? "rgb(0 0 0 / 0.55)" : palette.surface;
      ctx.fillStyle = fits ? "#fff" : palette.text;
      ctx.strokeText(text, cx, y);
      ctx.fillText(text, cx, y);
      labelled.add(tx);
    }
  }
  return [...labelled].sort((a, c) => a - c);
}
