/**
 * How a link's run mode opens on this page: live where the page can run the live pool and has the threads
 * for it, else what comes closest, with a notice saying why. Also the thread limit's words and the
 * workers that fill it, which the mode switch and the knobs' check use too.
 */
import type { LinkIssue } from "../engine/scenario/link";
import type { Scenario } from "../engine/scenario/scenario";
import type { RunMode, ViewState } from "../engine/scenario/view-state";
import type { LiveSupport } from "../runtime/live/support";
import { plural } from "./format";

/** The most threads a live run starts here, in words (the mode switch's note says where it comes from). */
export const threadLimitText = (limit: number): string =>
  `live mode runs at most ${plural(limit, "thread")} here`;

/** Workers per shard that fill `limit` threads over `shards` shards (at least one). */
export const workersToFill = (limit: number, shards: number): number =>
  Math.max(1, Math.floor(limit / Math.max(1, shards)));

export interface LinkMode {
  readonly mode: RunMode;
  /** The link's scenario, its workers fitted to this page's threads in live mode. */
  readonly scenario: Scenario;
  readonly issues: readonly LinkIssue[];
}

/** A preset's lesson and chapters hold for its run on the virtual clock, not for a measured one. */
const PRESET_LIVE =
  "p: a preset's lesson and chapters describe its run on the virtual clock; this link runs it live, so they are left out";

/**
 * `view`: the link's view (its mode, none: virtual; its preset); `support`: whether this page can run live;
 * `maxThreads`: the most threads a live run starts here (asked only for a live link the page can run).
 */
export function linkMode(
  scenario: Scenario,
  view: Pick<ViewState, "mode" | "preset">,
  support: LiveSupport,
  maxThreads: () => number,
): LinkMode {
  const live = liveMode(scenario, view.mode, support, maxThreads);
  if (live.mode !== "live" || view.preset === undefined) return live;
  return { ...live, issues: [...live.issues, { part: "p", message: PRESET_LIVE }] };
}

function liveMode(
  scenario: Scenario,
  asked: RunMode | undefined,
  support: LiveSupport,
  maxThreads: () => number,
): LinkMode {
  if (asked !== "live") return { mode: "virtual", scenario, issues: [] };
  if (!support.ok) {
    const message = `mode: this page cannot run the live mode, so the link opened in virtual mode. ${support.reason}`;
    return { mode: "virtual", scenario, issues: [{ part: "mode", message }] };
  }
  const limit = maxThreads();
  const { workers, shards } = scenario;
  if (workers * shards <= limit) return { mode: "live", scenario, issues: [] };
  if (shards > limit) {
    const message = `mode: ${threadLimitText(limit)}, fewer than the link's ${shards} shards, so the link opened in virtual mode`;
    return { mode: "virtual", scenario, issues: [{ part: "mode", message }] };
  }
  const fitted = workersToFill(limit, shards);
  const perShard = shards > 1 ? " per shard" : "";
  return {
    mode: "live",
    scenario: { ...scenario, workers: fitted },
    issues: [
      {
        part: "w",
        message: `w: ${threadLimitText(limit)}: ${plural(fitted, "worker")}${perShard} instead of ${workers}`,
      },
    ],
  };
}
