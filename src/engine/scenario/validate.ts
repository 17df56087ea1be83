import {
  COST_RANGES,
  FLAGS,
  type FlagField,
  formatNumber,
  inRange,
  mustBe,
  type NumberField,
  RANGES,
  type Range,
  WEIGHT_RANGE,
} from "./ranges";
import {
  CONTRACT_KINDS,
  type CostModel,
  CROSS_SHARD,
  DEFAULT_SCENARIO,
  ethBlockOf,
  FEE_MODES,
  runsOnShards,
  SCENARIO_VERSION,
  SCHEDULERS,
  type Scenario,
  SOURCES,
} from "./scenario";

/** One problem with an input scenario: the field (dotted: "mix.swap", "cost.msgUs") and what is allowed. */
export interface ScenarioIssue {
  readonly field: string;
  readonly message: string;
}

export type ScenarioCheck =
  | { ok: true; scenario: Scenario }
  | { ok: false; errors: ScenarioIssue[]; scenario: Scenario };

const CHOICES = {
  source: SOURCES,
  scheduler: SCHEDULERS,
  crossShard: CROSS_SHARD,
  feeMode: FEE_MODES,
} as const;
const FIELDS: readonly string[] = [
  "v",
  ...Object.keys(RANGES),
  ...Object.keys(CHOICES),
  ...Object.keys(FLAGS),
  "mix",
  "cost",
];

/** What the user gave, short and safe to show as text. */
function showValue(x: unknown): string {
  if (typeof x === "number") return formatNumber(x);
  if (typeof x === "string") return JSON.stringify(x.length > 40 ? `${x.slice(0, 40)}…` : x);
  if (x === null) return "null";
  if (Array.isArray(x)) return "a list";
  if (typeof x === "object") return "an object";
  return typeof x === "boolean" || typeof x === "bigint" ? String(x) : `a ${typeof x}`;
}

function fieldName(key: string): string {
  return key.length > 40 ? `${key.slice(0, 40)}…` : key;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

/** Own, defined fields only: inherited and prototype keys never count. */
function has(o: Record<string, unknown>, key: string): boolean {
  return Object.hasOwn(o, key) && o[key] !== undefined;
}

class Checker {
  readonly errors: ScenarioIssue[] = [];

  issue(field: string, message: string): void {
    this.errors.push({ field, message });
  }

  /** The value as a number in range, or undefined after recording why not. */
  number(field: string, x: unknown, r: Range): number | undefined {
    if (inRange(r, x)) return x + 0; // normalises -0
    this.issue(field, `${field} ${mustBe(r)} (got ${showValue(x)})`);
    return undefined;
  }

  flag(field: string, x: unknown): boolean | undefined {
    if (typeof x === "boolean") return x;
    this.issue(field, `${field} must be true or false, or 1 or 0 in a link (got ${showValue(x)})`);
    return undefined;
  }

  choice<T extends string>(field: string, x: unknown, allowed: readonly T[]): T | undefined {
    const found = allowed.find((a) => a === x);
    if (found === undefined)
      this.issue(field, `${field} must be one of ${allowed.join(", ")} (got ${showValue(x)})`);
    return found;
  }

  unknown(o: Record<string, unknown>, prefix: string, known: readonly string[], what: string): void {
    for (const key of Object.keys(o)) {
      if (known.includes(key)) continue;
      const field = prefix + fieldName(key);
      this.issue(field, `${field} is not ${what} (allowed: ${known.join(", ")})`);
    }
  }

  version(x: unknown): void {
    if (x === SCENARIO_VERSION) return;
    if (typeof x === "number" && Number.isInteger(x) && x > SCENARIO_VERSION) {
      this.issue(
        "v",
        `this scenario was made by a newer TxLanes (format v${formatNumber(x)}); this version reads format v${SCENARIO_VERSION}: update TxLanes to open it`,
      );
    } else this.issue("v", `v must be the format version ${SCENARIO_VERSION} (got ${showValue(x)})`);
  }

  /** A mix replaces the default one: kinds it leaves out weigh 0; a wrong weight keeps its default. */
  mix(x: unknown, fallback: Scenario["mix"]): Scenario["mix"] {
    if (!isRecord(x)) {
      this.issue(
        "mix",
        `mix must be an object of weights per contract kind, like {"transfer": 1} (got ${showValue(x)})`,
      );
      return fallback;
    }
    this.unknown(x, "mix.", CONTRACT_KINDS, "a contract kind");
    const mix = { transfer: 0, swap: 0, mint: 0, vote: 0, ship: 0 };
    for (const k of CONTRACT_KINDS)
      if (has(x, k)) mix[k] = this.number(`mix.${k}`, x[k], WEIGHT_RANGE) ?? fallback[k];
    if (CONTRACT_KINDS.some((k) => mix[k] > 0)) return mix;
    this.issue("mix", "mix needs at least one contract kind with a weight above 0 (got all 0)");
    return fallback;
  }

  cost(x: unknown, fallback: CostModel): CostModel {
    const cost = { ...fallback };
    if (!isRecord(x)) {
      this.issue(
        "cost",
        `cost must be an object with ${Object.keys(COST_RANGES).join(", ")} (got ${showValue(x)})`,
      );
      return cost;
    }
    this.unknown(x, "cost.", Object.keys(COST_RANGES), "a cost field");
    for (const k of Object.keys(COST_RANGES) as (keyof CostModel)[]) {
      if (has(x, k)) cost[k] = this.number(`cost.${k}`, x[k], COST_RANGES[k]) ?? fallback[k];
    }
    return cost;
  }
}

/**
 * Checks any input (parsed JSON, a link's fields, a draft) against Scenario v1. Missing fields take the
 * defaults. On failure, `scenario` is the defaults with every valid field of the input kept, so nothing the
 * user typed correctly is lost, and every error names its field and the allowed range.
 */
export function validateScenario(input: unknown): ScenarioCheck {
  const c = new Checker();
  const s: Scenario = {
    ...DEFAULT_SCENARIO,
    mix: { ...DEFAULT_SCENARIO.mix },
    cost: { ...DEFAULT_SCENARIO.cost },
  };
  if (!isRecord(input)) {
    c.issue("scenario", `a scenario must be a JSON object of fields (got ${showValue(input)})`);
    return { ok: false, errors: c.errors, scenario: s };
  }
  if (has(input, "v")) c.version(input.v);
  for (const k of Object.keys(RANGES) as NumberField[]) {
    if (has(input, k)) s[k] = c.number(k, input[k], RANGES[k]) ?? s[k];
  }
  if (has(input, "source")) s.source = c.choice("source", input.source, CHOICES.source) ?? s.source;
  if (has(input, "scheduler"))
    s.scheduler = c.choice("scheduler", input.scheduler, CHOICES.scheduler) ?? s.scheduler;
  if (has(input, "crossShard"))
    s.crossShard = c.choice("crossShard", input.crossShard, CHOICES.crossShard) ?? s.crossShard;
  if (has(input, "feeMode")) s.feeMode = c.choice("feeMode", input.feeMode, CHOICES.feeMode) ?? s.feeMode;
  for (const k of Object.keys(FLAGS) as FlagField[]) {
    if (has(input, k)) s[k] = c.flag(k, input[k]) ?? s[k];
  }
  if (has(input, "mix")) s.mix = c.mix(input.mix, s.mix);
  if (has(input, "cost")) s.cost = c.cost(input.cost, s.cost);
  c.unknown(input, "", FIELDS, "a scenario field");
  // In-tx fees put the fee recipient's balance on every sender side: no shard split can place that.
  if (ethBlockOf(s.source) !== null && s.feeMode === "in-tx" && s.shards > 1) {
    c.issue(
      "shards",
      `an Ethereum block with feeMode "in-tx" runs on 1 shard (got ${s.shards}); use feeMode "lazy" to shard it`,
    );
    s.shards = 1;
  }
  if (!runsOnShards(s.scheduler, s.shards)) {
    c.issue(
      "shards",
      `the bal scheduler runs a whole block with its access list, on 1 shard (got ${s.shards})`,
    );
    s.shards = 1;
  }
  return c.errors.length === 0 ? { ok: true, scenario: s } : { ok: false, errors: c.errors, scenario: s };
}
