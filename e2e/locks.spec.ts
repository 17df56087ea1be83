/** Lock waits on screen: account locks in the lanes, the graph's states, the inspector and the caption. */
import { expect, test } from "./fixtures";
import { openLink } from "./link-helpers";
import { playhead } from "./view-helpers";

// The teaching block under account locks, 4 workers: tx 0, 1 and 2 start at once; tx 3 to 7 queue for
// their keys, so worker 3 sits idle from the start, waiting for a lock.
const LINK = "/?lv=1&s=accountlocks&src=mod3mod4&n=8&w=4";

test("account locks: a queued transaction and an idle worker show their lock wait", async ({ page }) => {
  await openLink(page, `${LINK}&t=1&tx=4`);
  await expect(page.getByTestId("caption-scheduler")).toHaveText(/^Account locks: .*no barrier/);
  // The inspector names what the selected transaction waits for and behind whom.
  await expect(page.getByTestId("inspector-tx")).toContainText(
    /waiting for a lock \(M\[[0-3]\]: waits for tx \d\)/,
  );
  await expect(page.getByTestId("legend").getByText("waiting for a lock", { exact: true })).toBeVisible();
  await expect(page.getByTestId("legend").getByText("waiting for a lock (amber dashes)")).toBeVisible();
  // The graph draws an amber wait edge from each queued transaction's holder to it.
  await expect(page.getByTestId("graph-view").locator("line.lit-wait").first()).toBeAttached();
  const lanes = page.getByTestId("lanes-view");
  await expect(lanes.locator(".panel-note").first()).toContainText("amber dashes = idle, waiting for a lock");

  // Point at worker 3's row at 1 µs (the lanes' layout: 36 px of labels, 46 px of utilization at the
  // right, 6 px above the rows and a 20 px axis below): its tooltip tells the wait.
  const { end } = await playhead(page);
  const box = await lanes.locator(".lanes-box").boundingBox();
  if (!box) throw new Error("the lanes have no box");
  const left = 36;
  const right = box.width - 46 - 4;
  const rowHeight = (box.height - 20 - 6) / 4;
  const x = box.x + left + ((right - left) * 1) / end;
  const y = box.y + 6 + rowHeight * 3.4;
  await page.mouse.move(x, y);
  await expect(page.getByTestId("lanes-tooltip")).toContainText(
    /^worker 3 is idle: every transaction left waits for a lock; the first, tx 3, waits for M\[0\] behind tx 0/,
  );

  // At the start the caption tells a wait; at the first grant, the hand-over.
  await page.keyboard.press("Home");
  await expect(page.getByTestId("caption-moment")).toContainText(/waits for the lock on M\[\d\]: tx \d/);
});
