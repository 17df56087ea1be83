/** Draws one run's dependency graph: a static canvas, a node canvas and the SVG highlights. */
import type { TxStates } from "../../../engine/analysis/tx-state";
import type { RunResult } from "../../../engine/run-result";
import { canvasFont, canvasTextPx, clearCanvas, fitCanvas } from "../canvas";
import type { Frame, Renderer } from "../use-renderer";
import { drawBase, drawLabels, drawNodes, NodeBuckets } from "./draw-graph";
import { type EdgePlan, edgeNote, planEdges } from "./edge-plan";
import { GlyphSprites } from "./glyph-sprites";
import { planLabels } from "./graph-labels";
import { type GraphLayout, layoutGraph, nodeAt } from "./graph-layout";
import type { GraphModel } from "./graph-model";
import { GraphOverlay } from "./graph-overlay";
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
    this.layout = layoutGraph(this.model, { left, top, width: width - left - 10, height: height - top - 8 });
    this.plan = planEdges(this.model, this.layout);
    this.overlay.resize(width, height);
  }

  draw(frame: Frame): void {
    const g = this.layout;
    const plan = this.plan;
    if (!g || !plan) return;
    const { width, height } = this;
    const key = `${width}x${height}:${Object.values(frame.palette).join()}`;
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
      const labels = planLabels(g, this.states, this.result, lit, f, (text, px) => {
        ctx.font = canvasFont(px, 700);
        return ctx.measureText(text).width;
      });
      drawLabels(ctx, labels, frame.palette);
      // The test hooks: which transactions carry their numbers, and how many labels found no room.
      this.el.nodes.dataset.labelledTx = labels.labelled.join(" ");
      this.el.nodes.dataset.labelsHidden = String(labels.hidden);
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

  /** The transaction under a point of the panel, or -1. */
  txAt(x: number, y: number): number {
    return this.layout ? nodeAt(this.layout, x, y) : -1;
  }
}
