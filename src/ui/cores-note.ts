/**
 * What live mode says about this machine: the cores the browser reports (navigator.hardwareConcurrency) and the
 * threads a live run starts on (all of them, up to the workers range's maximum).
 */
export function coresNote(found: number, threads: number): string {
  const start =
    found === 0
      ? "This browser does not say how many cores it has (navigator.hardwareConcurrency): live runs use 1 thread."
      : found > threads
        ? `Found ${found} cores here (navigator.hardwareConcurrency): live runs start on ${threads} of them, the workers range's maximum.`
        : `Found ${found} ${found === 1 ? "core" : "cores"} here (navigator.hardwareConcurrency): live runs start on ${found === 1 ? "it" : "all of them"}.`;
  return `${start} Workers × shards up to ${threads}. Every figure is measured.`;
}
