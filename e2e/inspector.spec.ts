import { expect, test } from "./fixtures";
import { control, runScenario } from "./view-helpers";

// Tx j reads M[j mod 3] and writes M[j mod 4]; 8 txs on 4 workers. Wave 1 runs tx 0-3 on the initial state:
// tx 3 read M[0] before tx 0 wrote it and aborts. Wave 2: tx 6 read M[0] from tx 0, but tx 4, running
// alongside, writes M[0]: tx 6 aborts. Nothing else conflicts.
test.beforeEach(async ({ page }) => {
  await page.goto("/");
  await runScenario(page, { source: "mod3mod4", txs: "8", workers: "4", scheduler: "blockstm" }, /4 workers/);
});

test("the inspector names the conflict of each abort of the teaching block", async ({ page }) => {
  const inspector = page.getByTestId("inspector");
  await control(page, "Restart").click();

  await control(page, "Next abort").click();
  await expect(inspector.getByTestId("inspector-tx")).toContainText("tx 3 · readWrite");
  const runs3 = inspector.getByTestId("inspector-runs").locator("li");
  await expect(runs3).toHaveCount(2);
  await expect(runs3.nth(0)).toContainText("aborted");
  await expect(runs3.nth(0)).toContainText("read M[0] before tx 0, earlier in the block, wrote it");
  await expect(runs3.nth(1)).toContainText("committed");
  await expect(page.getByTestId("caption-moment")).toHaveText(
    "Tx 3 aborts: it read M[0] before tx 0, earlier in the block, wrote it; it will run again as incarnation 2.",
  );

  await control(page, "Next abort").click();
  await expect(inspector.getByTestId("inspector-tx")).toContainText("tx 6 · readWrite");
  await expect(inspector.getByTestId("inspector-runs").locator("li").first()).toContainText(
    "read M[0] before tx 4, earlier in the block, wrote it",
  );
  // The final incarnation read the version tx 4 wrote.
  await expect(inspector.getByTestId("inspector-reads")).toContainText("read M[0] from tx 4, incarnation 1");
});

test("a transaction can be picked by number; a bad number is refused with the range", async ({ page }) => {
  const inspector = page.getByTestId("inspector");
  const picker = inspector.getByRole("spinbutton", { name: "Transaction" });
  await picker.fill("7");
  await inspector.getByRole("button", { name: "Inspect" }).click();
  await expect(inspector.getByTestId("inspector-tx")).toContainText("tx 7");
  await expect(inspector.getByTestId("inspector-reads")).toContainText("read M[1] from tx 5, incarnation 1");

  await picker.fill("8");
  await expect(inspector.getByRole("alert")).toHaveText("A transaction is a whole number from 0 to 7.");
  await expect(inspector.getByRole("button", { name: "Inspect" })).toBeDisabled();
  await inspector.getByRole("button", { name: "Clear" }).click();
  await expect(inspector.getByTestId("inspector-tx")).toHaveCount(0);
});
