/**
 * Link v1 query parameters: short, hand-editable names for the common knobs and the view. Values are
 * plain text; parsing only turns number-looking text into numbers, and the scenario and view checkers
 * judge ranges, so their messages quote exactly what the link said.
 */
import { CONTRACT_KINDS, type Mix, type Scenario } from "./scenario";
import { quoteValue, type ViewState } from "./view-state";

type Kind = "number" | "word" | "mix" | "flag";
type QueryScenarioField = Exclude<keyof Scenario, "v" | "cost">;
type QueryViewField = Exclude<keyof ViewState, "panels" | "compare">;

export type Param =
  | {
      readonly name: string;
      readonly in: "scenario";
      readonly field: QueryScenarioField;
      readonly kind: Kind;
    }
  | { readonly name: string; readonly in: "view"; readonly field: QueryViewField; readonly kind: Kind };

const scenario = (name: string, field: QueryScenarioField, kind: Kind): Param => ({
  name,
  in: "scenario",
  field,
  kind,
});
const view = (name: string, field: QueryViewField, kind: Kind): Param => ({ name, in: "view", field, kind });

/** In the order a link lists them (and the README's table). */
export const PARAMS: readonly Param[] = [
  view("p", "preset", "word"),
  scenario("src", "source", "word"),
  scenario("s", "scheduler", "word"),
  scenario("w", "workers", "number"),
  scenario("shards", "shards", "number"),
  scenario("x", "crossShard", "word"),
  scenario("loc", "locality", "number"),
  scenario("n", "txs", "number"),
  scenario("mix", "mix", "mix"),
  scenario("acc", "accounts", "number"),
  scenario("skew", "skew", "number"),
  scenario("pools", "pools", "number"),
  scenario("cols", "collections", "number"),
  scenario("props", "proposals", "number"),
  scenario("items", "items", "number"),
  scenario("fee", "feeMode", "word"),
  scenario("agg", "aggregators", "flag"),
  scenario("corrupt", "corruptList", "flag"),
  scenario("seed", "seed", "number"),
  view("t", "t", "number"),
  view("speed", "speed", "number"),
  view("tx", "tx", "number"),
  view("ch", "chapter", "number"),
  view("embed", "embed", "flag"),
  view("show", "show", "word"),
  view("story", "story", "number"),
  view("mode", "mode", "word"),
];
/** The link format version parameter. */
export const VERSION_PARAM = "lv";
export const PARAM_NAMES: readonly string[] = [VERSION_PARAM, ...PARAMS.map((p) => p.name)];

/** Decimal notation as String(number) writes it: the shortest text that reads back as the same number. */
const NUMBER = /^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/** "1" and "0" are true and false; any other text stays text, for the checker to quote. */
export function parseFlag(text: string): boolean | string {
  return text === "1" ? true : text === "0" ? false : text;
}

/** A number when the text is written as one; otherwise the text, for the checker to quote. */
export function parseNumber(text: string): number | string {
  return NUMBER.test(text) ? Number(text) : text;
}

/** "transfer:1,swap:0.5" (kinds left out weigh 0); `entryError` gets each malformed or repeated entry. */
export function parseMix(
  text: string,
  entryError: (message: string) => void,
): Record<string, number | string> {
  const mix: Record<string, number | string> = {};
  if (text === "") return mix;
  for (const entry of text.split(",")) {
    const colon = entry.indexOf(":");
    const kind = entry.slice(0, colon);
    if (colon <= 0)
      entryError(`each entry must be kind:weight, like transfer:1,swap:0.5 (got ${quoteValue(entry)})`);
    else if (Object.hasOwn(mix, kind))
      entryError(`${quoteValue(kind)} is given twice; the first weight is used`);
    else mix[kind] = parseNumber(entry.slice(colon + 1));
  }
  return mix;
}

export function formatMix(mix: Mix): string {
  return CONTRACT_KINDS.filter((k) => mix[k] !== 0)
    .map((k) => `${k}:${mix[k]}`)
    .join(",");
}

/** Text of a query value; numbers in their shortest exact form, flags as 1 and 0. */
export function formatValue(value: number | string | boolean | Mix): string {
  if (typeof value === "boolean") return value ? "1" : "0";
  return typeof value === "object" ? formatMix(value) : String(value);
}

/** Percent-encodes a value but leaves `:` and `,` readable (both are legal in a query). */
export function encodeValue(text: string): string {
  return encodeURIComponent(text).replaceAll("%3A", ":").replaceAll("%2C", ",");
}

/** Query pairs in order, percent-decoded ("+" is a space); never throws on malformed escapes. */
export function queryPairs(search: string): [string, string][] {
  return [...new URLSearchParams(search.startsWith("?") ? search.slice(1) : search)];
}
