/**
 * A picture of the views on screen: every view's canvases laid out where they are, with the view titles,
 * on the page background. PNG: drawn onto one canvas. SVG: each canvas as an embedded PNG <image> plus the
 * titles as <text>, so the file opens anywhere and the titles stay text.
 */

interface Piece {
  readonly canvas: HTMLCanvasElement;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

interface Title {
  readonly text: string;
  readonly x: number;
  readonly y: number;
}

export interface Layout {
  readonly width: number;
  readonly height: number;
  readonly background: string;
  readonly color: string;
  readonly font: string;
  readonly pieces: readonly Piece[];
  readonly titles: readonly Title[];
}

/** Where the stage's view canvases and titles sit, in CSS pixels relative to the stage. */
export function layoutOf(stage: HTMLElement): Layout {
  const box = stage.getBoundingClientRect();
  const style = getComputedStyle(stage);
  const page = getComputedStyle(document.body);
  const background =
    style.backgroundColor !== "rgba(0, 0, 0, 0)" ? style.backgroundColor : page.backgroundColor || "#ffffff";
  const pieces: Piece[] = [];
  for (const canvas of stage.querySelectorAll<HTMLCanvasElement>(".view-box > canvas")) {
    const r = canvas.getBoundingClientRect();
    if (r.width > 0 && r.height > 0)
      pieces.push({ canvas, x: r.left - box.left, y: r.top - box.top, w: r.width, h: r.height });
  }
  const titles: Title[] = [];
  for (const h of stage.querySelectorAll<HTMLElement>(".panel-head h2")) {
    const r = h.getBoundingClientRect();
    titles.push({ text: h.textContent ?? "", x: r.left - box.left, y: r.bottom - box.top - 4 });
  }
  return {
    width: Math.ceil(box.width),
    height: Math.ceil(box.height),
    background,
    color: style.color,
    font: `600 15px ${style.fontFamily}`,
    pieces,
    titles,
  };
}

/** Draws the views' canvases as they are now and their titles, on the background, at the context's transform. */
export function drawLayout(ctx: CanvasRenderingContext2D, l: Layout): void {
  ctx.fillStyle = l.background;
  ctx.fillRect(0, 0, l.width, l.height);
  for (const p of l.pieces) ctx.drawImage(p.canvas, p.x, p.y, p.w, p.h);
  ctx.fillStyle = l.color;
  ctx.font = l.font;
  for (const t of l.titles) ctx.fillText(t.text, t.x, t.y);
}

/** The views as a PNG, at the screen's pixel ratio. */
export function snapshotPng(stage: HTMLElement): Promise<Blob> {
  const l = layoutOf(stage);
  const dpr = Math.max(1, Math.min(3, window.devicePixelRatio || 1));
  const out = document.createElement("canvas");
  out.width = Math.round(l.width * dpr);
  out.height = Math.round(l.height * dpr);
  const ctx = out.getContext("2d");
  if (!ctx) return Promise.reject(new Error("this browser cannot draw on a 2D canvas"));
  ctx.scale(dpr, dpr);
  drawLayout(ctx, l);
  return new Promise((resolve, reject) =>
    out.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error("the picture could not be encoded"))),
      "image/png",
    ),
  );
}

const escapeXml = (text: string): string => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The views as a standalone SVG document. */
export function snapshotSvg(stage: HTMLElement): string {
  const l = layoutOf(stage);
  const r = (n: number): string => String(Math.round(n * 10) / 10);
  const images = l.pieces.map(
    (p) =>
      `<image x="${r(p.x)}" y="${r(p.y)}" width="${r(p.w)}" height="${r(p.h)}" href="${p.canvas.toDataURL("image/png")}"/>`,
  );
  const titles = l.titles.map(
    (t) =>
      `<text x="${r(t.x)}" y="${r(t.y)}" font-family="${escapeXml(getComputedStyle(stage).fontFamily)}" font-size="15" font-weight="600" fill="${escapeXml(l.color)}">${escapeXml(t.text)}</text>`,
  );
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${l.width}" height="${l.height}" viewBox="0 0 ${l.width} ${l.height}">`,
    `<rect width="100%" height="100%" fill="${escapeXml(l.background)}"/>`,
    ...images,
    ...titles,
    "</svg>",
  ].join("\n");
}
