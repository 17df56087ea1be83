/**
 * Links: a link opens the same scenario and view; the address bar follows the page; a copied link opens
 * the same run in a new page; hundreds of malformed or hostile links each give a plain-text message.
 */
import type { Page } from "@playwright/test";
import LZString from "lz-string";
import { expect, test } from "./fixtures";
import { openLink, paramsOf, waitForRun } from "./link-helpers";
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
  await expect.poll(() => paramsOf(page).get("tx")).toBe("17");
  const params = paramsOf(page);
  for (const [k, v] of Object.entries({ s: "batched", w: "6", n: "300", acc: "120", skew: "0.9", seed: "7" }))
    expect(params.get(k), k).toBe(v);
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
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

/** A small seeded generator (mulberry32), so the hostile links are the same on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOSTILE = [
  "<script>alert(1)</script>",
  "javascript:alert(1)",
  '"><img src=x onerror=alert(1)>',
  "</div><h1>owned</h1>",
  "$" + "{alert(1)}",
  "{{constructor.constructor('alert(1)')()}}",
  "__proto__",
  "\u202e\u0000",
];
/** Values no numeric parameter accepts, and per parameter values just outside its range. */
const BAD_NUMBERS = ["-1", "1e99", "NaN", "Infinity", "0x10", "", "abc", "9".repeat(40)];
const OUT_OF_RANGE: Readonly<Record<string, readonly string[]>> = {
  w: ["0", "65", "1.5"],
  shards: ["0", "65", "2.5"],
  n: ["0", "100001", "3.5"],
  acc: ["1", "1000001", "2.5"],
  skew: ["4.5", "-0.1"],
  loc: ["1.1", "-0.5"],
  t: ["86400000001", "-0.1"],
  speed: ["0", "2", "0.0000001"],
  tx: ["1000", "1.5"],
  ch: ["0", "100", "2"],
};
const PARAMS = [
  "s",
  "w",
  "shards",
  "x",
  "loc",
  "n",
  "mix",
  "acc",
  "skew",
  "seed",
  "t",
  "speed",
  "tx",
  "ch",
  "p",
  "src",
  "fee",
];
const hash = (data: unknown, v = 1) =>
  `#v${v}:${LZString.compressToEncodedURIComponent(JSON.stringify(data))}`;

/** At least 300 links, each with at least one part that is wrong. */
function hostileLinks(): string[] {
  const r = rng(20261124);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const enc = encodeURIComponent;
  const links: string[] = [];
  for (const value of HOSTILE) for (const p of PARAMS.slice(0, 8)) links.push(`/?${p}=${enc(value)}`);
  for (const value of HOSTILE) {
    links.push(`/?lv=1#v1:${enc(value)}`);
    links.push(`/${hash({ panels: [value] })}`);
    links.push(`/${hash({ compare: { scheduler: value } })}`);
    links.push(`/${hash({ [value]: 1 })}`);
    links.push(`/?p=${enc(value)}&ch=2`);
  }
  for (const [p, values] of Object.entries(OUT_OF_RANGE))
    for (const n of [...BAD_NUMBERS, ...values]) links.push(`/?${p}=${enc(n)}`);
  for (const v of ["2", "99", "-1", "abc", "1.5", ""]) links.push(`/?lv=${enc(v)}&w=4`);
  for (const v of [2, 7, 0]) links.push(`/?lv=1${hash({ cost: { gasPerUs: 1 } }, v)}`);
  for (const bad of ["#v1:", "#v1:!!!", "#garbage", "#v1:N4Ig@", "#vX:abc", `#v1:${"A".repeat(5000)}`])
    links.push(`/?w=4${bad}`);
  while (links.length < 300) {
    // Random bytes as a parameter name or value, or a random known parameter with a random bad value.
    const bytes = Array.from({ length: 1 + Math.floor(r() * 24) }, () =>
      String.fromCharCode(1 + Math.floor(r() * 0x2ff)),
    );
    const junk = enc(bytes.join(""));
    const kind = r();
    if (kind < 0.3) links.push(`/?${junk}=${junk}`);
    else if (kind < 0.6) links.push(`/?${pick(PARAMS)}=${enc(`${pick(HOSTILE)}${bytes.join("")}`)}`);
    else if (kind < 0.8)
      links.push(`/?${pick(["w", "n", "t", "tx", "shards"])}=${pick(BAD_NUMBERS)}&${pick(PARAMS)}=${junk}x`);
    else links.push(`/?lv=1#v1:${junk}`);
  }
  return links;
}

test("malformed and hostile links each give a clear message and no page error", async ({ page }) => {
  test.setTimeout(480_000);
  const links = hostileLinks();
  expect(links.length).toBeGreaterThanOrEqual(300);
  let injected = 0;
  page.on("dialog", (d) => {
    injected++;
    void d.dismiss();
  });
  for (const link of links) {
    await page.goto(link, { waitUntil: "domcontentloaded" });
    await page.getByTestId("link-notices").waitFor();
    const shown = await page.evaluate(() => ({
      items: [...document.querySelectorAll("[data-testid=link-notices] li")].map(
        (li) => li.textContent ?? "",
      ),
      // Nothing from the link became markup.
      markup: document.querySelectorAll("#root [onerror], #root script, #root iframe").length,
    }));
    // Each message says which part is wrong, in words.
    expect(shown.items.length, link).toBeGreaterThan(0);
    for (const text of shown.items) expect(text.length, link).toBeGreaterThan(10);
    expect(shown.markup, link).toBe(0);
  }
  expect(injected).toBe(0);
  // The last page still runs a scenario.
  await waitForRun(page);
});
