import { useEffect, useMemo, useRef } from "react";
import { playback, usePlayback } from "../../app/page";
import { SPEED_STEPS, speedStep } from "../../app/playback";
import type { ShownRun } from "../../app/store";
import { GAS_LIMIT_NOTE } from "../../engine/ethereum/import";
import { abortAfter, abortTimes } from "./abort-ticks";
import { Icon, type IconName } from "./icons";
import { formatClock, formatSpeed } from "./playback-format";
import { ScrubBar } from "./ScrubBar";
import { usePlayheadText } from "./use-playhead-text";
import "./playback.css";

const NO_ABORTS = new Float64Array(0);

function Button(props: {
  icon: IconName;
  label: string;
  keys: string;
  onClick: () => void;
  disabled: boolean;
}) {
  return (
    <button
      type="button"
      className="pb-button"
      aria-label={props.label}
      title={`${props.label} (${props.keys})`}
      onClick={props.onClick}
      disabled={props.disabled}
    >
      <Icon name={props.icon} />
    </button>
  );
}

/** The playhead's clock text, or none while there is no run to play. */
function writeClock(el: HTMLOutputElement | null, blank: boolean, time: number, end: number): void {
  if (el) el.textContent = blank ? "" : formatClock(time, end);
}

/** Restart, step, play, next abort, the scrub bar, the time and the speed. Keys: see keys.ts. */
export function PlaybackBar({ run }: { run: ShownRun | null }) {
  const end = usePlayback((s) => s.end);
  const playing = usePlayback((s) => s.playing);
  const speed = usePlayback((s) => s.speed);
  const aborts = useMemo(() => (run ? abortTimes(run.result.log) : NO_ABORTS), [run]);
  // React renders the bar when what it shows changes; the clock follows the playhead outside React.
  const abortAhead = usePlayback((s) => abortAfter(aborts, s.time));
  const clockText = useRef<HTMLOutputElement>(null);
  const off = !run;
  // With no run to play (a live run in flight) the clock stays blank rather than show the last run's time.
  const blank = useRef(off);
  blank.current = off;
  usePlayheadText((s) => writeClock(clockText.current, blank.current, s.time, s.end));
  useEffect(() => {
    const { time, end } = playback.getState();
    writeClock(clockText.current, off, time, end);
  }, [off]);
  const p = playback.getState();
  const clock = run?.result.mode === "live" ? "measured" : "simulated";
  return (
    <section className="playback" aria-label="Playback" data-testid="playback-bar">
      <div className="pb-buttons">
        <Button icon="restart" label="Restart" keys="Home" onClick={() => p.restart()} disabled={off} />
        <Button icon="stepBack" label="Step back" keys="←" onClick={() => p.stepPrev()} disabled={off} />
        <button
          type="button"
          className="pb-button pb-play"
          aria-label={playing ? "Pause" : "Play"}
          title={`${playing ? "Pause" : "Play"} (Space)`}
          onClick={() => p.toggle()}
          disabled={off}
        >
          <Icon name={playing ? "pause" : "play"} />
        </button>
        <Button
          icon="stepForward"
          label="Step forward"
          keys="→"
          onClick={() => p.stepNext()}
          disabled={off}
        />
        <Button
          icon="nextAbort"
          label="Next abort"
          keys="X"
          onClick={() => p.nextAbort()}
          disabled={off || !abortAhead}
        />
      </div>
      <ScrubBar end={end} aborts={aborts} disabled={off} />
      <p className="pb-time">
        <output data-testid="playhead-time" ref={clockText} />{" "}
        {!off && (
          <span className="pb-clock" data-testid="playhead-clock">
            ({clock})
          </span>
        )}
        {run?.result.eth && (
          <span className="pb-note" data-testid="gas-limit-note">
            {GAS_LIMIT_NOTE}
          </span>
        )}
      </p>
      <label className="pb-speed" title="Run time per wall-clock time ([ slower, ] faster)">
        <span className="pb-speed-label">Speed</span>
        <input
          type="range"
          min={0}
          max={SPEED_STEPS.length - 1}
          step={1}
          value={speedStep(speed)}
          aria-label="Speed"
          aria-valuetext={formatSpeed(speed)}
          onChange={(e) => p.setSpeed(SPEED_STEPS[Number(e.currentTarget.value)])}
        />
        <output data-testid="speed-value">{formatSpeed(speed)}</output>
      </label>
    </section>
  );
}
