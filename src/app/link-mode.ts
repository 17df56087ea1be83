/**
 * How a link's run mode opens on this page: live where the page can run the live pool and has the threads
 * for it, else what comes closest, with a notice saying why.
 */
import type { LinkIssue } from "../engine/scenario/link";
import type { Scenario } from "../engine/scenario/scenario";
import type { RunMode } from "../engine/scenario/view-state";
import type { LiveSupport } from "../runtime/live/support";

export interface LinkMode {
  readonly mode: RunMode;
  /** The link's scenario, its workers fitted to this page's threads in live mode. */
  readonly scenario: Scenario;
  readonly issues: readonly LinkIssue[];
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

/**
 * `asked`: the link's mode (none: virtual); `support`: whether this page can run live; `maxThreads`: the
 * most threads a live run starts here (asked only for a live link the page can run).
 */
export function linkMode(
  scenario: Scenario,
  asked: RunMode | undefined,
  support: LiveSupport,
  maxThreads: () => number,
): LinkMode {
  if (asked !== "live") return { mode: "virtual", scenario, issues: [] };
  const virtual = (message: string): LinkMode => ({
    mode: "virtual",
    scenario,
    issues: [{ part: "mode", message: `mode: ${message}` }],
  });
  if (!support.ok)
    return virtual(
      `this page cannot run the live mode, so the link opened in virtual mode. ${support.reason}`,
    );
  const limit = maxThreads();
  const { workers, shards } = scenario;
  if (workers * shards <= limit) return { mode: "live", scenario, issues: [] };
  const here = `live mode runs at most ${plural(limit, "thread")} here (this machine's cores)`;
  if (shards > limit)
    return virtual(`${here}, fewer than the link's ${shards} shards, so the link opened in virtual mode`);
  const fitted = Math.floor(limit / shards);
  return {
    mode: "live",
    scenario: { ...scenario, workers: fitted },
    issues: [
      {
        part: "mode",
        message: `mode: ${here}: ${plural(fitted, "worker")}${shards > 1 ? " per shard" : ""} instead of the link's ${workers}`,
      },
    ],
  };
}
