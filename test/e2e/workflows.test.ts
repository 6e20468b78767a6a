/**
 * End-to-end: each workflow from click to written sheets, in headless Debian chromium against the built
 * task pane (dist/), with the in-memory fake Excel loaded with fixture workbooks. No request leaves
 * 127.0.0.1. Screenshots (artifacts/): every workflow in Vietnamese, light and dark; one in English, light
 * and dark. Needs `npx webpack --mode production` first (npm test does it in pretest).
 */
import ExcelJS from "exceljs";
import type { Browser } from "playwright-core";
import { startStaticServer, type StaticServer } from "./support/static-server";
import { DIST, browserSuite, launchChromium, requireDist } from "./support/browser";
import { openWithFakeExcel, type FakeOpenOptions, type FakePane } from "./workflows-support";
import { planSheetRows, rosterSheetRows, unitsSheetRows } from "../support/roster-fixture";

const T = 120_000;

function fixture(): FakeOpenOptions["sheets"] {
  const roster = rosterSheetRows(10, 2025, { withCategory: true, trickyName: true });
  roster[6][0] = roster[5][0]; // a planted duplicate id for the validator
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

  it("Phân loại hộ: proposes the roster, classifies and writes the classified copy and Form 1 with a chart", async () => {
    const pane = await open();
    const { page } = pane;
    await page.getByTestId("classify-mapping").waitFor({ timeout: 30_000 });
    await expect(page.getByTestId("classify-sheet").textContent()).resolves.toContain("Danh sách hộ");
    await page.getByTestId("classify-run").click();
    await page.getByTestId("classify-results").waitFor({ timeout: 60_000 });
    await expect(pane.sheetNames()).resolves.toEqual(["Danh sách hộ", "Đơn vị", "Kế hoạch", "KQ - Phân loại hộ", "KQ - Biểu 1 - Kết quả"]);
    const charts = await page.evaluate(() => (window as any).__fakeWb.sheet("KQ - Biểu 1 - Kết quả").charts.length);
    expect(charts).toBe(1);
    await pane.screenshot("wf-classify-vi-light");
    pane.assertClean();
  }, T);

  it("Kiểm tra hồ sơ: validates sheets and a picked .xlsx, goes to a cell, writes findings, highlights", async () => {
    const pane = await open();
    const { page } = pane;
    await page.getByTestId("nav-validate").click();
    await page.getByTestId("validate-run").waitFor({ timeout: 30_000 });
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("DS");
    for (const r of rosterSheetRows(4, 2025, { withCategory: true })) ws.addRow(r as unknown[]);
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    await page.getByTestId("validate-file-input").setInputFiles({ name: "phuong-c.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer });
    await page.getByTestId("validate-run").click();
    await page.getByTestId("validate-results").waitFor({ timeout: 60_000 });
    await expect(page.getByTestId("validate-finding").count()).resolves.toBeGreaterThan(0);
    await page.getByTestId("validate-goto").first().click();
    await page.waitForFunction(() => (window as any).__fakeWb.selection !== undefined);
    await page.getByTestId("validate-write").click();
    await page.getByTestId("validate-action-done").waitFor({ timeout: 60_000 });
    await page.getByTestId("validate-highlight").click();
    await page.getByText(/Đã tô màu \d+ ô/).waitFor({ timeout: 30_000 });
    await expect(pane.sheetNames()).resolves.toContain("KQ - Kiểm tra");
    await pane.screenshot("wf-validate-vi-light");
    pane.assertClean();
  }, T);

  it("Chỉ tiêu: previews and writes the target table and plan tracking", async () => {
    const pane = await open();
    const { page } = pane;
    await page.getByTestId("nav-targets").click();
    await page.getByTestId("targets-preview").waitFor({ timeout: 30_000 });
    await page.getByTestId("targets-units-sheet").getByText(/Đơn vị/).waitFor({ timeout: 30_000 });
    await page.getByTestId("targets-preview").click();
    await page.getByTestId("targets-preview-table").waitFor({ timeout: 60_000 });
    await page.getByTestId("targets-write").click();
    await page.getByTestId("targets-done").waitFor({ timeout: 60_000 });
    await page.getByTestId("targets-write-tracking").click();
    await page.getByTestId("targets-tracking-done").waitFor({ timeout: 60_000 });
    const names = await pane.sheetNames();
    expect(names.filter((n) => n.startsWith("KQ - ")).length).toBeGreaterThanOrEqual(2);
    await pane.screenshot("wf-targets-vi-light");
    pane.assertClean();
  }, T);

  it("Báo cáo: prepares and writes the report forms", async () => {
    const pane = await open();
    const { page } = pane;
    await page.getByTestId("nav-reports").click();
    await page.getByTestId("reports-prepare").waitFor({ timeout: 30_000 });
    await page.getByTestId("reports-sheet").getByText(/Danh sách hộ/).waitFor({ timeout: 30_000 });
    await page.getByTestId("reports-prepare").click();
    await page.getByTestId("reports-list").waitFor({ timeout: 60_000 });
    await page.getByTestId("reports-write").click();
    await page.getByTestId("reports-done").waitFor({ timeout: 60_000 });
    await expect(pane.sheetNames()).resolves.toContain("KQ - Biểu 1 - Kết quả");
    await pane.screenshot("wf-reports-vi-light");
    pane.assertClean();
  }, T);

  it("Mẫu biểu: inserts a roster template", async () => {
    const pane = await open();
    const { page } = pane;
    await page.getByTestId("nav-templates").click();
    await page.getByTestId("templates-insert").click();
    await page.getByTestId("templates-done").waitFor({ timeout: 60_000 });
    await expect(pane.sheetNames()).resolves.toContain("KQ - Danh sách hộ");
    await pane.screenshot("wf-templates-vi-light");
    pane.assertClean();
  }, T);

  it("Cài đặt: saves the default year in the workbook", async () => {
    const pane = await open();
    const { page } = pane;
    await page.getByTestId("nav-settings").click();
    await page.getByTestId("settings-year").click();
    await page.getByRole("option", { name: "2026" }).click();
    await page.getByTestId("settings-save").click();
    await page.getByTestId("settings-done").waitFor({ timeout: 30_000 });
    const saved = await page.evaluate(() => (window as any).__fakeWb.settings.saved["povertyPlanner.settings"]);
    expect(saved).toMatchObject({ version: 1, reviewYear: 2026 });
    await pane.screenshot("wf-settings-vi-light");
    pane.assertClean();
  }, T);

  it("every workflow in Vietnamese, dark theme", async () => {
    const pane = await open({ dark: true });
    const { page } = pane;
    for (const id of ["classify", "validate", "targets", "reports", "templates", "settings"]) {
      await page.getByTestId(`nav-${id}`).click();
      await page.getByTestId(id).waitFor({ timeout: 30_000 });
      await page.waitForTimeout(300);
      await pane.screenshot(`wf-${id}-vi-dark`);
    }
    pane.assertClean();
  }, T);

  it("classify in English, light and dark", async () => {
    for (const dark of [false, true]) {
      const pane = await open({ lang: "en", dark });
      const { page } = pane;
      await page.getByTestId("classify-mapping").waitFor({ timeout: 30_000 });
      await page.getByTestId("classify-run").click();
      await page.getByTestId("classify-results").waitFor({ timeout: 60_000 });
      await expect(page.getByTestId("classify-results").textContent()).resolves.toContain("Households read");
      await expect(pane.sheetNames()).resolves.toContain("KQ - Classified");
      await pane.screenshot(`wf-classify-en-${dark ? "dark" : "light"}`);
      pane.assertClean();
    }
  }, T);
});
