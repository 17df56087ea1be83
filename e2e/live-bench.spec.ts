import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build, type PreviewServer, preview } from "vite";
import { expect, test } from "./fixtures";

/**
 * Browser benchmark of the live mode (not part of `npm test`: it is skipped unless TXLANES_BENCH=1):
 *   TXLANES_BENCH=1 npx playwright test e2e/live-bench.spec.ts
 * Raw engine speed (cost.work = 0) in Chromium on this machine's cores: 10,000 transfers over 10,000
 * accounts, best of several runs after the JIT has warmed up. It measures what users get: the production
 * build (the app's own Vite config, with the live harness page as a second entry), served by vite preview.
 */
const PORT = 4176;
let out = "";
let server: PreviewServer;

test.skip(!process.env.TXLANES_BENCH, "benchmark: run with TXLANES_BENCH=1");
test.setTimeout(300_000);

test.beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), "txlanes-bench-"));
  const input = { app: "index.html", harness: "e2e/live-harness/index.html" };
  await build({
    configFile: "vite.config.ts",
    logLevel: "error",
    build: { outDir: out, rollupOptions: { input } },
  });
  server = await preview({
    configFile: "vite.config.ts",
    logLevel: "error",
    build: { outDir: out },
    preview: { port: PORT, strictPort: true },
  });
});

test.afterAll(async () => {
  await server?.close();
  if (out) rmSync(out, { recursive: true, force: true });
});

for (const scheduler of (process.env.TXLANES_BENCH_SCHEDULERS ?? "blockstm,batched").split(",")) {
  test(`measured throughput in Chromium, ${scheduler}, cost 0`, async ({ page }) => {
    const workers = await page.evaluate(() => navigator.hardwareConcurrency);
    await page.goto(
      `http://localhost:${PORT}/e2e/live-harness/index.html?txs=10000&accounts=10000&scheduler=${scheduler}&work=0&runs=10&workers=${Math.min(workers, 2)}`,
    );
    await expect(page.getByTestId("live-status")).toHaveText("done", { timeout: 240_000 });
    await expect(page.getByTestId("live-hash")).toHaveText("matches sequential");
    const tps = Number(((await page.getByTestId("live-tps").textContent()) ?? "").replace(/\D/g, ""));
    const figures = await page.locator("dd").allTextContents();
    process.stdout.write(`${scheduler}: ${figures.join(" | ")}\n`);
    test.info().annotations.push({ type: "transfers/s", description: String(tps) });
    expect(tps).toBeGreaterThan(0);
  });
}
