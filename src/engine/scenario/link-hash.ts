/**
 * The hash of a link: what is too large for the query (the cost model, the compare side, the open
 * panels) as JSON compressed with lz-string, behind a version prefix: `#v1:<data>`.
 */
import LZString from "lz-string";
import { isRecord, quoteValue } from "./view-state";

/** The fields a v1 hash may hold. */
export const HASH_FIELDS = ["cost", "compare", "panels"] as const;
export type HashData = Partial<Record<(typeof HASH_FIELDS)[number], unknown>>;

/** A real hash holds a few hundred characters; the cap bounds the work before anything is checked. */
const MAX_COMPRESSED = 4096;
const PREFIX = /^v(\d{1,6}):/;

export type SplitHash =
  | { kind: "none" }
  | { kind: "bad"; message: string }
  | { kind: "data"; version: number; body: string };

/** The version prefix and the data after it, without decoding the data. */
export function splitHash(hash: string): SplitHash {
  const h = hash.startsWith("#") ? hash.slice(1) : hash;
  if (h === "") return { kind: "none" };
  const m = PREFIX.exec(h);
  if (!m)
    return {
      kind: "bad",
      message: `the hash must be v1: followed by compressed data (got ${quoteValue(h)})`,
    };
  return { kind: "data", version: Number(m[1]), body: h.slice(m[0].length) };
}

export function encodeHash(version: number, data: HashData): string {
  return `#v${version}:${LZString.compressToEncodedURIComponent(JSON.stringify(data))}`;
}

/** The fields of a v1 hash body, or one plain-text reason why it cannot be read. */
export function decodeHashV1(
  body: string,
): { ok: true; data: HashData; unknown: string[] } | { ok: false; message: string } {
  if (body.length > MAX_COMPRESSED)
    return {
      ok: false,
      message: `the hash data is too long (${body.length} characters; at most ${MAX_COMPRESSED})`,
    };
  let json: string | null;
  try {
    json = LZString.decompressFromEncodedURIComponent(body);
  } catch {
    json = null;
  }
  if (!json)
    return { ok: false, message: "the hash data is not valid compressed data (it may be cut short)" };
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return { ok: false, message: "the hash data does not decompress to JSON (it may be cut short)" };
  }
  if (!isRecord(parsed))
    return { ok: false, message: `the hash data must be a JSON object (got ${quoteValue(parsed)})` };
  const data: HashData = {};
  for (const k of HASH_FIELDS) if (Object.hasOwn(parsed, k)) data[k] = parsed[k];
  const known: readonly string[] = HASH_FIELDS;
  return { ok: true, data, unknown: Object.keys(parsed).filter((k) => !known.includes(k)) };
}
