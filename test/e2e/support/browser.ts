/**
 * Browser-test helpers: launch Debian's chromium with playwright-core (no browser download), open the
 * built task pane from a local static server with the Office stub, and guard the network so that no
 * request leaves 127.0.0.1 (household lists are personal data; the product makes no network calls).
 *
 *   const run = browserSuite("smoke");                  // describe or describe.skip (loud warning / CI failure)
 *   run("task pane", () => {
 *     let server: StaticServer; let browser: Browser;
 *     beforeAll(async () => { server = await startStaticServer(DIST); browser = await launchChromium(); });
 *     afterAll(async () => { await browser?.close(); await server?.close(); });
 *     it("…", async () => {
 *       const pane = await openTaskpane(browser, server.url, { stub: { sheets: { Sheet1: [[1]] } } });
 *       await pane.page.getByTestId("nav-validate").click();
 *       pane.assertNoExternalRequests(); pane.assertNoPageErrors();
 *       await pane.close();
 *     });
 *   });
 */
import * as fs from "fs";
import * as path from "path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

export const ROOT = path.resolve(__dirname, "../../..");
export const DIST = path.join(ROOT, "dist");
export const ARTIFACTS = path.join(ROOT, "artifacts");
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const OFFICE_STUB = path.join(__dirname, "office-stub.js");

/** Flags verified with Debian 12's chromium: headless, no sandbox (root in containers), no background traffic. */
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-dev-shm-usage",
];

/**
 * `describe` when chromium exists; otherwise `describe.skip` with a loud warning — except under CI
 * (process.env.CI set), where a missing browser is an error so the suite cannot silently vanish.
 */
export function browserSuite(name: string): jest.Describe {
  if (fs.existsSync(CHROMIUM_PATH)) return describe;
  const message =
    `\n${"!".repeat(78)}\n!! Browser tests "${name}" SKIPPED: ${CHROMIUM_PATH} not found.\n` +
    `!! Install it: apt-get update && apt-get install -y --no-install-recommends chromium\n${"!".repeat(78)}\n`;
  if (process.env.CI) throw new Error(message);
  console.warn(message);
  return describe.skip;
}

/** The production build must exist (npm test builds it in "pretest"). */
export function requireDist(...files: string[]): void {
  for (const f of files) {
    if (!fs.existsSync(path.join(DIST, f))) {
      throw new Error(`dist/${f} is missing: run \`npx webpack --mode production\` (npm test does it in pretest)`);
    }
  }
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** Configuration of the Office stub (see office-stub.js for every field). */
export interface OfficeStubConfig {
  host?: "Excel" | null;
  platform?: "PC" | "Mac" | "OfficeOnline";
  dark?: boolean;
  displayLanguage?: string;
  requirements?: Record<string, string>;
  sheets?: Record<string, unknown[][]>;
}

export interface OpenOptions {
  stub?: OfficeStubConfig;
  /** Pane size; default 350 × 720 (Excel's default task pane width). */
  width?: number;
  height?: number;
  /** Path and hash after the server URL; default "/taskpane.html". */
  path?: string;
  /** localStorage entries to seed before the page loads (e.g. { "poverty-planner.lang": "en" }). */
  localStorage?: Record<string, string>;
  /**
   * Extra init scripts run after office-stub.js and before the page, e.g. a richer fake Excel that
   * replaces window.Excel (the stub's Office object is kept, so such a script can extend it).
   */
  initScripts?: Array<{ path: string } | { content: string }>;
}

export interface TaskpanePage {
  page: Page;
  context: BrowserContext;
  /** Every request URL the page made, in order. */
  requests: string[];
  /** Non-local requests that were blocked (aborted). Should stay empty. */
  blocked: string[];
  /** Uncaught exceptions and console.error messages. */
  errors: string[];
  assertNoExternalRequests(): void;
  assertNoPageErrors(): void;
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

const OFFICE_JS_CDN = /^https:\/\/appsforoffice\.microsoft\.com\/lib\/.*\.js(\?.*)?$/;

function isLocal(url: string): boolean {
  if (url.startsWith("data:") || url.startsWith("blob:") || url === "about:blank") return true;
  try {
    return new URL(url).hostname === "127.0.0.1";
  } catch {
    return false;
  }
}

export async function openTaskpane(
  browser: Browser,
  serverUrl: string,
  options: OpenOptions = {},
): Promise<TaskpanePage> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 350, height: options.height ?? 720 },
    locale: "vi-VN",
    serviceWorkers: "block",
  });
  const requests: string[] = [];
  const blocked: string[] = [];
  const stubbed: string[] = [];
  const errors: string[] = [];

  // Every request goes through here: 127.0.0.1 passes, office.js is answered locally, the rest is aborted.
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (isLocal(url)) return route.continue();
    if (OFFICE_JS_CDN.test(url)) {
      stubbed.push(url);
      return route.fulfill({
        status: 200,
        contentType: "text/javascript",
        body: "/* office.js replaced by the test stub */",
      });
    }
    blocked.push(url);
    return route.abort("blockedbyclient");
  });
  context.on("request", (req) => {
    requests.push(req.url());
  });

  await context.addInitScript({ content: `window.__OFFICE_STUB__ = ${JSON.stringify(options.stub ?? {})};` });
  if (options.localStorage) {
    await context.addInitScript({
      content: `(() => { const e = ${JSON.stringify(options.localStorage)}; try { for (const k in e) localStorage.setItem(k, e[k]); } catch {} })();`,
    });
  }
  await context.addInitScript({ path: OFFICE_STUB });
  for (const script of options.initScripts ?? []) await context.addInitScript(script);

  const page = await context.newPage();
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console.error: ${m.text()}`);
  });
  await page.goto(serverUrl + (options.path ?? "/taskpane.html"));

  return {
    page,
    context,
    requests,
    blocked,
    errors,
    assertNoExternalRequests() {
      const external = requests.filter((u) => !isLocal(u) && !stubbed.includes(u));
      expect({ blocked, external }).toEqual({ blocked: [], external: [] });
    },
    assertNoPageErrors() {
      expect(errors).toEqual([]);
    },
    async screenshot(name: string) {
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      const file = path.join(ARTIFACTS, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    async close() {
      await context.close();
    },
  };
}
