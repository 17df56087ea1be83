import { PRESETS, type Preset, presetLink } from "../engine/scenario/presets";
import { DEFAULT_SCENARIO, type Scenario } from "../engine/scenario/scenario";
import { HINT } from "./args";

/** Named scenarios `run` accepts: the app's presets (a compare preset runs its left side) and the defaults. */
export const CLI_PRESETS: Readonly<Record<string, Scenario>> = {
  default: DEFAULT_SCENARIO,
  ...Object.fromEntries(PRESETS.map((p) => [p.id, p.scenario])),
};

/** Words of `text` in lines of at most `width` characters, each led by `indent`. */
function wrap(text: string, width: number, indent: string): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line !== "" && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  return [...lines, indent + line].join("\n");
}

function describe(p: Preset): string {
  const lines = [`${p.id}  ${p.title}`, wrap(p.lesson, 100, "    ")];
  if (p.compare) {
    const fields = Object.entries(p.compare).map(
      ([k, v]) => `${k} ${typeof v === "object" ? JSON.stringify(v) : v}`,
    );
    lines.push(`    compare side: ${fields.join(", ")} (the app shows both; run gives the left side)`);
  }
  const { search, hash } = presetLink(p);
  lines.push(`    link: ${search}${hash}`);
  return lines.join("\n");
}

/** `txlanes presets`: every preset's id, title and lesson, in gallery order. */
export function presetsCommand(argv: readonly string[]): number {
  if (argv.length > 0) {
    process.stderr.write(`txlanes: presets takes no arguments (got "${argv[0]}")\n${HINT}\n`);
    return 2;
  }
  process.stdout.write(`${PRESETS.map(describe).join("\n\n")}\n\nRun one with: npm run cli -- run ID\n`);
  return 0;
}
