/** Block access lists on screen: the 2-account block in parallel, the list's size, computed from the run. */
import { runNames } from "../src/engine/analysis/explain";
import { invalidBlockLine, listCheck } from "../src/engine/analysis/list-check";
import { listLesson } from "../src/engine/analysis/list-size";
import { findPreset, presetLink } from "../src/engine/scenario/presets";
import { DEFAULT_SCENARIO } from "../src/engine/scenario/scenario";
import { Ev } from "../src/engine/trace/kinds";
import { simulate } from "../src/runtime/simulate";
import { FLAG_DEFS } from "../src/ui/knob-defs";
import { expect, test } from "./fixtures";
import { openLink, paramsOf } from "./link-helpers";
import { knob, openDrawer } from "./panel-helpers";

test("bal: the list's size and its check, from the run; the state matches sequential", async ({ page }) => {
  await openLink(page, "/?lv=1&s=bal&n=100&acc=2");
  await expect(page.getByTestId("hash-check")).toContainText("Final state matches sequential");
  await expect(page.getByTestId("run-summary")).toContainText("Block access lists");
  await expect(page.getByTestId("caption-scheduler").first()).toHaveText(
    /^Block access lists \(EIP-7928's idea\)/,
  );
  const run = simulate({ ...DEFAULT_SCENARIO, scheduler: "bal", txs: 100, accounts: 2 });
  const lines = listLesson(run, runNames(run));
  await expect(page.getByTestId("list-note").locator("li")).toHaveText(lines);
  expect(lines[0]).toContain("200 reads and 200 writes");
});

test("bal: the corrupt-list toggle makes one entry wrong; the note, hash check and caption say it from the run", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const s = { ...DEFAULT_SCENARIO, scheduler: "bal" as const, txs: 100, accounts: 2 };
  const honest = simulate(s);
  const run = simulate({ ...s, corruptList: true });
  const c = listCheck(run);
  await openLink(page, "/?lv=1&s=bal&n=100&acc=2");
  await openDrawer(page);
  const toggle = knob(page, "Corrupt one list entry");
  const cell = page.locator(".knob", { has: page.locator("#knob-corruptList") });
  await expect(cell).toHaveAttribute("title", FLAG_DEFS.corruptList.title);
  await expect(toggle).toBeEnabled();
  await expect(toggle).not.toBeChecked();

  await toggle.check();
  const lines = listLesson(run, runNames(run));
  await expect(page.getByTestId("list-note").locator("li")).toHaveText(lines);
  // Five lines fold to two, so the stage keeps its height; one press shows them all.
  const note = page.getByTestId("list-note");
  await expect(note.locator("li:visible")).toHaveCount(2);
  await note.getByRole("button", { name: `Show all ${lines.length} lines` }).click();
  await expect(note.locator("li:visible")).toHaveCount(lines.length);
  await note.getByRole("button", { name: "Show fewer" }).click();
  await expect(note.locator("li:visible")).toHaveCount(2);
  expect(lines[1]).toMatch(
    /^The corrupt-list setting made one entry wrong: tx 50's written value for balance\[0\]/,
  );
  const invalid = invalidBlockLine(run, runNames(run)) ?? "";
  await expect(page.getByTestId("hash-check")).toContainText(invalid);
  await expect(page.getByTestId("hash-check")).toContainText(run.stateHash);
  await expect(page.getByTestId("run-summary")).toContainText("one list entry corrupted");
  // The playhead is at the end: the metrics count who checked out, and none is final.
  const checkedOut = run.log.kind.filter((k) => k === Ev.Commit).length;
  await expect(page.getByTestId("mp-committed")).toHaveText(`${checkedOut} / 100`);
  await expect(page.getByTestId("mp-committed-note")).toHaveText(
    "checked out; the block is invalid: none final",
  );
  await expect.poll(() => paramsOf(page).get("corrupt")).toBe("1");
  await page.screenshot({ path: test.info().outputPath("corrupt-list-1280.png") });

  // A time range past the catch counts who checked out, and says none is final.
  const canvas = page.getByTestId("lanes-view").locator("canvas");
  const box = await canvas.boundingBox();
  if (!box) throw new Error("the lanes have no box");
  await page.keyboard.down("Shift");
  await page.mouse.move(box.x + 60, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width - 60, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await page.keyboard.up("Shift");
  await expect(page.getByTestId("range-figures")).toContainText(
    /· \d+ checked out against the list \(the block is invalid: none final\) ·/,
  );
  await page.getByTestId("range-figures").getByRole("button", { name: "Clear" }).click();

  // The caption at the moment the check catches the entry, opened by link at that time.
  const at = run.log.time[c.caught];
  await openLink(page, `/?lv=1&s=bal&n=100&acc=2&corrupt=1&t=${at}`);
  const first = c.mismatches.find((i) => run.log.time[i] === at) ?? c.caught;
  await expect(page.getByTestId("caption-moment")).toHaveText(
    `Worker ${run.log.worker[first]} checks tx ${run.log.tx[first]} against its entry in the access list: it wrote a different value than the list at ${runNames(run).key(run.log.key[first])}, so the block is invalid.`,
  );
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: test.info().outputPath("corrupt-list-390.png") });
  await page.setViewportSize({ width: 1280, height: 720 });

  // Off again: the builder's list checks out and the state is sequential execution's.
  await openDrawer(page);
  await knob(page, "Corrupt one list entry").uncheck();
  await expect(page.getByTestId("list-note").locator("li")).toHaveText(listLesson(honest, runNames(honest)));
  await expect(page.getByTestId("hash-check")).toContainText("Final state matches sequential");
  await expect.poll(() => paramsOf(page).get("corrupt")).toBeNull();

  // Another scheduler has no list: the toggle is off, and says why.
  await knob(page, "Scheduler").selectOption("blockstm");
  await expect(knob(page, "Corrupt one list entry")).toBeDisabled();
  await expect(cell).toHaveAttribute("title", /^Applies to the block access lists scheduler only/);
});

test("bal: the corrupted-list preset against the builder's list, side by side on one clock", async ({
  page,
}) => {
  const p = findPreset("access-list-corrupted");
  if (!p) throw new Error("no preset access-list-corrupted");
  const { search, hash } = presetLink(p);
  await openLink(page, `/${search}${hash}`);
  await expect(page.getByTestId("compare-right")).toBeVisible({ timeout: 30_000 });
  await page.keyboard.press("End");
  const left = simulate(p.scenario);
  const c = listCheck(left);
  await expect(page.getByTestId("compare-left-committed")).toHaveText("0 / 100 (block invalid)");
  await expect(page.getByTestId("compare-right-committed")).toHaveText("100 / 100");
  await expect(page.getByTestId("compare-left-caption")).toHaveText(
    `The block is done, and invalid: ${c.txs.length} of its 100 transactions disagreed with their entries in the access list, so none of its writes are applied.`,
  );
  await expect(page.getByTestId("compare-left").locator("header").first()).toContainText(
    "one list entry corrupted",
  );
  await expect(page.getByTestId("compare-right").locator("header").first()).not.toContainText("corrupted");

  // The right side's own toggle corrupts its list too: both blocks are then rejected.
  const rightSide = page.getByRole("group", { name: "Right side" });
  await rightSide.getByLabel("Corrupt one list entry").check();
  await expect(page.getByTestId("compare-right").locator("header").first()).toContainText(
    "one list entry corrupted",
  );
  await page.keyboard.press("End");
  await expect(page.getByTestId("compare-right-committed")).toHaveText("0 / 100 (block invalid)");
  await expect(page.getByTestId("compare-right-caption")).toHaveText(
    `The block is done, and invalid: ${c.txs.length} of its 100 transactions disagreed with their entries in the access list, so none of its writes are applied.`,
  );
  // With another scheduler the right side has no list: the toggle is off and says why.
  await rightSide.getByLabel("Scheduler").selectOption("blockstm");
  await expect(rightSide.getByLabel("Corrupt one list entry")).toBeDisabled();
  await expect(rightSide.locator("label", { hasText: "Corrupt one list entry" })).toHaveAttribute(
    "title",
    /^Applies to the block access lists scheduler only/,
  );
});

test("bal live: the corrupted entry is caught on this machine's workers too, the block rejected", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await openLink(page, "/?lv=1&s=bal&n=100&acc=2&corrupt=1");
  await openDrawer(page);
  await page.getByRole("radio", { name: /Live/ }).check();
  await expect(page.getByTestId("metrics-panel")).toContainText(/measured/i, { timeout: 30_000 });
  await expect(page.getByRole("progressbar", { name: "Run progress" })).toHaveCount(0, { timeout: 30_000 });
  // Which worker checks tx 50 is up to the real interleaving; everything else is the list's doing.
  const run = simulate({ ...DEFAULT_SCENARIO, scheduler: "bal", txs: 100, accounts: 2, corruptList: true });
  const lines = listLesson(run, runNames(run));
  const byAnyWorker = new RegExp(
    `^${lines[2].replace(/[()[\]]/g, "\\$&").replace(/worker \d+/, "worker \\d+")}$`,
  );
  await expect(page.getByTestId("list-note").locator("li")).toHaveText([
    lines[0],
    lines[1],
    byAnyWorker,
    ...lines.slice(3),
  ]);
  await expect(page.getByTestId("hash-check")).toContainText(invalidBlockLine(run, runNames(run)) ?? "");
  await expect(page.getByTestId("hash-check")).toContainText(run.stateHash);
});
