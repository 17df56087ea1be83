/** The unsafe naive scheduler on screen: marked unsafe in every place, its wrong state told as its lesson. */

import { runNames } from "../src/engine/analysis/explain";
import { unsafeLesson } from "../src/engine/analysis/unsafe";
import { findPreset, presetLink } from "../src/engine/scenario/presets";
import { simulate } from "../src/runtime/simulate";
import { expect, test } from "./fixtures";
import { openLink } from "./link-helpers";

test("naive against Block-STM: the lost updates, the supply check and another worker count, from the run", async ({
  page,
}) => {
  const p = findPreset("naive-vs-blockstm");
  if (!p) throw new Error("no naive preset");
  const { search, hash } = presetLink(p);
  await openLink(page, `/${search}${hash}`);
  await expect(page.getByTestId("compare-right")).toBeVisible({ timeout: 30_000 });
  // The mismatch is the lesson, not an error.
  const check = page.getByTestId("hash-check");
  await expect(check).toContainText(
    "Final state differs from sequential, as expected of an unsafe scheduler",
  );
  await expect(page.getByRole("alert")).toHaveCount(0);
  // Every sentence of the note is the one computed from the same run here.
  const run = simulate(p.scenario);
  const note = page.getByTestId("unsafe-note");
  await expect(note).toContainText("Naive (unsafe): no validation, no ordering.");
  const lines = unsafeLesson(run, runNames(run));
  expect(lines).toHaveLength(3);
  await expect(note.getByRole("listitem")).toHaveText(lines);
  // Unsafe is said in the run summary, the caption, the legend and the scheduler control.
  await expect(page.getByTestId("run-summary")).toContainText("Naive (unsafe)");
  await expect(page.getByTestId("caption-scheduler").first()).toHaveText(/^Naive, UNSAFE/);
  await expect(page.getByRole("option", { name: "Naive (unsafe)" }).first()).toBeAttached();
});

test("a naive link on its own: the legend marks it unsafe", async ({ page }) => {
  await openLink(page, "/?lv=1&s=naive&n=50&acc=20");
  await expect(page.getByTestId("hash-check")).toContainText("as expected of an unsafe scheduler");
  await expect(page.getByTestId("legend").getByText("unsafe scheduler (naive)")).toBeVisible();
});

test("a safe scheduler shows no unsafe note", async ({ page }) => {
  await openLink(page, "/?lv=1&s=blockstm&n=50&acc=20");
  await expect(page.getByTestId("hash-check")).toContainText("Final state matches sequential");
  await expect(page.getByTestId("unsafe-note")).toHaveCount(0);
});
