import { costKnob, type Draft } from "../app/knobs";
import {
  costSpread,
  isMeasuredCost,
  MEASURED_FIELDS,
  MEASURED_WHAT,
  type MeasuredCost,
  measuredFigures,
  PAGE_CALIBRATION_RUNS,
  significant,
} from "../app/measure";
import { liveSupport, liveThreadLimit, useMeasure, useMeasureRefusal, useRun } from "../app/page";
import type { ShownRun } from "../app/store";
import { formatPercent } from "./format";
import { COST_DEFS } from "./knob-defs";

/** A measured figure as shown: three significant digits, as the cost knob takes it. */
const us = (x: number): string => String(significant(x));

/** What a run's cost model is called while it holds the measured figures. */
export const MEASURED_LABEL = "measured in this browser";

/** "Task cost, MV read, …, and Commit": the knobs a measurement sets, by their labels. */
const MEASURED_NAMES = (() => {
  const labels = MEASURED_FIELDS.map((f) => COST_DEFS[f].label);
  return `${labels.slice(0, -1).join(", ")} and ${labels[labels.length - 1]}`;
})();

/** Why this page cannot measure, or null. */
function cannotMeasure(): string | null {
  const support = liveSupport();
  if (!support.ok) return support.reason;
  const threads = liveThreadLimit();
  return threads < 2
    ? `Measuring needs two threads at least (it times threads taking the scheduler at once); this browser reports ${threads}.`
    : null;
}

/** The draft's cost fields as numbers (a field that is not a number never equals a measured figure). */
function draftCost(draft: Draft): MeasuredCost {
  const n = (f: keyof MeasuredCost) => Number(draft[costKnob(f)]);
  return {
    taskUs: n("taskUs"),
    mvReadUs: n("mvReadUs"),
    mvWriteUs: n("mvWriteUs"),
    validateUsPerRead: n("validateUsPerRead"),
    commitUs: n("commitUs"),
    resumeUs: n("resumeUs"),
  };
}

/** Whether a shown run is a virtual run whose cost model is the one measured in this browser. */
export function useMeasuredCost(run: ShownRun | null): boolean {
  const applied = useMeasure((s) => s.applied);
  return run !== null && run.result.mode === "virtual" && isMeasuredCost(run.scenario.cost, applied);
}

/** "Measure this machine": the calibration on this browser's own threads, and its medians as the cost model. */
export function MeasurePanel() {
  const { status, progress, calibration, error, notice, applied, measure, cancel, use } = useMeasure(
    (s) => s,
  );
  const draft = useRun((s) => s.draft);
  const unable = cannotMeasure();
  const busy = useMeasureRefusal();
  const reason = unable ?? busy;
  const labelled = isMeasuredCost(draftCost(draft), applied);
  const clamped = applied?.filter((f) => f.clamped) ?? [];
  return (
    <div className="measure" data-testid="measure">
      {labelled && (
        <p className="measure-label" data-testid="cost-measured">
          Cost model: {MEASURED_LABEL}. {MEASURED_NAMES} hold this machine's medians; changing one by hand
          leaves it.
        </p>
      )}
      <div className="measure-actions">
        {status === "measuring" ? (
          <>
            <progress max={1} value={progress} aria-label="Measurement progress" />
            <span>Measuring… {formatPercent(progress)}</span>
            <button type="button" className="button" onClick={cancel}>
              Cancel
            </button>
          </>
        ) : (
          <button
            type="button"
            className="button"
            disabled={reason !== null}
            title={
              reason ??
              `Time the engine's scheduler code on this browser's threads, as npm run cli -- calibrate does (a warm-up, then ${PAGE_CALIBRATION_RUNS} repetitions).`
            }
            onClick={measure}
          >
            Measure this machine
          </button>
        )}
        {status !== "measuring" && calibration && (
          <button type="button" className="button" onClick={use}>
            Use as cost model
          </button>
        )}
      </div>
      {status !== "measuring" && reason && (
        <p className="field-note" data-testid="measure-refusal">
          {reason}
        </p>
      )}
      {notice && (
        <p className="field-note" role="status" data-testid="measure-notice">
          {notice}
        </p>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {calibration && (
        <table className="measure-table" data-testid="measure-table">
          <caption>
            Measured in this browser on this machine: {calibration.threads} threads, median and range of{" "}
            {calibration.runs} warm repetitions, µs
          </caption>
          <thead>
            <tr>
              <th scope="col">field</th>
              <th scope="col">median</th>
              <th scope="col">min–max</th>
            </tr>
          </thead>
          <tbody>
            {measuredFigures(calibration).map(({ field }) => {
              const s = costSpread(calibration, field);
              return (
                <tr key={field} title={MEASURED_WHAT[field]} data-field={field}>
                  <th scope="row">{COST_DEFS[field].label}</th>
                  <td data-testid={`measured-${field}`}>{us(s.median)}</td>
                  <td>
                    {us(s.min)}–{us(s.max)}
                  </td>
                </tr>
              );
            })}
            <tr>
              <th scope="row">Task cost, all threads</th>
              <td data-testid="measured-taskUsAll">{us(calibration.fields.taskUs.median)}</td>
              <td>
                {us(calibration.fields.taskUs.min)}–{us(calibration.fields.taskUs.max)}
              </td>
            </tr>
          </tbody>
        </table>
      )}
      {calibration && (
        <p className="field-note">
          Task cost is the slot one thread takes alone, the figure the model charges; "all threads" is the
          same slot with every thread taking them at once, for comparison (the model charges no contention).
        </p>
      )}
      {clamped.length > 0 && (
        <ul className="field-note" data-testid="measure-clamped">
          {clamped.map((f) => (
            <li key={f.field}>
              {COST_DEFS[f.field].label}: measured {us(f.median)} µs, set to {f.value} µs, the nearest the
              knob allows.
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
