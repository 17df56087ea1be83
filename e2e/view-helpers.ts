/** What the view tests share: setting knobs, waiting for a run, reading the playhead. */
import type { Page } from "@playwright/test";
import { expect } from "./fixtures";

/** A knob control by its scenario field (the knob panel gives each one the id `knob-<field>`). */
export async function setKnob(page: Page, field: string, value: string): Promise<void> {
  const control = page.locator(`#knob-${field.replace(".", "-")}`);
  if (!(await control.isVisible())) {
    // The knob panel may sit in a closed drawer.
    await page
      .getByRole("button", { name: /scenario|knobs/i })
      .first()
      .click();
  }
  await expect(control).toBeVisible();
  if ((await control.evaluate((el) => el.tagName)) === "SELECT") await control.selectOption(value);
  else await control.fill(value);
}

/**
 * Sets several knobs, then waits until the shown run is theirs: the caption's scheduler line matches
 * `scheduler` (it names the scheduler and the shards) and the metrics count `txs` transactions.
 */
export async function runScenario(
  page: Page,
  knobs: Readonly<Record<string, string>>,
  scheduler: RegExp,
): Promise<void> {
  for (const [field, value] of Object.entries(knobs)) await setKnob(page, field, value);
  await expect(page.getByTestId("caption-scheduler")).toHaveText(scheduler, { timeout: 30_000 });
  const txs = Number(knobs.txs ?? "1000").toLocaleString("en-US");
  await expect(page.getByTestId("mp-committed")).toHaveText(new RegExp(`/ ${txs}$`), { timeout: 30_000 });
  // The form's submit button says "Running…" while a run is in flight.
  await expect(page.locator("form[aria-label=Scenario] button[type=submit]")).toHaveText("Run");
}

/** The playhead and the run's end in microseconds, read from the playback bar ("12.3 µs / 45.6 µs"). */
export async function playhead(page: Page): Promise<{ time: number; end: number }> {
  const text = (await page.getByTestId("playhead-time").textContent()) ?? "";
  const m = /^([\d,.]+) (µs|ms|s) \/ ([\d,.]+) (µs|ms|s)$/.exec(text.trim());
  expect(m, `playhead shows "time / end" (got "${text}")`).not.toBeNull();
  const scale: Record<string, number> = { µs: 1, ms: 1e3, s: 1e6 };
  const num = (s: string, unit: string) => Number(s.replaceAll(",", "")) * scale[unit];
  return { time: num(m?.[1] ?? "", m?.[2] ?? "µs"), end: num(m?.[3] ?? "", m?.[4] ?? "µs") };
}

export function control(page: Page, label: string) {
  return page.getByRole("button", { name: label, exact: true });
}

/** Resolves after the page has drawn `n` more animation frames: "nothing moved" is then a fact, not a guess. */
export async function animationFrames(page: Page, n: number): Promise<void> {
  await page.evaluate(
    (count) =>
      new Promise<void>((resolve) => {
        let left = count;
        const tick = (): void => {
          if (--left <= 0) resolve();
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
    n,
  );
}

/** One of the app's counters (runs started, links opened, address syncs, live frames), mirrored on <html data-…>. */
export async function counter(
  page: Page,
  name: "runs-started" | "links-opened" | "address-syncs" | "live-frames" | "live-views",
): Promise<number> {
  return Number((await page.locator("html").getAttribute(`data-${name}`)) ?? 0);
}
