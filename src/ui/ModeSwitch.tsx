import { type ChangeEvent, useState } from "react";
import { coresFound, linkView, liveSupport, liveThreadLimit, useRun } from "../app/page";
import { mustBe, SLOWDOWN_RANGE } from "../engine/scenario/ranges";
import type { RunMode } from "../engine/scenario/view-state";
import { coresNote } from "./cores-note";
import { SLOWDOWN_DEF } from "./knob-defs";

/**
 * Virtual (deterministic, simulated) or live (real Web Workers, measured). Where the page cannot run the
 * live pool, choosing it explains why in plain words and offers the virtual mode instead.
 */
export function ModeSwitch() {
  const mode = useRun((s) => s.mode);
  const slowdown = useRun((s) => s.slowdown);
  const setMode = useRun((s) => s.setMode);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [pace, setPace] = useState(String(slowdown));
  const paceValue = Number(pace);
  const paceOk =
    pace.trim() !== "" &&
    Number.isFinite(paceValue) &&
    paceValue >= SLOWDOWN_DEF.min &&
    paceValue <= SLOWDOWN_DEF.max;

  const choose = (next: RunMode): void => {
    if (next === "live") {
      const support = liveSupport();
      if (!support.ok) {
        setRefusal(support.reason);
        return;
      }
    }
    setRefusal(null);
    // The user's choice, not the opened link's, is the mode from now on (and its link's).
    linkView.setState({ liveAsked: false });
    setMode(next);
  };
  const editPace = (e: ChangeEvent<HTMLInputElement>): void => {
    setPace(e.target.value);
    const n = Number(e.target.value);
    if (e.target.value.trim() !== "" && n >= SLOWDOWN_DEF.min && n <= SLOWDOWN_DEF.max) setMode("live", n);
  };

  return (
    <fieldset>
      <legend>Mode</legend>
      <div className="mode-switch" role="radiogroup" aria-label="Run mode">
        <label title="One thread steps virtual workers on a virtual clock: the same run on every machine; figures are simulated.">
          <input
            type="radio"
            name="run-mode"
            value="virtual"
            checked={mode === "virtual" && refusal === null}
            onChange={() => choose("virtual")}
          />
          Virtual (simulated)
        </label>
        <label
          title={`Real Web Workers on this machine's cores (up to ${liveThreadLimit()}): figures are measured and vary from run to run.`}
        >
          <input
            type="radio"
            name="run-mode"
            value="live"
            checked={mode === "live" || refusal !== null}
            onChange={() => choose("live")}
          />
          Live (measured)
        </label>
      </div>
      {refusal !== null && (
        <div className="live-refusal" role="alert" data-testid="live-refusal">
          <p>{refusal}</p>
          <button type="button" className="button" onClick={() => choose("virtual")}>
            Use virtual mode
          </button>
        </div>
      )}
      {mode === "live" && (
        <div className="knob-grid live-knobs">
          <p className="field-note" data-testid="live-cores">
            {coresNote(coresFound(), liveThreadLimit())}
          </p>
          <div className="knob" title={SLOWDOWN_DEF.title}>
            <label htmlFor="knob-slowdown">
              {SLOWDOWN_DEF.label}
              <span className="unit"> {SLOWDOWN_DEF.unit}</span>
            </label>
            <input
              id="knob-slowdown"
              type="number"
              min={SLOWDOWN_DEF.min}
              max={SLOWDOWN_DEF.max}
              step={SLOWDOWN_DEF.step}
              value={pace}
              aria-invalid={paceOk ? undefined : true}
              aria-describedby={paceOk ? undefined : "knob-slowdown-error"}
              onChange={editPace}
            />
            {!paceOk && (
              <p className="field-error" id="knob-slowdown-error" role="alert">
                slowdown {mustBe(SLOWDOWN_RANGE)} (got {JSON.stringify(pace)})
              </p>
            )}
          </div>
        </div>
      )}
    </fieldset>
  );
}

/** Where the figures come from, in the mode the page is in. */
export function ModeNote() {
  const mode = useRun((s) => s.mode);
  return (
    <p className="drawer-note">
      {mode === "virtual"
        ? "Every figure comes from a deterministic run on a virtual clock, where a transaction costs its gas: the same scenario gives the same run on every machine."
        : "Every figure is measured: real Web Workers execute the block on this machine's cores over shared memory. Times vary from run to run; the final state always equals sequential execution."}
    </p>
  );
}
