/**
 * Browser helpers for the workflow end-to-end tests: the built task pane (dist/) served from 127.0.0.1,
 * the foundation's Office stub (Office.onReady, theme, requirements) and, on top of it, the SAME in-memory
 * fake Excel the unit tests use (test/support/fake-excel.ts, transpiled to a plain script with the
 * TypeScript compiler's transpileModule — no bundler) loaded with fixture workbooks.
 * No request may leave 127.0.0.1: every other URL is aborted and recorded.
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { ARTIFACTS, ROOT } from "./support/browser";
import type { FakeValue } from "../support/fake-excel";

const OFFICE_STUB = path.join(__dirname, "support", "office-stub.js");
const FAKE_SOURCE = path.join(ROOT, "test", "support", "fake-excel.ts");

let fakeScript: string | undefined;

/** The fake Excel as a browser script: defines window.FakeExcel = { FakeWorkbook, installFakeExcel, … }. */
export function fakeExcelScript(): string {
  if (fakeScript) return fakeScript;
  const source = fs.readFileSync(FAKE_SOURCE, "utf8");
  const out = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, removeComments: true },
    fileName: "fake-excel.ts",
  }).outputText;
  fakeScript = `(function () { var exports = {}; var module = { exports: exports };\n${out}\nwindow.FakeExcel = module.exports; })();`;
  return fakeScript;
}

export interface FakeOpenOptions {
  sheets: { name: string; rows: FakeValue[][] }[];
  dark?: boolean;
  lang?: "vi" | "en";
  apiVersion?: string;
  /** Viewport height (default 900); the width is always PANE_WIDTH. */
  height?: number;
}

export interface FakePane {
  page: Page;
  context: BrowserContext;
  blocked: string[];
  errors: string[];
  sheetNames(): Promise<string[]>;
  /**
   * Screenshot to artifacts/<name>.png, the whole page (default) or only the viewport ("first screen");
   * first asserts the pane has no horizontal scrollbar.
   */
  screenshot(name: string, opts?: { fullPage?: boolean }): Promise<string>;
  /**
   * The pane (350 px wide) must not scroll sideways: document.scrollingElement.scrollWidth <= 350 now and
   * at every DOM change since the page opened (OVERFLOW_WATCH).
   */
  assertNoHorizontalScroll(): Promise<void>;
  /** The fake Excel's current selection ("Đi tới ô"), if any. */
  selection(): Promise<{ sheet: string; address: string } | undefined>;
  assertClean(): void;
  close(): Promise<void>;
}

function isLocal(url: string): boolean {
  if (url.startsWith("data:") || url.startsWith("blob:") || url === "about:blank") return true;
  try {
    return new URL(url).hostname === "127.0.0.1";
  } catch {
    return false;
  }
}

/**
 * Records, after every DOM change (a MutationObserver callback runs before the browser lays out and
 * before ResizeObserver-driven re-renders), the page's scroll width and the element sticking out
 * furthest to the right. A pane that overflows only for one frame (e.g. a message bar first laid out
 * on a single line and reflowed by a ResizeObserver) is caught deterministically, whatever the speed
 * of the machine: window.__overflow = { max, culprit }.
 */
const OVERFLOW_WATCH = `(function () {
  var w = { max: 0, culprit: "" };
  window.__overflow = w;
  function describe(el) {
    var id = el.getAttribute && (el.getAttribute("data-testid") || el.id);
    return el.tagName.toLowerCase() + (id ? "[" + id + "]" : "") + (el.className && typeof el.className === "string" ? "." + el.className.split(" ").slice(0, 2).join(".") : "") + " “" + (el.textContent || "").slice(0, 60) + "”";
  }
  function measure() {
    var root = document.scrollingElement || document.documentElement;
    if (!root) return;
    var sw = root.scrollWidth;
    if (sw <= w.max) return;
    w.max = sw;
    var limit = root.clientWidth, worst = null, right = limit;
    var all = document.body ? document.body.querySelectorAll("*") : [];
    for (var i = 0; i < all.length; i++) {
      var r = all[i].getBoundingClientRect();
      if (r.right > right + 0.5) { right = r.right; worst = all[i]; }
    }
    w.culprit = worst ? describe(worst) + " right=" + Math.round(right) : "";
  }
  new MutationObserver(measure).observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
})();`;

/** Width of the task pane in the browser tests (Office's default pane width). */
export const PANE_WIDTH = 350;

export async function openWithFakeExcel(
  browser: Browser,
  serverUrl: string,
  options: FakeOpenOptions,
): Promise<FakePane> {
  const context = await browser.newContext({
    viewport: { width: PANE_WIDTH, height: options.height ?? 900 },
    locale: "vi-VN",
    serviceWorkers: "block",
  });
  const blocked: string[] = [];
  const errors: string[] = [];
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (isLocal(url)) return route.continue();
    if (/^https:\/\/appsforoffice\.microsoft\.com\/lib\/.*\.js(\?.*)?$/.test(url)) {
      return route.fulfill({
        status: 200,
        contentType: "text/javascript",
        body: "/* office.js replaced by the test stub */",
      });
    }
    blocked.push(url);
    return route.abort("blockedbyclient");
  });
  await context.addInitScript({
    content: `window.__OFFICE_STUB__ = ${JSON.stringify({ host: "Excel", dark: Boolean(options.dark) })};`,
  });
  await context.addInitScript({
    content: `try { localStorage.setItem("poverty-planner.lang", ${JSON.stringify(options.lang ?? "vi")}); } catch (e) {}`,
  });
  await context.addInitScript({ content: OVERFLOW_WATCH });
  await context.addInitScript({ path: OFFICE_STUB });
  await context.addInitScript({ content: fakeExcelScript() });
  await context.addInitScript({
    content: `(function () {
      var wb = new window.FakeExcel.FakeWorkbook({ sheets: ${JSON.stringify(options.sheets)} });
      wb.apiVersion = ${JSON.stringify(options.apiVersion ?? "1.17")};
      window.FakeExcel.installFakeExcel(window, wb);
      window.__fakeWb = wb;
    })();`,
  });
  // One generous bound for every wait (a loaded 2-core machine); tests wait for states, never for a time.
  context.setDefaultTimeout(60_000);
  const page = await context.newPage();
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console.error: ${m.text()}`);
  });
  await page.goto(serverUrl + "/taskpane.html");
  const assertNoHorizontalScroll = async () => {
    const now = await page.evaluate(() => {
      const root = document.scrollingElement ?? document.documentElement;
      let worst = "";
      let right = root.clientWidth;
      for (const el of Array.from(document.body.querySelectorAll("*"))) {
        const r = el.getBoundingClientRect();
        if (r.right > right + 0.5) {
          right = r.right;
          worst = `${el.tagName.toLowerCase()}[${el.getAttribute("data-testid") ?? el.className}] “${(el.textContent ?? "").slice(0, 60)}”`;
        }
      }
      return { width: root.scrollWidth, worst };
    });
    if (now.width > PANE_WIDTH) throw new Error(`the pane is ${now.width} px wide: ${now.worst}`);
    // …and never did, not even for one frame before a ResizeObserver reflowed something.
    const seen = await page.evaluate(
      () => (window as unknown as { __overflow: { max: number; culprit: string } }).__overflow,
    );
    if (seen.max > PANE_WIDTH) throw new Error(`the pane was ${seen.max} px wide at one moment: ${seen.culprit}`);
  };
  return {
    page,
    context,
    blocked,
    errors,
    sheetNames: () =>
      page.evaluate(() =>
        (window as unknown as { __fakeWb: { sheets: { name: string }[] } }).__fakeWb.sheets.map((s) => s.name),
      ),
    assertNoHorizontalScroll,
    selection: () =>
      page.evaluate(
        () =>
          (window as unknown as { __fakeWb: { selection?: { sheet: string; address: string } } }).__fakeWb.selection,
      ),
    async screenshot(name: string, opts?: { fullPage?: boolean }) {
      await assertNoHorizontalScroll();
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      const file = path.join(ARTIFACTS, `${name}.png`);
      // Transitions off: a button that has just been enabled is shown in its final colour.
      await page.screenshot({ path: file, fullPage: opts?.fullPage ?? true, animations: "disabled" });
      return file;
    },
    assertClean() {
      expect(blocked).toEqual([]);
      expect(errors).toEqual([]);
    },
    close: () => context.close(),
  };
}
