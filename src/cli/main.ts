import { HINT, parseArgs, USAGE } from "./args";
import { benchSweepCommand } from "./bench-sweep";
import { blockCommand } from "./block";
import { calibrateCommand } from "./calibrate";
import { presetsCommand } from "./presets";
import { EXIT_FAILED, EXIT_USAGE, runCommand } from "./run";
import { runLiveCommand } from "./run-live";

function command(argv: readonly string[]): number | Promise<number> {
  if (argv[0] === "block") return blockCommand(argv.slice(1));
  if (argv[0] === "bench-sweep") return benchSweepCommand();
  if (argv[0] === "calibrate") return calibrateCommand(argv.slice(1));
  if (argv[0] === "presets") return presetsCommand(argv.slice(1));
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    process.stderr.write(`txlanes: ${parsed.error}\n${HINT}\n`);
    return EXIT_USAGE;
  }
  if ("help" in parsed) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  return parsed.args.mode === "real" ? runLiveCommand(parsed.args) : runCommand(parsed.args);
}

/** Entry point of `npm run cli -- ...`. Every failure ends with a one-line message and a non-zero exit code. */
async function main(argv: readonly string[]): Promise<number> {
  try {
    return await command(argv);
  } catch (e) {
    process.stderr.write(`txlanes: run failed: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT_FAILED;
  }
}

process.exitCode = await main(process.argv.slice(2));
