/**
 * Links: the scenario and the view in a URL. Common knobs are short query parameters (only those that
 * differ from the defaults); the rest is compressed JSON in the hash. Each link version has a decoder:
 * older links are migrated forward, newer ones refused whole, and a bad part only loses itself.
 */
import { decodeHashV1, encodeHash, HASH_FIELDS, type HashData, splitHash } from "./link-hash";
import {
  encodeValue,
  formatValue,
  PARAM_NAMES,
  PARAMS,
  parseFlag,
  parseMix,
  parseNumber,
  queryPairs,
  VERSION_PARAM,
} from "./link-query";
import { looksLikeV0, migrateV0 } from "./link-v0";
import { type CostModel, DEFAULT_SCENARIO, type Scenario } from "./scenario";
import { validateScenario } from "./validate";
import { checkView, quoteValue, type ViewState } from "./view-state";

/** The link format this build writes and the newest it reads. */
export const LINK_VERSION = 1;

/** One problem with a link: the part as it appears in the link ("w", "#cost", "lv") and what is wrong. */
export interface LinkIssue {
  readonly part: string;
  readonly message: string;
}

export interface DecodedLink {
  /** Always a valid scenario: the link's valid parts over the defaults. */
  readonly scenario: Scenario;
  readonly view: ViewState;
  readonly issues: LinkIssue[];
  /** Set when the link is from a newer TxLanes: nothing of it was applied (scenario and view are defaults). */
  readonly newer?: string;
  /** The link version the query was read as (older ones were migrated). */
  readonly version: number;
}

export function encodeLink(scenario: Scenario, view: ViewState = {}): { search: string; hash: string } {
  const params: string[] = [];
  const add = (name: string, value: Parameters<typeof formatValue>[0]) =>
    params.push(`${name}=${encodeValue(formatValue(value))}`);
  for (const p of PARAMS) {
    if (p.in === "view") {
      const value = view[p.field];
      if (value !== undefined) add(p.name, value);
    } else if (formatValue(scenario[p.field]) !== formatValue(DEFAULT_SCENARIO[p.field]))
      add(p.name, scenario[p.field]);
  }
  const data: HashData = {};
  const cost: Partial<CostModel> = {};
  for (const k of Object.keys(scenario.cost) as (keyof CostModel)[])
    if (scenario.cost[k] !== DEFAULT_SCENARIO.cost[k]) cost[k] = scenario.cost[k];
  if (Object.keys(cost).length > 0) data.cost = cost;
  if (view.compare !== undefined) data.compare = view.compare;
  if (view.panels !== undefined) data.panels = view.panels;
  const hash = Object.keys(data).length > 0 ? encodeHash(LINK_VERSION, data) : "";
  const search = params.length > 0 ? `?${VERSION_PARAM}=${LINK_VERSION}&${params.join("&")}` : "";
  return { search, hash };
}

function newerMessage(version: number): string {
  return `this link was made by a newer TxLanes (link v${version}); this version reads up to v${LINK_VERSION}: update TxLanes to open it`;
}

/** Collects issues; every message names its part first. */
class Issues {
  readonly list: LinkIssue[] = [];
  /** `message` already starts with the part's name. */
  add(part: string, message: string): void {
    this.list.push({ part, message });
  }
  /** A checker's message, led by the link part unless it already starts with it. */
  checked(part: string, message: string): void {
    const named = [" ", ".", ":"].some((c) => message.startsWith(part + c));
    this.add(part, named ? message : `${part}: ${message}`);
  }
}

/** The query's version: `lv` when given and readable, else v0 if it uses v0's names, else current. */
function queryVersion(pairs: readonly [string, string][], issues: Issues): number {
  const lv = pairs.find(([name]) => name === VERSION_PARAM);
  if (lv) {
    const v = parseNumber(lv[1]);
    if (typeof v === "number" && Number.isInteger(v) && v >= 0) return v;
    issues.add(
      VERSION_PARAM,
      `${VERSION_PARAM} must be a link version, a whole number like ${LINK_VERSION} (got ${quoteValue(lv[1])})`,
    );
  }
  return looksLikeV0(pairs.map(([name]) => name)) ? 0 : LINK_VERSION;
}

/** Unvalidated scenario and view fields, and the link part each came from. */
interface RawLink {
  scenario: Record<string, unknown>;
  view: Record<string, unknown>;
  /** Field (top level) -> part of the link. */
  partOf: Map<string, string>;
}

function readQueryV1(
  pairs: readonly [string, string][],
  typedAs: ReadonlyMap<string, string>,
  issues: Issues,
  raw: RawLink,
): void {
  const seen = new Set<string>();
  for (const [name, value] of pairs) {
    const part = typedAs.get(name) ?? name;
    if (name === VERSION_PARAM) continue;
    if (seen.has(name)) {
      issues.add(part, `${part} is given more than once; the first value is used`);
      continue;
    }
    seen.add(name);
    const param = PARAMS.find((p) => p.name === name);
    if (!param) {
      issues.add(
        name === "" ? '""' : name.length > 40 ? `${name.slice(0, 40)}…` : name,
        `${quoteValue(name)} is not a TxLanes link parameter (known: ${PARAM_NAMES.join(", ")})`,
      );
      continue;
    }
    const parsed =
      param.kind === "number"
        ? parseNumber(value)
        : param.kind === "flag"
          ? parseFlag(value)
          : param.kind === "mix"
            ? parseMix(value, (m) => issues.add(part, `${part}: ${m}`))
            : value;
    (param.in === "scenario" ? raw.scenario : raw.view)[param.field] = parsed;
    raw.partOf.set(param.field, part);
  }
}

function readHash(hash: string, issues: Issues, raw: RawLink): number | undefined {
  const split = splitHash(hash);
  if (split.kind === "none") return undefined;
  if (split.kind === "bad") {
    issues.add("#", `#: ${split.message}`);
    return undefined;
  }
  if (split.version > LINK_VERSION) return split.version;
  if (split.version < 1) {
    issues.add("#", `#: link v${split.version} had no hash data; it is ignored`);
    return undefined;
  }
  const decoded = decodeHashV1(split.body);
  if (!decoded.ok) {
    issues.add("#", `#: ${decoded.message}`);
    return undefined;
  }
  for (const k of decoded.unknown)
    issues.add("#", `#: ${quoteValue(k)} is not a hash field (known: ${HASH_FIELDS.join(", ")})`);
  const { cost, compare, panels } = decoded.data;
  if (cost !== undefined) raw.scenario.cost = cost;
  if (compare !== undefined) raw.view.compare = compare;
  if (panels !== undefined) raw.view.panels = panels;
  for (const k of HASH_FIELDS) raw.partOf.set(k, `#${k}`);
  return undefined;
}

/**
 * Reads a link's query (`?...` or without the `?`) and hash (`#...` or without the `#`). Never throws:
 * every bad part gives an issue naming it, what it should be and what it was, and falls back to its
 * default while every good part applies. A link from a newer version is refused whole (`newer`).
 * `storySteps`: how many steps the app's guided story has (`story=N` is checked against it).
 */
export function decodeLink(search: string, hash: string, storySteps = 0): DecodedLink {
  const issues = new Issues();
  const pairs = queryPairs(search);
  const version = queryVersion(pairs, issues);
  const raw: RawLink = { scenario: {}, view: {}, partOf: new Map() };
  const newerHash = readHash(hash, issues, raw);
  const newest = Math.max(version, newerHash ?? 0);
  if (newest > LINK_VERSION) {
    const message = newerMessage(newest);
    const part = version > LINK_VERSION ? VERSION_PARAM : "#";
    const scenario = validateScenario({}).scenario;
    return {
      scenario,
      view: {},
      issues: [{ part, message: `${part}: ${message}` }],
      newer: message,
      version,
    };
  }
  const query = version === 0 ? migrateV0(pairs) : { pairs, typedAs: new Map<string, string>() };
  readQueryV1(query.pairs, query.typedAs, issues, raw);
  const partOf = (field: string) => {
    const top = field.split(".")[0];
    return raw.partOf.get(top) ?? top;
  };
  const checked = validateScenario(raw.scenario);
  if (!checked.ok) for (const e of checked.errors) issues.checked(partOf(e.field), e.message);
  const view = checkView(raw.view, checked.scenario, storySteps);
  for (const e of view.issues) issues.checked(partOf(e.field), e.message);
  return { scenario: checked.scenario, view: view.view, issues: issues.list, version };
}
