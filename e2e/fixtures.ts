import { test as base, expect, type Page } from "@playwright/test";

/**
 * The shared fixture: every page error (uncaught exception) and every console message of type "error"
 * fails the test that caused it, even when its own assertions pass; pages a test opens itself (a link
 * opened in a new tab) are watched too.
 */
export const test = base.extend<{ failOnPageErrors: undefined }>({
  failOnPageErrors: [
    async ({ page, context }, use) => {
      const problems: string[] = [];
      const watch = (p: Page): void => {
        p.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
        p.on("console", (msg) => {
          if (msg.type() === "error") problems.push(`console error: ${msg.text()}`);
        });
      };
      watch(page);
      context.on("page", watch);
      await use(undefined);
      expect(problems, "the page reported errors").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
