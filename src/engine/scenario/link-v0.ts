/**
 * Link v0, the format before links carried a version: every knob under its scenario field name
 * (`?scheduler=batched&workers=4&txs=500&crossShard=locks`), mix weights one per kind on top of the
 * default mix (`mix.swap=0.5`), the playhead in milliseconds (`time=`), the selection as `selected=`,
 * and no hash. Migrated forward to v1 parameters before decoding, like Excalidraw's legacy decoder.
 */
import { parseNumber } from "./link-query";
import { CONTRACT_KINDS, DEFAULT_SCENARIO } from "./scenario";

/** v0 name -> v1 name, for the names that changed. seed, skew, shards and speed kept theirs. */
const RENAMED: Readonly<Record<string, string>> = {
  source: "src",
  scheduler: "s",
  workers: "w",
  txs: "n",
  accounts: "acc",
  crossShard: "x",
  locality: "loc",
  selected: "tx",
  time: "t",
};
const MIX_PREFIX = "mix.";

/** A link without `lv` is v0 when it uses a name only v0 had. */
export function looksLikeV0(names: readonly string[]): boolean {
  return names.some((n) => Object.hasOwn(RENAMED, n) || n.startsWith(MIX_PREFIX));
}

/** Playhead: v0 milliseconds to v1 microseconds; text that is no number stays as typed for the message. */
function msToUs(text: string): string {
  const ms = parseNumber(text);
  return typeof ms === "number" ? String(Number((ms * 1000).toPrecision(15))) : text;
}

export interface MigratedQuery {
  readonly pairs: [string, string][];
  /** v1 name -> the name the link used, so an issue names the part as the user sees it. */
  readonly typedAs: ReadonlyMap<string, string>;
}

/** Rewrites v0 pairs as v1 pairs; names v0 did not know pass through unchanged (v1 reports them). */
export function migrateV0(pairs: readonly [string, string][]): MigratedQuery {
  const out: [string, string][] = [];
  const typedAs = new Map<string, string>();
  const mix = new Map<string, string>();
  for (const [name, value] of pairs) {
    if (name.startsWith(MIX_PREFIX)) {
      const kind = name.slice(MIX_PREFIX.length);
      if (!mix.has(kind)) mix.set(kind, value);
      continue;
    }
    const v1 = Object.hasOwn(RENAMED, name) ? RENAMED[name] : name;
    if (v1 !== name) typedAs.set(v1, name);
    out.push([v1, name === "time" ? msToUs(value) : value]);
  }
  if (mix.size > 0) {
    const weights = new Map<string, string>(CONTRACT_KINDS.map((k) => [k, String(DEFAULT_SCENARIO.mix[k])]));
    for (const [kind, w] of mix) weights.set(kind, w);
    const entries = [...weights].filter(([, w]) => w !== "0").map(([k, w]) => `${k}:${w}`);
    out.push(["mix", entries.join(",")]);
    typedAs.set("mix", `${MIX_PREFIX}*`);
  }
  return { pairs: out, typedAs };
}
