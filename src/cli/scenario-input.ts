import { readFileSync } from "node:fs";
import { corruptsList, type Scenario } from "../engine/scenario/scenario";
import { validateScenario } from "../engine/scenario/validate";
import { flagOf, type RunArgs } from "./args";
import { CLI_PRESETS } from "./presets";

export type ScenarioInput = { ok: true; scenario: Scenario } | { ok: false; errors: string[] };

/** Reads a scenario file as plain data (never evaluated), with a one-line reason when it cannot. */
function readScenarioFile(path: string): { ok: true; data: unknown } | { ok: false; error: string } {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return {
      ok: false,
      error: `cannot read ${path}${code === "ENOENT" ? ": no such file" : `: ${code ?? e}`}`,
    };
  }
  try {
    return { ok: true, data: JSON.parse(text) };
  } catch (e) {
    return { ok: false, error: `${path} is not valid JSON: ${(e as Error).message.replace(/\s+/g, " ")}` };
  }
}

/**
 * The scenario a `run` describes: a preset or a scenario file, then the flags on top. The file is checked
 * on its own first, so an error says whether it came from the file or from a flag.
 */
export function scenarioFromArgs(args: RunArgs): ScenarioInput {
  const source = args.source ?? "default";
  let base: Scenario;
  if (Object.hasOwn(CLI_PRESETS, source)) {
    base = CLI_PRESETS[source];
  } else if (source.endsWith(".json") || source.includes("/")) {
    const file = readScenarioFile(source);
    if (!file.ok) return { ok: false, errors: [file.error] };
    const checked = validateScenario(file.data);
    if (!checked.ok) return { ok: false, errors: checked.errors.map((e) => `${source}: ${e.message}`) };
    base = checked.scenario;
  } else {
    const names = Object.keys(CLI_PRESETS).join(", ");
    return { ok: false, errors: [`unknown preset "${source}" (presets: ${names}; or give a FILE.json)`] };
  }
  const merged: Record<string, unknown> = { ...base, ...args.fields };
  const checked = validateScenario(merged);
  if (!checked.ok) {
    return {
      ok: false,
      errors: checked.errors.map((e) => {
        const flag = flagOf(e.field);
        return flag ? `${flag}: ${e.message}` : e.message;
      }),
    };
  }
  // A switch that would do nothing is named, not ignored.
  if (args.fields.corruptList === true && !corruptsList(checked.scenario))
    return {
      ok: false,
      errors: [
        `--corrupt-list: corrupts the bal scheduler's block access list; scheduler ${checked.scenario.scheduler} has none (add --scheduler bal)`,
      ],
    };
  return { ok: true, scenario: checked.scenario };
}
