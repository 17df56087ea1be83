import type { ChangeEvent } from "react";
import { useOpenFile, useOpenNotice } from "./use-open";
import "../export/files.css";

/** Opens a scenario or Ethereum block file; drag and drop onto the page does the same (DropZone). */
export function ImportPanel() {
  const open = useOpenFile();
  const notice = useOpenNotice((s) => s.notice);
  const pick = (e: ChangeEvent<HTMLInputElement>): void => {
    const file = e.target.files?.[0];
    e.target.value = "";
    if (file) void open(file);
  };
  return (
    <section className="files" aria-labelledby="import-title">
      <h2 id="import-title">Open a file</h2>
      <p className="field-note">
        A scenario JSON (as exported here) or an Ethereum block JSON (eth_getBlockByNumber with full
        transactions, up to 20 MB). Or drop the file anywhere on the page.
      </p>
      <label className="button file-pick">
        Choose file…
        <input type="file" accept=".json,application/json" className="visually-hidden" onChange={pick} />
      </label>
      {notice && (
        <ul
          className={notice.ok ? "open-notice" : "open-notice field-error"}
          role={notice.ok ? "status" : "alert"}
          data-testid="open-notice"
        >
          {notice.lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
