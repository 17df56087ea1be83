/**
 * Canvas drawing of the worker lanes up to the playhead: execution bars (blue; red hatched once aborted,
 * amber when suspended, solid red once found to disagree with the block access list), thin validation bars (green; red when they failed), amber dashes where
 * a lane sits idle because every transaction left waits for a lock, batch and round
 * boundaries, the playhead, a time axis and each lane's utilization so far. Bars closer than a pixel merge,
 * so a 10,000-transaction run costs about one rectangle per pixel column per lane.
 */
import { scaleLinear } from "d3-scale";
import type { TimeSpan } from "../../../engine/analysis/chapter-frame";
import { formatDuration, formatPercent } from "../../format";
import { canvasFont } from "../canvas";
import type { Palette } from "../palette";
import { BarEnd, BarKind, barsStartedBy, type LaneBars } from "./lane-bars";
import { drawTxLabels } from "./lane-labels";

export interface LanesLayout {
  readonly width: number;
  readonly height: number;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  readonly rowTop: Float32Array;
  readonly rowHeight: number;
  /** Run time (µs) to x. */
  readonly x: (t: number) => number;
  readonly t: (x: number) => number;
  readonly ticks: readonly number[];
  /** Text size (CSS pixels) and its font. */
  readonly textPx: number;
  readonly font: string;
  /** The run time shown, from left to right. */
  readonly window: TimeSpan;
  /** This run's own end (in a compare the axis may go on to the other run's end). */
  readonly runEnd: number;
}

const SHARD_GAP = 6;

/**
 * Where everything goes for a panel of `width` x `height` showing run time `window` (the whole run when
 * null), with text `textPx` pixels high (the margins grow with it).
 */
export function layoutLanes(
  bars: LaneBars,
  shards: number,
  end: number,
  width: number,
  height: number,
  textPx = 11,
  window: TimeSpan | null = null,
): LanesLayout {
  const em = textPx / 11;
  const utilWidth = Math.round(46 * em);
  const left = Math.round((shards > 1 ? 58 : 36) * em);
  const right = width - utilWidth;
  const top = bars.roundStarts.length > 1 ? Math.round(16 * em) : 6;
  const bottom = height - Math.round(textPx + 9);
  const rowHeight = Math.max(1, (bottom - top - (shards - 1) * SHARD_GAP) / bars.lanes);
  const rowTop = new Float32Array(bars.lanes);
  for (let l = 0; l < bars.lanes; l++) {
    rowTop[l] = top + l * rowHeight + Math.floor(l / bars.workersPerShard) * SHARD_GAP;
  }
  const shown = window ?? { from: 0, to: end };
  const domain = [shown.from, Math.max(shown.to, shown.from + 1e-9)];
  const range = [left, Math.max(left + 1, right - 4)];
  // x and t are called for every bar in every frame: plain arithmetic, not d3's general scale call.
  const perUs = (range[1] - range[0]) / (domain[1] - domain[0]);
  return {
    width,
    height,
    left,
    right,
    top,
    bottom,
    rowTop,
    rowHeight,
    x: (t) => range[0] + (t - domain[0]) * perUs,
    t: (x) => domain[0] + (x - range[0]) / perUs,
    ticks: scaleLinear()
      .domain(domain)
      .ticks(Math.max(2, Math.floor((right - left) / (110 * em)))),
    textPx,
    font: canvasFont(textPx),
    window: shown,
    runEnd: end,
  };
}

/** Bar styles, in drawing order. */
const Style = { Exec: 0, Wasted: 1, Suspended: 2, Valid: 3, Invalid: 4, Rejected: 5 } as const;

export interface LanesFrame {
  readonly time: number;
  readonly selectedTx: number | null;
  readonly hoverTx: number | null;
  /** Transactions whose bars carry their numbers wherever they are (those a caption names). */
  readonly named: readonly number[];
}

/** Time lane l spent executing or validating up to time t. */
export type LaneBusy = (lane: number, t: number) => number;

export function drawLanes(
  ctx: CanvasRenderingContext2D,
  b: LaneBars,
  busyAt: LaneBusy,
  L: LanesLayout,
  f: LanesFrame,
  palette: Palette,
  hatch: CanvasPattern | null,
): number[] {
  ctx.clearRect(0, 0, L.width, L.height);
  drawGrid(ctx, b, L, palette);
  // Bars, boundaries and labels stay between the lane names and the busy shares (a zoomed window cuts them).
  ctx.save();
  ctx.beginPath();
  ctx.rect(L.left, 0, L.right - L.left, L.height);
  ctx.clip();
  drawBoundaries(ctx, b, L, f.time, palette);
  // Bars of the selected or hovered transaction, and idle waits for a lock, as (bar, lane) pairs.
  const focus: number[] = [];
  const waits: number[] = [];
  const h = L.rowHeight;
  const execTop = h >= 6 ? 0.14 : 0;
  const execHeight = h >= 6 ? 0.56 : 0.7;
  const valTop = h >= 6 ? 0.74 : 0.72;
  const valHeight = h >= 6 ? 0.16 : 0.28;
  // Pending merged rectangle per band: [style, x0, x1].
  const pend = [
    [-1, 0, 0],
    [-1, 0, 0],
  ];
  let y0 = 0;
  const flush = (band: number): void => {
    const [style, x0, x1] = pend[band];
    if (style < 0) return;
    const y = y0 + h * (band === 0 ? execTop : valTop);
    const hh = Math.max(1, h * (band === 0 ? execHeight : valHeight));
    ctx.fillStyle = palette[STYLE_ROLE[style]];
    if (style === Style.Wasted) {
      ctx.globalAlpha = 0.35;
      ctx.fillRect(x0, y, x1 - x0, hh);
      ctx.globalAlpha = 1;
      if (hatch) {
        ctx.fillStyle = hatch;
        ctx.fillRect(x0, y, x1 - x0, hh);
      }
    } else {
      ctx.fillRect(x0, y, x1 - x0, hh);
    }
    pend[band][0] = -1;
  };
  for (let l = 0; l < b.lanes; l++) {
    y0 = L.rowTop[l];
    const first = b.laneStart[l];
    const last = first + barsStartedBy(b, l, f.time);
    for (let i = first; i < last; i++) {
      if (b.end[i] < L.window.from || b.start[i] > L.window.to) continue;
      if (b.kind[i] === BarKind.LockWait) {
        waits.push(i, l);
        continue;
      }
      const style = styleAt(b, i, f.time);
      const band = b.kind[i] === BarKind.Execute ? 0 : 1;
      const x0 = L.x(b.start[i]);
      const x1 = Math.max(x0 + 1, L.x(Math.min(b.end[i], f.time)));
      const p = pend[band];
      if (p[0] === style && x0 <= p[2] + 0.5) p[2] = Math.max(p[2], x1);
      else {
        flush(band);
        pend[band] = [style, x0, x1];
      }
      if (b.tx[i] === f.selectedTx || b.tx[i] === f.hoverTx) focus.push(i, l);
    }
    flush(0);
    flush(1);
  }
  drawLockWaits(ctx, b, L, f.time, waits, palette, execTop + execHeight / 2);
  drawFocus(ctx, b, L, f, focus, palette, { execTop, execHeight, valTop, valHeight });
  const labelled = drawTxLabels(ctx, b, L, f, { top: execTop, height: execHeight }, palette);
  drawPlayhead(ctx, L, f.time, palette);
  ctx.restore();
  // A run that has ended is as busy as it was at its end (the other side of a compare may go on).
  drawUtilization(ctx, b, busyAt, L, Math.min(f.time, L.runEnd), palette);
  return labelled;
}

const STYLE_ROLE = ["exec", "abort", "wait", "commit", "abort", "abort"] as const;

function styleAt(b: LaneBars, i: number, t: number): number {
  if (b.kind[i] === BarKind.Validate)
    return b.ended[i] === BarEnd.Invalid && b.end[i] <= t ? Style.Invalid : Style.Valid;
  if (b.abortAt[i] <= t) return Style.Wasted;
  if (b.ended[i] === BarEnd.Suspended && b.end[i] <= t) return Style.Suspended;
  // Checked against its block access list entry as it ended, and found to differ: solid red, not hatched.
  if (b.end[i] <= t && b.rejected.has(b.tx[i])) return Style.Rejected;
  return Style.Exec;
}

function drawGrid(ctx: CanvasRenderingContext2D, b: LaneBars, L: LanesLayout, palette: Palette): void {
  ctx.font = L.font;
  ctx.textBaseline = "middle";
  // Alternate row shading, lane names, shard names.
  const laneEvery = Math.max(1, Math.ceil((L.textPx + 1) / L.rowHeight));
  for (let l = 0; l < b.lanes; l++) {
    if (l % 2 === 1) {
      ctx.fillStyle = palette["surface-2"];
      ctx.fillRect(L.left, L.rowTop[l], L.right - L.left, L.rowHeight);
    }
    if (l % laneEvery === 0) {
      ctx.fillStyle = palette.muted;
      ctx.textAlign = "right";
      ctx.fillText(`w${l % b.workersPerShard}`, L.left - 6, L.rowTop[l] + L.rowHeight / 2);
    }
  }
  const shards = Math.ceil(b.lanes / b.workersPerShard);
  if (shards > 1) {
    ctx.fillStyle = palette.xshard;
    ctx.textAlign = "left";
    const shardEvery = Math.max(1, Math.ceil((L.textPx + 1) / (L.rowHeight * b.workersPerShard)));
    for (let s = 0; s < shards; s += shardEvery) {
      const first = s * b.workersPerShard;
      const last = Math.min(b.lanes, first + b.workersPerShard) - 1;
      ctx.fillText(`S${s}`, 2, (L.rowTop[first] + L.rowTop[last] + L.rowHeight) / 2);
    }
  }
  // Time axis.
  ctx.strokeStyle = palette.border;
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(L.left, L.bottom + 0.5);
  ctx.lineTo(L.right, L.bottom + 0.5);
  ctx.stroke();
  ctx.fillStyle = palette.muted;
  ctx.textAlign = "center";
  ctx.textBaseline = "top";
  for (const v of L.ticks) {
    const x = Math.round(L.x(v)) + 0.5;
    ctx.beginPath();
    ctx.moveTo(x, L.bottom);
    ctx.lineTo(x, L.bottom + 4);
    ctx.stroke();
    ctx.fillText(formatDuration(v), x, L.bottom + 6);
  }
}

function drawBoundaries(
  ctx: CanvasRenderingContext2D,
  b: LaneBars,
  L: LanesLayout,
  t: number,
  palette: Palette,
): void {
  // Batch starts, within their shard's rows; lines closer than 3 px are skipped.
  ctx.strokeStyle = palette.muted;
  ctx.globalAlpha = 0.5;
  ctx.lineWidth = 1;
  ctx.setLineDash([3, 3]);
  b.batchStarts.forEach((starts, s) => {
    const first = s * b.workersPerShard;
    const last = Math.min(b.lanes, first + b.workersPerShard) - 1;
    if (first >= b.lanes) return;
    let prev = Number.NEGATIVE_INFINITY;
    ctx.beginPath();
    for (const start of starts) {
      if (start > t || start === 0) continue;
      const x = Math.round(L.x(start)) + 0.5;
      if (x - prev < 3) continue;
      prev = x;
      ctx.moveTo(x, L.rowTop[first]);
      ctx.lineTo(x, L.rowTop[last] + L.rowHeight);
    }
    ctx.stroke();
  });
  ctx.globalAlpha = 1;
  // Round starts across every lane (after the first), named along the top counting from 1.
  ctx.strokeStyle = palette.xshard;
  ctx.fillStyle = palette.xshard;
  ctx.setLineDash([5, 3]);
  ctx.textAlign = "left";
  ctx.textBaseline = "alphabetic";
  ctx.font = L.font;
  let labelEnd = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < b.roundStarts.length; i++) {
    const start = b.roundStarts[i];
    if (start > t || b.roundNumbers[i] === 0) continue;
    const x = Math.round(L.x(start)) + 0.5;
    ctx.beginPath();
    ctx.moveTo(x, L.top - 2);
    ctx.lineTo(x, L.bottom);
    ctx.stroke();
    const label = `round ${b.roundNumbers[i] + 1}`;
    if (x > labelEnd + 6) {
      ctx.fillText(label, x + 3, L.top - 4);
      labelEnd = x + 3 + ctx.measureText(label).width;
    }
  }
  ctx.setLineDash([]);
}

/** Idle stretches waiting for a lock: an amber dashed line through the execution band. */
function drawLockWaits(
  ctx: CanvasRenderingContext2D,
  b: LaneBars,
  L: LanesLayout,
  t: number,
  waits: readonly number[],
  palette: Palette,
  middle: number,
): void {
  if (waits.length === 0) return;
  ctx.strokeStyle = palette.wait;
  ctx.lineWidth = Math.max(1.5, L.rowHeight * 0.16);
  ctx.setLineDash([4, 3]);
  ctx.beginPath();
  for (let k = 0; k < waits.length; k += 2) {
    const i = waits[k];
    const y = Math.round(L.rowTop[waits[k + 1]] + L.rowHeight * middle) + 0.5;
    ctx.moveTo(L.x(b.start[i]), y);
    ctx.lineTo(Math.max(L.x(b.start[i]) + 1, L.x(Math.min(b.end[i], t))), y);
  }
  ctx.stroke();
  ctx.setLineDash([]);
}

interface Bands {
  readonly execTop: number;
  readonly execHeight: number;
  readonly valTop: number;
  readonly valHeight: number;
}

/** Outlines the bars of the selected and hovered transactions. */
function drawFocus(
  ctx: CanvasRenderingContext2D,
  b: LaneBars,
  L: LanesLayout,
  f: LanesFrame,
  focus: readonly number[],
  palette: Palette,
  bands: Bands,
): void {
  ctx.strokeStyle = palette.text;
  for (let k = 0; k < focus.length; k += 2) {
    const i = focus[k];
    const exec = b.kind[i] !== BarKind.Validate;
    const x0 = L.x(b.start[i]);
    const x1 = Math.max(x0 + 2, L.x(Math.min(b.end[i], f.time)));
    const y = L.rowTop[focus[k + 1]] + L.rowHeight * (exec ? bands.execTop : bands.valTop);
    const h = Math.max(2, L.rowHeight * (exec ? bands.execHeight : bands.valHeight));
    ctx.lineWidth = b.tx[i] === f.selectedTx ? 2 : 1;
    ctx.strokeRect(x0 - 0.5, y - 0.5, x1 - x0 + 1, h + 1);
  }
}

function drawPlayhead(ctx: CanvasRenderingContext2D, L: LanesLayout, t: number, palette: Palette): void {
  const x = Math.round(L.x(t)) + 0.5;
  ctx.strokeStyle = palette.text;
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  ctx.moveTo(x, L.top - 4);
  ctx.lineTo(x, L.bottom + 2);
  ctx.stroke();
}

/** Busy share of each lane so far, as a small bar and a percentage at the right. */
function drawUtilization(
  ctx: CanvasRenderingContext2D,
  b: LaneBars,
  busyAt: LaneBusy,
  L: LanesLayout,
  t: number,
  palette: Palette,
): void {
  const x0 = L.right + 4;
  const w = L.width - L.right - 8;
  ctx.font = L.font;
  ctx.textAlign = "right";
  ctx.textBaseline = "middle";
  const text = L.rowHeight >= L.textPx + 5;
  for (let l = 0; l < b.lanes; l++) {
    const share = t > 0 ? Math.min(1, busyAt(l, t) / t) : 0;
    const y = L.rowTop[l];
    const barH = text ? 3 : Math.max(1, L.rowHeight * 0.6);
    const barY = text ? y + L.rowHeight - 4 : y + (L.rowHeight - barH) / 2;
    ctx.fillStyle = palette["surface-2"];
    ctx.fillRect(x0, barY, w, barH);
    ctx.fillStyle = palette.exec;
    ctx.fillRect(x0, barY, w * share, barH);
    if (text) {
      ctx.fillStyle = palette.text;
      ctx.fillText(formatPercent(share), x0 + w, y + L.rowHeight / 2 - 2);
    }
  }
}

/** A diagonal hatch in the abort colour: wasted work. */
export function makeHatch(ctx: CanvasRenderingContext2D, color: string): CanvasPattern | null {
  const tile = document.createElement("canvas");
  tile.width = 6;
  tile.height = 6;
  const t = tile.getContext("2d");
  if (!t) return null;
  t.strokeStyle = color;
  t.lineWidth = 1.5;
  t.beginPath();
  t.moveTo(-1, 7);
  t.lineTo(7, -1);
  t.moveTo(5, 7);
  t.lineTo(7, 5);
  t.moveTo(-1, 1);
  t.lineTo(1, -1);
  t.stroke();
  return ctx.createPattern(tile, "repeat");
}
