import { type MouseEvent, type PointerEvent, useEffect, useMemo, useRef, useState } from "react";
import { playback, useViewport, viewport } from "../../../app/page";
import type { ShownRun } from "../../../app/store";
import { panGraph, zoomGraph } from "../../../app/viewport";
import { txStatesOf } from "../../../engine/analysis/tx-state";
import { formatInt, plural } from "../../format";
import { useRenderer } from "../use-renderer";
import { graphZoom, moveGraph } from "../viewport-moves";
import { buildGraphModel } from "./graph-model";
import { GraphRenderer } from "./graph-renderer";
import "./graph.css";

/** One node per transaction, x = dependency level (or batch), row = the worker of its first execution. */
export function DependencyGraph({ run }: { run: ShownRun }) {
  const box = useRef<HTMLDivElement>(null);
  const base = useRef<HTMLCanvasElement>(null);
  const nodes = useRef<HTMLCanvasElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const [critical, setCritical] = useState(false);
  const [note, setNote] = useState("");
  const model = useMemo(() => buildGraphModel(run.result), [run]);
  const { renderer, redraw } = useRenderer(
    box,
    () =>
      base.current && nodes.current && svg.current
        ? new GraphRenderer(
            { base: base.current, nodes: nodes.current, svg: svg.current },
            model,
            run.result,
            txStatesOf(run.result),
          )
        : null,
    model,
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new model means a new renderer to tell.
  useEffect(() => {
    if (!renderer.current) return;
    renderer.current.showCritical = critical;
    renderer.current.listen(setNote);
    redraw();
  }, [critical, model]);

  const zoomed = useViewport((s) => s.graph !== null || s.graphFit !== null);
  const zoomNow = () => renderer.current?.zoom ?? null;

  // Ctrl (or ⌘) + wheel zooms about the pointer, a sideways wheel (or Shift + wheel) pans a zoomed graph; a
  // plain wheel scrolls the page. A native listener: React's wheel listener cannot prevent the page's zoom.
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const onWheel = (e: WheelEvent): void => {
      const r = renderer.current;
      const rect = el.getBoundingClientRect();
      const at = r?.shareAt(e.clientX - rect.left, e.clientY - rect.top);
      if (!r || !at) return;
      if (e.ctrlKey || e.metaKey) {
        e.preventDefault();
        moveGraph((v) => zoomGraph(v, Math.exp(-e.deltaY * 0.002), at[0], at[1]), r.zoom);
      } else if (r.zoom && (e.shiftKey || Math.abs(e.deltaX) > Math.abs(e.deltaY))) {
        e.preventDefault();
        const by = (e.shiftKey ? e.deltaY : e.deltaX) / rect.width;
        moveGraph((v) => panGraph(v, by, 0), r.zoom);
      }
    };
    el.addEventListener("wheel", onWheel, { passive: false });
    return () => el.removeEventListener("wheel", onWheel);
  }, [renderer]);

  // Dragging a zoomed graph pans it; a press that did not move is a click (it selects a transaction).
  const drag = useRef<{ x: number; y: number; moved: boolean } | null>(null);
  const onDown = (e: PointerEvent<HTMLDivElement>): void => {
    if (e.button === 0 && zoomNow()) drag.current = { x: e.clientX, y: e.clientY, moved: false };
  };
  const onDrag = (e: PointerEvent<HTMLDivElement>): boolean => {
    const d = drag.current;
    const r = renderer.current;
    if (!d || !r || (e.buttons & 1) === 0) return false;
    const dx = e.clientX - d.x;
    const dy = e.clientY - d.y;
    if (!d.moved && Math.hypot(dx, dy) < 4) return false;
    d.moved = true;
    const a = r.shareAt(0, 0);
    const b = r.shareAt(1, 1);
    const z = r.zoom;
    if (!a || !b || !z) return true;
    // Shares of the drawing per pixel, times k: panGraph moves by shares of the visible plot.
    moveGraph((v) => panGraph(v, -dx * (b[0] - a[0]) * z.k, -dy * (b[1] - a[1]) * z.k), z);
    d.x = e.clientX;
    d.y = e.clientY;
    return true;
  };
  const onEnter = (): void => {
    // The zoom keys now move this graph.
    graphZoom.current = zoomNow;
    if (viewport.getState().target !== "graph") viewport.setState({ target: "graph" });
  };

  const pointAt = (e: PointerEvent | MouseEvent): number => {
    const rect = e.currentTarget.getBoundingClientRect();
    return renderer.current?.txAt(e.clientX - rect.left, e.clientY - rect.top) ?? -1;
  };
  const onMove = (e: PointerEvent<HTMLDivElement>): void => {
    if (onDrag(e)) return;
    const tx = pointAt(e);
    const hover = tx < 0 ? null : tx;
    if (playback.getState().hoverTx !== hover) playback.getState().hover(hover);
    e.currentTarget.style.cursor = tx < 0 ? "default" : "pointer";
  };
  const onClick = (e: MouseEvent<HTMLDivElement>): void => {
    const dragged = drag.current?.moved === true;
    drag.current = null;
    if (dragged) return;
    const tx = pointAt(e);
    playback.getState().select(tx < 0 ? null : tx);
  };

  const edges = model.edgeFrom.length;
  const axis = model.columnKind === "batch" ? "batch" : "dependency level";
  const columnsText =
    model.columnKind === "batch" ? plural(model.columns, "batch", "batches") : plural(model.columns, "level");
  return (
    <section className="panel graph-panel" data-testid="graph-view" aria-labelledby="graph-title">
      <header className="panel-head">
        <h2 id="graph-title">Dependency graph</h2>
        {/* One paragraph: what the axes are, then what is drawn of the edges, flowing on from it. */}
        <p className="panel-note">
          x: {axis} · row: the worker that first ran it (fixed for the run) ·{" "}
          <span data-testid="graph-edge-note">{note}</span>
        </p>
        <button
          type="button"
          className="toggle"
          aria-pressed={critical}
          aria-label="Highlight the critical path"
          title="The longest chain of dependent transactions: no schedule can finish sooner."
          onClick={() => setCritical(!critical)}
        >
          Critical path
        </button>
        <button
          type="button"
          className="toggle"
          disabled={!zoomed}
          title="Back to the whole graph (0 with the pointer over the graph)"
          onClick={() => viewport.setState({ graph: null, graphFit: null })}
        >
          Whole graph
        </button>
      </header>
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: pointer picking on a canvas; the keyboard selects in the inspector. */}
      <div
        className="view-box graph-box"
        ref={box}
        role="img"
        aria-label={`${formatInt(model.txs)} transactions in ${columnsText} on ${formatInt(model.lanes)} lanes, ${formatInt(edges)} read-after-write dependencies`}
        onPointerEnter={onEnter}
        onPointerDown={onDown}
        onPointerMove={onMove}
        onPointerLeave={() => playback.getState().hover(null)}
        onClick={onClick}
      >
        <canvas ref={base} />
        <canvas ref={nodes} />
        <svg ref={svg} className="graph-overlay" />
      </div>
    </section>
  );
}
