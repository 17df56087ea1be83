/**
 * Text that follows the playhead every frame (the clock, the scrub bar's thumb), written outside React:
 * drawn when it mounts, then on every playhead move, once per frame while playing.
 */
import { useLayoutEffect, useRef } from "react";
import { playback } from "../../app/page";
import type { PlaybackState } from "../../app/playback";
import { frameLoop } from "../frame-loop";

export function usePlayheadText(write: (s: PlaybackState) => void): void {
  const latest = useRef(write);
  latest.current = write;
  useLayoutEffect(() => {
    const draw = (): void => latest.current(playback.getState());
    draw();
    const off = playback.subscribe((s, prev) => {
      if (s.time !== prev.time || s.end !== prev.end) frameLoop.update(draw);
    });
    return () => {
      off();
      frameLoop.drop(draw);
    };
  }, []);
}
