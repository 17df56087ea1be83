import { useEffect, useRef, useState } from "react";
import { bump } from "../../../app/counters";
import type { LiveRun } from "../../../app/store";
import { FULL_VIEW } from "../../../app/viewport";
import { logIndexOf } from "../../../engine/analysis/log-index";
import { formatInt } from "../../format";
import { prefersReducedMotion } from "../../playback/media";
import { readPalette } from "../palette";
import { buildLaneBars } from "./lane-bars";
import { LanesRenderer } from "./lanes-renderer";
import "./live-lanes.css";
import { logEnd } from "../../../engine/trace/eventlog";

/** Redraws per second: the logs are re-read and re-sorted from shared memory each time. */
const POLLS_PER_SECOND = 10;

/**
 * The worker lanes of a live run while it happens: every tenth of a second the workers' event logs are read
 * from shared memory and drawn up to their latest event with the replay's lane drawing. When the run ends
 * the page shows it as any other run.
 */
export function LiveLanes({ live }: { live: LiveRun }) {
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [committed, setCommitted] = useState(0);
  const { view, shards } = live;

  useEffect(() => {
    let raf = 0;
    let last = Number.NEGATIVE_INFINITY;
    let drawnAt = 0;
    const palette = readPalette();
    const reducedMotion = prefersReducedMotion();
    const tick = (now: number): void => {
      raf = requestAnimationFrame(tick);
      const el = box.current;
      if (now - last < 1000 / POLLS_PER_SECOND || !el || !canvas.current) return;
      last = now;
      const done = view.committed();
      setCommitted(done);
      const { width, height } = el.getBoundingClientRect();
      if (width < 1 || height < 1) return;
      const log = view.snapshot();
      const end = logEnd(log);
      const bars = buildLaneBars(log, view.lanes, shards);
      const renderer = new LanesRenderer(
        canvas.current,
        bars,
        logIndexOf(log, view.lanes, shards),
        shards,
        end,
      );
      renderer.resize(width, height);
      renderer.draw({
        time: end,
        end,
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
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
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
