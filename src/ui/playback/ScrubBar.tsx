import { useEffect, useRef } from "react";
import { playback } from "../../app/playback";
import { fitCanvas } from "../views/canvas";
import { readPalette } from "../views/palette";
import { drawAbortTicks } from "./abort-ticks";
import { onMediaChange } from "./media";
import { formatClock } from "./playback-format";

/** Half the slider thumb's width (playback.css): the thumb's centre stops this far from each end. */
const THUMB_INSET = 7;

interface Props {
  readonly time: number;
  readonly end: number;
  readonly aborts: Float64Array;
  readonly disabled: boolean;
}

/** The playhead slider over a strip of red ticks where aborts happened. */
export function ScrubBar({ time, end, aborts, disabled }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const el = box.current;
    const c = canvas.current;
    if (!el || !c) return;
    const draw = (): void => {
      const { width, height } = el.getBoundingClientRect();
      if (width < 1 || height < 1) return;
      const ctx = fitCanvas(c, width, height);
      drawAbortTicks(ctx, aborts, end, { width, height, inset: THUMB_INSET }, readPalette().abort);
    };
    const observer = new ResizeObserver(draw);
    observer.observe(el);
    draw();
    const off = onMediaChange(draw);
    return () => {
      observer.disconnect();
      off();
    };
  }, [aborts, end]);
  const share = end > 0 ? Math.min(1, time / end) : 0;
  return (
    <div className="pb-scrub" ref={box}>
      <div className="pb-track" aria-hidden="true">
        <div
          className="pb-played"
          style={{ width: `calc(${THUMB_INSET}px + ${share} * (100% - ${2 * THUMB_INSET}px))` }}
        />
      </div>
      <canvas ref={canvas} />
      <input
        type="range"
        min={0}
        max={end > 0 ? end : 1}
        step="any"
        value={time}
        disabled={disabled}
        aria-label="Playhead"
        aria-valuetext={formatClock(time, end)}
        data-testid="scrub"
        onChange={(e) => playback.getState().seek(Number(e.currentTarget.value))}
      />
    </div>
  );
}
