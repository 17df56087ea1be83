/** The user's motion and colour preferences, read live (they can change while the page is open). */
const REDUCED = "(prefers-reduced-motion: reduce)";
const DARK = "(prefers-color-scheme: dark)";

const query = (q: string): MediaQueryList | null =>
  typeof window !== "undefined" && window.matchMedia ? window.matchMedia(q) : null;

export function prefersReducedMotion(): boolean {
  return query(REDUCED)?.matches ?? false;
}

/** Calls back when the motion or colour preference changes; returns the unsubscribe. */
export function onMediaChange(callback: () => void): () => void {
  const lists = [query(REDUCED), query(DARK)].filter((l): l is MediaQueryList => l !== null);
  for (const l of lists) l.addEventListener("change", callback);
  return () => {
    for (const l of lists) l.removeEventListener("change", callback);
  };
}
