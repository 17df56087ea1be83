import { expect, test } from "./fixtures";
import { openDrawer } from "./panel-helpers";

interface LongTask {
  readonly start: number;
  readonly duration: number;
}

test.setTimeout(180_000);

test("the main thread's long tasks through a live run of 10,000 transactions", async ({ page }) => {
  // Every long task from page load on (buffered), kept on the page for the test to read.
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: "longtask", buffered: true });
  });
  await page.goto("/?n=10000&w=2");
  await expect(page.getByTestId("run-summary")).toHaveText(/^10,000 transactions/, { timeout: 60_000 });
  await openDrawer(page);

  const from = await page.evaluate(() => performance.now());
  await page.getByRole("radio", { name: /Live/ }).check();
  await expect(page.getByTestId("metrics-panel")).toContainText("Measured throughput", { timeout: 150_000 });
  await expect(page.getByRole("progressbar", { name: "Run progress" })).toHaveCount(0);
  await expect(page.getByTestId("hash-check")).toContainText("matches sequential");
  await expect(page.getByTestId("run-summary")).toHaveText(/^10,000 transactions · Block-STM · 2 workers/);
  const to = await page.evaluate(() => performance.now());

  const tasks = await page.evaluate(
    ([a, b]) =>
      (window as unknown as { __longTasks: LongTask[] }).__longTasks.filter(
        (t) => t.start + t.duration >= a && t.start <= b,
      ),
    [from, to],
  );
  const worst = Math.max(0, ...tasks.map((t) => t.duration));
  const figure = `worst ${worst.toFixed(0)} ms over ${tasks.length} long tasks in ${((to - from) / 1000).toFixed(1)} s`;
  test.info().annotations.push({ type: "main-thread long tasks", description: figure });
  process.stdout.write(
    `live 10k run: ${figure}: ${tasks.map((t) => `${(t.start - from).toFixed(0)}+${t.duration.toFixed(0)}`).join(", ")}\n`,
  );
});
