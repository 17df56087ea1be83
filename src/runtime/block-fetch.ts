/**
 * The folder the app is served from, wherever that is (a host's root or any sub-path): the dev server
 * serves from its base; a build keeps every chunk, the workers' included, in assets/ beside index.html,
 * so the app's folder is one up from this module. A worker resolves relative URLs against its own
 * script, never the page, hence no plain relative path here.
 */
function appRoot(): URL {
  if (import.meta.env.DEV) return new URL(import.meta.env.BASE_URL, location.href);
  return new URL(/* @vite-ignore */ "../", import.meta.url);
}

/** A mainnet block file as the app serves it (public/blocks/<number>.json). */
export async function fetchBlockFile(number: number): Promise<string> {
  const response = await fetch(new URL(`blocks/${number}.json`, appRoot()));
  if (!response.ok)
    throw new Error(`could not load block ${number} (${response.status} ${response.statusText})`);
  return response.text();
}
