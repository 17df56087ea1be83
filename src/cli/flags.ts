/**
 * Every command's flags go through Node's util.parseArgs; this adds the messages the CLI promises (the
 * flag named, what it needs) and refuses what parseArgs would let through: a flag given twice, a value
 * that is another flag.
 */
import { parseArgs } from "node:util";
import { formatNumber, inRange, mustBe, type Range } from "../engine/scenario/ranges";

export interface FlagSpec {
  /** "value" flags take one argument (`--txs 10` or `--txs=10`); "switch" flags take none. */
  readonly type: "value" | "switch";
}

export type Flags<K extends string> = {
  /** Values as typed (switches as true), by flag name without the dashes. */
  readonly values: Partial<Record<K, string | true>>;
  readonly positionals: readonly string[];
};

export type FlagsParsed<K extends string> =
  | { ok: true; help: true }
  | ({ ok: true; help?: undefined } & Flags<K>)
  | { ok: false; error: string };

/** Parses `argv` against `spec` (`-h`/`--help` are always known and win wherever they stand). */
export function parseFlags<K extends string>(
  argv: readonly string[],
  spec: Readonly<Record<K, FlagSpec>>,
): FlagsParsed<K> {
  const options = Object.fromEntries(
    Object.entries<FlagSpec>(spec).map(([name, f]) => [
      name,
      { type: f.type === "value" ? ("string" as const) : ("boolean" as const) },
    ]),
  );
  const { tokens } = parseArgs({
    args: [...argv],
    options: { ...options, help: { type: "boolean", short: "h" } },
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const values: Partial<Record<string, string | true>> = {};
  const positionals: string[] = [];
  if (tokens.some((t) => t.kind === "option" && t.name === "help")) return { ok: true, help: true };
  for (const t of tokens) {
    if (t.kind === "positional") positionals.push(t.value);
    if (t.kind !== "option") continue;
    const f: FlagSpec | undefined = Object.hasOwn(spec, t.name) ? spec[t.name as K] : undefined;
    if (!f) return { ok: false, error: `unknown flag ${t.rawName}` };
    if (Object.hasOwn(values, t.name)) return { ok: false, error: `${t.rawName} given twice` };
    if (f.type === "switch") {
      if (t.inlineValue) return { ok: false, error: `${t.rawName} takes no value` };
      values[t.name] = true;
      continue;
    }
    // `--workers --json`: parseArgs would take the next flag as the value.
    const v = t.value;
    if (v === undefined || v === "" || (!t.inlineValue && v.startsWith("--")))
      return { ok: false, error: `${t.rawName} needs a value` };
    values[t.name] = v;
  }
  return { ok: true, values: values as Partial<Record<K, string | true>>, positionals };
}

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/** A number as typed on a command line (`1_000` allowed), or the message naming the flag. */
export function parseNumber(flag: string, text: string): number | string {
  const clean = text.replaceAll("_", "");
  const v = Number(clean);
  if (!NUMBER.test(clean) || !Number.isFinite(v)) return `${flag} expects a number (got "${text}")`;
  return v;
}

/** A number in `range`, or the message: "--runs must be an integer from 1 to 50 (got 0)". */
export function parseInRange(flag: string, text: string, range: Range): number | string {
  const n = parseNumber(flag, text);
  if (typeof n === "number" && inRange(range, n)) return n;
  return `${flag} ${mustBe(range)} (got ${typeof n === "number" ? formatNumber(n) : `"${text}"`})`;
}

/** Timed runs per benchmark row, after the warm-up. */
export const RUNS_RANGE: Range = { integer: true, min: 1, max: 50 };
