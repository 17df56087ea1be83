/**
 * The scenario knobs as the user typed them. Text is kept verbatim (never lost, even when invalid);
 * validateScenario judges the parsed values and names the field that is wrong.
 */
import { FLAGS, type FlagField } from "../engine/scenario/ranges";
import {
  CONTRACT_KINDS,
  type ContractKindName,
  type CostModel,
  type Scenario,
} from "../engine/scenario/scenario";

export const NUMBER_KNOBS = [
  "txs",
  "accounts",
  "skew",
  "seed",
  "workers",
  "shards",
  "locality",
  "pools",
  "collections",
  "proposals",
  "items",
] as const;
export type NumberKnob = (typeof NUMBER_KNOBS)[number];
/** The cost model fields a user sets (`work` only paces live runs and stays as it is). */
export const COST_KNOBS = [
  "gasPerUs",
  "validateUsPerRead",
  "taskUs",
  "mvReadUs",
  "mvWriteUs",
  "commitUs",
  "resumeUs",
  "msgUs",
] as const;
export type CostField = (typeof COST_KNOBS)[number];
export type CostKnob = `cost.${CostField}`;
export type ChoiceKnob = "source" | "scheduler" | "crossShard" | "feeMode";
export type MixKnob = `mix.${ContractKindName}`;
/** On/off knobs: their text is "true" or "false". */
export type FlagKnob = FlagField;
export const FLAG_KNOBS = Object.keys(FLAGS) as FlagKnob[];
export type KnobId = NumberKnob | ChoiceKnob | MixKnob | CostKnob | FlagKnob;

export type Draft = Readonly<Record<KnobId, string>>;

export function mixKnob(kind: ContractKindName): MixKnob {
  return `mix.${kind}`;
}

export function costKnob(field: CostField): CostKnob {
  return `cost.${field}`;
}

export function draftFrom(s: Scenario): Draft {
  const draft: Record<string, string> = {
    source: s.source,
    scheduler: s.scheduler,
    crossShard: s.crossShard,
    feeMode: s.feeMode,
  };
  for (const k of NUMBER_KNOBS) draft[k] = String(s[k]);
  for (const k of FLAG_KNOBS) draft[k] = String(s[k]);
  for (const kind of CONTRACT_KINDS) draft[mixKnob(kind)] = String(s.mix[kind]);
  for (const f of COST_KNOBS) draft[costKnob(f)] = String(s.cost[f]);
  return draft as Draft;
}

/** A number when the text is one; otherwise the text itself, so the validator's message can quote it. */
function parseNumber(text: string): number | string {
  const t = text.trim();
  const n = t === "" ? Number.NaN : Number(t);
  return Number.isNaN(n) ? text : n;
}

/** The scenario the draft describes, unvalidated; fields without a knob come from `base`. */
export function draftToInput(draft: Draft, base: Scenario): Record<string, unknown> {
  const input: Record<string, unknown> = {
    ...base,
    source: draft.source,
    scheduler: draft.scheduler,
    crossShard: draft.crossShard,
    feeMode: draft.feeMode,
  };
  for (const k of NUMBER_KNOBS) input[k] = parseNumber(draft[k]);
  for (const k of FLAG_KNOBS) input[k] = draft[k] === "true";
  const mix: Record<string, unknown> = {};
  for (const kind of CONTRACT_KINDS) mix[kind] = parseNumber(draft[mixKnob(kind)]);
  input.mix = mix;
  const cost: Record<string, unknown> = { ...base.cost } satisfies Partial<Record<keyof CostModel, unknown>>;
  for (const f of COST_KNOBS) cost[f] = parseNumber(draft[costKnob(f)]);
  input.cost = cost;
  return input;
}
