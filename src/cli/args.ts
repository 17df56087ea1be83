/** Command-line parsing for `txlanes run`: flags become scenario fields; ranges are checked later by validateScenario. */
import { FLAGS, RANGES, rangeText } from "../engine/scenario/ranges";
import { CONTRACT_KINDS, CROSS_SHARD, SCHEDULERS } from "../engine/scenario/scenario";
import { LIVE_THREAD_CAP } from "../runtime/live/support";
import { type FlagSpec, parseFlags, parseNumber } from "./flags";

type FieldKind = "number" | "word" | "mix" | "switch";

/** Help text wrapped under the flag column (25 characters in), about 80 characters a line. */
function wrapped(text: string): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line !== "" && line.length + 1 + word.length > 80) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  lines.push(line);
  return lines.join(`\n${" ".repeat(25)}`);
}

/** Value flags that set a scenario field, in the order the help lists them. */
const SCENARIO_FLAGS = {
  txs: { field: "txs", kind: "number", arg: "N", about: `block size (${rangeText(RANGES.txs)})` },
  accounts: {
    field: "accounts",
    kind: "number",
    arg: "N",
    about: `number of accounts (${rangeText(RANGES.accounts)})`,
  },
  skew: {
    field: "skew",
    kind: "number",
    arg: "S",
    about: `Zipf exponent of account choice, 0 = uniform (${rangeText(RANGES.skew)})`,
  },
  seed: { field: "seed", kind: "number", arg: "N", about: `workload seed (${rangeText(RANGES.seed)})` },
  mix: {
    field: "mix",
    kind: "mix",
    arg: "K=W,...",
    about: `contract weights, e.g. transfer=1,swap=0.5 (kinds: ${CONTRACT_KINDS.join(" ")})`,
  },
  scheduler: {
    field: "scheduler",
    kind: "word",
    arg: "NAME",
    about: [
      SCHEDULERS.join(" | "),
      "(accountlocks: run each tx once every earlier one it conflicts with has finished;",
      " batched: level batches from declared access, a barrier between batches;",
      " bal: block access lists, every tx at once, checked against the list;",
      " naive: UNSAFE, parallel on shared state with no validation: its state is wrong)",
    ].join(`\n${" ".repeat(25)}`),
  },
  workers: {
    field: "workers",
    kind: "number",
    arg: "N",
    about: `workers per shard (${rangeText(RANGES.workers)})`,
  },
  shards: {
    field: "shards",
    kind: "number",
    arg: "N",
    about: `shards, 1 = unsharded (${rangeText(RANGES.shards)})`,
  },
  "cross-shard": { field: "crossShard", kind: "word", arg: "P", about: CROSS_SHARD.join(" | ") },
  locality: {
    field: "locality",
    kind: "number",
    arg: "P",
    about: `share of a transaction's keys in its home shard (${rangeText(RANGES.locality)})`,
  },
  aggregators: { field: "aggregators", kind: "switch", arg: "", about: wrapped(FLAGS.aggregators) },
  "corrupt-list": { field: "corruptList", kind: "switch", arg: "", about: wrapped(FLAGS.corruptList) },
} as const satisfies Record<string, { field: string; kind: FieldKind; arg: string; about: string }>;

const OTHER_FLAGS = {
  mode: { arg: "M", about: "virtual (simulated, the default) | real (measured on this machine's cores)" },
  threads: {
    arg: "N",
    about: `real mode: worker threads (1 to the cores; default: every core, at most ${LIVE_THREAD_CAP})`,
  },
  runs: {
    arg: "N",
    about: "real mode: timed repetitions after a warm-up, the median reported (1 to 50, default 5)",
  },
  json: { arg: "", about: "print one JSON object instead of the table" },
  trace: { arg: "FILE", about: "write a Chrome trace (open it in https://ui.perfetto.dev)" },
} as const;

type RunFlag = keyof typeof SCENARIO_FLAGS | keyof typeof OTHER_FLAGS;

const RUN_FLAGS: Readonly<Record<RunFlag, FlagSpec>> = {
  ...(Object.fromEntries(
    Object.entries(SCENARIO_FLAGS).map(([k, f]) => [k, { type: f.kind === "switch" ? "switch" : "value" }]),
  ) as Record<keyof typeof SCENARIO_FLAGS, FlagSpec>),
  mode: { type: "value" },
  threads: { type: "value" },
  runs: { type: "value" },
  json: { type: "switch" },
  trace: { type: "value" },
};

/** One help line: the flag and its argument in a column, then what it does. */
const line = (flag: string, about: string): string => `  ${flag.padEnd(23)}${about}`;

export const USAGE = [
  "usage: npm run cli -- run [PRESET|FILE.json] [options]",
  "       npm run cli -- block FILE.json [options]   (a real Ethereum block; see block --help)",
  "       npm run cli -- presets                     (list the presets: id, title, lesson)",
  "       npm run cli -- calibrate [--runs N] [--json] (measure the clock's cost fields on this machine)",
  "       npm run cli -- bench-sweep                 (Block-STM on the paper's p2p sweep, virtual clock)",
  "",
  line("PRESET", "a preset id from `presets`, or default   (or a scenario JSON file)"),
  ...Object.entries(SCENARIO_FLAGS).map(([flag, f]) => line(`--${flag} ${f.arg}`.trimEnd(), f.about)),
  ...Object.entries(OTHER_FLAGS).map(([flag, f]) => line(`--${flag} ${f.arg}`.trimEnd(), f.about)),
  line("-h, --help", "show this help"),
].join("\n");

/** Printed after every input error. */
export const HINT = "Run `npm run cli -- --help` for usage.";

/** The flag that sets a scenario field ("crossShard" -> "--cross-shard"; "mix.swap" -> "--mix"). */
export function flagOf(field: string): string | undefined {
  const top = field.split(".")[0];
  const found = Object.entries(SCENARIO_FLAGS).find(([, f]) => f.field === top);
  return found && `--${found[0]}`;
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
  /** Real mode: timed repetitions (the runtime checks the range). */
  readonly runs: number | undefined;
}

export type Parsed = { ok: true; args: RunArgs } | { ok: true; help: true } | { ok: false; error: string };

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
  const parsed = parseFlags(argv.slice(1), RUN_FLAGS);
  if (!parsed.ok || parsed.help) return parsed;
  const { values, positionals } = parsed;
  if (positionals.length > 1)
    return { ok: false, error: `unexpected argument "${positionals[1]}" (one preset or file only)` };
  const fields: Record<string, unknown> = {};
  for (const [flag, f] of Object.entries(SCENARIO_FLAGS)) {
    const text = values[flag as keyof typeof SCENARIO_FLAGS];
    if (f.kind === "switch") {
      if (text === true) fields[f.field] = true;
      continue;
    }
    if (typeof text !== "string") continue;
    const value =
      f.kind === "number" ? parseNumber(`--${flag}`, text) : f.kind === "mix" ? parseMix(text) : text;
    if (typeof value === "string" && f.kind !== "word") return { ok: false, error: value };
    fields[f.field] = value;
  }
  const mode = values.mode ?? "virtual";
  if (mode !== "virtual" && mode !== "real")
    return { ok: false, error: `--mode must be virtual or real (got "${mode}")` };
  let threads: number | undefined;
  let runs: number | undefined;
  for (const flag of ["threads", "runs"] as const) {
    const text = values[flag];
    if (typeof text !== "string") continue;
    const n = parseNumber(`--${flag}`, text);
    if (typeof n === "string") return { ok: false, error: n };
    if (flag === "runs") runs = n;
    else threads = n;
  }
  if (threads !== undefined && mode !== "real") return { ok: false, error: "--threads needs --mode real" };
  if (runs !== undefined && mode !== "real") return { ok: false, error: "--runs needs --mode real" };
  const trace = typeof values.trace === "string" ? values.trace : undefined;
  return {
    ok: true,
    args: {
      command: "run",
      source: positionals[0],
      fields,
      json: values.json === true,
      trace,
      mode,
      threads,
      runs,
    },
  };
}
