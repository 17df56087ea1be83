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

test("two-phase commit: the shard view shows the keys locked and the votes", async ({ page }) => {
  // Transfers and shipments of 20 items over 4 shards, about half of them cross-shard: a shipment whose
  // sender no longer holds the item fails on the item's shard, so some votes are no.
  await openLink(page, "/?lv=1&shards=4&w=2&x=locks&loc=0.5&n=300&acc=200&mix=transfer:1,ship:1&items=20");
  await expect(page.getByTestId("caption-scheduler")).toHaveText(/^Two-phase commit on keys: .*4 shards/);
  const status = page.getByTestId("shards-locks");
  // At the start the cross-shard transactions that wait for nobody already hold their keys.
  await page.keyboard.press("Home");
  await expect(status).toHaveText(/^at the playhead: [1-9][\d,]* keys? locked by [1-9][\d,]* txs?/);
  await expect(status).toContainText("votes so far: 0 yes, 0 no");
  // At the end every key is released and every prepared transaction has had its vote.
  const { end } = await playhead(page);
  await page.getByTestId("scrub").fill(String(end));
  await expect(status).toHaveText(
    /^at the playhead: 0 keys locked by 0 txs votes so far: [1-9][\d,]* yes, [1-9][\d,]* no$/,
  );
  await expect(page.getByTestId("legend").getByText("keys locked (two-phase commit)")).toBeVisible();
  await page.getByTestId("shards-view").screenshot({ path: test.info().outputPath("shards-2pc.png") });
});
