/**
 * Takes the README's screenshot of the built app: `npm run build && npx tsx e2e/screenshot.ts [DIR]`.
 * Writes docs/screenshot.png (1280x720, light); with DIR, also phone-width and dark shots there for review.
 */
import { chromium } from "@playwright/test";
import { preview } from "vite";
import { CHROMIUM } from "./setup/chromium";

interface Shot {
  readonly file: string;
  readonly width: number;
  readonly height: number;
  readonly colorScheme: "light" | "dark";
  readonly fullPage: boolean;
}

const reviewDir = process.argv[2];
const review: Shot[] = [
  { file: `${reviewDir}/dark-1280.png`, width: 1280, height: 720, colorScheme: "dark", fullPage: false },
  { file: `${reviewDir}/phone-390.png`, width: 390, height: 844, colorScheme: "light", fullPage: true },
  { file: `${reviewDir}/phone-390-dark.png`, width: 390, height: 844, colorScheme: "dark", fullPage: false },
];
const shots: Shot[] = [
  { file: "docs/screenshot.png", width: 1280, height: 720, colorScheme: "light", fullPage: false },
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
    await page.goto("http://localhost:4180/");
    await page.getByTestId("hash-check").waitFor();
    await page.getByRole("progressbar").waitFor({ state: "detached" });
    await page.screenshot({ path: shot.file, fullPage: shot.fullPage });
    await page.close();
    console.log(`wrote ${shot.file}`);
  }
} finally {
  await browser.close();
  server.httpServer.close();
}
