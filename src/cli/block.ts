import { readFileSync, statSync } from "node:fs";
import { idealSpeedup } from "../engine/analysis/critical-path";
import { computeMetrics } from "../engine/analysis/metrics";
import { analyzeRun } from "../engine/analysis/run-analysis";
import type { Block } from "../engine/block";
import { checkBlockSize, ETH_TX_KINDS, parseBlockText } from "../engine/ethereum/decode";
import { type EthBlockInfo, GAS_LIMIT_NOTE, importEthBlock } from "../engine/ethereum/import";
import type { RunResult } from "../engine/run-result";
import { inRange, mustBe, RANGES, rangeText } from "../engine/scenario/ranges";
import {
  DEFAULT_SCENARIO,
  FEE_MODES,
  type FeeMode,
  SAFE_SCHEDULERS,
  SCHEDULERS,
  type SchedulerName,
} from "../engine/scenario/scenario";
import { simulate } from "../runtime/simulate";
import { parseFlags } from "./flags";
import { fixed, int, table, usedNote } from "./format";

/** `txlanes block FILE.json`: a real Ethereum block as a workload, run by every scheduler in both fee modes. */

export const BLOCK_USAGE = `usage: npm run cli -- block FILE.json [options]

  FILE.json              a block as eth_getBlockByNumber(n, true) returns it (e.g. public/blocks/19807137.json)
  --fee MODE             in-tx | lazy: the fee mode whose hottest keys are listed (default lazy;
                         speedups are shown for both)
  --scheduler NAME       ${SCHEDULERS.join(" | ")} (default: all but the unsafe naive)
  --workers N            workers (${rangeText(RANGES.workers)}, default ${DEFAULT_SCENARIO.workers})
  --json                 print one JSON object instead of the tables
  -h, --help             show this help`;

const HINT = "Run `npm run cli -- block --help` for usage.";
const EXIT_FAILED = 1;
const EXIT_USAGE = 2;

interface BlockArgs {
  readonly file: string;
  readonly fee: FeeMode;
  readonly schedulers: readonly SchedulerName[];
  readonly workers: number;
  readonly json: boolean;
}

type Parsed = { ok: true; args: BlockArgs } | { ok: true; help: true } | { ok: false; error: string };

function oneOf<T extends string>(list: readonly T[], x: string): x is T {
  return (list as readonly string[]).includes(x);
}

export function parseBlockArgs(argv: readonly string[]): Parsed {
  const parsed = parseFlags(argv, {
    fee: { type: "value" },
    scheduler: { type: "value" },
    workers: { type: "value" },
    json: { type: "switch" },
  });
  if (!parsed.ok || parsed.help) return parsed;
  const { values, positionals } = parsed;
  if (positionals.length > 1)
    return { ok: false, error: `unexpected argument "${positionals[1]}" (one block file only)` };
  const [file] = positionals;
  const fee = values.fee ?? "lazy";
  if (typeof fee !== "string" || !oneOf(FEE_MODES, fee))
    return { ok: false, error: `--fee must be ${FEE_MODES.join(" or ")} (got "${fee}")` };
  const scheduler = values.scheduler;
  if (typeof scheduler === "string" && !oneOf(SCHEDULERS, scheduler))
    return { ok: false, error: `--scheduler must be one of ${SCHEDULERS.join(", ")} (got "${scheduler}")` };
  let workers: number = DEFAULT_SCENARIO.workers;
  if (typeof values.workers === "string") {
    const n = /^\d+$/.test(values.workers) ? Number(values.workers) : Number.NaN;
    if (!inRange(RANGES.workers, n))
      return { ok: false, error: `--workers ${mustBe(RANGES.workers)} (got "${values.workers}")` };
    workers = n;
  }
  if (file === undefined) return { ok: false, error: "missing the block file (block FILE.json)" };
  // The unsafe naive scheduler only when asked for: the table compares schedulers that get the block right.
  const schedulers =
    typeof scheduler === "string" && oneOf(SCHEDULERS, scheduler) ? [scheduler] : SAFE_SCHEDULERS;
  return { ok: true, args: { file, fee, schedulers, workers, json: values.json === true } };
}

/** The file's JSON, or why not: its size is checked before it is read. */
function readBlockFile(path: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    const tooBig = checkBlockSize(statSync(path).size);
    if (tooBig) return { ok: false, error: tooBig };
    return parseBlockText(readFileSync(path, "utf8"));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, error: code === "ENOENT" ? "no such file" : `cannot read it (${code ?? String(e)})` };
  }
}

interface ModeRun {
  readonly run: RunResult;
  /** Hash of the final state with the lazy fee credits swept in: comparable across fee modes. */
  readonly finalHash: string;
}

interface Imported {
  readonly block: Block;
  readonly info: EthBlockInfo;
}

function importBoth(
  json: unknown,
): { ok: true; value: Record<FeeMode, Imported> } | { ok: false; error: string } {
  const inTx = importEthBlock(json, { feeMode: "in-tx" });
  if (!inTx.ok) return inTx;
  const lazy = importEthBlock(json, { feeMode: "lazy" });
  if (!lazy.ok) return lazy;
  return { ok: true, value: { "in-tx": inTx, lazy } };
}

function runBlock({ block }: Imported, scheduler: SchedulerName, workers: number): ModeRun {
  const scenario = { ...DEFAULT_SCENARIO, txs: block.n, scheduler, workers, shards: 1 };
  // simulate() sweeps lazy fees into the recipient before hashing, so both modes' hashes compare.
  const run = simulate(scenario, { block });
  return { run, finalHash: run.stateHash };
}

interface SchedulerReport {
  readonly scheduler: SchedulerName;
  readonly modes: Record<FeeMode, ModeRun>;
}

function modeFigures({ run, finalHash }: ModeRun) {
  const m = computeMetrics(run);
  return {
    speedup: m.speedup,
    aborts: m.aborts,
    executions: m.executions,
    reverts: m.reverts,
    stateHash: run.stateHash,
    sequentialStateHash: run.sequentialStateHash,
    hashMatches: run.stateHash === run.sequentialStateHash,
    finalHash,
  };
}

/** Critical path of the block's dependencies in one fee mode (from the sequential run's real reads). */
function criticalFigures(run: RunResult, workers: number) {
  const { path } = analyzeRun(run);
  return {
    criticalPathUs: path.criticalPathUs,
    totalWorkUs: path.totalWorkUs,
    idealSpeedup: idealSpeedup(path, workers),
    parallelism: path.criticalPathUs > 0 ? path.totalWorkUs / path.criticalPathUs : 1,
  };
}

function kindsLine(info: EthBlockInfo): string {
  return ETH_TX_KINDS.filter((k) => info.kinds[k] > 0)
    .map((k) => `${int(info.kinds[k])} ${k}`)
    .join(", ");
}

function jsonReport(args: BlockArgs, infos: Record<FeeMode, EthBlockInfo>, reports: SchedulerReport[]) {
  const info = infos[args.fee];
  const first = reports[0].modes;
  return {
    block: {
      number: info.number,
      hash: info.hash,
      feeRecipient: info.miner,
      txs: info.txs,
      kinds: info.kinds,
      exact: info.exact,
      conservative: info.conservative,
      gasLimitTotal: info.gasLimitTotal,
      gasUsed: info.gasUsed,
      ethUnitWei: `1e${info.ethShift}`,
      tokens: info.tokens,
    },
    costNote: GAS_LIMIT_NOTE,
    clock: "simulated",
    feeMode: args.fee,
    workers: args.workers,
    hottestKeys: info.hottestKeys,
    hottestContracts: info.hottestContracts,
    criticalPath: {
      "in-tx": criticalFigures(first["in-tx"].run, args.workers),
      lazy: criticalFigures(first.lazy.run, args.workers),
    },
    schedulers: reports.map((r) => ({
      scheduler: r.scheduler,
      "in-tx": modeFigures(r.modes["in-tx"]),
      lazy: modeFigures(r.modes.lazy),
      sameFinalStateInBothModes: r.modes["in-tx"].finalHash === r.modes.lazy.finalHash,
    })),
  };
}

function textReport(
  args: BlockArgs,
  infos: Record<FeeMode, EthBlockInfo>,
  reports: SchedulerReport[],
): string {
  const info = infos[args.fee];
  const us = (x: number) => `${fixed(x, 1)} µs`;
  const head: [string, string][] = [
    ["transactions", `${int(info.txs)}: ${kindsLine(info)}`],
    [
      "read/write sets",
      `${int(info.exact)} exact, ${int(info.conservative)} conservative (a call that is not an ERC-20 transfer, transferFrom or approve reads and writes the whole called contract)`,
    ],
    ["cost", `${int(info.gasLimitTotal)} gas in limits${usedNote(info)}; ${GAS_LIMIT_NOTE}`],
    [
      "units",
      `ETH in units of 10^${info.ethShift} wei${info.ethShift === 9 ? " (gwei)" : ""}; ${info.tokens.length} tokens, each scaled by a power of ten so every amount is an exact float64 integer`,
    ],
  ];
  const hotKeys = info.hottestKeys.map((h): [string, string] => [
    `${int(h.txs)} txs, ${int(h.writers)} writing`,
    h.name,
  ]);
  const hotContracts = info.hottestContracts.map((c): [string, string] => [
    `${int(c.txs)} txs (${int(c.exact)} exact)`,
    c.name === c.address ? c.address : `${c.name} ${c.address}`,
  ]);
  const critical = FEE_MODES.map((mode): [string, string] => {
    const c = criticalFigures(reports[0].modes[mode].run, args.workers);
    return [
      `fees ${mode}`,
      `critical path ${us(c.criticalPathUs)} of ${us(c.totalWorkUs)} work: ideal speedup ${fixed(c.idealSpeedup, 2)}x at ${args.workers} workers (parallelism ${fixed(c.parallelism, 1)})`,
    ];
  });
  const rows = reports.map((r): [string, string] => {
    const a = modeFigures(r.modes["in-tx"]);
    const b = modeFigures(r.modes.lazy);
    const ok = a.hashMatches && b.hashMatches;
    const same = a.finalHash === b.finalHash;
    return [
      r.scheduler,
      `${`${fixed(a.speedup, 2)}x`.padStart(8)}  ${`${fixed(b.speedup, 2)}x`.padStart(8)}  ${`${int(a.aborts)} / ${int(b.aborts)}`.padStart(13)}   ${ok ? "= sequential ✓" : "MISMATCH ✗"}${same ? "" : "  FEE MODES DIFFER ✗"}`,
    ];
  });
  const header: [string, string] = [
    "scheduler",
    `${"in-tx".padStart(8)}  ${"lazy".padStart(8)}  ${"aborts".padStart(13)}   state`,
  ];
  return [
    `Ethereum block ${info.number} (${info.hash.slice(0, 18)}…), fee recipient ${info.miner}`,
    "",
    table(head),
    "",
    `Hottest keys (fees ${args.fee}; by transactions writing them, from the declared read/write sets):`,
    table(hotKeys),
    "",
    "Hottest contracts (by transactions calling them):",
    table(hotContracts),
    "",
    "Critical path (dependencies the sequential run really read; virtual clock):",
    table(critical),
    "",
    `Simulated speedup over sequential at ${args.workers} workers, fees in-tx and lazy:`,
    table([header, ...rows]),
    "",
    `Figures are simulated on the virtual clock (${int(DEFAULT_SCENARIO.cost.gasPerUs)} gas per µs); ${GAS_LIMIT_NOTE}.`,
  ].join("\n");
}

/** Entry point of `txlanes block`; returns the exit code. */
export function blockCommand(argv: readonly string[]): number {
  const parsed = parseBlockArgs(argv);
  if (!parsed.ok) {
    process.stderr.write(`txlanes: ${parsed.error}\n${HINT}\n`);
    return EXIT_USAGE;
  }
  if ("help" in parsed) {
    process.stdout.write(`${BLOCK_USAGE}\n`);
    return 0;
  }
  try {
    return report(parsed.args);
  } catch (e) {
    process.stderr.write(`txlanes: run failed: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT_FAILED;
  }
}

/** Imports the block in both fee modes, runs every scheduler asked for, prints; returns the exit code. */
function report(args: BlockArgs): number {
  const file = readBlockFile(args.file);
  const imported = file.ok ? importBoth(file.value) : file;
  if (!imported.ok) {
    process.stderr.write(`txlanes: ${args.file}: ${imported.error}\n`);
    return EXIT_FAILED;
  }
  const infos = { "in-tx": imported.value["in-tx"].info, lazy: imported.value.lazy.info };
  const reports = args.schedulers.map(
    (scheduler): SchedulerReport => ({
      scheduler,
      modes: {
        "in-tx": runBlock(imported.value["in-tx"], scheduler, args.workers),
        lazy: runBlock(imported.value.lazy, scheduler, args.workers),
      },
    }),
  );
  if (args.json) process.stdout.write(`${JSON.stringify(jsonReport(args, infos, reports))}\n`);
  else process.stdout.write(`${textReport(args, infos, reports)}\n`);
  const failed = reports.some(
    (r) =>
      FEE_MODES.some((m) => r.modes[m].run.stateHash !== r.modes[m].run.sequentialStateHash) ||
      r.modes["in-tx"].finalHash !== r.modes.lazy.finalHash,
  );
  if (failed) {
    process.stderr.write(
      "txlanes: STATE MISMATCH: a parallel run differs from sequential, or the two fee modes end in different states. This is a bug, please report it with the block file.\n",
    );
    return EXIT_FAILED;
  }
  return 0;
}
