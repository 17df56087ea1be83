/**
 * Frame rate while a run plays: loads the built app with a 1,000- and a 10,000-transaction block, plays,
 * counts requestAnimationFrame callbacks for a few seconds and prints the median frame time against the
 * budgets (17 ms at 1,000, 33 ms at 10,000). Run with `npm run bench:fps`.
 */
import { expect, test } from "../fixtures";
import { playhead, runScenario } from "../view-helpers";

const MEASURE_MS = 4000;
/** Wall seconds the whole run should take to play, so the measured window sees it moving throughout. */
const PLAY_SECONDS = 8;

const CASES = [
  { txs: 1000, budgetMs: 17 },
  { txs: 10_000, budgetMs: 33 },
] as const;

for (const c of CASES) {
  test(`median frame time while playing ${c.txs.toLocaleString("en-US")} transactions`, async ({ page }) => {
    await page.goto("/");
    await runScenario(page, { txs: String(c.txs) }, /^Block-STM/);
    // The speed notch closest to playing the whole run in PLAY_SECONDS.
    const { end } = await playhead(page);
    const speed = page.getByRole("slider", { name: "Speed" });
    const notches = Number((await speed.getAttribute("max")) ?? "0");
    const wanted = end / (PLAY_SECONDS * 1e6);
    // Notches are 1, 2, 5 per decade from 1e-6 up: index = 3 per decade.
    const notch = Math.max(0, Math.min(notches, Math.round(3 * (Math.log10(wanted) + 6))));
    await speed.fill(String(notch));
    await page.getByRole("button", { name: "Restart", exact: true }).click();
    await page.getByRole("button", { name: "Play", exact: true }).click();

    const frames = await page.evaluate(
      (ms) =>
        new Promise<number[]>((resolve) => {
          const gaps: number[] = [];
          let last = 0;
          const start = performance.now();
          const tick = (now: number): void => {
            if (last) gaps.push(now - last);
            last = now;
            if (now - start < ms) requestAnimationFrame(tick);
            else resolve(gaps);
          };
          requestAnimationFrame(tick);
        }),
      MEASURE_MS,
    );
    const moved = (await playhead(page)).time;
    const sorted = [...frames].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)];
    const p95 = sorted[Math.floor(sorted.length * 0.95)];
    console.log(
      `fps bench: ${c.txs} txs, ${frames.length} frames in ${MEASURE_MS} ms: median ${median.toFixed(1)} ms ` +
        `(${(1000 / median).toFixed(0)} fps), p95 ${p95.toFixed(1)} ms; budget ${c.budgetMs} ms; ` +
        `playhead at ${moved.toFixed(1)} of ${end.toFixed(1)} µs`,
    );
    expect(moved, "the run was playing while frames were counted").toBeGreaterThan(0);
    expect(median).toBeLessThanOrEqual(c.budgetMs);
  });
}
