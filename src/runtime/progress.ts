/** Progress as a worker reports it across a thread boundary. */
export type ProgressFn = (done: number, total: number) => void;

/** At most one progress message per this many milliseconds (each one is a postMessage). */
const PROGRESS_INTERVAL_MS = 50;

/** `onProgress` called at most once per interval, and always for the last step (done = total). */
export function throttledProgress(onProgress: ProgressFn | undefined): ProgressFn | undefined {
  if (!onProgress) return undefined;
  let last = Number.NEGATIVE_INFINITY;
  return (done, total) => {
    const now = performance.now();
    if (done < total && now - last < PROGRESS_INTERVAL_MS) return;
    last = now;
    onProgress(done, total);
  };
}
