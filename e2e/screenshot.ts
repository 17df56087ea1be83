/**
 * Takes the README's screenshots of the built app: `npm run build && npx tsx e2e/screenshot.ts [DIR]`.
 * Writes docs/screenshot.png (1280x720, light), the teaching block's abort chapter in talk mode and a
 * compare of two schedulers; with DIR, also phone-width and dark shots there for review.
 */
import { chromium, type Page } from "@playwright/test";
import { preview } from "vite";
import { findPreset, presetLink } from "../src/engine/scenario/presets";
import { CHROMIUM } from "./setup/chromium";

interface Shot {
  readonly file: string;
  readonly width: number;
  readonly height: number;
  readonly colorScheme: "light" | "dark";
  readonly fullPage: boolean;
  /** The page's path (default "/") and what to do once its run is shown. */
  readonly path?: string;
  readonly prepare?: (page: Page) => Promise<void>;
}

function linkOf(id: string): string {
  const p = findPreset(id);
  if (!p) throw new Error(`no preset ${id}`);
  const { search, hash } = presetLink(p);
  return `/${search}${hash}`;
}

/** Talk mode on the teaching block, three chapters in: the first abort, framed, its transactions numbered. */
async function abortChapter(page: Page): Promise<void> {
  await page.keyboard.press("t");
  for (let i = 0; i < 3; i++) await page.keyboard.press("PageDown");
  await page
    .getByTestId("chapter-count")
    .filter({ hasText: /^chapter 3\// })
    .waitFor();
  await page
    .getByRole("button", { name: "Play", exact: true, includeHidden: true })
    .waitFor({ state: "attached" });
}

/** A compare link: both sides' runs shown. */
async function compared(page: Page): Promise<void> {
  await page.getByTestId("compare-right").waitFor();
  await page
    .getByTestId("compare-diff")
    .filter({ hasText: /Right is .* than left|same time/ })
    .waitFor();
}

const reviewDir = process.argv[2];
const review: Shot[] = [
  { file: `${reviewDir}/dark-1280.png`, width: 1280, height: 720, colorScheme: "dark", fullPage: false },
  { file: `${reviewDir}/phone-390.png`, width: 390, height: 844, colorScheme: "light", fullPage: true },
  { file: `${reviewDir}/phone-390-dark.png`, width: 390, height: 844, colorScheme: "dark", fullPage: false },
];
const shots: Shot[] = [
  { file: "docs/screenshot.png", width: 1280, height: 720, colorScheme: "light", fullPage: false },
  {
    file: "docs/screenshot-talk.png",
    width: 1280,
    height: 720,
    colorScheme: "dark",
    fullPage: false,
    path: linkOf("mod3mod4"),
    prepare: abortChapter,
  },
  {
    file: "docs/screenshot-compare.png",
    width: 1280,
    height: 720,
    colorScheme: "light",
    fullPage: false,
    path: linkOf("optimistic-vs-declared"),
    prepare: compared,
  },
  ...(reviewDir ? review : []),
];

const server = await preview({ preview: { port: 4180, strictPort: true }, logLevel: "warn" });
const browser = await chromium.launch(CHROMIUM);
try {
  for (const shot of shots) {
    const page = await browser.newPage({
      viewport: { width: shot.width, height: shot.height },
      colorScheme: shot.colorScheme,
    });
    await page.goto(`http://localhost:4180${shot.path ?? "/"}`);
    await page.getByTestId("hash-check").first().waitFor();
    await page.getByRole("progressbar").first().waitFor({ state: "detached" });
    await shot.prepare?.(page);
    await page.screenshot({ path: shot.file, fullPage: shot.fullPage });
    await page.close();
    console.log(`wrote ${shot.file}`);
  }
} finally {
  await browser.close();
  server.httpServer.close();
}
