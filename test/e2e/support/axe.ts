/**
 * axe-core (the accessibility engine, devDependency) in the browser tests: its script is evaluated in the page
 * (from node_modules, never over the network; page.evaluate is not subject to the pane's content policy) and
 * run over the pane as it is. WCAG 2.0/2.1 A and AA rules; each violation is returned as
 * "rule-id: target html (summary)" so a failing expectation names the element and what is wrong.
 * One known false positive is dropped, and only that one: aria-hidden-focus on Fluent's focus sentinels
 * (`<i tabindex="0" aria-hidden="true" data-tabster-dummy>`), which pass focus on at once and are hidden from screen
 * readers on purpose (microsoft/tabster#288; Accessibility Insights drops the same result). The keyboard walk of
 * workflows-a11y checks that focus never rests on a hidden element.
 * axe runs once the pane's finite CSS transitions and animations have finished: a button that has just become
 * enabled fades from its disabled colours over a few frames, and its contrast is measured in its final colours.
 */
import * as fs from "fs";
import type { Page } from "playwright-core";

let source: string | undefined;

/** The page's axe violations (WCAG 2.x A/AA), one line each; [] when there are none. */
export async function axeViolations(page: Page): Promise<string[]> {
  source ??= fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== "undefined");
  if (!loaded) await page.evaluate(source);
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => a.playState !== "running" || a.effect?.getTiming().iterations === Infinity),
  );
  return page.evaluate(async () => {
    type Result = { id: string; nodes: { target: string[]; html: string; failureSummary?: string }[] };
    const axe = (
      window as unknown as {
        axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: Result[] }> };
      }
    ).axe;
    const { violations } = await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
      resultTypes: ["violations"],
    });
    const sentinel = (id: string, html: string) =>
      id === "aria-hidden-focus" && /^<i [^>]*data-tabster-dummy/.test(html);
    return violations.flatMap((v) =>
      v.nodes
        .filter((n) => !sentinel(v.id, n.html))
        .map(
          (n) =>
            `${v.id}: ${n.target.join(" ")} ${n.html.slice(0, 160)} (${(n.failureSummary ?? "").replace(/\s+/g, " ").trim()})`,
        ),
    );
  });
}
