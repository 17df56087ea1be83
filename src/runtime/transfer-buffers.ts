/** Every distinct ArrayBuffer behind the typed arrays in a value: moved, not copied, across a postMessage. */
export function buffersOf(root: unknown): ArrayBuffer[] {
  const found = new Set<ArrayBuffer>();
  const seen = new Set<object>();
  const visit = (value: unknown): void => {
    if (typeof value !== "object" || value === null || seen.has(value)) return;
    seen.add(value);
    if (ArrayBuffer.isView(value)) {
      if (value.buffer instanceof ArrayBuffer) found.add(value.buffer);
    } else {
      for (const v of Object.values(value)) visit(v);
    }
  };
  visit(root);
  return [...found];
}
