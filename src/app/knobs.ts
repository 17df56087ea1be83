/**
 * The knobs of the first page as the user typed them. Text is kept verbatim (never lost, even when invalid);
 * validateScenario judges the parsed values and names the field that is wrong.
 */
import { CONTRACT_KINDS, type ContractKindName, type Scenario } from "../engine/scenario/scenario";

export const NUMBER_KNOBS = ["txs", "accounts", "skew", "seed", "workers", "shards", "locality"] as const;
export type NumberKnob = (typeof NUMBER_KNOBS)[number];
export type ChoiceKnob = "source" | "scheduler" | "crossShard";
export type MixKnob = `mix.${ContractKindName}`;
export type KnobId = NumberKnob | ChoiceKnob | MixKnob;

export type Draft = Readonly<Record<KnobId, string>>;

export function mixKnob(kind: ContractKindName): MixKnob {
  return `mix.${kind}`;
}

export function draftFrom(s: Scenario): Draft {
  return {
    source: s.source,
    scheduler: s.scheduler,
    crossShard: s.crossShard,
    txs: String(s.txs),
    accounts: String(s.accounts),
    skew: String(s.skew),
    seed: String(s.seed),
    workers: String(s.workers),
    shards: String(s.shards),
    locality: String(s.locality),
    "mix.transfer": String(s.mix.transfer),
    "mix.swap": String(s.mix.swap),
    "mix.mint": String(s.mix.mint),
    "mix.vote": String(s.mix.vote),
    "mix.ship": String(s.mix.ship),
  };
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
  };
  for (const k of NUMBER_KNOBS) input[k] = parseNumber(draft[k]);
  const mix: Record<string, unknown> = {};
  for (const kind of CONTRACT_KINDS) mix[kind] = parseNumber(draft[mixKnob(kind)]);
  input.mix = mix;
  return input;
}
