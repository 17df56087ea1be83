/**
 * The playhead as the side panels read it. While playing, it moves only when the playhead passes an event
 * (it is the time of the latest event passed), so a panel renders when what it shows changes, not on every
 * frame; at rest it is the playhead itself.
 */
import { usePlayback } from "../../app/page";
import { eventsUpTo } from "../../engine/analysis/log-index";

export function useMoment(): number {
  return usePlayback((s) => {
    if (!s.playing || !s.log) return s.time;
    const passed = eventsUpTo(s.log, s.time);
    return passed > 0 ? s.log.time[passed - 1] : 0;
  });
}
