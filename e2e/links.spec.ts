/**
 * Links: a link opens the same scenario and view; the address bar follows the page; a copied link opens
 * the same run in a new page; hundreds of malformed or hostile links each give a plain-text message.
 */
import type { Page } from "@playwright/test";
import LZString from "lz-string";
import { readLink } from "../src/app/url-sync";
import { expect, test } from "./fixtures";
import { addressSynced, openLink, paramsOf, waitForRun } from "./link-helpers";
import { playhead } from "./view-helpers";

const ROUND_TRIP = "/?lv=1&s=batched&w=6&n=300&acc=120&skew=0.9&seed=7&t=20&tx=17&speed=0.00001";

async function knob(page: Page, field: string): Promise<string> {
  return page.locator(`#knob-${field}`).inputValue();
}

test("a link round-trips the scenario and the view exactly", async ({ page }) => {
  await openLink(page, ROUND_TRIP);
  expect(await knob(page, "scheduler")).toBe("batched");
  expect(await knob(page, "workers")).toBe("6");
  expect(await knob(page, "txs")).toBe("300");
  expect(await knob(page, "accounts")).toBe("120");
  expect(await knob(page, "skew")).toBe("0.9");
  expect(await knob(page, "seed")).toBe("7");
  await expect(page.getByTestId("caption-scheduler")).toContainText(/6 workers/);
  expect((await playhead(page)).time).toBeCloseTo(20, 1);
  await expect(page.getByTestId("inspector-tx")).toContainText("tx 17");
  await expect(page.getByTestId("speed-value")).toHaveText("1/100,000×");
  await expect(page.getByTestId("link-notices")).toHaveCount(0);

  // The address bar is the current link (without the moving playhead) and follows an edit.
  const synced = await addressSynced(page);
  const params = paramsOf(page);
  for (const [k, v] of Object.entries({
    s: "batched",
    w: "6",
    n: "300",
    acc: "120",
    skew: "0.9",
    seed: "7",
    tx: "17",
  }))
    expect(params.get(k), k).toBe(v);
  expect(params.get("t")).toBeNull();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await addressSynced(page, synced);
  expect(paramsOf(page).get("t")).toBeNull();
  await page.getByRole("button", { name: "Scenario settings" }).click();
  await page.locator("#knob-workers").fill("5");
  await expect.poll(() => paramsOf(page).get("w"), { timeout: 10_000 }).toBe("5");
});

test("copied links open the same run and the same moment in a new page", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await openLink(page, "/?lv=1&w=12&n=400&acc=60&seed=3");
  await page.keyboard.press("Home");
  for (let i = 0; i < 25; i++) await page.keyboard.press("ArrowRight");
  const here = await playhead(page);

  await page.getByRole("button", { name: "Copy link", exact: true }).click();
  await expect(page.getByTestId("toast")).toHaveText("Link copied");
  const link = await page.evaluate(() => navigator.clipboard.readText());
  await page.getByRole("button", { name: "Link at this moment" }).click();
  await expect(page.getByTestId("toast")).toHaveText("Link at this moment copied");
  const moment = await page.evaluate(() => navigator.clipboard.readText());
  expect(new URL(link).searchParams.get("t")).toBeNull();
  expect(Number(new URL(moment).searchParams.get("t"))).toBeCloseTo(here.time, 1);

  const figures = ["tps", "speedup", "ideal", "efficiency"];
  const read = (p: Page) => Promise.all(figures.map((f) => p.getByTestId(`mp-${f}`).textContent()));
  const expected = await read(page);
  for (const url of [link, moment]) {
    const other = await context.newPage();
    await openLink(other, url);
    expect(await read(other)).toEqual(expected);
    if (url === moment) expect((await playhead(other)).time).toBeCloseTo(here.time, 1);
    await other.close();
  }
});

test("a link from a newer TxLanes is refused whole, with a message", async ({ page }) => {
  await openLink(page, "/?lv=9&w=3");
  await expect(page.getByTestId("link-notices")).toContainText("newer TxLanes (link v9)");
  expect(await knob(page, "workers")).toBe("8");
  // The refused link stays in the address bar until the user changes something.
  expect(paramsOf(page).get("lv")).toBe("9");
  await page.getByRole("button", { name: "Dismiss link notices" }).click();
  await expect(page.getByTestId("link-notices")).toHaveCount(0);
});

const hashOf = (data: unknown, v = 1) =>
  `#v${v}:${LZString.compressToEncodedURIComponent(JSON.stringify(data))}`;
const enc = encodeURIComponent;

/** Hostile query links, one of each kind (the generated hundreds are a unit property of the link reader). */
const HOSTILE_LINKS = [
  `/?s=${enc("<script>alert(1)</script>")}`,
  `/?w=${enc('"><img src=x onerror=alert(1)>')}`,
  `/?mix=${enc("</div><h1>owned</h1>")}`,
  `/?src=${enc("javascript:alert(1)")}`,
  `/?p=${enc("__proto__")}&ch=2`,
  `/?x=${enc("\u202e\u0000")}`,
  `/?n=1e99`,
  `/?acc=1`,
  `/?skew=4.5`,
  `/?loc=-0.5`,
  `/?t=86400000001`,
  `/?speed=0`,
  `/?tx=1000`,
  `/?shards=65&w=0x10`,
  `/?lv=abc&w=4`,
  `/?lv=9&w=3`,
  `/?${enc("§é\u0301")}=${enc("\u02ff")}`,
];

/**
 * Hostile hashes edited in one open page: after the first link, each differs only in its hash from the
 * page's own address (the query is the one the page writes back), so the browser opens it in the same
 * document, as a hash edited in the address bar (the sequences that once lost their notice).
 */
const HASH_SEQUENCES = [
  [
    `/${hashOf({ panels: ["javascript:alert(1)"] })}`,
    `/${hashOf({ compare: { scheduler: "javascript:alert(1)" } })}`,
    `/${hashOf({ panels: ["javascript:alert(1)"] })}`,
    `/${hashOf({ ["__proto__"]: 1 })}`,
    `/${hashOf({ cost: { gasPerUs: 1 } }, 7)}`,
  ],
  [
    "/?lv=1&w=4#v1:!!!",
    "/?lv=1&w=4#garbage",
    "/?lv=1&w=4#v1:N4Ig@",
    `/?lv=1&w=4#v1:${"A".repeat(5000)}`,
    "/?lv=1&w=4#vX:abc",
    "/?lv=1&w=4#v1:",
  ],
];

/** The messages the page must show for `path`: the link reader's, read as the browser parses the URL. */
function expectedNotices(path: string): string[] {
  const url = new URL(path, "http://localhost");
  return readLink(url.search, url.hash).issues.map((i) => i.message);
}

/** How many links the open page has read so far (0 before the app starts). */
async function linksOpened(page: Page): Promise<number> {
  return Number((await page.locator("html").getAttribute("data-links-opened")) ?? 0);
}

/**
 * Opens `link` and checks the page read it and shows its own messages as text, not the previous link's.
 * Returns whether it opened in the same document (a hash change) or as a new page.
 */
async function openHostile(page: Page, link: string): Promise<boolean> {
  // A mark that survives a same-document navigation (a hash change) and not a new page.
  await page.evaluate(() => document.documentElement.setAttribute("data-before", "1")).catch(() => {});
  const opened = await linksOpened(page);
  await page.goto(link, { waitUntil: "domcontentloaded" });
  const sameDocument = (await page.locator("html").getAttribute("data-before")) === "1";
  await expect(page.locator("html"), link).toHaveAttribute(
    "data-links-opened",
    String(sameDocument ? opened + 1 : 1),
  );
  const expected = expectedNotices(link);
  expect(expected.length, link).toBeGreaterThan(0);
  await expect(page.getByTestId("link-notices").locator("li"), link).toHaveText(
    expected.length > 6 ? [...expected.slice(0, 6), `…and ${expected.length - 6} more.`] : expected,
  );
  // Nothing from the link became markup.
  const markup = await page.evaluate(
    () => document.querySelectorAll("#root [onerror], #root script, #root iframe").length,
  );
  expect(markup, link).toBe(0);
  return sameDocument;
}

/** A link that runs script would open a dialog: none may. */
function countDialogs(page: Page): () => number {
  let dialogs = 0;
  page.on("dialog", (d) => {
    dialogs++;
    void d.dismiss();
  });
  return () => dialogs;
}

for (const link of HOSTILE_LINKS) {
  test(`hostile link ${link.slice(0, 60)} gives its own message as text`, async ({ page }) => {
    const dialogs = countDialogs(page);
    await openHostile(page, link);
    await waitForRun(page);
    expect(dialogs()).toBe(0);
  });
}

for (const [i, links] of HASH_SEQUENCES.entries()) {
  test(`hostile hashes edited in one open page, sequence ${i + 1}, each give their own message`, async ({
    page,
  }) => {
    const dialogs = countDialogs(page);
    for (const [j, link] of links.entries()) expect(await openHostile(page, link), link).toBe(j > 0);
    await waitForRun(page);
    expect(dialogs()).toBe(0);
  });
}

test("a hash typed while the page is about to write the address bar is read, not overwritten", async ({
  page,
}) => {
  const first = `/${hashOf({ panels: ["javascript:alert(1)"] })}`;
  // Not an object, so the typed link opens no compare side: the count of address writes below does not
  // depend on whether a compare run ends within the write throttle.
  const typed = `/${hashOf({ compare: "javascript:alert(1)" })}`;
  await openLink(page, first);
  await expect(page.locator("html")).toHaveAttribute("data-links-opened", "1");
  // The address bar is written once after the link's run is shown, then only on a change.
  await expect(page.locator("html")).toHaveAttribute("data-address-syncs", /^[1-9]/);
  const syncs = Number(await page.locator("html").getAttribute("data-address-syncs"));
  // Moving the playhead (Home: the link opens at the run's end) arms the address write; in the same task the address changes without its
  // hashchange event yet, the order a browser may deliver them in when the user edits the hash.
  await page.evaluate((hash) => {
    window.dispatchEvent(new KeyboardEvent("keydown", { key: "Home" }));
    history.pushState(null, "", hash);
  }, typed);
  // The write finds the typed address and reads it as a link instead of writing over it.
  await expect(page.locator("html")).toHaveAttribute("data-links-opened", "2");
  await expect(page.getByTestId("link-notices").locator("li")).toHaveText(expectedNotices(typed));
  // The late hashchange event reads nothing twice.
  await page.evaluate(() => window.dispatchEvent(new HashChangeEvent("hashchange")));
  await expect(page.locator("html")).toHaveAttribute("data-address-syncs", String(syncs + 1));
  expect(await linksOpened(page)).toBe(2);
  await expect(page.getByTestId("link-notices").locator("li")).toHaveText(expectedNotices(typed));
});
