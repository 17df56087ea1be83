/**
 * The SVG layer over the canvas: only the few highlighted items. The hovered and selected transactions
 * with their edges, the blocking edge of each waiting transaction (amber), the conflicting edge of each
 * fresh abort (red, the key named), and the critical path when it is on.
 */
import { select } from "d3-selection";
import type { GraphLayout } from "./graph-layout";
import type { GraphModel } from "./graph-model";
import type { LitEdge, OverlayFrame } from "./lit-edges";

interface Ring {
  readonly id: string;
  readonly tx: number;
  readonly kind: "selected" | "hover";
}

/**
 * The hovered and selected transactions' edges are all drawn; past this many, as one path without
 * arrowheads (thousands of SVG elements would stall a frame).
 */
const FOCUS_LINES = 200;

/** Each overlay's clip has its own id (a compare shows two graphs). */
let overlays = 0;

export class GraphOverlay {
  private readonly clip: string;
  constructor(private readonly svg: SVGSVGElement) {
    const root = select(svg);
    const defs = root.append("defs");
    this.clip = `graph-clip-${++overlays}`;
    // Zoomed in, highlights stop at the plot's edge as the canvas does.
    defs.append("clipPath").attr("id", this.clip).append("rect");
    for (const kind of ["focus", "wait", "abort"] as const) {
      defs
        .append("marker")
        .attr("id", `graph-arrow-${kind}`)
        .attr("class", `arrow arrow-${kind}`)
        .attr("viewBox", "0 0 8 8")
        .attr("refX", 7)
        .attr("refY", 4)
        .attr("markerUnits", "userSpaceOnUse")
        .attr("markerWidth", 9)
        .attr("markerHeight", 9)
        .attr("orient", "auto")
        .append("path")
        .attr("d", "M0 0L8 4L0 8Z");
    }
    for (const layer of ["critical", "edges", "rings"]) root.append("g").attr("class", `layer-${layer}`);
  }

  resize(width: number, height: number): void {
    select(this.svg).attr("width", width).attr("height", height).attr("viewBox", `0 0 ${width} ${height}`);
  }

  /** Draws the lit edges, the rings of the selected and hovered transactions and the critical path (its labels are on the canvas). */
  draw(model: GraphModel, g: GraphLayout, lit: readonly LitEdge[], f: OverlayFrame): void {
    const root = select(this.svg);
    const { view } = g;
    root
      .select(`#${this.clip} rect`)
      .attr("x", view.left - 8)
      .attr("y", view.top - 8)
      // A plot squeezed to nothing (a compare side's small panel) clips everything rather than go negative.
      .attr("width", Math.max(0, view.width + 16))
      .attr("height", Math.max(0, view.height + 16));
    const focusCount = lit.filter((e) => e.kind === "focus").length;
    const many = focusCount > FOCUS_LINES;
    const edges = many ? lit.filter((e) => e.kind !== "focus") : lit;
    const shorten = g.r + 2;
    let manyPath = "";
    if (many)
      for (const e of lit)
        if (e.kind === "focus")
          manyPath += `M${g.x[e.from].toFixed(1)} ${g.y[e.from].toFixed(1)}L${g.x[e.to].toFixed(1)} ${g.y[e.to].toFixed(1)}`;
    root
      .select("g.layer-edges")
      .selectAll<SVGPathElement, string>("path")
      .data(manyPath ? [manyPath] : [])
      .join("path")
      .attr("class", "lit lit-focus")
      .attr("d", (d) => d);
    root
      .select("g.layer-edges")
      .selectAll<SVGLineElement, LitEdge>("line")
      .data(edges, (d) => d.id)
      .join("line")
      .attr("class", (d) => `lit lit-${d.kind}`)
      .attr("marker-end", (d) => `url(#graph-arrow-${d.kind})`)
      .each(function (d) {
        const [x1, y1, x2, y2] = trimmed(g, d.from, d.to, shorten);
        select(this).attr("x1", x1).attr("y1", y1).attr("x2", x2).attr("y2", y2);
      });

    const path = f.showCritical ? criticalPathData(model, g) : "";
    root
      .select("g.layer-critical")
      .selectAll<SVGPathElement, string>("path")
      .data(path ? [path] : [])
      .join("path")
      .attr("class", "critical")
      .attr("d", (d) => d);

    const focus: Ring[] = [];
    if (f.selectedTx !== null && f.selectedTx < model.txs)
      focus.push({ id: "selected", tx: f.selectedTx, kind: "selected" });
    if (f.hoverTx !== null && f.hoverTx !== f.selectedTx && f.hoverTx < model.txs)
      focus.push({ id: "hover", tx: f.hoverTx, kind: "hover" });
    const ring = Math.max(g.r * 1.7, 6);
    root
      .select("g.layer-rings")
      .selectAll<SVGCircleElement, Ring>("circle")
      .data(focus, (d) => d.id)
      .join("circle")
      .attr("class", (d) => `ring ring-${d.kind}`)
      .attr("cx", (d) => g.x[d.tx])
      .attr("cy", (d) => g.y[d.tx])
      .attr("r", ring);
  }
}

/** Endpoints pulled in by `by` at both ends, so arrowheads stop at the node's edge. */
function trimmed(g: GraphLayout, a: number, b: number, by: number): [number, number, number, number] {
  const dx = g.x[b] - g.x[a];
  const dy = g.y[b] - g.y[a];
  const len = Math.hypot(dx, dy);
  if (len <= 2 * by) return [g.x[a], g.y[a], g.x[b], g.y[b]];
  const ux = (dx / len) * by;
  const uy = (dy / len) * by;
  return [g.x[a] + ux, g.y[a] + uy, g.x[b] - ux, g.y[b] - uy];
}

function criticalPathData(model: GraphModel, g: GraphLayout): string {
  let d = "";
  model.critical.forEach((t, i) => {
    d += `${i === 0 ? "M" : "L"}${g.x[t].toFixed(1)} ${g.y[t].toFixed(1)}`;
  });
  return d;
}
