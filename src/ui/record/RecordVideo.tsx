/**
 * "Video" in the export panel: a playhead range, a size and a frame rate; the frame count and length at
 * the current playback speed; Record with a progress bar and Cancel; the file downloads when done.
 */
import { useRef, useState } from "react";
import { usePlayback } from "../../app/page";
import type { ShownRun } from "../../app/store";
import { downloadBlob } from "../export/download";
import { formatInt } from "../format";
import { formatClock, formatSpeed } from "../playback/playback-format";
import { RecordingCancelledError, recordVideo } from "./record-video";
import { planVideo, VIDEO_FPS, VIDEO_SIZES } from "./video-plan";
import "./record.css";

type Status =
  | { kind: "idle" }
  | { kind: "recording"; done: number; total: number }
  | { kind: "done"; message: string }
  | { kind: "error"; message: string };

export function RecordVideo({ run, fileName }: { run: ShownRun; fileName: string }) {
  const end = usePlayback((s) => s.end);
  const speed = usePlayback((s) => s.speed);
  const [from, setFrom] = useState("0");
  const [to, setTo] = useState<string | null>(null);
  const [size, setSize] = useState(1);
  const [fps, setFps] = useState<number>(30);
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const abort = useRef<AbortController | null>(null);
  // Until edited, the range ends with the run (to a tenth of a microsecond, as the field shows it).
  const toText = to ?? String(Math.floor(end * 10) / 10);
  const planned = planVideo(Number(from), Number(toText), end, speed, fps);
  const recording = status.kind === "recording";
  const clock = run.result.mode === "live" ? "measured" : "simulated";

  const record = async (): Promise<void> => {
    const stage = document.querySelector<HTMLElement>("main.stage");
    if (!planned.ok || !stage) return;
    const { plan } = planned;
    const controller = new AbortController();
    abort.current = controller;
    setStatus({ kind: "recording", done: 0, total: plan.frames });
    try {
      const video = await recordVideo(
        {
          plan,
          ...VIDEO_SIZES[size],
          stage,
          caption: (t) => `TxLanes · ${formatClock(t, end)} (${clock}) · ${formatSpeed(speed)} speed`,
        },
        (done) => setStatus({ kind: "recording", done, total: plan.frames }),
        controller.signal,
      );
      downloadBlob(video, `${fileName}.webm`);
      setStatus({ kind: "done", message: `Recorded ${formatInt(plan.frames)} frames.` });
    } catch (e) {
      setStatus(
        e instanceof RecordingCancelledError
          ? { kind: "done", message: "Recording cancelled." }
          : { kind: "error", message: `Video failed: ${e instanceof Error ? e.message : String(e)}` },
      );
    }
  };

  return (
    <fieldset className="record-video">
      <legend>Video</legend>
      <div className="record-fields">
        <label>
          From (µs)
          <input
            type="number"
            min={0}
            step="any"
            value={from}
            disabled={recording}
            onChange={(e) => setFrom(e.currentTarget.value)}
          />
        </label>
        <label>
          To (µs)
          <input
            type="number"
            min={0}
            step="any"
            value={toText}
            disabled={recording}
            onChange={(e) => setTo(e.currentTarget.value)}
          />
        </label>
        <label>
          Size
          <select value={size} disabled={recording} onChange={(e) => setSize(Number(e.currentTarget.value))}>
            {VIDEO_SIZES.map((s, i) => (
              <option key={s.width} value={i}>
                {s.width} × {s.height}
              </option>
            ))}
          </select>
        </label>
        <label>
          Frame rate
          <select value={fps} disabled={recording} onChange={(e) => setFps(Number(e.currentTarget.value))}>
            {VIDEO_FPS.map((f) => (
              <option key={f} value={f}>
                {f} fps
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="record-plan" data-testid="video-plan">
        {planned.ok
          ? `${formatInt(planned.plan.frames)} frames, ${(planned.plan.frames / fps).toFixed(2)} s of WebM at the playback speed (${formatSpeed(speed)}).`
          : planned.message}
      </p>
      {recording ? (
        <div className="record-progress">
          <progress
            aria-label="Video progress"
            max={status.total}
            value={status.done}
            data-testid="video-progress"
          />
          <span>
            Frame {formatInt(status.done)} of {formatInt(status.total)}
          </span>
          <button type="button" className="button" onClick={() => abort.current?.abort()}>
            Cancel
          </button>
        </div>
      ) : (
        <button type="button" className="button" onClick={record} disabled={!planned.ok}>
          Record video
        </button>
      )}
      {status.kind === "done" && (
        <p role="status" data-testid="video-status">
          {status.message}
        </p>
      )}
      {status.kind === "error" && (
        <p className="field-error" role="alert">
          {status.message}
        </p>
      )}
    </fieldset>
  );
}
