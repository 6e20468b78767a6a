/**
 * Case 5 — the task pane bundle: sizes of what the browser must download before the first render, and the time
 * to first render in headless chromium.
 *
 * - Sizes: every .js in dist/ (raw and gzip via zlib, default level like a web server), and "first render" =
 *   the scripts the page actually requested before the shell appeared (taskpane.html loads functions.js and
 *   taskpane.js; lazy workflow chunks come later). Target: first-render gzip ≤ 200 KB.
 * - Time: dist/ served on 127.0.0.1 by a small static server in this process, Office stubbed (no request leaves
 *   the machine), a fresh browser context per run (cold cache). Marks recorded in the page by a
 *   MutationObserver: the shell ([data-testid=app-shell]) and the first workflow body ([data-testid=workflow-title],
 *   a lazy chunk), in ms since navigation start; plus first-contentful-paint.
 * Needs `npm run build` first (npm run bench does it) and /usr/bin/chromium
 * (`apt-get install -y --no-install-recommends chromium`).
 */
import * as fs from "fs";
import * as http from "http";
import * as path from "path";
import * as zlib from "zlib";
import type { AddressInfo } from "net";
import type { BenchOptions, Row } from "../harness";
import { atMost, errorRow, median, notAvailable } from "../harness";
import { projectRoot } from "../load";
import { progress } from "./common";

export const title = "task pane bundle size (raw, gzip) and time to first render in headless chromium";
const CASE = "bundle";
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const TARGET_GZIP_KB = 200;

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
};

function serve(dir: string, log: string[]): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const p = decodeURIComponent((req.url ?? "/").split("?")[0]);
    log.push(p);
    const file = path.join(dir, p === "/" ? "taskpane.html" : p);
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      "content-type": TYPES[path.extname(file)] ?? "application/octet-stream",
      "cache-control": "no-store",
    });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(() => r())) });
    }),
  );
}

const MINIMAL_STUB = `(() => {
  const info = { host: "Excel", platform: "PC" };
  window.Office = {
    HostType: { Excel: "Excel" }, PlatformType: { PC: "PC" },
    onReady(cb) { return new Promise((r) => setTimeout(() => { if (cb) cb(info); r(info); }, 0)); },
    context: { displayLanguage: "vi-VN", officeTheme: { isDarkTheme: false }, requirements: { isSetSupported: () => true },
      document: { settings: { get: () => null, set() {}, remove() {}, saveAsync(cb) { if (cb) cb({ status: "succeeded" }); } } } },
  };
  class CfError extends Error { constructor(code, message) { super(message); this.code = code; } }
  window.CustomFunctions = { associate() {}, Error: CfError, ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!", nullReference: "#NULL!" } };
  window.Excel = { run: () => Promise.reject(new Error("bench: no workbook")) };
})();`;

const MARKS = `(() => {
  window.__marks = {};
  const want = { shell: '[data-testid="app-shell"]', workflow: '[data-testid="workflow-title"]' };
  const check = () => {
    for (const [k, sel] of Object.entries(want)) if (!(k in window.__marks) && document.querySelector(sel)) window.__marks[k] = performance.now();
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
})();`;

function gz(buf: Buffer): number {
  return zlib.gzipSync(buf).length;
}

export async function run(opts: BenchOptions): Promise<Row[]> {
  const root = projectRoot();
  const dist = path.join(root, "dist");
  if (!fs.existsSync(path.join(dist, "taskpane.js")))
    return [notAvailable(CASE, "all", "dist/taskpane.js missing: run `npm run build` (npm run bench does)")];
  const rows: Row[] = [];
  // --- sizes of every script in dist/
  const scripts: { rel: string; raw: number; gzip: number }[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const f = path.join(d, e.name);
      if (e.isDirectory()) walk(f);
      else if (e.name.endsWith(".js")) {
        const b = fs.readFileSync(f);
        scripts.push({ rel: "/" + path.relative(dist, f).split(path.sep).join("/"), raw: b.length, gzip: gz(b) });
      }
    }
  };
  walk(dist);
  const byRel = new Map(scripts.map((s) => [s.rel, s]));
  for (const name of ["/taskpane.js", "/functions.js"]) {
    const s = byRel.get(name);
    if (s)
      rows.push({
        case: CASE,
        variant: `size ${name.slice(1)}`,
        status: "ok",
        metrics: { "raw bytes": s.raw, "gzip bytes": s.gzip },
      });
  }
  const lazy = scripts.filter((s) => s.rel.startsWith("/chunks/"));
  rows.push({
    case: CASE,
    variant: `size lazy chunks (${lazy.length})`,
    status: "ok",
    metrics: {
      "raw bytes": lazy.reduce((a, s) => a + s.raw, 0),
      "gzip bytes": lazy.reduce((a, s) => a + s.gzip, 0),
      "largest gzip bytes": lazy.reduce((a, s) => Math.max(a, s.gzip), 0),
    },
  });

  // --- first render in chromium
  if (!fs.existsSync(CHROMIUM)) {
    rows.push(
      notAvailable(CASE, "first render", `${CHROMIUM} missing: apt-get install -y --no-install-recommends chromium`),
    );
    const first = ["/taskpane.js", "/functions.js"]
      .map((r) => byRel.get(r))
      .filter((s): s is NonNullable<typeof s> => !!s);
    const g = first.reduce((a, s) => a + s.gzip, 0);
    rows.push({
      case: CASE,
      variant: "first-render JS (from taskpane.html)",
      status: "ok",
      metrics: { "raw bytes": first.reduce((a, s) => a + s.raw, 0), "gzip bytes": g },
      target: atMost(g / 1024, TARGET_GZIP_KB, " KB"),
    });
    return rows;
  }
  let playwright: typeof import("playwright-core");
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    playwright = require("playwright-core");
  } catch (e) {
    rows.push(errorRow(CASE, "first render", e));
    return rows;
  }
  const log: string[] = [];
  const server = await serve(dist, log);
  const stubFile = path.join(root, "test/e2e/support/office-stub.js");
  const stub = fs.existsSync(stubFile) ? fs.readFileSync(stubFile, "utf8") : MINIMAL_STUB;
  const browser = await playwright.chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-dev-shm-usage",
    ],
  });
  const shell: number[] = [];
  const workflow: number[] = [];
  const fcp: number[] = [];
  const wfChunk: number[] = [];
  let firstRenderScripts: string[] = [];
  let workflowScripts: string[] = [];
  let external = 0;
  let pageErrors: string[] = [];
  try {
    const runs = opts.quick ? 2 : Math.max(3, opts.runs);
    progress(`bundle: ${runs + 1} cold page loads in chromium (first one is a warm-up)`);
    for (let i = 0; i <= runs; i++) {
      const context = await browser.newContext({ viewport: { width: 350, height: 800 } });
      const page = await context.newPage();
      pageErrors = [];
      page.on("pageerror", (e) => pageErrors.push(e.message));
      await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => {
        const u = route.request().url();
        if (/office\.js(\?|$)/.test(u))
          return route.fulfill({ status: 200, contentType: "text/javascript", body: "/* office.js stubbed */" });
        external++;
        return route.abort();
      });
      await page.addInitScript({ content: stub });
      await page.addInitScript({ content: MARKS });
      log.length = 0;
      await page.goto(server.url + "taskpane.html", { waitUntil: "domcontentloaded" });
      await page.waitForSelector('[data-testid="app-shell"]', { timeout: 30_000 });
      await page.waitForSelector('[data-testid="workflow-title"]', { timeout: 30_000 }).catch(() => undefined);
      // a string, not a function: this file compiles without the DOM library
      const marks = (await page.evaluate(
        `(() => { const p = performance.getEntriesByName("first-contentful-paint")[0];
          const res = performance.getEntriesByType("resource").map((e) => ({ url: new URL(e.name).pathname, end: e.responseEnd }));
          return { ...window.__marks, fcp: p ? p.startTime : undefined, res }; })()`,
      )) as { shell?: number; workflow?: number; fcp?: number; res: { url: string; end: number }[] };
      // first render = the scripts that had arrived when the shell appeared (Resource Timing, same clock)
      const atShell = marks.res
        .filter((r) => r.url.endsWith(".js") && marks.shell !== undefined && r.end <= marks.shell)
        .map((r) => r.url);
      // the default workflow's lazy chunk (chunks/wf-*.js) and everything that arrived before it
      const wfEnd = Math.max(-1, ...marks.res.filter((r) => /\/chunks\/wf-/.test(r.url)).map((r) => r.end));
      const beforeWorkflow =
        wfEnd < 0 ? [] : marks.res.filter((r) => r.url.endsWith(".js") && r.end <= wfEnd).map((r) => r.url);
      if (i > 0 && wfEnd >= 0) wfChunk.push(wfEnd);
      if (i > 0) {
        if (marks.shell !== undefined) shell.push(marks.shell);
        if (marks.workflow !== undefined) workflow.push(marks.workflow);
        if (marks.fcp !== undefined) fcp.push(marks.fcp);
      }
      firstRenderScripts = atShell;
      workflowScripts = beforeWorkflow;
      await context.close();
    }
  } catch (e) {
    rows.push(errorRow(CASE, "first render", e));
  } finally {
    await browser.close();
    await server.close();
  }
  const sizeOf = (list: string[]) => {
    const files = [...new Set(list)].map((r) => byRel.get(r)).filter((s): s is NonNullable<typeof s> => !!s);
    return { files, raw: files.reduce((a, s) => a + s.raw, 0), gzip: files.reduce((a, s) => a + s.gzip, 0) };
  };
  const first = sizeOf(firstRenderScripts);
  rows.push({
    case: CASE,
    variant: `first-render JS, shell (${first.files.map((s) => s.rel.slice(1)).join(" + ")})`,
    status: "ok",
    metrics: { "raw bytes": first.raw, "gzip bytes": first.gzip },
    target: atMost(first.gzip / 1024, TARGET_GZIP_KB, " KB"),
  });
  const wf = sizeOf(workflowScripts);
  if (wf.files.length > first.files.length) {
    rows.push({
      case: CASE,
      variant: `JS until the default workflow chunk is in (${wf.files.map((s) => s.rel.slice(1)).join(" + ")})`,
      status: "ok",
      metrics: { "raw bytes": wf.raw, "gzip bytes": wf.gzip },
    });
  }
  if (shell.length) {
    rows.push({
      case: CASE,
      variant: "time to first render (shell)",
      status: "ok",
      medianMs: median(shell),
      minMs: Math.min(...shell),
      runs: shell.length,
      metrics: {
        ...(fcp.length ? { "first-contentful-paint ms": median(fcp) } : {}),
        ...(wfChunk.length ? { "default workflow chunk loaded ms": median(wfChunk) } : {}),
        "external requests": external,
        ...(pageErrors.length ? { "page errors": pageErrors.length } : {}),
      },
      note: "ms since navigation start, localhost, cold cache, no CPU throttling",
    });
  }
  return rows;
}
