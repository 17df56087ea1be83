import { useEffect, useRef } from "react";
import { playback } from "../../app/page";
import { fitCanvas } from "../views/canvas";
import { readPalette } from "../views/palette";
import { drawAbortTicks } from "./abort-ticks";
import { onMediaChange } from "./media";
import { formatClock } from "./playback-format";
import { usePlayheadText } from "./use-playhead-text";

/** Half the slider thumb's width (playback.css): the thumb's centre stops this far from each end. */
const THUMB_INSET = 7;

interface Props {
  readonly end: number;
  readonly aborts: Float64Array;
  readonly disabled: boolean;
}

/** The playhead slider over a strip of red ticks where aborts happened. */
export function ScrubBar({ end, aborts, disabled }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const played = useRef<HTMLDivElement>(null);
  const slider = useRef<HTMLInputElement>(null);
  // The thumb and the played part follow the playhead outside React.
  usePlayheadText((s) => {
    const share = s.end > 0 ? Math.min(1, s.time / s.end) : 0;
    if (played.current)
      played.current.style.width = `calc(${THUMB_INSET}px + ${share} * (100% - ${2 * THUMB_INSET}px))`;
    const input = slider.current;
    if (input) {
      input.max = String(s.end > 0 ? s.end : 1);
      input.value = String(s.time);
      input.setAttribute("aria-valuetext", formatClock(s.time, s.end));
    }
  });
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
  return (
    <div className="pb-scrub" ref={box}>
      <div className="pb-track" aria-hidden="true">
        <div className="pb-played" ref={played} />
      </div>
      <canvas ref={canvas} />
      <input
        type="range"
        min={0}
        max={end > 0 ? end : 1}
        step="any"
        ref={slider}
        disabled={disabled}
        aria-label="Playhead"
        data-testid="scrub"
        onChange={(e) => playback.getState().seek(Number(e.currentTarget.value))}
      />
    </div>
  );
}
