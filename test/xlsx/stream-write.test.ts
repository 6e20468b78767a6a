/**
 * The streaming .xlsx writer (src/xlsx/stream-write.ts) used for province-size merged rosters: what it writes is
 * read back identically by the product's reader and by ExcelJS, user text is never a formula, no cell exceeds
 * Excel's 32,767 characters, and a table from the core's sheet plan keeps its formulas with their cached values.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { bi } from "../../src/core/i18n";
import { formulaCell, planSheet, type ResultTable } from "../../src/core/tables";
import { readWorkbookBuffer } from "../../src/xlsx/read";
import { XlsxStreamWriter } from "../../src/xlsx/stream-write";
import { compareWithRecalculated, libreOfficeAvailable, recalcFiles } from "../support/recalc";

function write(build: (w: XlsxStreamWriter) => void): Buffer {
  const chunks: Buffer[] = [];
  const w = new XlsxStreamWriter({ write: (d) => void chunks.push(Buffer.from(d)) });
  build(w);
  w.finish();
  return Buffer.concat(chunks);
}

const summary: ResultTable = {
  id: "s",
  sheetName: bi("Tổng hợp", "Summary"),
  title: [bi("TỔNG HỢP", "SUMMARY")],
  headerRows: [[{ text: bi("Nguồn", "Source") }, { text: bi("Số hộ", "Households") }]],
  columns: [
    { key: "a", header: bi("Nguồn", "Source"), format: "text" },
    { key: "b", header: bi("Số hộ", "Households"), format: "integer" },
  ],
  rows: [{ cells: ["x", 2] }, { cells: ["y", 3] }, { kind: "total", cells: ["Tổng", formulaCell("SUM(B4:B5)", 5)] }],
  notes: [],
};

test("rows round-trip through the product's reader and ExcelJS; text is never a formula", async () => {
  const long = "y".repeat(40_000);
  const rows = [
    ["=1+1", 12, true, null, "  spaced  "],
    ["a & b < c > d \"q\" 'a'", -1.5, false, "", "_x0041_ literal"],
    ["ctrl\u0001char", 0, null, null, long],
  ];
  const buf = write((w) => {
    w.beginSheet("Danh sách gộp", [
      { header: "Nguồn", width: 20, text: true },
      { header: "Số", width: 8 },
      { header: "Cờ", width: 6 },
      { header: "Trống", width: 6 },
      { header: "Ghi chú", width: 30, text: true },
    ]);
    for (const r of rows) w.row(r);
    w.endSheet();
  });
  const [g] = readWorkbookBuffer(buf, "s.xlsx");
  expect(g.sheetName).toBe("Danh sách gộp");
  expect(g.values[0]).toEqual(["Nguồn", "Số", "Cờ", "Trống", "Ghi chú"]);
  expect(g.values[1]).toEqual(["=1+1", 12, true, null, "  spaced  "]);
  expect(g.values[2]).toEqual(["a & b < c > d \"q\" 'a'", -1.5, false, null, "_x0041_ literal"]);
  expect(g.values[3][0]).toBe("ctrl\u0001char");
  expect((g.values[3][4] as string).length).toBeLessThanOrEqual(32_767);
  expect(g.values[3][4]).toMatch(/cắt bớt/);
  expect(g.readIssues).toBeUndefined();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  expect(ws.getCell("A2").value).toBe("=1+1");
  expect(ws.getCell("A2").type).toBe(ExcelJS.ValueType.String);
  expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
});

test("a core table (sheet plan): formulas with cached values that LibreOffice confirms", async () => {
  const buf = write((w) => w.planSheet("Tổng hợp", planSheet(summary, "vi")));
  const [g] = readWorkbookBuffer(buf, "t.xlsx");
  const flat = g.values.flat();
  expect(flat).toContain("TỔNG HỢP");
  expect(flat).toContain(5);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const total = wb.worksheets[0].getRow(6).getCell(2).value;
  expect(total).toMatchObject({ formula: "SUM(B4:B5)", result: 5 });
  if (!libreOfficeAvailable("stream writer")) return;
  const dir = mkdtempSync(join(tmpdir(), "pp-stream-"));
  try {
    writeFileSync(join(dir, "t.xlsx"), buf);
    const [again] = recalcFiles([join(dir, "t.xlsx")]);
    const { checked, mismatches } = await compareWithRecalculated(join(dir, "t.xlsx"), again);
    expect(checked.length).toBe(1);
    expect(mismatches).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
