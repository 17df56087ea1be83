import { readFile } from "node:fs/promises";

/** A mainnet block file shipped with the app (public/blocks/<number>.json), read from the repository. */
export function readBlockFile(number: number): Promise<string> {
  return readFile(new URL(`../../public/blocks/${number}.json`, import.meta.url), "utf8");
}
