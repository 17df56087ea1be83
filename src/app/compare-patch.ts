/**
 * The compare side: the left scenario with a patch of the fields a comparison may change (scheduler,
 * workers, shards, cross-shard protocol, locality, fee mode), checked as a whole scenario.
 */
import type { Scenario } from "../engine/scenario/scenario";
import { validateScenario } from "../engine/scenario/validate";
import type { ScenarioPatch } from "../engine/scenario/view-state";

/** What "Compare" opens with: optimistic against declared access (account locks) on the same block. */
export function defaultPatch(left: Scenario): ScenarioPatch {
  return { scheduler: left.scheduler === "blockstm" ? "accountlocks" : "blockstm" };
}

/** The right side's scenario, or the validator's messages (each naming its field) when the mix is invalid. */
export function rightScenario(
  left: Scenario,
  patch: ScenarioPatch,
): { ok: true; scenario: Scenario } | { ok: false; message: string } {
  const checked = validateScenario({ ...left, ...patch });
  if (checked.ok) return { ok: true, scenario: checked.scenario };
  return { ok: false, message: checked.errors.map((e) => e.message).join("; ") };
}
