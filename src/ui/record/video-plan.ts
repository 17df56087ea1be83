/**
 * A video of the views over a playhead range: how many frames, and which run time each frame shows. The
 * video plays the range at the playback speed the viewer has chosen (run microseconds per wall
 * microsecond), so a clip looks as the run looks when played here.
 */
import { formatInt } from "../format";

export const VIDEO_SIZES = [
  { width: 640, height: 360 },
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;
export const VIDEO_FPS = [24, 30, 60] as const;
/** Ten minutes at 30 frames per second: longer clips are a range or speed mistake. */
export const MAX_FRAMES = 18_000;

export interface VideoPlan {
  /** Playhead range, run µs. */
  readonly from: number;
  readonly to: number;
  readonly fps: number;
  readonly frames: number;
}

export type PlanResult = { ok: true; plan: VideoPlan } | { ok: false; message: string };

/** The frames of `from`..`to` (run µs, within 0..`end`) played at `speed`, at `fps`: at least two. */
export function planVideo(from: number, to: number, end: number, speed: number, fps: number): PlanResult {
  if (!Number.isFinite(from) || !Number.isFinite(to) || from < 0 || to > end || from >= to)
    return {
      ok: false,
      message: `The range must start before it ends, within the run (0 to ${formatInt(Math.floor(end))} µs).`,
    };
  const seconds = (to - from) / speed / 1e6;
  const frames = Math.max(2, Math.round(seconds * fps));
  if (frames > MAX_FRAMES)
    return {
      ok: false,
      message: `That is ${formatInt(frames)} frames at this playback speed; at most ${formatInt(MAX_FRAMES)}: shorten the range or play faster.`,
    };
  return { ok: true, plan: { from, to, fps, frames } };
}

/** The run time frame `i` shows: the first frame shows `from`, the last `to`, evenly between. */
export function frameTime(plan: VideoPlan, i: number): number {
  return plan.from + ((plan.to - plan.from) * i) / (plan.frames - 1);
}
