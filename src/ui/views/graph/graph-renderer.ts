/** Draws one run's dependency graph: a static canvas, a node canvas and the SVG highlights. */
import type { TxStates } from "../../../engine/analysis/tx-state";
import type { RunResult } from "../../../engine/run-result";
import { canvasFont, canvasTextPx, clearCanvas, fitCanvas } from "../canvas";
import type { Frame, Renderer } from "../use-renderer";
import { drawBase, drawLabels, drawNodes, NodeBuckets } from "./draw-graph";
import { type EdgePlan, edgeNote, planEdges } from "./edge-plan";
import { GlyphSprites } from "./glyph-sprites";
import { type LabelPlan, planLabels } from "./graph-labels";
import { type Box, type GraphLayout, layoutGraph, nodeAt, type Zoom } from "./graph-layout";
import type { GraphModel } from "./graph-model";
import { GraphOverlay } from "./graph-overlay";
import { fitZoom } from "./graph-zoom";
import { litEdges } from "./lit-edges";

/** An abort stays on screen this long in wall time (at the current speed), at most 1/40 of the run. */
const FLASH_WALL_MS = 700;

function flashWindowUs(frame: Pick<Frame, "speed" | "end">): number {
  return Math.min(FLASH_WALL_MS * 1000 * frame.speed, frame.end / 40);
}

/** Whether any abort is within its flash window at t. */
function hasFlash(states: TxStates, t: number, flashUs: number): boolean {
  for (let tx = 0; tx < states.txs; tx++) {
    const since = t - states.abortAt[tx];
    if (since >= 0 && since < flashUs) return true;
  }
  return false;
}

const round = (v: number): string => String(Math.round(v * 100) / 100);

function namedNumbers(plan: LabelPlan, g: GraphLayout): string {
  return plan.labels
    .filter((l) => l.kind === "named" && l.tx >= 0)
    .map((l) => {
      const { x0, y0, x1, y1 } = l.box;
      const node = [g.x[l.tx], g.y[l.tx], g.r].map(round).join(" ");
      return `${l.tx}:${node}:${[x0, y0, x1, y1].map(round).join(" ")}:${l.inside ? 1 : 0}`;
    })
    .join(";");
}

export interface GraphCanvases {
  readonly base: HTMLCanvasElement;
  readonly nodes: HTMLCanvasElement;
  readonly svg: SVGSVGElement;
}

export class GraphRenderer implements Renderer {
  showCritical = false;
  private onNote: (note: string) => void = () => {};
  private note = "";
  private layout: GraphLayout | null = null;
  private plan: EdgePlan | null = null;
  /** The plot (the panel less the axis labels' margins). */
  private plot: Box | null = null;
  /** The zoom drawn (the viewport's, or the one framing its transactions), and what it was made from. */
  private zoomed: Zoom | null = null;
  private zoomFor: unknown = undefined;
  private width = 0;
  private height = 0;
  private textPx = 11;
  /** Palette and size the base canvas was drawn for. */
  private baseFor = "";
  private nodesFor = "";
  private readonly overlay: GraphOverlay;
  private readonly buckets: NodeBuckets;
  private readonly sprites = new GlyphSprites();

  constructor(
    private readonly el: GraphCanvases,
    private readonly model: GraphModel,
    private readonly result: RunResult,
    private readonly states: TxStates,
  ) {
    this.overlay = new GraphOverlay(el.svg);
    this.buckets = new NodeBuckets(model.txs);
  }

  /** Tells `fn` the panel note (what is drawn of the edges and nodes) now and whenever it changes. */
  listen(fn: (note: string) => void): void {
    this.onNote = fn;
    fn(this.note);
  }

  resize(width: number, height: number): void {
    this.width = width;
    this.height = height;
    this.textPx = canvasTextPx(this.el.base);
    const em = this.textPx / 11;
    const left = Math.round((this.model.shards > 1 ? 54 : 34) * em);
    const top = Math.round(9 + this.textPx);
    this.plot = { left, top, width: Math.max(0, width - left - 10), height: Math.max(0, height - top - 8) };
    this.layout = null;
    this.zoomFor = undefined;
    this.overlay.resize(width, height);
  }

  /** The zoom shown now: the viewport's own, or the one framing the transactions it names. */
  get zoom(): Zoom | null {
    return this.zoomed;
  }

  /** The layout for the frame's zoom (kept while the zoom and the size stay). */
  private layoutFor(view: Frame["view"], plot: Box): GraphLayout {
    const source = view.graph ?? view.graphFit;
    if (this.layout && source === this.zoomFor) return this.layout;
    this.zoomFor = source;
    this.zoomed =
      view.graph ?? (view.graphFit ? fitZoom(this.model, plot, view.graphFit, this.textPx) : null);
    this.layout = layoutGraph(this.model, plot, this.zoomed, this.textPx);
    this.plan = planEdges(this.model, this.layout);
    const z = this.zoomed;
    // The test hook: the zoom drawn (k, and the centre as shares of the whole drawing).
    this.el.nodes.dataset.zoom = z ? `${z.k} ${z.cx} ${z.cy}` : "1 0.5 0.5";
    return this.layout;
  }

  draw(frame: Frame): void {
    if (!this.plot) return;
    const g = this.layoutFor(frame.view, this.plot);
    const plan = this.plan;
    if (!plan) return;
    const { width, height } = this;
    const key = `${width}x${height}:${Object.values(frame.palette).join()}:${this.zoomed ? Object.values(this.zoomed).join() : ""}`;
    if (key !== this.baseFor) {
      const ctx = fitCanvas(this.el.base, width, height);
      clearCanvas(ctx, width, height);
      drawBase(ctx, this.model, g, plan, frame.palette, this.textPx);
      this.baseFor = key;
    }
    this.states.seek(frame.time);
    const f = {
      time: frame.time,
      flashUs: flashWindowUs(frame),
      still: frame.reducedMotion,
      selectedTx: frame.selectedTx,
      hoverTx: frame.hoverTx,
      showCritical: this.showCritical,
      textPx: this.textPx,
      named: frame.view.named,
    };
    // Nodes change only with the events applied, or every frame while an abort flashes.
    const flashing = f.flashUs > 0 && hasFlash(this.states, f.time, f.flashUs);
    // The labels name the selected and hovered transactions: a new one places every label again.
    const nodesKey = `${key}:${this.states.applied}:${flashing ? f.time : ""}:${f.still}:${f.named.join()}:${f.selectedTx}:${f.hoverTx}`;
    const lit = litEdges(this.model, this.states, this.result, f);
    if (nodesKey !== this.nodesFor) {
      const ctx = fitCanvas(this.el.nodes, width, height);
      clearCanvas(ctx, width, height);
      drawNodes(ctx, this.model, g, this.states, this.buckets, this.sprites, f, frame.palette);
      const measure = (text: string, px: number) => {
        ctx.font = canvasFont(px, 700);
        const m = ctx.measureText(text);
        return { width: m.width, height: m.actualBoundingBoxAscent + m.actualBoundingBoxDescent };
      };
      const labels = planLabels(g, this.states, this.result, lit, f, measure, plan.bands);
      drawLabels(ctx, labels, frame.palette);
      // The test hooks: which transactions carry their numbers, how many labels found no room, and where
      // the named ones' numbers are drawn against their node ("tx:x y r:x0 y0 x1 y1:inside"), and the bands
      // whose edge count is drawn ("from>to:text").
      this.el.nodes.dataset.labelledTx = labels.labelled.join(" ");
      this.el.nodes.dataset.labelsHidden = String(labels.hidden);
      this.el.nodes.dataset.namedNumbers = namedNumbers(labels, g);
      this.el.nodes.dataset.bandLabels = labels.bandLabels
        .map(({ band, label }) => `${band.from}>${band.to}:${label.text}`)
        .join(";");
      this.nodesFor = nodesKey;
    }
    this.overlay.draw(this.model, g, lit, f);
    const hovered = frame.hoverTx !== null && frame.hoverTx !== frame.selectedTx;
    const note = edgeNote(plan, this.model, { selected: frame.selectedTx !== null, hovered });
    if (note !== this.note) {
      this.note = note;
      this.el.nodes.dataset.edges = plan.mode;
      this.onNote(note);
    }
  }

  /** The point (x, y) of the panel as shares of the whole drawing (to zoom about it), or null. */
  shareAt(x: number, y: number): [number, number] | null {
    const g = this.layout;
    return g ? [(x - g.box.left) / g.box.width, (y - g.box.top) / g.box.height] : null;
  }

  /** The transaction under a point of the panel, or -1. */
  txAt(x: number, y: number): number {
    return this.layout ? nodeAt(this.layout, x, y) : -1;
  }
}
