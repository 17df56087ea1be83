/**
 * The lanes' tools: find a transaction by its number (it is selected and the lanes frame its life), and
 * the figures of a selected time range (Shift + drag on the lanes), counted from the log index.
 */
import { type FormEvent, useMemo, useState } from "react";
import { findTx, useViewport, viewport } from "../../../app/page";
import type { ShownRun } from "../../../app/store";
import { invalidSince } from "../../../engine/analysis/list-check";
import { rangeFigures } from "../../../engine/analysis/range-figures";
import { analyzeRun } from "../../../engine/analysis/run-analysis";
import { formatDuration, formatInt, formatPercent } from "../../format";
import "./lanes-tools.css";

export function FindTx() {
  const [message, setMessage] = useState<string | null>(null);
  const onSubmit = (e: FormEvent<HTMLFormElement>): void => {
    e.preventDefault();
    const text = String(new FormData(e.currentTarget).get("tx") ?? "").trim();
    setMessage(text === "" ? "type a transaction number" : findTx(Number(text)));
  };
  return (
    <form className="find-tx" onSubmit={onSubmit} aria-label="Find a transaction">
      <input name="tx" type="number" min={0} step={1} placeholder="tx #" aria-label="Transaction number" />
      <button type="submit" className="button">
        Find
      </button>
      {message && (
        <span className="field-error" role="status" data-testid="find-tx-error">
          {message}
        </span>
      )}
    </form>
  );
}

/** The selected range's figures, or nothing. */
export function RangeFigures({ run }: { run: ShownRun }) {
  const range = useViewport((s) => s.range);
  const index = useMemo(() => analyzeRun(run.result).index, [run]);
  const invalidAt = useMemo(() => invalidSince(run.result.log), [run]);
  if (!range) return null;
  const f = rangeFigures(index, range.from, range.to);
  // A bal block that has disagreed with its list by the range's end is invalid: none of it is final.
  const finals =
    invalidAt <= f.to
      ? `${formatInt(f.finals)} checked out against the list (the block is invalid: none final)`
      : `${formatInt(f.finals)} transactions final`;
  return (
    <p className="range-figures" data-testid="range-figures">
      <strong>
        {formatDuration(f.from)} – {formatDuration(f.to)}:
      </strong>{" "}
      {formatInt(f.executions)} executions ({formatInt(f.reExecutions)} re-executions) · {formatInt(f.aborts)}{" "}
      aborts · {finals} · busy {formatPercent(f.busy)}{" "}
      <button type="button" className="button" onClick={() => viewport.setState({ range: null })}>
        Clear
      </button>
    </p>
  );
}
