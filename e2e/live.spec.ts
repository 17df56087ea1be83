import { createServer, type ViteDevServer } from "vite";
import { expect, test } from "./fixtures";

const HARNESS_PORT = 4175;
let server: ViteDevServer;

// The app has no live-mode switch yet: the live client runs in a small harness page on the dev server
// (same COOP/COEP headers as preview).
test.beforeAll(async () => {
  server = await createServer({
    configFile: "vite.config.ts",
    logLevel: "error",
    server: { port: HARNESS_PORT, strictPort: true },
    optimizeDeps: { include: ["comlink"] },
  });
  await server.listen();
});

test.afterAll(async () => {
  await server?.close();
});

test("the preview page is cross-origin isolated", async ({ page }) => {
  await page.goto("/");
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
});

for (const scheduler of ["blockstm", "batched"]) {
  test(`a live ${scheduler} run completes with the sequential state and measured figures`, async ({
    page,
  }) => {
    await page.goto(
      `http://localhost:${HARNESS_PORT}/e2e/live-harness/index.html?txs=2000&accounts=1000&scheduler=${scheduler}&workers=2`,
    );
    await expect(page.getByTestId("live-support")).toHaveText("ok");
    await expect(page.getByTestId("live-status")).toHaveText("done", { timeout: 30_000 });
    await expect(page.getByTestId("live-hash")).toHaveText("matches sequential");
    await expect(page.getByTestId("live-threads")).toHaveText("2");
    for (const id of ["elapsed", "sequential"]) {
      await expect(page.getByTestId(`live-${id}`)).toHaveText(/^\d+\.\d\d ms$/);
    }
    await expect(page.getByTestId("live-speedup")).toHaveText(/^\d+\.\d\dx$/);
    await expect(page.getByTestId("live-tps")).toHaveText(/^\d+ tx\/s$/);
  });
}

test("a sharded live run (receipts) completes with the sequential state", async ({ page }) => {
  await page.goto(
    `http://localhost:${HARNESS_PORT}/e2e/live-harness/index.html?txs=1000&scheduler=blockstm&shards=2&workers=2`,
  );
  await expect(page.getByTestId("live-status")).toHaveText("done", { timeout: 30_000 });
  await expect(page.getByTestId("live-hash")).toHaveText("matches sequential");
});
