import { test as base, expect, type Page } from "@playwright/test";

/**
 * The shared fixture: every page error (uncaught exception), every console message of type "error" and
 * every Content-Security-Policy violation fails the test that caused it, even when its own assertions pass;
 * pages a test opens itself (a link opened in a new tab) and frames (an embed) are watched too.
 */
export const test = base.extend<{ failOnPageErrors: undefined }>({
  failOnPageErrors: [
    async ({ page, context }, use) => {
      const problems: string[] = [];
      // Every frame reports what the policy blocked as a console error, which fails the test below.
      await context.addInitScript(() =>
        document.addEventListener("securitypolicyviolation", (e) =>
          console.error(`CSP violation: ${e.effectiveDirective} blocked ${e.blockedURI || "inline code"}`),
        ),
      );
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
