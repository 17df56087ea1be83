/** A mainnet block file as the app serves it (public/blocks/<number>.json). */
export async function fetchBlockFile(number: number): Promise<string> {
  const url = `${import.meta.env.BASE_URL}blocks/${number}.json`;
  const response = await fetch(url);
  if (!response.ok)
    throw new Error(`could not load block ${number} (${response.status} ${response.statusText})`);
  return response.text();
}
