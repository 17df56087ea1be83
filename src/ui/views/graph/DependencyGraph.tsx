import { type MouseEvent, type PointerEvent, useEffect, useMemo, useRef, useState } from "react";
import { playback } from "../../../app/page";
import type { ShownRun } from "../../../app/store";
import { txStatesOf } from "../../../engine/analysis/tx-state";
import { formatInt } from "../../format";
import { useRenderer } from "../use-renderer";
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

  const pointAt = (e: PointerEvent | MouseEvent): number => {
    const rect = e.currentTarget.getBoundingClientRect();
    return renderer.current?.txAt(e.clientX - rect.left, e.clientY - rect.top) ?? -1;
  };
  const onMove = (e: PointerEvent<HTMLDivElement>): void => {
    const tx = pointAt(e);
    const hover = tx < 0 ? null : tx;
    if (playback.getState().hoverTx !== hover) playback.getState().hover(hover);
    e.currentTarget.style.cursor = tx < 0 ? "default" : "pointer";
  };
  const onClick = (e: MouseEvent<HTMLDivElement>): void => {
    const tx = pointAt(e);
    playback.getState().select(tx < 0 ? null : tx);
  };

  const edges = model.edgeFrom.length;
  const axis = model.columnKind === "batch" ? "batch" : "dependency level";
  const columnsText = `${formatInt(model.columns)} ${model.columnKind === "batch" ? "batch" : "level"}${model.columns === 1 ? "" : "s"}`;
  return (
    <section className="panel graph-panel" data-testid="graph-view" aria-labelledby="graph-title">
      <header className="panel-head">
        <h2 id="graph-title">Dependency graph</h2>
        <p className="panel-note">x: {axis} · row: the worker that first ran it (fixed for the run)</p>
        <p className="panel-note" data-testid="graph-edge-note">
          {note}
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
      </header>
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: pointer picking on a canvas; the keyboard selects in the inspector. */}
      <div
        className="view-box graph-box"
        ref={box}
        role="img"
        aria-label={`${formatInt(model.txs)} transactions in ${columnsText} on ${formatInt(model.lanes)} lanes, ${formatInt(edges)} read-after-write dependencies`}
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
