import type { Page } from "@playwright/test";
import { expect } from "./fixtures";

/** Opens the scenario drawer (it starts closed below 1500 px). */
export async function openDrawer(page: Page): Promise<void> {
  const toggle = page.getByRole("button", { name: "Scenario settings" });
  if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
  await expect(page.getByRole("form", { name: "Scenario" })).toBeVisible();
}

/** A control of the scenario form, by the start of its label. */
export function knob(page: Page, label: string) {
  return page.getByRole("form", { name: "Scenario" }).getByLabel(new RegExp(`^${label}`));
}

/** The block source (its label, "Block", starts "Block size" too). */
export function sourceKnob(page: Page) {
  return page.getByRole("form", { name: "Scenario" }).getByLabel("Block", { exact: true });
}

/** The number a metrics-panel figure shows, whatever its unit ("1.2M" tx/s, "3.40×", "63%"). */
export async function metricValue(page: Page, id: string): Promise<number> {
  const text = (await page.getByTestId(`mp-${id}`).textContent()) ?? "";
  const match = /-?[\d,]*\.?\d+/.exec(text.trim());
  expect(match, `metric ${id} shows a number (got "${text}")`).not.toBeNull();
  return Number(match?.[0].replaceAll(",", ""));
}

/** Waits for the run to finish with the sequential state and a summary matching `summary`. */
export async function expectFinishedRun(page: Page, summary: RegExp): Promise<void> {
  await expect(page.getByTestId("run-summary")).toHaveText(summary);
  await expect(page.getByRole("progressbar", { name: "Run progress" })).toHaveCount(0);
  await expect(page.getByTestId("hash-check")).toContainText("matches sequential");
}

/** Switches the open page to live mode with a small block, this many threads and `shards`. */
export async function switchToLive(page: Page, workers: number, shards: number): Promise<void> {
  await openDrawer(page);
  await knob(page, "Block size").fill("2000");
  await knob(page, "Shards").fill(String(shards));
  await knob(page, "Workers").fill(String(workers));
  await page.getByRole("radio", { name: /Live/ }).check();
}

/** Waits for a live run to finish with the sequential state, measured figures and `summary`. */
export async function expectMeasuredRun(page: Page, summary: RegExp): Promise<void> {
  const shown = page.getByTestId("run-summary").filter({ hasText: summary });
  const error = page.getByTestId("run-error");
  // A failed run says so on the page: fail with its message, not after waiting for a summary that never comes.
  await expect(shown.or(error).first()).toBeVisible({ timeout: 30_000 });
  expect(await error.allTextContents(), "the live run's error").toEqual([]);
  await expect(page.getByTestId("run-summary")).toHaveText(summary);
  await expect(page.getByRole("progressbar", { name: "Run progress" })).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByTestId("hash-check")).toContainText("matches sequential");
  await expect(page.getByTestId("metrics-panel")).toContainText("Measured throughput");
  expect(await metricValue(page, "tps")).toBeGreaterThan(0);
  const speedup = await metricValue(page, "speedup");
  expect(speedup).toBeGreaterThan(0);
  // At full speed the figure is the median of five repetitions, shown with their range.
  const note = (await page.getByTestId("mp-speedup-note").textContent()) ?? "";
  const range = /^median of 5 runs, range (\d+\.\d+)×–(\d+\.\d+)×; sequential: /.exec(note);
  expect(range, `the speedup's note gives the range (got "${note}")`).not.toBeNull();
  expect(Number(range?.[1])).toBeLessThanOrEqual(speedup);
  expect(Number(range?.[2])).toBeGreaterThanOrEqual(speedup);
  // Below 1× the page says why (the sentence's figures are checked against runs in unit tests).
  const why = page.getByTestId("why-slower");
  if (speedup < 1) await expect(why).toHaveText(/^Below 1× because /);
  // (A figure shown as 1.00× may be just below or just above: either is right.)
  else if (speedup > 1) await expect(why).toHaveCount(0);
}

/** What identifies the shown run: its summary, state hash and headline figures. */
export async function fingerprint(page: Page): Promise<string> {
  await expect(page.getByRole("progressbar", { name: "Run progress" })).toHaveCount(0);
  const parts = await Promise.all(
    ["run-summary", "hash-check", "mp-tps", "mp-speedup"].map(
      async (id) => (await page.getByTestId(id).textContent()) ?? "",
    ),
  );
  return parts.join(" | ");
}

/** Drops a file with this content onto the page, as a drag from the desktop would. */
export async function dropFile(page: Page, name: string, content: string): Promise<void> {
  const data = await page.evaluateHandle(
    ({ name, content }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([content], name, { type: "application/json" }));
      return dt;
    },
    { name, content },
  );
  await page.dispatchEvent("body", "dragenter", { dataTransfer: data });
  await expect(page.getByText("Drop a scenario or Ethereum block file to open it")).toBeVisible();
  await page.dispatchEvent("body", "drop", { dataTransfer: data });
  await expect(page.getByText("Drop a scenario or Ethereum block file to open it")).toHaveCount(0);
}

/** Opens a file through the "Choose file…" picker. */
export async function chooseFile(page: Page, name: string, buffer: Buffer): Promise<void> {
  const chooser = page.waitForEvent("filechooser");
  await page.getByText("Choose file…").click();
  await (await chooser).setFiles({ name, mimeType: "application/json", buffer });
}
