/** HiDPI canvas sizing: the backing store follows devicePixelRatio, drawing stays in CSS pixels. */
export function fitCanvas(
  canvas: HTMLCanvasElement,
  width: number,
  height: number,
): CanvasRenderingContext2D {
  const dpr = Math.max(1, Math.min(3, window.devicePixelRatio || 1));
  const w = Math.max(1, Math.round(width * dpr));
  const h = Math.max(1, Math.round(height * dpr));
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w;
    canvas.height = h;
  }
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("this browser cannot draw on a 2D canvas");
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  return ctx;
}

/** Clears a canvas drawn with fitCanvas. */
export function clearCanvas(ctx: CanvasRenderingContext2D, width: number, height: number): void {
  ctx.clearRect(0, 0, width, height);
}

/** The canvas text size in CSS pixels: the `--canvas-text` property (talk mode makes it larger), else 11. */
export function canvasTextPx(el: Element): number {
  const px = Number.parseFloat(getComputedStyle(el).getPropertyValue("--canvas-text"));
  return Number.isFinite(px) && px > 0 ? px : 11;
}

/** The canvas font at `px` pixels. */
export function canvasFont(px: number, weight = 400): string {
  return `${weight} ${px}px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif`;
}
