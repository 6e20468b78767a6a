/**
 * End-to-end: each workflow from click to written sheets, in headless Debian chromium against the built
 * task pane (dist/), with the in-memory fake Excel loaded with fixture workbooks. No request leaves
 * 127.0.0.1. Screenshots (artifacts/): every workflow in Vietnamese, light and dark; classify in English,
 * light and dark; validate, targets and reports also in English — those three AFTER running (findings
 * listed and filtered with a "go to cell" done; the split previewed; the forms prepared and written).
 * Every screenshot first asserts the 350 px pane has no horizontal scrollbar.
 * Needs `npx webpack --mode production` first (npm test does it in pretest).
 */
import ExcelJS from "exceljs";
import type { Browser } from "playwright-core";
import { startStaticServer, type StaticServer } from "./support/static-server";
import { DIST, browserSuite, launchChromium, requireDist } from "./support/browser";
import { openWithFakeExcel, type FakeOpenOptions, type FakePane } from "./workflows-support";
import { planSheetRows, rosterSheetRows, unitsSheetRows } from "../support/roster-fixture";
import { CATEGORY_LABELS } from "../../src/core/household";
import { sponsorFixture } from "../support/sponsor-fixture";

const T = 120_000;
const ROSTER_HEADER_ROW = 3; // two title rows and a blank row above the header (roster-fixture)

/** The roster with a few planted mistakes: a duplicate household id and a declared category that is wrong. */
function plantedRoster() {
  const roster = rosterSheetRows(10, 2025, { withCategory: true, trickyName: true });
  roster[6][0] = roster[5][0]; // duplicate id (sheet row 7 repeats row 6)
  const cat = roster[ROSTER_HEADER_ROW].indexOf("Phân loại hộ");
  if (cat < 0) throw new Error("fixture: no category column");
  const r = ROSTER_HEADER_ROW + 4;
  const labels = Object.values(CATEGORY_LABELS).map((l) => l.vi);
  roster[r][cat] = labels.find((l) => l !== roster[r][cat] && l !== CATEGORY_LABELS.none.vi) ?? labels[0]; // category mismatch
  return roster;
}

/** A sponsorship register sheet (the sample register of test/support/sponsor-fixture.ts, a few households). */
const REGISTER_SHEET = sponsorFixture(5).sheets.find((x) => x.name === "Sổ đỡ đầu")!;

/**
 * The workbook of the tests: the roster with its planted mistakes (`clean`: without them — a duplicate id stops a
 * report, like `poverty report`), the units table and the plan sheet.
 */
function fixture(clean = false): FakeOpenOptions["sheets"] {
  const roster = clean ? rosterSheetRows(10, 2025, { withCategory: true, trickyName: true }) : plantedRoster();
  return [
    { name: "Danh sách hộ", rows: roster },
    { name: "Đơn vị", rows: unitsSheetRows() },
    { name: "Kế hoạch", rows: planSheetRows() },
  ];
}

browserSuite("workflows")("workflows end to end (chromium, fake Excel)", () => {
  let server: StaticServer;
  let browser: Browser;
  const panes: FakePane[] = [];
  const open = async (o: Partial<FakeOpenOptions> = {}) => {
    const pane = await openWithFakeExcel(browser, server.url, { sheets: fixture(), ...o });
    panes.push(pane);
    await pane.page.getByTestId("app-shell").waitFor();
    return pane;
  };

  beforeAll(async () => {
    requireDist("taskpane.html", "taskpane.js");
    server = await startStaticServer(DIST);
    browser = await launchChromium();
  }, T);
  afterAll(async () => {
    for (const p of panes) await p.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
  });

  /** The button a planner presses next when a workflow opens on the fixture workbook (ready to go). */
  const PRIMARY: Record<string, string> = {
    classify: "classify-run",
    validate: "validate-run",
    targets: "targets-write",
    reports: "reports-prepare",
    sponsors: "sponsors-run",
    templates: "templates-insert",
    settings: "settings-save",
  };

  /** Waits (without a clock) until the workflow's primary button is enabled, i.e. its sheets were found. */
  async function primaryReady(page: FakePane["page"], testId: string): Promise<void> {
    await page.waitForFunction((id) => {
      const b = document.querySelector(`[data-testid="${id}"]`) as HTMLButtonElement | null;
      return b !== null && !b.disabled && b.getAttribute("aria-disabled") !== "true";
    }, testId);
  }

  it(
    "first screen at 350 × 700: every workflow's primary button is on screen and enabled, without scrolling",
    async () => {
      for (const [lang, dark] of [
        ["vi", false],
        ["vi", true],
        ["en", false],
        ["en", true],
      ] as const) {
        // The workbook also holds a sponsorship register (Giúp hộ có địa chỉ needs one to be ready to go).
        const pane = await open({ lang, dark, height: 700, sheets: [...fixture(), REGISTER_SHEET] });
        const { page } = pane;
        // Every tab has its primary button listed here (a new workflow must say which one).
        const tabs = await page.getByRole("tab").evaluateAll((els) => els.map((e) => e.getAttribute("data-testid")));
        expect(tabs).toEqual(Object.keys(PRIMARY).map((id) => `nav-${id}`));
        // Every tab label on one line ("Phân loại", "Mẫu biểu", "Blank forms"), the tab row not scrolling at 350 px.
        const labels = await page.evaluate(() => {
          const nav = document.querySelector('[data-testid="nav"]') as HTMLElement;
          const wrapped = [...nav.querySelectorAll('[role="tab"] .fui-Tab__content')]
            .filter((l) => {
              const r = document.createRange();
              r.selectNodeContents(l);
              return new Set([...r.getClientRects()].map((x) => Math.round(x.top))).size > 1;
            })
            .map((l) => l.textContent);
          return { wrapped, scrolls: nav.scrollWidth > nav.clientWidth };
        });
        expect({ lang, ...labels }).toEqual({ lang, wrapped: [], scrolls: false });
        for (const [id, primary] of Object.entries(PRIMARY)) {
          await page.getByTestId(`nav-${id}`).click();
          await primaryReady(page, primary);
          await expect(
            page.evaluate(() => (document.scrollingElement ?? document.documentElement).scrollTop),
          ).resolves.toBe(0);
          const box = await page.getByTestId(primary).boundingBox();
          expect({
            id,
            box: box && { top: box.y >= 0, bottom: box.y + box.height <= 700, right: box.x + box.width <= 350 },
          }).toEqual({
            id,
            box: { top: true, bottom: true, right: true },
          });
          await pane.screenshot(`first-${id}-${lang}-${dark ? "dark" : "light"}`, { fullPage: false });
        }
        pane.assertClean();
      }
    },
    T,
  );

  it(
    "Phân loại hộ: proposes the roster, classifies and writes the classified copy and Form 1 with a chart",
    async () => {
      const pane = await open();
      const { page } = pane;
      await page.getByTestId("classify-mapping").waitFor();
      await expect(page.getByTestId("classify-sheet").textContent()).resolves.toContain("Danh sách hộ");
      await page.getByTestId("classify-run").click();
      await page.getByTestId("classify-results").waitFor();
      await expect(pane.sheetNames()).resolves.toEqual([
        "Danh sách hộ",
        "Đơn vị",
        "Kế hoạch",
        "KQ - Phân loại hộ",
        "KQ - Biểu 1 - Kết quả",
      ]);
      const charts = await page.evaluate(() => (window as any).__fakeWb.sheet("KQ - Biểu 1 - Kết quả").charts.length);
      expect(charts).toBe(1);
      await pane.screenshot("wf-classify-vi-light");
      pane.assertClean();
    },
    T,
  );

  /** The finding cards in the order shown: code, severity and count of each (data attributes, not text). */
  async function cards(page: FakePane["page"]): Promise<{ code: string; severity: string; count: number }[]> {
    return page.getByTestId("validate-group").evaluateAll((els) =>
      els.map((e) => ({
        code: e.getAttribute("data-code") ?? "",
        severity: e.getAttribute("data-severity") ?? "",
        count: Number(e.getAttribute("data-count")),
      })),
    );
  }

  /**
   * Run the check on this workbook's roster (and, if asked, a picked .xlsx whose households repeat the roster's
   * ids), wait for the cards, check they are grouped by rule and sorted by severity, use the filters (hide info,
   * only the roster sheet), click one "Đi tới ô" and check Excel's selection moved to that cell. Leaves the pane
   * showing the filtered cards.
   */
  async function runValidation(pane: FakePane, opts: { withFile?: boolean } = {}): Promise<void> {
    const { page } = pane;
    await page.getByTestId("nav-validate").click();
    await page.getByTestId("validate-sheet-Danh sách hộ").waitFor();
    if (opts.withFile) {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("DS");
      for (const r of rosterSheetRows(4, 2025, { withCategory: true })) ws.addRow(r as unknown[]);
      const buffer = Buffer.from(await wb.xlsx.writeBuffer());
      await page.getByTestId("validate-file-input").setInputFiles({
        name: "phuong-c.xlsx",
        mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        buffer,
      });
    }
    await page.getByTestId("validate-run").click();
    await page.getByTestId("validate-results").waitFor();
    const all = await cards(page);
    const codes = all.map((c) => c.code);
    expect(codes).toEqual(expect.arrayContaining(["HH_DUPLICATE_ID", "HH_CATEGORY_MISMATCH"]));
    // One card per rule, sorted error → warning → info.
    expect(new Set(all.map((c) => `${c.severity}|${c.code}`)).size).toBe(all.length);
    const rank: Record<string, number> = { error: 0, warning: 1, info: 2 };
    const ranks = all.map((c) => rank[c.severity]);
    expect(ranks).toEqual([...ranks].sort((x, y) => x - y));
    if (opts.withFile) {
      // The file's 4 households repeat ids of the roster: ONE card with their cells, not one card each.
      const across = all.filter((c) => c.code === "HH_DUPLICATE_ID_ACROSS");
      expect(across.length).toBe(1);
      expect(across[0].count).toBeGreaterThanOrEqual(4);
    }
    // No internal code is shown to the planner.
    await expect(page.getByTestId("validate-findings").textContent()).resolves.not.toMatch(/HH_[A-Z_]+/);

    // Filters: hide "info" findings, then only the roster sheet of this workbook (when there are several places).
    await page.getByTestId("validate-filter-info").click();
    await expect(page.locator('[data-testid="validate-group"][data-severity="info"]').count()).resolves.toBe(0);
    if (opts.withFile) {
      await page.getByTestId("validate-filter-sheet").click();
      await page.getByRole("option", { name: "Danh sách hộ", exact: true }).click();
      await expect(
        page.locator('[data-testid="validate-group"][data-code="HH_DUPLICATE_ID_ACROSS"]').count(),
      ).resolves.toBe(0);
    }

    // "Đi tới ô" on the duplicate id: Excel's selection moves to that cell of the roster.
    const dup = page.locator('[data-testid="validate-group"][data-code="HH_DUPLICATE_ID"]');
    if ((await dup.getAttribute("data-state")) !== "open" && !(await dup.getByTestId("validate-goto").count()))
      await dup.locator("button").first().click();
    const goto = dup.getByTestId("validate-goto").first();
    const cell = await goto.getAttribute("data-cell");
    expect(cell).toBe("A7");
    await goto.click();
    await page.waitForFunction(() => (window as any).__fakeWb.selection !== undefined);
    await expect(pane.selection()).resolves.toEqual({ sheet: "Danh sách hộ", address: cell });
  }

  it(
    "Kiểm tra hồ sơ: validates sheets and a picked .xlsx, filters, goes to a cell, writes findings, highlights",
    async () => {
      const pane = await open();
      const { page } = pane;
      await runValidation(pane, { withFile: true });
      await pane.screenshot("wf-validate-vi-light");
      // The actions come before the cards and stay at the top while the planner scrolls (position: sticky).
      const bar = page.getByTestId("validate-bar");
      await expect(bar.evaluate((e) => [getComputedStyle(e).position, getComputedStyle(e).top])).resolves.toEqual([
        "sticky",
        "0px",
      ]);
      await expect(
        bar.evaluate((e) => {
          const first = document.querySelector('[data-testid="validate-group"]');
          return !!first && (e.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
        }),
      ).resolves.toBe(true);
      await page.getByTestId("validate-write").click();
      await page.getByTestId("validate-action-done").waitFor();
      await page.getByTestId("validate-highlight").click();
      await page.getByText(/Đã tô màu \d+ ô/).waitFor();
      await expect(pane.sheetNames()).resolves.toContain("KQ - Kiểm tra");
      pane.assertClean();
    },
    T,
  );

  it(
    "Kiểm tra hồ sơ after running: Vietnamese dark, English light",
    async () => {
      for (const [lang, dark] of [
        ["vi", true],
        ["en", false],
      ] as const) {
        const pane = await open({ lang, dark });
        await runValidation(pane);
        if (lang === "en")
          await expect(pane.page.getByTestId("validate-summary").textContent()).resolves.toMatch(
            /^\d+ errors? · \d+ warnings? · \d+ notes?$/,
          );
        await pane.screenshot(`wf-validate-${lang}-${dark ? "dark" : "light"}`);
        pane.assertClean();
      }
    },
    T,
  );

  /** Preview the split of the reduction over the units; leaves the preview table on screen. */
  async function previewTargets(pane: FakePane): Promise<void> {
    const { page } = pane;
    await page.getByTestId("nav-targets").click();
    await primaryReady(page, "targets-write");
    await expect(page.getByTestId("targets-sheet").textContent()).resolves.toContain("Đơn vị");
    await page.getByTestId("targets-reduction").fill("1,5");
    await page.getByTestId("targets-preview").click();
    const table = page.getByTestId("targets-preview-table");
    await table.waitFor();
    await expect(table.locator("tbody tr").count()).resolves.toBe(3);
    await expect(table.textContent()).resolves.toContain("Xã Sơn Cao");
  }

  it(
    "Chỉ tiêu: previews and writes the target table and plan tracking",
    async () => {
      const pane = await open();
      const { page } = pane;
      await previewTargets(pane);
      await page.getByTestId("targets-write").click();
      await page.getByTestId("targets-done").waitFor();
      await pane.screenshot("wf-targets-vi-light");
      // One sheet choice: the plan sheet brings the tracking form.
      await page.getByTestId("targets-sheet").click();
      await page.getByRole("option", { name: /Kế hoạch/ }).click();
      await page.getByTestId("targets-write-tracking").click();
      await page.getByTestId("targets-tracking-done").waitFor();
      const names = await pane.sheetNames();
      expect(names.filter((n) => n.startsWith("KQ - ")).length).toBeGreaterThanOrEqual(2);
      await pane.screenshot("wf-targets-tracking-vi-light");
      pane.assertClean();
    },
    T,
  );

  it(
    "Chỉ tiêu after previewing: Vietnamese dark, English light",
    async () => {
      for (const [lang, dark] of [
        ["vi", true],
        ["en", false],
      ] as const) {
        const pane = await open({ lang, dark });
        await previewTargets(pane);
        await pane.screenshot(`wf-targets-${lang}-${dark ? "dark" : "light"}`);
        pane.assertClean();
      }
    },
    T,
  );

  /** Prepare the forms from the roster and write them; leaves the list of forms and the result on screen. */
  async function writeReports(pane: FakePane): Promise<void> {
    const { page } = pane;
    await page.getByTestId("nav-reports").click();
    await primaryReady(page, "reports-prepare");
    await expect(page.getByTestId("reports-sheet").textContent()).resolves.toContain("Danh sách hộ");
    await page.getByTestId("reports-prepare").click();
    await page.getByTestId("reports-list").waitFor();
    await expect(page.getByTestId("reports-table-form1-results").isVisible()).resolves.toBe(true);
    await page.getByTestId("reports-write").click();
    await page.getByTestId("reports-done").waitFor();
  }

  it(
    "Báo cáo: prepares and writes the report forms",
    async () => {
      const pane = await open({ sheets: fixture(true) });
      await writeReports(pane);
      await expect(pane.sheetNames()).resolves.toContain("KQ - Biểu 1 - Kết quả");
      await pane.screenshot("wf-reports-vi-light");
      pane.assertClean();
    },
    T,
  );

  it(
    "Báo cáo after writing: Vietnamese dark, English light",
    async () => {
      for (const [lang, dark] of [
        ["vi", true],
        ["en", false],
      ] as const) {
        const pane = await open({ lang, dark, sheets: fixture(true) });
        await writeReports(pane);
        await expect(pane.sheetNames()).resolves.toContain(
          lang === "vi" ? "KQ - Biểu 1 - Kết quả" : "KQ - Form 1 - Results",
        );
        await pane.screenshot(`wf-reports-${lang}-${dark ? "dark" : "light"}`);
        pane.assertClean();
      }
    },
    T,
  );

  it(
    "Mẫu biểu: inserts a roster template",
    async () => {
      const pane = await open();
      const { page } = pane;
      await page.getByTestId("nav-templates").click();
      await page.getByTestId("templates-insert").click();
      await page.getByTestId("templates-done").waitFor();
      await expect(pane.sheetNames()).resolves.toContain("KQ - Danh sách hộ");
      await pane.screenshot("wf-templates-vi-light");
      pane.assertClean();
    },
    T,
  );

  it(
    "Cài đặt: saves the default year in the workbook",
    async () => {
      const pane = await open();
      const { page } = pane;
      await page.getByTestId("nav-settings").click();
      await page.getByTestId("settings-year").click();
      await page.getByRole("option", { name: "2026" }).click();
      await page.getByTestId("settings-unit-toggle").click();
      await page.getByTestId("settings-unit-issuer").fill("UBND xã Sơn Cao");
      await page.getByTestId("settings-unit-place").fill("Sơn Cao");
      await page.getByTestId("settings-save").click();
      await page.getByTestId("settings-done").waitFor();
      const saved = await page.evaluate(() => (window as any).__fakeWb.settings.saved["povertyPlanner.settings"]);
      expect(saved).toMatchObject({
        version: 1,
        reviewYear: 2026,
        frame: { issuer: "UBND xã Sơn Cao", place: "Sơn Cao" },
      });
      await pane.screenshot("wf-settings-vi-light");
      // The local standard as a form: the core's message sits under the lines it concerns.
      await page.getByTestId("settings-unit-toggle").click();
      await page.getByTestId("settings-local-toggle").click();
      await page.getByTestId("settings-use-local").click();
      await page.getByTestId("settings-local-province").fill("Hà Nội");
      await page.getByTestId("settings-local-document").fill("Quyết định 13/2021/QĐ-UBND");
      await page.getByTestId("settings-local-issued").fill("2021-09-05");
      await page.getByTestId("settings-local-from").fill("2022");
      await page.getByTestId("settings-local-to").fill("2025");
      await page.getByTestId("settings-line-rural-poverty").fill("1.200.000");
      await page.getByTestId("settings-save").click();
      await page.getByTestId("settings-invalid").waitFor();
      await expect(page.getByTestId("settings-local-line-error").textContent()).resolves.toContain(
        "thấp hơn mức quốc gia",
      );
      await pane.screenshot("wf-settings-local-vi-light");
      await page.getByTestId("settings-line-rural-poverty").fill("2.000.000");
      await page.getByTestId("settings-save").click();
      await page.getByTestId("settings-done").waitFor();
      const local = await page.evaluate(
        () => (window as any).__fakeWb.settings.saved["povertyPlanner.settings"].localStandard,
      );
      expect(JSON.parse(local)).toMatchObject({ province: "Hà Nội", lines: { rural: { poverty: 2_000_000 } } });
      pane.assertClean();
    },
    T,
  );

  it(
    "the other workflows in Vietnamese, dark theme (validate, targets, reports: after running, above)",
    async () => {
      const pane = await open({ dark: true });
      const { page } = pane;
      for (const id of ["classify", "templates", "settings"]) {
        await page.getByTestId(`nav-${id}`).click();
        await primaryReady(page, PRIMARY[id]);
        await pane.screenshot(`wf-${id}-vi-dark`);
      }
      pane.assertClean();
    },
    T,
  );

  it(
    "classify in English, light and dark",
    async () => {
      for (const dark of [false, true]) {
        const pane = await open({ lang: "en", dark });
        const { page } = pane;
        await page.getByTestId("classify-mapping").waitFor();
        await page.getByTestId("classify-run").click();
        await page.getByTestId("classify-results").waitFor();
        await expect(page.getByTestId("classify-results").textContent()).resolves.toContain("Households read");
        await expect(pane.sheetNames()).resolves.toContain("KQ - Classified");
        await pane.screenshot(`wf-classify-en-${dark ? "dark" : "light"}`);
        pane.assertClean();
      }
    },
    T,
  );
});
