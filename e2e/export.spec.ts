import { readFileSync } from "node:fs";
import type { Download, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { chooseFile, dropFile, expectFinishedRun, fingerprint, knob, openDrawer } from "./panel-helpers";

/** Clicks an export button and returns the downloaded file's name and bytes. */
async function exportFile(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const download: Promise<Download> = page.waitForEvent("download");
  await page.getByRole("button", { name: button, exact: true }).click();
  const file = await download;
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}

async function ready(page: Page): Promise<void> {
  await page.goto("/");
  await expectFinishedRun(page, /8 workers/);
  await openDrawer(page);
  await knob(page, "Shards").fill("2");
  await knob(page, "Skew").fill("0.8");
  await expectFinishedRun(page, /2 shards × 8 workers/);
}

test("the trace is valid Chrome Trace Event JSON and the report carries the run", async ({ page }) => {
  await ready(page);
  const trace = await exportFile(page, "Trace");
  expect(trace.name).toMatch(/\.trace\.json$/);
  const json = JSON.parse(trace.bytes.toString("utf8"));
  expect(Array.isArray(json.traceEvents)).toBe(true);
  const slices = json.traceEvents.filter((e: { ph: string }) => e.ph === "X");
  expect(slices.length).toBeGreaterThan(1000);
  const wellFormed = (e: Record<string, unknown>): boolean =>
    typeof e.ts === "number" &&
    typeof e.dur === "number" &&
    e.dur >= 0 &&
    typeof e.pid === "number" &&
    typeof e.tid === "number";
  expect(slices.filter((e: Record<string, unknown>) => !wellFormed(e))).toEqual([]);
  const meta = json.traceEvents.filter((e: { ph: string }) => e.ph === "M");
  expect(meta.some((e: { name: string }) => e.name === "thread_name")).toBe(true);
  expect(meta.some((e: { name: string }) => e.name === "process_name")).toBe(true);
  expect(json.otherData.label).toMatch(/virtual clock \(simulated\)/);

  const report = JSON.parse((await exportFile(page, "Report")).bytes.toString("utf8"));
  expect(report.scenario.shards).toBe(2);
  expect(report.scenario.skew).toBe(0.8);
  expect(report.mode).toBe("virtual");
  expect(report.clock).toBe("simulated");
  expect(report.matchesSequential).toBe(true);
  await expect(page.getByTestId("hash-check").locator("code")).toHaveText(report.stateHash);
  expect(report.metrics.speedup).toBeGreaterThan(1);
  expect(report.metrics.laneBusyUs).toHaveLength(16);
});

test("PNG and SVG of the views are real pictures", async ({ page }) => {
  await ready(page);
  const png = await exportFile(page, "PNG");
  expect(png.name).toMatch(/\.png$/);
  expect(png.bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.bytes.length).toBeGreaterThan(5000);

  const svg = await exportFile(page, "SVG");
  const text = svg.bytes.toString("utf8");
  expect(text).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(text).toContain('href="data:image/png;base64,');
  expect(text).toContain("</svg>");
  // The browser opens it as an image of the same size as the views.
  const size = await page.evaluate(async (source) => {
    const img = new Image();
    img.src = `data:image/svg+xml;base64,${btoa(unescape(encodeURIComponent(source)))}`;
    await img.decode();
    return [img.naturalWidth, img.naturalHeight];
  }, text);
  expect(size[0]).toBeGreaterThan(300);
  expect(size[1]).toBeGreaterThan(200);
});

test("the scenario file re-imports to the same run, by file chooser and by drag and drop", async ({
  page,
}) => {
  await ready(page);
  const run = await fingerprint(page);
  const scenario = await exportFile(page, "Scenario");
  expect(JSON.parse(scenario.bytes.toString("utf8"))).toMatchObject({ v: 1, shards: 2, skew: 0.8 });

  await knob(page, "Workers").fill("3");
  await expectFinishedRun(page, /3 workers/);
  await chooseFile(page, scenario.name, scenario.bytes);
  await expect(page.getByTestId("open-notice")).toContainText(`Opened the scenario in ${scenario.name}`);
  await expect.poll(() => fingerprint(page)).toBe(run);
  await expect(knob(page, "Workers")).toHaveValue("8");

  await knob(page, "Workers").fill("5");
  await expectFinishedRun(page, /5 workers/);
  await dropFile(page, "dropped.json", scenario.bytes.toString("utf8"));
  await expect(page.getByTestId("open-notice")).toContainText("Opened the scenario in dropped.json");
  await expect.poll(() => fingerprint(page)).toBe(run);
});

test("a scenario file with wrong fields names them and keeps the valid ones", async ({ page }) => {
  await ready(page);
  await chooseFile(
    page,
    "mixed.json",
    Buffer.from(JSON.stringify({ v: 1, workers: 100, skew: 2, colour: "red" })),
  );
  const notice = page.getByTestId("open-notice");
  await expect(notice).toContainText("workers must be an integer from 1 to 64 (got 100)");
  await expect(notice).toContainText("colour is not a scenario field");
  await expect(knob(page, "Skew")).toHaveValue("2");
  await expectFinishedRun(page, /1,000 transactions · Block-STM · 8 workers/);

  const before = await fingerprint(page);
  await dropFile(page, "broken.json", "{ workers: 3");
  await expect(notice).toContainText("broken.json: not JSON");
  expect(await fingerprint(page)).toBe(before);
});
