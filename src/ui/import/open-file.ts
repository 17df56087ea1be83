/**
 * Reads a file the user opened or dropped and tells what it is: a scenario (validated like a link) or an
 * Ethereum block (size checked before reading, then parsed and decoded by the importer). Every failure is
 * a message naming the file and what is wrong; nothing here throws.
 */
import { toUpload, type Upload } from "../../app/upload";
import { checkBlockSize, parseBlockText } from "../../engine/ethereum/decode";
import { type ScenarioCheck, validateScenario } from "../../engine/scenario/validate";

export type Opened =
  | { readonly kind: "scenario"; readonly file: string; readonly check: ScenarioCheck }
  | { readonly kind: "block"; readonly file: string; readonly upload: Upload }
  | { readonly kind: "error"; readonly file: string; readonly message: string };

/** Keys only a block file (or the JSON-RPC response around one) has; a scenario has none of them. */
const BLOCK_KEYS = ["transactions", "result", "jsonrpc", "miner", "hash", "parentHash", "number"];

const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === "object" && x !== null && !Array.isArray(x);

/** Which kind a parsed file is, or null when it is neither. */
export function kindOf(json: unknown): "scenario" | "block" | null {
  if (!isRecord(json)) return null;
  return BLOCK_KEYS.some((k) => Object.hasOwn(json, k)) ? "block" : "scenario";
}

/** A file's text, already read, as what it holds. */
export function openText(file: string, text: string): Opened {
  const parsed = parseBlockText(text);
  if (!parsed.ok) return { kind: "error", file, message: `${file}: ${parsed.error}` };
  const kind = kindOf(parsed.value);
  if (kind === null) {
    return {
      kind: "error",
      file,
      message: `${file}: neither a scenario nor an Ethereum block: both are JSON objects (got ${Array.isArray(parsed.value) ? "a list" : typeof parsed.value === "object" ? "null" : `a ${typeof parsed.value}`})`,
    };
  }
  if (kind === "scenario") return { kind, file, check: validateScenario(parsed.value) };
  const upload = toUpload(file, parsed.value);
  if (!upload.ok)
    return { kind: "error", file, message: `${file}: not a usable Ethereum block: ${upload.error}` };
  return { kind, file, upload: upload.upload };
}

/** A File from a picker or a drop: its size is checked before a byte of it is read. */
export async function openFile(file: Pick<File, "name" | "size" | "text">): Promise<Opened> {
  const tooBig = checkBlockSize(file.size);
  if (tooBig) return { kind: "error", file: file.name, message: `${file.name}: ${tooBig}` };
  try {
    return openText(file.name, await file.text());
  } catch (e) {
    return {
      kind: "error",
      file: file.name,
      message: `${file.name}: could not be read (${e instanceof Error ? e.message : String(e)})`,
    };
  }
}
