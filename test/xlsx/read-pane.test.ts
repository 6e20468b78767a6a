/**
 * The built task pane (dist/) in headless chromium reads .xlsx files picked from disk with the CLI's reader
 * (src/xlsx/parse.ts via src/xlsx/browser.ts): a picked ward file's planted duplicate id is reported at the
 * same cell as `readWorkbookBuffer` + validateWorkbooks report it in Node, and a truncated and a CSV file
 * give the CLI's FILE_UNREADABLE messages. No request leaves 127.0.0.1; the ExcelJS chunk is not loaded.
 * Needs `npx webpack --mode production` first.
 */
import ExcelJS from "exceljs";
import type { Browser } from "playwright-core";
import { isPovertyError } from "../../src/core/errors";
import { validateWorkbooks } from "../../src/core/validate";
import { readWorkbookBuffer } from "../../src/xlsx/read";
import { DIST, browserSuite, launchChromium, requireDist } from "../e2e/support/browser";
import { startStaticServer, type StaticServer } from "../e2e/support/static-server";
import { openWithFakeExcel } from "../e2e/workflows-support";
import { rosterSheetRows } from "../support/roster-fixture";

const T = 120_000;
const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

async function wardFile(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("DS phường C");
  const rows = rosterSheetRows(4, 2025, { withCategory: true });
  rows[6][0] = rows[5][0]; // planted duplicate household id (sheet row 7)
  for (const r of rows) ws.addRow(r as unknown[]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function cliMessage(buf: Buffer, name: string): string {
  try {
    readWorkbookBuffer(buf, name);
  } catch (e) {
    if (isPovertyError(e)) return e.messageVi;
    throw e;
  }
  throw new Error("expected FILE_UNREADABLE");
}

browserSuite("pane reads picked .xlsx")("task pane: picked .xlsx files go through the CLI's reader (chromium)", () => {
  let server: StaticServer;
  let browser: Browser;
  beforeAll(async () => {
    requireDist("taskpane.html", "taskpane.js");
    server = await startStaticServer(DIST);
    browser = await launchChromium();
  }, T);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it(
    "reports the picked file's findings at the CLI's cells and the CLI's reasons for unreadable files",
    async () => {
      const ward = await wardFile();
      const cli = validateWorkbooks([{ file: "phuong-c.xlsx", grids: readWorkbookBuffer(ward, "phuong-c.xlsx") }], {
        year: 2025,
      });
      const dup = cli.files[0].findings.find((f) => f.code === "HH_DUPLICATE_ID");
      expect(dup?.cell).toBe("A7");
      const truncated = ward.subarray(0, Math.floor(ward.length / 2));
      const csv = Buffer.from("Mã hộ;Phân loại hộ\nH1;Hộ nghèo\n");

      const pane = await openWithFakeExcel(browser, server.url, {
        sheets: [{ name: "Trống", rows: [["x"]] }],
      });
      try {
        const { page } = pane;
        const scripts: string[] = [];
        page.on("request", (r) => scripts.push(r.url()));
        await page.getByTestId("app-shell").waitFor();
        await page.getByTestId("nav-validate").click();
        await page.getByTestId("validate-sheet-Trống").waitFor({ timeout: 30_000 });
        await page.getByTestId("validate-sheet-Trống").click(); // only the picked files
        await page.getByTestId("validate-file-input").setInputFiles([
          { name: "phuong-c.xlsx", mimeType: XLSX_MIME, buffer: ward },
          { name: "cat-ngan.xlsx", mimeType: XLSX_MIME, buffer: truncated },
          { name: "ds.csv", mimeType: "text/csv", buffer: csv },
        ]);
        await page.getByTestId("validate-run").click();
        await page.getByTestId("validate-results").waitFor({ timeout: 60_000 });
        // The pane shows one card per rule (codes only under "Chi tiết"): open the duplicate-id card for its cells.
        const dupCard = page.locator('[data-testid="validate-group"][data-code="HH_DUPLICATE_ID"]');
        await expect(dupCard.count()).resolves.toBe(1);
        if ((await dupCard.getByTestId("validate-finding").count()) === 0)
          await dupCard.locator("button").first().click();
        await dupCard.getByTestId("validate-finding").first().waitFor();
        const text = (await page.getByTestId("validate-findings").textContent()) ?? "";
        expect(text).toContain("phuong-c.xlsx");
        expect(text).toContain("DS phường C");
        expect(text).toContain(dup!.cell);
        expect(text).toContain(cliMessage(truncated, "cat-ngan.xlsx"));
        expect(text).toContain(cliMessage(csv, "ds.csv"));
        expect(scripts.filter((u) => /exceljs/i.test(u))).toEqual([]);
        expect(pane.blocked).toEqual([]);
        expect(pane.errors).toEqual([]);
      } finally {
        await pane.close();
      }
    },
    T,
  );
});
