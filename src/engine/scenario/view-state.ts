/**
 * What a link carries besides the scenario: where the viewer stands in the run and what is open. Every
 * field is optional; a missing one means "the app's default". Pure data, checked like a scenario.
 */
import { RANGES } from "./ranges";
import { DEFAULT_SCENARIO, ethBlockOf, type Scenario } from "./scenario";
import { type ScenarioIssue, validateScenario } from "./validate";

/** The right side of a compare: the scenario fields that differ from the left side (any subset). */
export type ScenarioPatch = Partial<Omit<Scenario, "v">>;

export interface ViewState {
  /** Playhead, in run microseconds (virtual or measured). */
  t?: number;
  /** Playback speed: run microseconds per wall microsecond. */
  speed?: number;
  /** Selected transaction (block index). */
  tx?: number;
  /** Open panels, by name, in the order they were opened. */
  panels?: string[];
  /** Compare mode: the right side is the left scenario with these fields replaced. */
  compare?: ScenarioPatch;
  /** Talk-mode chapter of the preset, counted from 1. */
  chapter?: number;
  /** The preset the link was made from (its captions and chapters); the scenario itself is in the link. */
  preset?: string;
  /** Embedded in a page (an iframe in a slide deck): one view, minimal play controls, sized to the frame. */
  embed?: boolean;
  /** The view an embedded page shows (the graph when not given). */
  show?: EmbedView;
  /** The guided story ("Start here") open at this step, counted from 1. */
  story?: number;
  /** How the run is made: on the virtual clock (the default) or live, on this machine's cores. */
  mode?: RunMode;
}

/** Simulated on the virtual clock, or measured on real workers. */
export const RUN_MODES = ["virtual", "live"] as const;
export type RunMode = (typeof RUN_MODES)[number];
const isRunMode = (x: unknown): x is RunMode => (RUN_MODES as readonly unknown[]).includes(x);

/** The views an embedded page can show, one at a time. */
export const EMBED_VIEWS = ["graph", "lanes", "shards", "metrics", "compare"] as const;
export type EmbedView = (typeof EMBED_VIEWS)[number];

const isEmbedView = (x: unknown): x is EmbedView => (EMBED_VIEWS as readonly unknown[]).includes(x);

export const VIEW_LIMITS = {
  /** A day of run time: far beyond any run, small enough to stay exact in a link. */
  maxTimeUs: 86_400e6,
  /** The playback store's speed range (log scale). */
  minSpeed: 1e-6,
  maxSpeed: 1,
  maxChapter: 99,
  maxPanels: 16,
  /** The largest block a scenario allows: a selected transaction is below it. */
  maxTxs: RANGES.txs.max,
} as const;

/** Preset ids and panel names: lower-case words joined by dashes, short enough to type. */
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const MAX_SLUG = 40;
const PATCH_FIELDS = (Object.keys(DEFAULT_SCENARIO) as (keyof Scenario)[]).filter(
  (k): k is keyof ScenarioPatch => k !== "v",
);

/** A value as the user wrote it, short and safe to show as plain text. */
export function quoteValue(x: unknown): string {
  if (typeof x === "string") return JSON.stringify(x.length > 40 ? `${x.slice(0, 40)}…` : x);
  if (typeof x === "number" || typeof x === "boolean") return String(x);
  if (x === null) return "null";
  if (Array.isArray(x)) return "a list";
  return typeof x === "object" ? "an object" : `a ${typeof x}`;
}

export function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

/** Equal scenario field values: numbers and names, or one level of numbers (mix, cost). */
function sameField(a: unknown, b: unknown): boolean {
  if (!isRecord(a) || !isRecord(b)) return a === b;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

function isSlug(x: unknown): x is string {
  return typeof x === "string" && x.length <= MAX_SLUG && SLUG.test(x);
}

class ViewChecker {
  readonly issues: ScenarioIssue[] = [];

  constructor(private readonly input: Record<string, unknown>) {}

  private given(field: string): boolean {
    return Object.hasOwn(this.input, field) && this.input[field] !== undefined;
  }

  /** A number in [min, max] (an integer when asked), or undefined after recording what was expected. */
  number(
    field: keyof ViewState,
    what: string,
    min: number,
    max: number,
    integer: boolean,
  ): number | undefined {
    if (!this.given(field)) return undefined;
    const x = this.input[field];
    if (typeof x === "number" && (integer ? Number.isInteger(x) : Number.isFinite(x)) && x >= min && x <= max)
      return x + 0;
    this.issues.push({ field, message: `${field} must be ${what} (got ${quoteValue(x)})` });
    return undefined;
  }

  flag(field: keyof ViewState, what: string): boolean | undefined {
    if (!this.given(field)) return undefined;
    const x = this.input[field];
    if (typeof x === "boolean") return x;
    this.issues.push({ field, message: `${field} must be ${what} (got ${quoteValue(x)})` });
    return undefined;
  }

  /** The embedded view: one of EMBED_VIEWS, and the shards view only for a sharded scenario. */
  show(scenario: Scenario): EmbedView | undefined {
    if (!this.given("show")) return undefined;
    const x = this.input.show;
    if (!isEmbedView(x)) {
      this.issues.push({
        field: "show",
        message: `show must be the view to embed, one of ${EMBED_VIEWS.join(", ")} (got ${quoteValue(x)})`,
      });
      return undefined;
    }
    if (x === "shards" && scenario.shards === 1) {
      this.issues.push({
        field: "show",
        message: "show: the shards view needs a sharded scenario (shards above 1); the graph is shown",
      });
      return undefined;
    }
    return x;
  }

  mode(): RunMode | undefined {
    if (!this.given("mode")) return undefined;
    const x = this.input.mode;
    if (isRunMode(x)) return x;
    this.issues.push({
      field: "mode",
      message: `mode must be ${RUN_MODES.join(" or ")} (got ${quoteValue(x)})`,
    });
    return undefined;
  }

  slug(field: keyof ViewState, what: string): string | undefined {
    if (!this.given(field)) return undefined;
    const x = this.input[field];
    if (isSlug(x)) return x;
    this.issues.push({ field, message: `${field} must be ${what} (got ${quoteValue(x)})` });
    return undefined;
  }

  /** Panel names: a list of distinct slugs; bad names are dropped (one issue names the first), the rest kept. */
  panels(): string[] | undefined {
    if (!this.given("panels")) return undefined;
    const x = this.input.panels;
    const expected = `a list of at most ${VIEW_LIMITS.maxPanels} distinct panel names (lower-case words joined by dashes)`;
    if (!Array.isArray(x)) {
      this.issues.push({ field: "panels", message: `panels must be ${expected} (got ${quoteValue(x)})` });
      return undefined;
    }
    const panels: string[] = [];
    const bad: unknown[] = [];
    for (const name of x) {
      if (isSlug(name) && !panels.includes(name) && panels.length < VIEW_LIMITS.maxPanels) panels.push(name);
      else bad.push(name);
    }
    if (bad.length > 0) {
      const more = bad.length > 1 ? ` and ${bad.length - 1} more` : "";
      this.issues.push({
        field: "panels",
        message: `panels must be ${expected} (got ${quoteValue(bad[0])}${more})`,
      });
    }
    return panels;
  }

  /**
   * The compare side, checked as the scenario it makes with the left side. A given field that is valid is
   * kept as given (even when equal to the left side's); a bad one is dropped, so the right side uses the
   * left side's value; a field the checker had to correct (a rule across fields) joins the patch.
   */
  compare(left: Scenario): ScenarioPatch | undefined {
    if (!this.given("compare")) return undefined;
    const x = this.input.compare;
    if (!isRecord(x)) {
      this.issues.push({
        field: "compare",
        message: `compare must be an object of the scenario fields that differ on the right side (got ${quoteValue(x)})`,
      });
      return undefined;
    }
    const { v: _, ...leftFields } = left;
    const { v: __, ...fields } = x;
    const checked = validateScenario({ ...leftFields, ...fields });
    const bad = new Set<string>();
    if (!checked.ok) {
      for (const e of checked.errors) {
        bad.add(e.field.split(".")[0]);
        const message = e.message.startsWith(e.field) ? `compare.${e.message}` : `compare: ${e.message}`;
        this.issues.push({ field: `compare.${e.field}`, message });
      }
    }
    if (Object.hasOwn(x, "v"))
      this.issues.push({
        field: "compare.v",
        message: "compare: v is not allowed here (the link carries the version)",
      });
    const patch: ScenarioPatch = {};
    for (const k of PATCH_FIELDS) {
      const given = Object.hasOwn(x, k) && x[k] !== undefined;
      const corrected = !given && !sameField(checked.scenario[k], left[k]);
      if ((given && !bad.has(k)) || corrected) copyField(patch, checked.scenario, k);
    }
    return patch;
  }
}

function copyField<K extends keyof ScenarioPatch>(patch: ScenarioPatch, from: Scenario, k: K): void {
  patch[k] = from[k];
}

/**
 * Checks a view (as parsed from a link or a file) against the scenario it goes with. Returns every valid
 * field and one issue per bad one; a bad field is left out, so the app uses its default for it. The app
 * says how many steps its guided story has (none: a story step is refused).
 */
export function checkView(
  input: unknown,
  scenario: Scenario,
  storySteps = 0,
): { view: ViewState; issues: ScenarioIssue[] } {
  if (!isRecord(input))
    return {
      view: {},
      issues: [{ field: "view", message: `a view must be an object (got ${quoteValue(input)})` }],
    };
  const c = new ViewChecker(input);
  const L = VIEW_LIMITS;
  // A generated block has exactly `txs` transactions; a real block's size is known only once it is loaded.
  const txs = ethBlockOf(scenario.source) === null ? scenario.txs : L.maxTxs;
  const view: ViewState = {
    t: c.number(
      "t",
      `a playhead time in microseconds from 0 to ${L.maxTimeUs.toLocaleString("en-US")} (a day)`,
      0,
      L.maxTimeUs,
      false,
    ),
    speed: c.number(
      "speed",
      `a playback speed from ${L.minSpeed} to ${L.maxSpeed}`,
      L.minSpeed,
      L.maxSpeed,
      false,
    ),
    tx: c.number(
      "tx",
      `a transaction number from 0 to ${(txs - 1).toLocaleString("en-US")}, below the block size`,
      0,
      txs - 1,
      true,
    ),
    panels: c.panels(),
    compare: c.compare(scenario),
    chapter: c.number("chapter", `a chapter number from 1 to ${L.maxChapter}`, 1, L.maxChapter, true),
    preset: c.slug("preset", "a preset id (lower-case words joined by dashes)"),
    embed: c.flag("embed", "1 (one view, for an iframe) or 0"),
    show: c.show(scenario),
    story: c.number("story", `a step of the guided story, from 1 to ${storySteps}`, 1, storySteps, true),
    mode: c.mode(),
  };
  const known: readonly string[] = [
    "t",
    "speed",
    "tx",
    "panels",
    "compare",
    "chapter",
    "preset",
    "embed",
    "show",
    "story",
    "mode",
  ];
  for (const k of Object.keys(input))
    if (!known.includes(k))
      c.issues.push({
        field: k,
        message: `${quoteValue(k)} is not a view field (allowed: ${known.join(", ")})`,
      });
  for (const k of Object.keys(view) as (keyof ViewState)[]) if (view[k] === undefined) delete view[k];
  return { view, issues: c.issues };
}
