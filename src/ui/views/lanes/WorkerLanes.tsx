import { type MouseEvent, type PointerEvent, useEffect, useMemo, useRef, useState } from "react";
import { playback, viewport } from "../../../app/page";
import type { ShownRun } from "../../../app/store";
import { panWindow, shownWindow } from "../../../app/viewport";
import { lockStalls } from "../../../engine/analysis/lock-stalls";
import { laneBusyAt } from "../../../engine/analysis/log-index";
import { analyzeRun } from "../../../engine/analysis/run-analysis";
import { GAS_LIMIT_NOTE } from "../../../engine/ethereum/import";
import { logEnd } from "../../../engine/trace/eventlog";
import { useRenderer } from "../use-renderer";
import { zoomLanes } from "../viewport-moves";
import { describeBar } from "./describe-bar";
import { FindTx, RangeFigures } from "./LanesTools";
import { buildLaneBars } from "./lane-bars";
import { LanesRenderer } from "./lanes-renderer";

interface Tip {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  /** In the lower half of the panel: shown above the pointer. */
  readonly above: boolean;
}

/** A timeline per worker lane: what each lane executed or validated, and when it sat idle. */
export function WorkerLanes({ run }: { run: ShownRun }) {
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [tip, setTip] = useState<Tip | null>(null);
  const { result, scenario } = run;
  const bars = useMemo(
    () =>
      buildLaneBars(
        result.log,
        result.lanes,
        scenario.shards,
        // A stall is a moment when no transaction of the block may start: one block, one queue.
        scenario.shards === 1 ? lockStalls(result.log, result.block.n) : undefined,
      ),
    [result, scenario],
  );
  const end = logEnd(result.log);
  const { renderer } = useRenderer(
    box,
    () =>
      canvas.current
        ? new LanesRenderer(
            canvas.current,
            bars,
            (lane, t) => laneBusyAt(analyzeRun(result).index, lane, t),
            scenario.shards,
            end,
          )
        : null,
    bars,
  );

  // Ctrl (or ⌘) + wheel zooms about the pointer, a sideways wheel (or Shift + wheel) pans; a plain wheel
  // scrolls the page as usual. A native listener: React's wheel listener cannot prevent the page's zoom.
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const onWheel = (e: WheelEvent): void => {
      const x = e.clientX - el.getBoundingClientRect().left;
      if (e.ctrlKey || e.metaKey) {
        e.preventDefault();
        zoomLanes(Math.exp(e.deltaY * 0.002), renderer.current?.timeAt(x) ?? undefined);
      } else if (e.shiftKey || Math.abs(e.deltaX) > Math.abs(e.deltaY)) {
        const { window } = viewport.getState();
        if (!window) return;
        e.preventDefault();
        const by = (e.shiftKey ? e.deltaY : e.deltaX) / el.clientWidth;
        viewport.setState({ window: panWindow(window, playback.getState().end, by) });
      }
    };
    el.addEventListener("wheel", onWheel, { passive: false });
    return () => el.removeEventListener("wheel", onWheel);
  }, [renderer]);

  // Shift + drag selects a time range (its figures show); dragging a zoomed window pans it; a press that
  // did not move is a click (it selects a transaction).
  const drag = useRef<{ x: number; from: number; to: number; moved: boolean; range: boolean } | null>(null);
  const onDown = (e: PointerEvent<HTMLDivElement>): void => {
    const { window } = viewport.getState();
    if (e.button !== 0 || (!window && !e.shiftKey)) return;
    const w = shownWindow(window, playback.getState().end);
    drag.current = { x: e.clientX, from: w.from, to: w.to, moved: false, range: e.shiftKey };
  };
  const onDrag = (e: PointerEvent<HTMLDivElement>): boolean => {
    const d = drag.current;
    if (!d || (e.buttons & 1) === 0) return false;
    const dx = e.clientX - d.x;
    if (!d.moved && Math.abs(dx) < 4) return false;
    d.moved = true;
    if (d.range) {
      const left = e.currentTarget.getBoundingClientRect().left;
      const a = renderer.current?.timeAt(d.x - left) ?? 0;
      const b = renderer.current?.timeAt(e.clientX - left) ?? 0;
      const end = playback.getState().end;
      const clamp = (t: number): number => Math.min(end, Math.max(0, t));
      viewport.setState({ range: { from: clamp(Math.min(a, b)), to: clamp(Math.max(a, b)) } });
      return true;
    }
    const x0 = renderer.current?.timeAt(0) ?? 0;
    const x1 = renderer.current?.timeAt(1) ?? 0;
    const dt = -dx * (x1 - x0);
    viewport.setState({ window: shownWindow({ from: d.from + dt, to: d.to + dt }, playback.getState().end) });
    return true;
  };

  const onMove = (e: PointerEvent<HTMLDivElement>): void => {
    if (onDrag(e)) return;
    const rect = e.currentTarget.getBoundingClientRect();
    const x = e.clientX - rect.left;
    const y = e.clientY - rect.top;
    const hit = renderer.current?.hit(x, y) ?? null;
    const tx = hit ? bars.tx[hit.bar] : null;
    if (playback.getState().hoverTx !== tx) playback.getState().hover(tx);
    const above = y > rect.height / 2;
    setTip(hit ? { text: describeBar(result, bars, hit.bar, hit.lane, hit.now), x, y, above } : null);
  };
  const onClick = (e: MouseEvent<HTMLDivElement>): void => {
    const dragged = drag.current?.moved === true;
    drag.current = null;
    if (dragged) return;
    const rect = e.currentTarget.getBoundingClientRect();
    const hit = renderer.current?.hit(e.clientX - rect.left, e.clientY - rect.top) ?? null;
    playback.getState().select(hit ? bars.tx[hit.bar] : null);
  };
  const onLeave = (): void => {
    setTip(null);
    playback.getState().hover(null);
  };

  const boxWidth = box.current?.clientWidth ?? 0;
  return (
    <section className="panel lanes-panel" data-testid="lanes-view" aria-labelledby="lanes-title">
      <header className="panel-head">
        <h2 id="lanes-title">Worker lanes</h2>
        <p className="panel-note">
          bar = execution · thin bar = validation
          {scenario.scheduler === "accountlocks" ? " · amber dashes = idle, waiting for a lock" : ""} · % =
          busy so far
        </p>
        <FindTx />
        {result.eth && (
          <p className="panel-note" data-testid="lanes-gas-note">
            {GAS_LIMIT_NOTE}
          </p>
        )}
        <RangeFigures run={run} />
      </header>
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: pointer picking on a canvas; the keyboard selects in the inspector. */}
      <div
        className="view-box lanes-box"
        ref={box}
        role="img"
        aria-label={`Timeline of ${result.lanes} worker lanes up to the playhead`}
        onPointerEnter={() => {
          // The zoom keys now move the lanes.
          if (viewport.getState().target !== "lanes") viewport.setState({ target: "lanes" });
        }}
        onPointerDown={onDown}
        onPointerMove={onMove}
        onPointerLeave={onLeave}
        onClick={onClick}
      >
        <canvas ref={canvas} />
        {tip && (
          <div
            className={tip.above ? "view-tip above" : "view-tip"}
            role="tooltip"
            data-testid="lanes-tooltip"
            style={{
              left: Math.min(tip.x + 12, Math.max(0, boxWidth - 300)),
              top: tip.above ? tip.y - 10 : tip.y + 14,
            }}
          >
            {tip.text}
          </div>
        )}
      </div>
    </section>
  );
}
