/** Command-line parsing for `txlanes run`: flags become scenario fields; ranges are checked later by validateScenario. */

export const USAGE = `usage: npm run cli -- run [PRESET|FILE.json] [options]
       npm run cli -- block FILE.json [options]   (a real Ethereum block; see block --help)
       npm run cli -- presets                     (list the presets: id, title, lesson)

  PRESET                 a preset id from \`presets\`, or default   (or a scenario JSON file)
  --txs N                block size (1 to 100,000)
  --accounts N           number of accounts (2 to 1,000,000)
  --skew S               Zipf exponent of account choice (0 = uniform, up to 4)
  --seed N               workload seed (0 to 4,294,967,295)
  --mix K=W,...          contract weights, e.g. transfer=1,swap=0.5 (kinds: transfer swap mint vote ship)
  --scheduler NAME       sequential | blockstm | accountlocks | batched
                         (accountlocks: run each tx once every earlier one it conflicts with has finished;
                          batched: level batches from declared access, a barrier between batches)
  --workers N            workers per shard (1 to 64)
  --shards N             shards (1 to 64; 1 = unsharded)
  --cross-shard P        receipts | locks
  --locality P           share of a transaction's keys in its home shard (0 to 1)
  --mode M               virtual (simulated, the default) | real (measured on this machine's cores)
  --threads N            real mode: worker threads (1 to the cores; default workers x shards, capped)
  --json                 print one JSON object instead of the table
  --trace FILE           write a Chrome trace (open it in https://ui.perfetto.dev)
  -h, --help             show this help`;

/** Printed after every input error. */
export const HINT = "Run `npm run cli -- --help` for usage.";

type FlagType = "number" | "word" | "mix";

/** Value flags that set a scenario field. */
const SCENARIO_FLAGS: Readonly<Record<string, { field: string; type: FlagType }>> = {
  "--txs": { field: "txs", type: "number" },
  "--accounts": { field: "accounts", type: "number" },
  "--skew": { field: "skew", type: "number" },
  "--seed": { field: "seed", type: "number" },
  "--mix": { field: "mix", type: "mix" },
  "--scheduler": { field: "scheduler", type: "word" },
  "--workers": { field: "workers", type: "number" },
  "--shards": { field: "shards", type: "number" },
  "--cross-shard": { field: "crossShard", type: "word" },
  "--locality": { field: "locality", type: "number" },
};

/** The flag that sets a scenario field ("crossShard" -> "--cross-shard"; "mix.swap" -> "--mix"). */
export function flagOf(field: string): string | undefined {
  const top = field.split(".")[0];
  return Object.keys(SCENARIO_FLAGS).find((f) => SCENARIO_FLAGS[f].field === top);
}

export interface RunArgs {
  readonly command: "run";
  /** Preset name or scenario file; undefined = the default preset. */
  readonly source: string | undefined;
  /** Scenario fields given as flags, as typed (validated with the whole scenario). */
  readonly fields: Readonly<Record<string, unknown>>;
  readonly json: boolean;
  readonly trace: string | undefined;
  /** virtual: the deterministic simulation; real: live worker threads, measured. */
  readonly mode: "virtual" | "real";
  readonly threads: number | undefined;
}

export type Parsed = { ok: true; args: RunArgs } | { ok: true; help: true } | { ok: false; error: string };

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

function parseNumber(flag: string, text: string): number | string {
  const v = Number(text.replaceAll("_", ""));
  if (!NUMBER.test(text.replaceAll("_", "")) || !Number.isFinite(v))
    return `${flag} expects a number (got "${text}")`;
  return v;
}

function parseMix(text: string): Record<string, number> | string {
  const mix: Record<string, number> = {};
  for (const part of text.split(",")) {
    const m = /^\s*([A-Za-z]\w*)\s*=\s*(\S+)\s*$/.exec(part);
    if (!m)
      return `--mix expects KIND=WEIGHT pairs separated by commas, e.g. transfer=1,swap=0.5 (got "${part}")`;
    const w = parseNumber(`--mix ${m[1]}`, m[2]);
    if (typeof w === "string") return w;
    if (Object.hasOwn(mix, m[1])) return `--mix names ${m[1]} twice`;
    mix[m[1]] = w;
  }
  return mix;
}

/** Parses the arguments after `npm run cli --`. */
export function parseArgs(argv: readonly string[]): Parsed {
  if (argv.length === 0) return { ok: false, error: "missing command (commands: run, block, presets)" };
  if (argv[0] === "-h" || argv[0] === "--help" || argv[0] === "help") return { ok: true, help: true };
  if (argv[0] !== "run")
    return { ok: false, error: `unknown command "${argv[0]}" (commands: run, block, presets)` };
  let source: string | undefined;
  let json = false;
  let trace: string | undefined;
  let mode: RunArgs["mode"] = "virtual";
  let threads: number | undefined;
  const fields: Record<string, unknown> = {};
  const seen = new Set<string>();
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith("-") || arg === "-") {
      if (source !== undefined)
        return { ok: false, error: `unexpected argument "${arg}" (one preset or file only)` };
      source = arg;
      continue;
    }
    // --flag=value or --flag value
    const eq = arg.indexOf("=");
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    if (flag === "-h" || flag === "--help") return { ok: true, help: true };
    if (seen.has(flag)) return { ok: false, error: `${flag} given twice` };
    seen.add(flag);
    if (flag === "--json") {
      if (inline !== undefined) return { ok: false, error: "--json takes no value" };
      json = true;
      continue;
    }
    const spec = SCENARIO_FLAGS[flag];
    if (!spec && !["--trace", "--mode", "--threads"].includes(flag))
      return { ok: false, error: `unknown flag ${flag}` };
    const value = inline ?? argv[++i];
    if (value === undefined || value === "" || (inline === undefined && value.startsWith("--"))) {
      return { ok: false, error: `${flag} needs a value` };
    }
    if (flag === "--mode") {
      if (value !== "virtual" && value !== "real")
        return { ok: false, error: `--mode must be virtual or real (got "${value}")` };
      mode = value;
      continue;
    }
    if (flag === "--threads") {
      const n = parseNumber(flag, value);
      if (typeof n === "string") return { ok: false, error: n };
      threads = n;
      continue;
    }
    if (!spec) {
      trace = value;
      continue;
    }
    const parsed =
      spec.type === "number" ? parseNumber(flag, value) : spec.type === "mix" ? parseMix(value) : value;
    if (typeof parsed === "string" && spec.type !== "word") return { ok: false, error: parsed };
    fields[spec.field] = parsed;
  }
  if (threads !== undefined && mode !== "real") return { ok: false, error: "--threads needs --mode real" };
  return { ok: true, args: { command: "run", source, fields, json, trace, mode, threads } };
}
