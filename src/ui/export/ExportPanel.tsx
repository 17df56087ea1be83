import { useState } from "react";
import { useRun } from "../../app/page";
import type { ShownRun } from "../../app/store";
import { GAS_LIMIT_NOTE } from "../../engine/ethereum/import";
import { EmbedCode } from "../embed/EmbedCode";
import { RecordVideo } from "../record/RecordVideo";
import { downloadBlob, downloadJson } from "./download";
import { runReport, runTrace } from "./report";
import { snapshotPng, snapshotSvg } from "./snapshot";
import "./files.css";

/** File names say what was run: "txlanes-blockstm-8w-seed42". */
function baseName(run: ShownRun): string {
  const s = run.scenario;
  const block = run.result.eth
    ? `eth${run.result.eth.number}`
    : s.source === "synthetic"
      ? `seed${s.seed}`
      : s.source;
  return `txlanes-${s.scheduler}-${run.result.lanes}w-${block}`;
}

function stage(): HTMLElement {
  const el = document.querySelector<HTMLElement>("main.stage");
  if (!el) throw new Error("no view is on screen to export");
  return el;
}

/** Downloads of the shown run: pictures of the views, the trace, the report and the scenario. */
export function ExportPanel() {
  const shown = useRun((s) => s.shown);
  const [error, setError] = useState<string | null>(null);
  if (!shown) return null;
  const name = baseName(shown);
  const guard = (action: () => void | Promise<void>) => async (): Promise<void> => {
    try {
      setError(null);
      await action();
    } catch (e) {
      setError(`Export failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  return (
    <section className="files" aria-labelledby="export-title">
      <h2 id="export-title">Export</h2>
      <div className="file-buttons">
        <button
          type="button"
          className="button"
          title="The views as they are now, as a PNG picture."
          onClick={guard(async () => downloadBlob(await snapshotPng(stage()), `${name}.png`))}
        >
          PNG
        </button>
        <button
          type="button"
          className="button"
          title="The views as they are now, as an SVG document."
          onClick={guard(() =>
            downloadBlob(new Blob([snapshotSvg(stage())], { type: "image/svg+xml" }), `${name}.svg`),
          )}
        >
          SVG
        </button>
        <button
          type="button"
          className="button"
          title="The whole run in the Chrome Trace Event format: open it in ui.perfetto.dev or chrome://tracing."
          onClick={guard(() => downloadJson(runTrace(shown.result), `${name}.trace.json`))}
        >
          Trace
        </button>
        <button
          type="button"
          className="button"
          title="The scenario, the metrics, the state hashes, the mode and the clock, as JSON."
          onClick={guard(() =>
            downloadJson(runReport(shown.result, shown.metrics, GAS_LIMIT_NOTE), `${name}.report.json`),
          )}
        >
          Report
        </button>
        <button
          type="button"
          className="button"
          title="The scenario as JSON: open it here again (or drop it on the page) to get the same run."
          onClick={guard(() => downloadJson(shown.scenario, `${name}.scenario.json`))}
        >
          Scenario
        </button>
      </div>
      <RecordVideo run={shown} fileName={name} />
      <EmbedCode run={shown} />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
