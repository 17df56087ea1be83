/**
 * The one animation loop: while playing, each frame moves the playhead by wall time × speed. With
 * prefers-reduced-motion it moves in calm discrete steps instead, from event to event.
 */
import { useEffect } from "react";
import { firstAfter, playback } from "../../app/playback";
import { prefersReducedMotion } from "./media";

/** Longest frame counted: a tab in the background must not make the playhead leap. */
const MAX_FRAME_MS = 100;
/** Reduced motion: one step per this many wall milliseconds. */
const STEP_MS = 600;

export function usePlayLoop(): void {
  useEffect(() => {
    let raf = 0;
    let last = 0;
    let sinceStep = 0;
    const tick = (now: number): void => {
      const s = playback.getState();
      if (!s.playing || !s.log) {
        raf = 0;
        return;
      }
      const dt = Math.min(MAX_FRAME_MS, last ? now - last : 0);
      last = now;
      let next = s.time + dt * 1000 * s.speed;
      if (prefersReducedMotion()) {
        sinceStep += dt;
        if (sinceStep < STEP_MS) {
          raf = requestAnimationFrame(tick);
          return;
        }
        // Land on an event: at least the next one, or the last one the speed has reached.
        const target = s.time + sinceStep * 1000 * s.speed;
        sinceStep = 0;
        const i = firstAfter(s.log, s.time);
        const reached = firstAfter(s.log, target) - 1;
        next = i < s.log.length ? Math.max(s.log.time[i], reached >= 0 ? s.log.time[reached] : 0) : s.end;
      }
      if (next >= s.end) {
        s.seek(s.end);
        s.pause();
        raf = 0;
        return;
      }
      s.seek(next);
      raf = requestAnimationFrame(tick);
    };
    const start = (): void => {
      if (raf) return;
      last = 0;
      // Reduced motion: the first step comes at once.
      sinceStep = STEP_MS;
      raf = requestAnimationFrame(tick);
    };
    if (playback.getState().playing) start();
    const unsubscribe = playback.subscribe((s, prev) => {
      if (s.playing && !prev.playing) start();
    });
    return () => {
      unsubscribe();
      cancelAnimationFrame(raf);
      raf = 0;
    };
  }, []);
}
