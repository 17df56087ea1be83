import { useEffect, useRef, useState } from "react";
import { bump } from "../../../app/counters";
import type { LiveRun } from "../../../app/store";
import { FULL_VIEW } from "../../../app/viewport";
import { formatInt } from "../../format";
import { prefersReducedMotion } from "../../playback/media";
import { readPalette } from "../palette";
import { GrowingLanes } from "./growing-lanes";
import type { LaneBars } from "./lane-bars";
import { LanesRenderer } from "./lanes-renderer";
import "./live-lanes.css";

/** Redraws per second: each takes only the events the workers published since the last one. */
const POLLS_PER_SECOND = 10;
/**
 * Most events a redraw takes: a run at full speed publishes far more in a tenth of a second, and the page
 * must stay responsive (the lanes then trail the run, which the committed count does not).
 */
const EVENTS_PER_FRAME = 20_000;

/**
 * The worker lanes of a live run while it happens: every tenth of a second the events the workers
 * published since the last frame are read from shared memory and the lanes are drawn up to their latest
 * event with the replay's lane drawing. When the run ends the page shows it as any other run.
 */
export function LiveLanes({ live }: { live: LiveRun }) {
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [committed, setCommitted] = useState(0);
  const { view, shards } = live;

  useEffect(() => bump("liveViews"), []);

  useEffect(() => {
    let raf = 0;
    let timer = 0;
    let drawnAt = 0;
    const palette = readPalette();
    const reducedMotion = prefersReducedMotion();
    const read = view.reader();
    const lanes = new GrowingLanes(view.lanes, shards);
    let renderer: LanesRenderer | null = null;
    let size = { width: 0, height: 0 };
    let done = 0;
    /** Bars grown by the last poll, not drawn yet. */
    let grown: LaneBars | null = null;
    // Ten times a second a timer task reads what the workers published and grows the bars, then the next
    // animation frame draws them: two short main-thread tasks, where one frame did both (each frame is a
    // task, and the run's threads leave the page little room), and no frame asked for in between.
    const poll = (): void => {
      done = view.committed();
      setCommitted(done);
      const events = read(EVENTS_PER_FRAME);
      lanes.add(events);
      if (events.length > 0 || !renderer) grown = lanes.bars();
      raf = requestAnimationFrame(tick);
    };
    const tick = (): void => {
      timer = window.setTimeout(poll, 1000 / POLLS_PER_SECOND);
      const el = box.current;
      if (!el || !canvas.current) return;
      const { width, height } = el.getBoundingClientRect();
      if (width < 1 || height < 1) return;
      const resized = width !== size.width || height !== size.height;
      // Nothing new in the same box (the threads are between runs): the frame on screen is still right.
      if (!grown && !resized) return;
      const bars = grown ?? lanes.bars();
      grown = null;
      renderer ??= new LanesRenderer(canvas.current, bars, lanes.busyAt, shards, lanes.end);
      renderer.setBars(bars, lanes.end);
      if (resized) {
        size = { width, height };
        renderer.resize(width, height);
      }
      renderer.draw({
        time: lanes.end,
        end: lanes.end,
        speed: 1,
        selectedTx: null,
        hoverTx: null,
        reducedMotion,
        palette,
        view: FULL_VIEW,
      });
      if (done > drawnAt && done < view.total) {
        drawnAt = done;
        bump("liveFrames");
      }
    };
    poll();
    return () => {
      clearTimeout(timer);
      cancelAnimationFrame(raf);
    };
  }, [view, shards]);

  const done = Math.min(view.total, committed);
  return (
    <section
      className="panel lanes-panel live-lanes"
      data-testid="live-lanes"
      aria-labelledby="live-lanes-title"
    >
      <header className="panel-head">
        <h2 id="live-lanes-title">Worker lanes</h2>
        <span className="live-badge">live: measured, in progress</span>
        <p className="panel-note">
          <strong data-testid="live-committed">{formatInt(done)}</strong> / {formatInt(view.total)} committed
          · drawn from the workers' event logs in shared memory; the replay follows when the run ends
        </p>
      </header>
      <div
        className="view-box lanes-box"
        ref={box}
        role="img"
        aria-label={`Live timeline of ${view.lanes} worker lanes: ${done} of ${view.total} transactions committed`}
      >
        <canvas ref={canvas} />
      </div>
    </section>
  );
}
