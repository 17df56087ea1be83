/** The "new version" notice: a release is installed and waits, or another tab took one. */
import { useStore } from "zustand";
import { applyRelease, release } from "../app/release";

export function ReleaseNotice() {
  const update = useStore(release, (s) => s.update);
  if (update === "current") return null;
  return (
    <div className="link-notices release-notice" role="status" data-testid="release-notice">
      <p>
        {update === "ready"
          ? "A new version of TxLanes is ready. Reload to use it (the link keeps the scenario)."
          : "TxLanes was updated in another tab. Reload this page to keep it working."}
      </p>
      <button type="button" className="pill" onClick={applyRelease}>
        Reload
      </button>
    </div>
  );
}
