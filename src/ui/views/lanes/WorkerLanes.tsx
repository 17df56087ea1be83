import { type MouseEvent, type PointerEvent, useMemo, useRef, useState } from "react";
import { playback } from "../../../app/page";
import type { ShownRun } from "../../../app/store";
import { lockStalls } from "../../../engine/analysis/lock-stalls";
import { analyzeRun } from "../../../engine/analysis/run-analysis";
import { GAS_LIMIT_NOTE } from "../../../engine/ethereum/import";
import { useRenderer } from "../use-renderer";
import { describeBar } from "./describe-bar";
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
        analyzeRun(result).index.spans,
      ),
    [result, scenario],
  );
  const end = result.log.length > 0 ? result.log.time[result.log.length - 1] : 0;
  const { renderer } = useRenderer(
    box,
    () =>
      canvas.current
        ? new LanesRenderer(canvas.current, bars, analyzeRun(result).index, scenario.shards, end)
        : null,
    bars,
  );

  const onMove = (e: PointerEvent<HTMLDivElement>): void => {
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
        {result.eth && (
          <p className="panel-note" data-testid="lanes-gas-note">
            {GAS_LIMIT_NOTE}
          </p>
        )}
      </header>
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: pointer picking on a canvas; the keyboard selects in the inspector. */}
      <div
        className="view-box lanes-box"
        ref={box}
        role="img"
        aria-label={`Timeline of ${result.lanes} worker lanes up to the playhead`}
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
