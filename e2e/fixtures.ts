import { test as base, expect } from "@playwright/test";

/**
 * The shared fixture: every page error (uncaught exception) and every console message of type "error"
 * fails the test that caused it, even when its own assertions pass.
 */
export const test = base.extend<{ failOnPageErrors: undefined }>({
  failOnPageErrors: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
      page.on("console", (msg) => {
        if (msg.type() === "error") problems.push(`console error: ${msg.text()}`);
      });
      await use(undefined);
      expect(problems, "the page reported errors").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
