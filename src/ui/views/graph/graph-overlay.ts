/**
 * The SVG layer over the canvas: only the few highlighted items. The hovered and selected transactions
 * with their edges, the blocking edge of each waiting transaction (amber), the conflicting edge of each
 * fresh abort (red, the key named), and the critical path when it is on.
 */
import { select } from "d3-selection";
import { TX_STATUS_NAMES, type TxStates, TxStatus } from "../../../engine/analysis/tx-state";
import type { RunResult } from "../../../engine/run-result";
import { keyLabel, txName, txTarget } from "../tx-label";
import { type NodeFrame, shownStatus } from "./draw-graph";
import type { GraphLayout } from "./graph-layout";
import type { GraphModel } from "./graph-model";

type EdgeKind = "focus" | "wait" | "abort";

interface LitEdge {
  readonly id: string;
  readonly from: number;
  readonly to: number;
  readonly kind: EdgeKind;
  readonly label: string | null;
}

interface NodeLabel {
  readonly id: string;
  readonly tx: number;
  readonly kind: "selected" | "hover";
  readonly text: string;
}

/** At most this many waiting or aborting edges lit at once, and this many of them named. */
const LIT_CAP = 48;
const NAMED_CAP = 3;
/**
 * The hovered and selected transactions' edges are all drawn; past this many, as one path without
 * arrowheads (thousands of SVG elements would stall a frame).
 */
const FOCUS_LINES = 200;

export interface OverlayFrame extends NodeFrame {
  readonly selectedTx: number | null;
  readonly hoverTx: number | null;
  readonly showCritical: boolean;
}

export class GraphOverlay {
  constructor(private readonly svg: SVGSVGElement) {
    const root = select(svg);
    const defs = root.append("defs");
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
    for (const layer of ["critical", "edges", "rings", "labels"])
      root.append("g").attr("class", `layer-${layer}`);
  }

  resize(width: number, height: number): void {
    select(this.svg).attr("width", width).attr("height", height).attr("viewBox", `0 0 ${width} ${height}`);
  }

  draw(model: GraphModel, g: GraphLayout, states: TxStates, result: RunResult, f: OverlayFrame): void {
    const root = select(this.svg);
    const lit = litEdges(model, states, result, f);
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

    const focus: NodeLabel[] = [];
    const nodeText = (tx: number): string => {
      const target = txTarget(result, tx);
      const runs = states.reExecutions[tx] > 0 ? ` · ×${states.reExecutions[tx] + 1}` : "";
      const status = TX_STATUS_NAMES[shownStatus(states, tx, f)];
      return `${txName(result, tx)}${target ? ` → ${target}` : ""} · ${status}${runs}`;
    };
    if (f.selectedTx !== null && f.selectedTx < model.txs) {
      focus.push({ id: "selected", tx: f.selectedTx, kind: "selected", text: nodeText(f.selectedTx) });
    }
    if (f.hoverTx !== null && f.hoverTx !== f.selectedTx && f.hoverTx < model.txs) {
      focus.push({ id: "hover", tx: f.hoverTx, kind: "hover", text: nodeText(f.hoverTx) });
    }
    const ring = Math.max(g.r * 1.7, 6);
    root
      .select("g.layer-rings")
      .selectAll<SVGCircleElement, NodeLabel>("circle")
      .data(focus, (d) => d.id)
      .join("circle")
      .attr("class", (d) => `ring ring-${d.kind}`)
      .attr("cx", (d) => g.x[d.tx])
      .attr("cy", (d) => g.y[d.tx])
      .attr("r", ring);

    const labels = [
      ...focus.map((d) => ({
        id: d.id,
        text: d.text,
        kind: d.kind,
        ...labelSpot(g, g.x[d.tx], g.y[d.tx] - ring - 4),
      })),
      ...edges
        .filter((e) => e.label !== null)
        .map((e) => ({
          id: `key-${e.id}`,
          text: e.label ?? "",
          kind: e.kind,
          ...labelSpot(g, (g.x[e.from] + g.x[e.to]) / 2, (g.y[e.from] + g.y[e.to]) / 2 - 4),
        })),
    ];
    root
      .select("g.layer-labels")
      .selectAll<SVGTextElement, (typeof labels)[number]>("text")
      .data(labels, (d) => d.id)
      .join((enter) => enter.append("text"))
      .attr("class", (d) => `label label-${d.kind}`)
      .attr("x", (d) => d.x)
      .attr("y", (d) => d.y)
      .attr("text-anchor", (d) => d.anchor)
      .text((d) => d.text);
  }
}

function litEdges(model: GraphModel, states: TxStates, result: RunResult, f: OverlayFrame): LitEdge[] {
  const out: LitEdge[] = [];
  const focusOn = (tx: number | null): void => {
    if (tx === null || tx >= model.txs) return;
    for (let e = model.inStart[tx]; e < model.inStart[tx + 1]; e++) {
      out.push({ id: `f${e}`, from: model.edgeFrom[e], to: tx, kind: "focus", label: null });
    }
    for (let k = model.outStart[tx]; k < model.outStart[tx + 1]; k++) {
      const e = model.outEdge[k];
      out.push({ id: `f${e}`, from: tx, to: model.edgeTo[e], kind: "focus", label: null });
    }
  };
  focusOn(f.selectedTx);
  if (f.hoverTx !== f.selectedTx) focusOn(f.hoverTx);

  const waits: number[] = [];
  const aborts: number[] = [];
  for (let t = 0; t < model.txs; t++) {
    const waiting = states.status[t] === TxStatus.Suspended || states.status[t] === TxStatus.LockWait;
    if (waiting && states.blocker[t] >= 0 && waits.length < LIT_CAP) waits.push(t);
    const since = f.time - states.abortAt[t];
    if (since >= 0 && since < f.flashUs && states.abortWriter[t] >= 0 && aborts.length < LIT_CAP)
      aborts.push(t);
  }
  // Name the keys of the newest aborts, and of every edge that touches the selection.
  const newest = new Set(
    [...aborts].sort((a, b) => states.abortAt[b] - states.abortAt[a]).slice(0, NAMED_CAP),
  );
  for (const t of waits) {
    const named = waits.length <= 2 || t === f.selectedTx;
    const label = named ? keyLabel(result, states.blockKey[t]) : null;
    out.push({ id: `w${t}`, from: states.blocker[t], to: t, kind: "wait", label });
  }
  for (const t of aborts) {
    const named = newest.has(t) || t === f.selectedTx;
    const label = named ? keyLabel(result, states.abortKey[t]) : null;
    out.push({ id: `a${t}`, from: states.abortWriter[t], to: t, kind: "abort", label });
  }
  return out.filter((e) => e.from >= 0 && e.from < model.txs);
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

/** A label position kept inside the drawing, anchored so its text does not run off the edge. */
function labelSpot(g: GraphLayout, x: number, y: number): { x: number; y: number; anchor: string } {
  const { left, width, top } = g.box;
  const anchor = x < left + 80 ? "start" : x > left + width - 80 ? "end" : "middle";
  return { x, y: Math.max(top + 10, y), anchor };
}
