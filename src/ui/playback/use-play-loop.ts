/**
 * Playing is an animation of the frame loop: each frame moves the playhead by wall time × speed, before
 * the views draw. With prefers-reduced-motion it moves in calm discrete steps instead, from event to event.
 * A chapter's segment plays at its own pace and stops at its end (with reduced motion it goes there at once).
 */
import { useEffect } from "react";
import { playback } from "../../app/page";
import { firstAfter } from "../../app/playback";
import { frameLoop } from "../frame-loop";
import { prefersReducedMotion } from "./media";

/** Longest frame counted: a tab in the background must not make the playhead leap. */
const MAX_FRAME_MS = 100;
/** Reduced motion: one step per this many wall milliseconds. */
const STEP_MS = 600;

export function usePlayLoop(): void {
  useEffect(() => {
    let stop: (() => void) | null = null;
    let last = 0;
    let sinceStep = 0;
    const step = (now: number): boolean => {
      const s = playback.getState();
      if (!s.playing || !s.log) {
        stop = null;
        return false;
      }
      const dt = Math.min(MAX_FRAME_MS, last ? now - last : 0);
      last = now;
      const stopAt = s.segment ? Math.min(s.end, s.segment.to) : s.end;
      let next = s.time + dt * 1000 * (s.segment?.speed ?? s.speed);
      if (s.segment && prefersReducedMotion()) next = stopAt;
      else if (prefersReducedMotion()) {
        sinceStep += dt;
        if (sinceStep < STEP_MS) return true;
        // Land on an event: at least the next one, or the last one the speed has reached.
        const target = s.time + sinceStep * 1000 * s.speed;
        sinceStep = 0;
        const i = firstAfter(s.log, s.time);
        const reached = firstAfter(s.log, target) - 1;
        next = i < s.log.length ? Math.max(s.log.time[i], reached >= 0 ? s.log.time[reached] : 0) : s.end;
      }
      if (next >= stopAt) {
        s.advance(stopAt);
        s.pause();
        stop = null;
        return false;
      }
      s.advance(next);
      return true;
    };
    const start = (): void => {
      if (stop) return;
      last = 0;
      // Reduced motion: the first step comes at once.
      sinceStep = STEP_MS;
      stop = frameLoop.animate(step);
    };
    if (playback.getState().playing) start();
    const unsubscribe = playback.subscribe((s, prev) => {
      if (s.playing && !prev.playing) start();
    });
    return () => {
      unsubscribe();
      stop?.();
      stop = null;
    };
  }, []);
}
