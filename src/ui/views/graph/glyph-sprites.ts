/**
 * Each glyph pre-drawn once per node size and palette into a small canvas, so a frame stamps nodes with
 * drawImage instead of building thousands of arcs.
 */
import type { Palette } from "../palette";
import { CROSS_SHARD_RING, GLYPHS, type GlyphLayer, strokeWidth } from "./glyphs";

export interface Sprite {
  readonly image: HTMLCanvasElement;
  /** Size in CSS pixels; the sprite is centred on the node. */
  readonly size: number;
}

/** Room around the node: the cross-shard ring and strokes reach past the radius. */
const REACH = 1.75;

export class GlyphSprites {
  private key = "";
  private readonly byKind = new Map<number, Sprite>();
  private ring: Sprite | null = null;

  /** The sprites for radius r, redrawn when r, the palette or the pixel ratio changed. */
  update(r: number, palette: Palette, dpr: number): void {
    const key = `${r}:${dpr}:${Object.values(palette).join()}`;
    if (key === this.key) return;
    this.key = key;
    this.byKind.clear();
    for (const [kind, glyph] of Object.entries(GLYPHS)) {
      this.byKind.set(Number(kind), paint(glyph.layers, r, palette, dpr));
    }
    this.ring = paint([CROSS_SHARD_RING], r, palette, dpr);
  }

  of(kind: number): Sprite | undefined {
    return this.byKind.get(kind);
  }

  get crossShard(): Sprite | null {
    return this.ring;
  }
}

function paint(layers: readonly GlyphLayer[], r: number, palette: Palette, dpr: number): Sprite {
  const size = Math.ceil(2 * (r * REACH + 1));
  const image = document.createElement("canvas");
  image.width = Math.ceil(size * dpr);
  image.height = Math.ceil(size * dpr);
  const ctx = image.getContext("2d");
  if (ctx) {
    ctx.scale(dpr, dpr);
    const c = size / 2;
    for (const layer of layers) {
      ctx.beginPath();
      layer.path(ctx, c, c, r);
      if (layer.paint === "fill") {
        ctx.fillStyle = palette[layer.role];
        ctx.fill();
      } else {
        ctx.strokeStyle = palette[layer.role];
        ctx.lineWidth = strokeWidth(layer, r);
        ctx.stroke();
      }
    }
  }
  return { image, size };
}

/** Stamps a sprite centred on (x, y), snapped to device pixels so it stays sharp. */
export function stamp(ctx: CanvasRenderingContext2D, s: Sprite, x: number, y: number, dpr: number): void {
  const half = s.size / 2;
  ctx.drawImage(
    s.image,
    Math.round((x - half) * dpr) / dpr,
    Math.round((y - half) * dpr) / dpr,
    s.size,
    s.size,
  );
}
