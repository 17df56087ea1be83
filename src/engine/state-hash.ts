/**
 * Hash of a state: two interleaved 32-bit FNV-1a lanes over the float64 bytes, as 16 hex digits. Every executor computes the
 * final state as exact float64 integers, so equal states give equal hashes on every machine.
 */
export function stateHash(state: Float64Array): string {
  const bytes = new Uint8Array(state.buffer, state.byteOffset, state.byteLength);
  let h1 = 0x811c9dc5 | 0;
  let h2 = 0xcbf29ce4 | 0;
  for (let i = 0; i < bytes.length; i++) {
    h1 = Math.imul(h1 ^ bytes[i], 0x01000193);
    h2 = Math.imul(h2 ^ bytes[i] ^ (h1 >>> 24), 0x01000193);
  }
  return (h2 >>> 0).toString(16).padStart(8, "0") + (h1 >>> 0).toString(16).padStart(8, "0");
}
