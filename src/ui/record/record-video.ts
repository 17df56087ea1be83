/**
 * Records the views as a WebM video, frame by frame from the event log: for each frame the playhead moves
 * to that frame's time, every renderer draws that moment (they draw when the playhead moves), and the
 * views' canvases are drawn into the video's canvas and encoded (WebCodecs, muxed by mediabunny). No
 * screen capture: the clip is exact at any size and frame rate, however slow the machine.
 */
import { playback } from "../../app/page";
import { drawLayout, type Layout, layoutOf } from "../export/snapshot";
import { frameLoop } from "../frame-loop";
import { frameTime, type VideoPlan } from "./video-plan";

export class RecordingCancelledError extends Error {
  constructor() {
    super("recording cancelled");
  }
}

export interface RecordOptions {
  readonly plan: VideoPlan;
  readonly width: number;
  readonly height: number;
  /** The element holding the views (main.stage). */
  readonly stage: HTMLElement;
  /** The line under the views for a frame at run time t (the clock). */
  readonly caption: (t: number) => string;
}

const FOOTER = 34;

/** The views fitted into the frame above a footer line, letterboxed on the page background. */
function drawFrame(ctx: CanvasRenderingContext2D, l: Layout, o: RecordOptions, caption: string): void {
  const { width, height } = o;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.fillStyle = l.background;
  ctx.fillRect(0, 0, width, height);
  const scale = Math.min(width / l.width, (height - FOOTER) / l.height);
  ctx.setTransform(scale, 0, 0, scale, (width - l.width * scale) / 2, 0);
  drawLayout(ctx, l);
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.fillStyle = l.color;
  ctx.font = l.font;
  ctx.textBaseline = "middle";
  ctx.fillText(caption, 12, height - FOOTER / 2);
}

/** The video as a WebM file; `onFrame` hears of each frame done. The playhead is put back afterwards. */
export async function recordVideo(
  o: RecordOptions,
  onFrame: (done: number) => void,
  signal: AbortSignal,
): Promise<Blob> {
  const { BufferTarget, CanvasSource, getFirstEncodableVideoCodec, Output, QUALITY_HIGH, WebMOutputFormat } =
    await import("mediabunny");
  const codec = await getFirstEncodableVideoCodec(["vp9", "vp8"], { width: o.width, height: o.height });
  if (!codec) throw new Error("this browser cannot encode WebM video (neither VP9 nor VP8)");
  const canvas = document.createElement("canvas");
  canvas.width = o.width;
  canvas.height = o.height;
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("this browser cannot draw on a 2D canvas");
  const target = new BufferTarget();
  const output = new Output({ format: new WebMOutputFormat(), target });
  // Realtime: the encoder keeps no lookahead, so progress follows the frames and the end needs no long flush.
  const source = new CanvasSource(canvas, { codec, bitrate: QUALITY_HIGH, latencyMode: "realtime" });
  output.addVideoTrack(source, { frameRate: o.plan.fps });
  await output.start();

  const head = playback.getState();
  const restore = head.time;
  head.pause();
  const layout = layoutOf(o.stage);
  try {
    for (let i = 0; i < o.plan.frames; i++) {
      if (signal.aborted) throw new RecordingCancelledError();
      const t = frameTime(o.plan, i);
      playback.getState().seek(t);
      // The views draw in the frame loop: this frame's picture is needed now.
      frameLoop.flush();
      drawFrame(ctx, layout, o, o.caption(t));
      await source.add(i / o.plan.fps, 1 / o.plan.fps);
      onFrame(i + 1);
    }
    source.close();
    await output.finalize();
  } catch (e) {
    await output.cancel();
    throw e;
  } finally {
    playback.getState().seek(restore);
  }
  if (!target.buffer) throw new Error("the video could not be written");
  return new Blob([target.buffer], { type: "video/webm" });
}
