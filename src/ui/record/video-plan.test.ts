import { describe, expect, it } from "vitest";
import { frameTime, MAX_FRAMES, planVideo } from "./video-plan";

describe("planVideo", () => {
  it("plays the range at the playback speed: 100 µs at 1/10,000× is one second", () => {
    const r = planVideo(0, 100, 400, 1e-4, 30);
    expect(r).toEqual({ ok: true, plan: { from: 0, to: 100, fps: 30, frames: 30 } });
    if (!r.ok) return;
    expect(frameTime(r.plan, 0)).toBe(0);
    expect(frameTime(r.plan, 29)).toBe(100);
    // Evenly spaced, in order.
    const times = Array.from({ length: 30 }, (_, i) => frameTime(r.plan, i));
    for (let i = 1; i < 30; i++) expect(times[i] - times[i - 1]).toBeCloseTo(100 / 29, 9);
  });

  it("refuses a range outside the run or backwards, and clips too long to make sense", () => {
    const outside = "The range must start before it ends, within the run (0 to 400 µs).";
    expect(planVideo(0, 401, 400.5, 1e-3, 30)).toEqual({ ok: false, message: outside });
    expect(planVideo(50, 50, 400, 1e-3, 30)).toEqual({ ok: false, message: outside });
    expect(planVideo(-1, 50, 400, 1e-3, 30)).toEqual({ ok: false, message: outside });
    expect(planVideo(Number.NaN, 50, 400, 1e-3, 30)).toEqual({ ok: false, message: outside });
    const long = planVideo(0, 400, 400, 1e-6, 60);
    expect(long).toEqual({
      ok: false,
      message: `That is 24,000 frames at this playback speed; at most ${MAX_FRAMES.toLocaleString("en-US")}: shorten the range or play faster.`,
    });
  });

  it("gives at least two frames, so the clip shows both ends", () => {
    const r = planVideo(10, 11, 400, 1, 24);
    expect(r.ok && r.plan.frames).toBe(2);
  });
});
