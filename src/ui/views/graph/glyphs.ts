/**
 * The shapes of the visual language: each transaction state has a glyph whose shape says what its colour
 * says (hollow = pending, ring = executing, half = executed, diamond = waiting, padlock = waiting for a lock,
 * X = aborted, filled = committed, slashed = reverted, triangle = in flight). Geometry is written once against a path sink, so
 * the canvas graph and any SVG (the legend, the overlay) draw exactly the same shapes.
 */
import { TxStatus, type TxStatusT } from "../../../engine/analysis/tx-state";
import type { Role } from "../palette";

/** What both CanvasRenderingContext2D/Path2D and SvgPath accept. */
export interface PathSink {
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  arc(x: number, y: number, r: number, a0: number, a1: number, ccw?: boolean): void;
  closePath(): void;
}

export interface GlyphLayer {
  readonly paint: "fill" | "stroke";
  readonly role: Role;
  /** Stroke width as a share of the radius. */
  readonly width?: number;
  readonly path: (p: PathSink, x: number, y: number, r: number) => void;
}

export interface Glyph {
  readonly name: string;
  readonly layers: readonly GlyphLayer[];
}

const TAU = Math.PI * 2;

function circle(p: PathSink, x: number, y: number, r: number): void {
  p.moveTo(x + r, y);
  p.arc(x, y, r, 0, TAU);
  p.closePath();
}

/** The left half of a disc: "half done". */
function halfDisc(p: PathSink, x: number, y: number, r: number): void {
  p.moveTo(x, y - r);
  p.arc(x, y, r, -Math.PI / 2, Math.PI / 2, true);
  p.closePath();
}

function diamond(p: PathSink, x: number, y: number, r: number): void {
  const d = r * 1.2;
  p.moveTo(x, y - d);
  p.lineTo(x + d, y);
  p.lineTo(x, y + d);
  p.lineTo(x - d, y);
  p.closePath();
}

/** A padlock's body: a square below the centre line. */
function lockBody(p: PathSink, x: number, y: number, r: number): void {
  const w = r * 0.85;
  p.moveTo(x - w, y - r * 0.1);
  p.lineTo(x + w, y - r * 0.1);
  p.lineTo(x + w, y + r);
  p.lineTo(x - w, y + r);
  p.closePath();
}

/** A padlock's shackle: the upper half of a ring standing on the body. */
function shackle(p: PathSink, x: number, y: number, r: number): void {
  const a = r * 0.5;
  p.moveTo(x - a, y - r * 0.1);
  p.arc(x, y - r * 0.35, a, Math.PI, TAU);
}

function cross(p: PathSink, x: number, y: number, r: number): void {
  const d = r * 0.85;
  p.moveTo(x - d, y - d);
  p.lineTo(x + d, y + d);
  p.moveTo(x + d, y - d);
  p.lineTo(x - d, y + d);
}

function slash(p: PathSink, x: number, y: number, r: number): void {
  const d = r * 0.6;
  p.moveTo(x - d, y + d);
  p.lineTo(x + d, y - d);
}

function triangle(p: PathSink, x: number, y: number, r: number): void {
  p.moveTo(x + r * 1.1, y);
  p.lineTo(x - r * 0.7, y - r);
  p.lineTo(x - r * 0.7, y + r);
  p.closePath();
}

const shrink =
  (k: number, f: GlyphLayer["path"]): GlyphLayer["path"] =>
  (p, x, y, r) =>
    f(p, x, y, r * k);

/** Glyph per TxStatus value. */
export const GLYPHS: Readonly<Record<TxStatusT, Glyph>> = {
  [TxStatus.Pending]: {
    name: "pending",
    layers: [{ paint: "stroke", role: "pending", width: 0.28, path: shrink(0.85, circle) }],
  },
  [TxStatus.Executing]: {
    name: "executing",
    layers: [
      { paint: "stroke", role: "exec", width: 0.36, path: shrink(1.05, circle) },
      { paint: "fill", role: "exec", path: shrink(0.45, circle) },
    ],
  },
  [TxStatus.Suspended]: {
    name: "waiting on a dependency",
    layers: [{ paint: "fill", role: "wait", path: diamond }],
  },
  [TxStatus.Aborted]: {
    name: "aborted",
    layers: [{ paint: "stroke", role: "abort", width: 0.42, path: cross }],
  },
  [TxStatus.Executed]: {
    name: "executed",
    layers: [
      { paint: "stroke", role: "exec", width: 0.2, path: shrink(0.9, circle) },
      { paint: "fill", role: "exec", path: shrink(0.9, halfDisc) },
    ],
  },
  [TxStatus.Validating]: {
    name: "validating",
    layers: [
      { paint: "stroke", role: "commit", width: 0.2, path: shrink(0.9, circle) },
      { paint: "fill", role: "commit", path: shrink(0.9, halfDisc) },
    ],
  },
  [TxStatus.Committed]: {
    name: "committed",
    layers: [{ paint: "fill", role: "commit", path: circle }],
  },
  [TxStatus.Reverted]: {
    name: "committed, reverted",
    layers: [
      { paint: "fill", role: "commit", path: circle },
      { paint: "stroke", role: "surface", width: 0.3, path: slash },
    ],
  },
  [TxStatus.InFlight]: {
    name: "waiting for a cross-shard message",
    layers: [{ paint: "fill", role: "xshard", path: triangle }],
  },
  [TxStatus.Rejected]: {
    name: "disagreed with the list",
    layers: [
      { paint: "stroke", role: "abort", width: 0.26, path: shrink(1.05, circle) },
      { paint: "stroke", role: "abort", width: 0.3, path: shrink(0.6, cross) },
    ],
  },
  [TxStatus.LockWait]: {
    name: "waiting for a lock",
    layers: [
      { paint: "stroke", role: "wait", width: 0.3, path: shackle },
      { paint: "fill", role: "wait", path: lockBody },
    ],
  },
};

/** The ring drawn around a transaction that crosses shards (whatever its state). */
export const CROSS_SHARD_RING: GlyphLayer = {
  paint: "stroke",
  role: "xshard",
  width: 0.18,
  path: shrink(1.4, circle),
};

/** Canvas line width of a stroked layer at radius r (never thinner than a device pixel). */
export const strokeWidth = (layer: GlyphLayer, r: number): number => Math.max(1, (layer.width ?? 0.2) * r);

const num = (v: number): string => String(Math.round(v * 100) / 100);

/** A PathSink that writes SVG path data (arcs follow the canvas semantics). */
export class SvgPath implements PathSink {
  d = "";
  private open = false;
  moveTo(x: number, y: number): void {
    this.d += `M${num(x)} ${num(y)}`;
    this.open = true;
  }
  lineTo(x: number, y: number): void {
    this.d += `L${num(x)} ${num(y)}`;
  }
  arc(x: number, y: number, r: number, a0: number, a1: number, ccw = false): void {
    const sx = x + r * Math.cos(a0);
    const sy = y + r * Math.sin(a0);
    this.d += this.open ? `L${num(sx)} ${num(sy)}` : `M${num(sx)} ${num(sy)}`;
    this.open = true;
    if (Math.abs(a1 - a0) >= TAU - 1e-9) {
      // SVG cannot draw a full circle with one arc: two halves.
      const mid = a0 + (ccw ? -Math.PI : Math.PI);
      this.arcTo(x, y, r, mid, Math.PI, ccw);
      this.arcTo(x, y, r, a0, Math.PI, ccw);
      return;
    }
    const span = ccw ? a0 - a1 : a1 - a0;
    this.arcTo(x, y, r, a1, ((span % TAU) + TAU) % TAU, ccw);
  }
  closePath(): void {
    this.d += "Z";
  }
  private arcTo(x: number, y: number, r: number, a: number, span: number, ccw: boolean): void {
    const large = span > Math.PI ? 1 : 0;
    this.d += `A${num(r)} ${num(r)} 0 ${large} ${ccw ? 0 : 1} ${num(x + r * Math.cos(a))} ${num(y + r * Math.sin(a))}`;
  }
}

export interface SvgLayer {
  readonly d: string;
  readonly paint: "fill" | "stroke";
  readonly role: Role;
  readonly strokeWidth: number;
}

/** A glyph as SVG paths centred at (x, y): for the legend and other SVG. Colour: var(--role). */
export function glyphSvg(glyph: Glyph, r: number, x = 0, y = 0): SvgLayer[] {
  return glyph.layers.map((layer) => {
    const p = new SvgPath();
    layer.path(p, x, y, r);
    return { d: p.d, paint: layer.paint, role: layer.role, strokeWidth: strokeWidth(layer, r) };
  });
}
