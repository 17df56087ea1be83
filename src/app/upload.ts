/**
 * An Ethereum block file the user opened: kept as parsed JSON so each run imports it with the scenario's
 * fee mode. The Block knob shows it as the source UPLOAD_SOURCE; the scenario itself never names it.
 */
import { decodeEthBlock } from "../engine/ethereum/decode";
import { importEthBlock } from "../engine/ethereum/import";
import type { FeeMode } from "../engine/scenario/scenario";
import type { LoadedBlock } from "../runtime/block-source";

export const UPLOAD_SOURCE = "upload";

export interface Upload {
  /** The file's name, as the user picked it. */
  readonly file: string;
  readonly json: unknown;
  readonly number: number;
  readonly txs: number;
}

/** What names an opened file in the keys of work done on it (the scheduler table, the thread sweeps). */
export function uploadKey(upload: Upload): string {
  return `${upload.file}#${upload.number}`;
}

/** Checks a parsed block file: the upload, or the importer's message naming what is wrong. */
export function toUpload(
  file: string,
  json: unknown,
): { ok: true; upload: Upload } | { ok: false; error: string } {
  const decoded = decodeEthBlock(json);
  if (!decoded.ok) return decoded;
  return { ok: true, upload: { file, json, number: decoded.value.number, txs: decoded.value.txs.length } };
}

/** The block an upload runs as, with this fee mode (it was checked when opened, so this cannot fail). */
export function importUpload(upload: Upload, feeMode: FeeMode): LoadedBlock {
  const imported = importEthBlock(upload.json, { feeMode });
  if (!imported.ok) throw new Error(`${upload.file}: ${imported.error}`);
  return { block: imported.block, eth: imported.info };
}
