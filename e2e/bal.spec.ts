/** Block access lists on screen: the 2-account block in parallel, the list's size, computed from the run. */
import { runNames } from "../src/engine/analysis/explain";
import { listLesson } from "../src/engine/analysis/list-size";
import { DEFAULT_SCENARIO } from "../src/engine/scenario/scenario";
import { simulate } from "../src/runtime/simulate";
import { expect, test } from "./fixtures";
import { openLink } from "./link-helpers";

test("bal: the list's size and its check, from the run; the state matches sequential", async ({ page }) => {
  await openLink(page, "/?lv=1&s=bal&n=100&acc=2");
  await expect(page.getByTestId("hash-check")).toContainText("Final state matches sequential");
  await expect(page.getByTestId("run-summary")).toContainText("Block access lists");
  await expect(page.getByTestId("caption-scheduler").first()).toHaveText(
    /^Block access lists \(EIP-7928's idea\)/,
  );
  const run = simulate({ ...DEFAULT_SCENARIO, scheduler: "bal", txs: 100, accounts: 2 });
  const lines = listLesson(run, runNames(run));
  await expect(page.getByTestId("list-note").getByRole("listitem")).toHaveText(lines);
  expect(lines[0]).toContain("200 reads and 200 writes");
});
