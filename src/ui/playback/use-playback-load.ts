/** Hands each new run's log to the playhead, keeping the playhead's share of the run. */
import { useEffect } from "react";
import { playback } from "../../app/playback";
import type { ShownRun } from "../../app/store";

export function usePlaybackLoad(run: ShownRun | null): void {
  useEffect(() => {
    if (!run) return;
    const s = playback.getState();
    const log = run.result.log;
    const end = log.length > 0 ? log.time[log.length - 1] : 0;
    // The first run opens on its finished picture; Play starts it from the beginning.
    const share = s.log && s.end > 0 ? s.time / s.end : 1;
    s.load(log, share * end);
  }, [run]);
}
