import { cpus, platform } from "node:os";
import {
  type Calibration,
  calibrate,
  costSpread,
  MEASURED_FIELDS,
  MEASURED_WHAT,
  type Spread,
  significant,
} from "../runtime/calibrate/calibrate";
import { createNodePool } from "../runtime/live/node-pool";
import { HINT } from "./args";
import { parseFlags, parseInRange, RUNS_RANGE } from "./flags";

const USAGE = `usage: npm run cli -- calibrate [--runs N] [--json]   (N: warm repetitions, ${RUNS_RANGE.min} to ${RUNS_RANGE.max}; default 9)`;

function row(name: string, s: Spread, what: string): string {
  const f = (x: number) => x.toFixed(4).padStart(9);
  return `${name.padEnd(18)} ${f(s.median)} ${f(s.min)} ${f(s.max)}   ${what}`;
}

function report(c: Calibration, machine: string): string {
  return [
    `Cost model calibration on ${machine}: ${c.threads} worker threads, median of ${c.runs} warm repetitions`,
    "",
    `${"field".padEnd(18)} ${"median µs".padStart(9)} ${"min".padStart(9)} ${"max".padStart(9)}   what it times`,
    ...MEASURED_FIELDS.map((f) => row(f, c.fields[f], MEASURED_WHAT[f])),
    row("(taskUs alone)", c.taskUsAlone, "the same slot taken by one thread alone, for comparison"),
    "",
    "As DEFAULT_COST fields (three significant digits; taskUs is the thread-alone slot):",
    `  ${MEASURED_FIELDS.map((f) => `${f}: ${significant(costSpread(c, f).median)}`).join(", ")}`,
  ].join("\n");
}

/** `txlanes calibrate`: measures the virtual clock's scheduler costs on this machine's live pool. */
export async function calibrateCommand(argv: readonly string[]): Promise<number> {
  const parsed = parseFlags(argv, { runs: { type: "value" }, json: { type: "switch" } });
  if (!parsed.ok) {
    process.stderr.write(`txlanes: ${parsed.error}\n${USAGE}\n${HINT}\n`);
    return 2;
  }
  if (parsed.help || parsed.positionals.length > 0) {
    process.stdout.write(`${USAGE}\n`);
    return parsed.help ? 0 : 2;
  }
  const runs =
    parsed.values.runs === undefined ? 9 : parseInRange("--runs", String(parsed.values.runs), RUNS_RANGE);
  if (typeof runs === "string") {
    process.stderr.write(`txlanes: ${runs}\n${USAGE}\n`);
    return 2;
  }
  const pool = createNodePool();
  try {
    const c = await calibrate(pool, runs, (done, total) =>
      process.stderr.write(`  probes ${done}/${total}\r`),
    );
    process.stderr.write("\n");
    const cpu = cpus()[0]?.model.trim() ?? "unknown CPU";
    const machine = `${cpu}, ${cpus().length} cores, ${platform()}, Node ${process.version}`;
    const text = parsed.values.json ? JSON.stringify({ machine, ...c }, null, 2) : report(c, machine);
    process.stdout.write(`${text}\n`);
    return 0;
  } finally {
    pool.close();
  }
}
