/**
 * React commits per second while a run plays: counts the commits React reports to the DevTools hook (the
 * hook React DOM calls on every commit, production builds included) over a few seconds of playback, for
 * the default 1,000-transaction block at the speed that plays it in 8 s (several events per frame) and at
 * the slowest speed (an event every few frames, as in a talk). Run with `npm run bench:fps` (it prints its figures; it checks only that the run played).
 */
import { expect, test } from "../fixtures";
import { playhead, runScenario } from "../view-helpers";

const MEASURE_MS = 4000;

const CASES = [
  { name: "1,000 transfers, played in 8 s", knobs: { txs: "1000" }, playSeconds: 8 },
  { name: "1,000 transfers at the slowest speed", knobs: { txs: "1000" }, notch: 0 },
] as const;

for (const c of CASES) {
  test(`React commits per second while playing: ${c.name}`, async ({ page }) => {
    await page.addInitScript(() => {
      const w = window as unknown as { __commits: number; __REACT_DEVTOOLS_GLOBAL_HOOK__: unknown };
      w.__commits = 0;
      w.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
        supportsFiber: true,
        renderers: new Map(),
        inject: () => 1,
        onScheduleFiberRoot: () => {},
        onCommitFiberRoot: () => {
          w.__commits++;
        },
        onCommitFiberUnmount: () => {},
        onPostCommitFiberRoot: () => {},
        checkDCE: () => {},
      };
    });
    await page.goto("/");
    await runScenario(page, c.knobs, /^Block-STM/);
    const { end } = await playhead(page);
    const speed = page.getByRole("slider", { name: "Speed" });
    const notches = Number((await speed.getAttribute("max")) ?? "0");
    // Notches are 1, 2, 5 per decade from 1e-6 up: index = 3 per decade.
    const notch = "notch" in c ? c.notch : Math.round(3 * (Math.log10(end / (c.playSeconds * 1e6)) + 6));
    await speed.fill(String(Math.max(0, Math.min(notches, notch))));
    await page.getByRole("button", { name: "Restart", exact: true }).click();
    await page.getByRole("button", { name: "Play", exact: true }).click();
    const { commits, frames } = await page.evaluate(
      (ms) =>
        new Promise<{ commits: number; frames: number }>((resolve) => {
          const w = window as unknown as { __commits: number };
          const from = w.__commits;
          let frames = 0;
          const start = performance.now();
          const tick = (now: number): void => {
            frames++;
            if (now - start < ms) requestAnimationFrame(tick);
            else resolve({ commits: w.__commits - from, frames });
          };
          requestAnimationFrame(tick);
        }),
      MEASURE_MS,
    );
    const moved = (await playhead(page)).time;
    console.log(
      `commits bench: ${c.name}: ${commits} React commits in ${MEASURE_MS} ms = ` +
        `${((commits * 1000) / MEASURE_MS).toFixed(1)}/s over ${frames} frames; playhead at ${moved.toFixed(1)} of ${end.toFixed(1)} µs`,
    );
    expect(moved, "the run was playing while commits were counted").toBeGreaterThan(0);
  });
}
