import ExcelJS from "exceljs";
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { bi } from "../../src/core/i18n";
import { tableLayout, type ResultTable } from "../../src/core/tables/model";
import { safeSheetName, writeTablesToBuffer, writeTablesToFile } from "../../src/xlsx/write";
import { compareWithRecalculated, libreOfficeAvailable, recalcFiles } from "../support/recalc";

function sample(): ResultTable {
  return {
    id: "sample",
    sheetName: bi("Mẫu", "Sample"),
    title: [bi("BẢNG MẪU", "SAMPLE TABLE"), bi("Năm 2025", "Year 2025")],
    headerRows: [
      [
        { text: bi("Đơn vị", "Unit"), rowSpan: 2 },
        { text: bi("Số hộ", "Households"), rowSpan: 2 },
        { text: bi("Hộ nghèo", "Poor"), colSpan: 2 },
      ],
      [{ text: bi("Số hộ", "Count") }, { text: bi("Tỷ lệ", "Rate") }],
    ],
    columns: [
      { key: "unit", header: bi("Đơn vị", "Unit"), format: "text", width: 20 },
      { key: "total", header: bi("Số hộ", "Households"), format: "integer" },
      { key: "poor", header: bi("Hộ nghèo", "Poor"), format: "integer" },
      { key: "rate", header: bi("Tỷ lệ", "Rate"), format: "percent" },
    ],
    rows: [
      { cells: ["=SUM(A1)", 1000, 80, { formula: "ROUND(C6/B6,4)", value: 0.08 }] },
      { cells: ["Xã B", 500, 33, { formula: "ROUND(C7/B7,4)", value: 0.066 }] },
      {
        cells: [
          "Tổng",
          { formula: "SUM(B6:B7)", value: 1500 },
          { formula: "SUM(C6:C7)", value: 113 },
          { formula: "ROUND(C8/B8,4)", value: 0.0753 },
        ],
        kind: "total",
      },
    ],
    notes: [bi("Căn cứ: Nghị định 07/2021/NĐ-CP", "Basis: Decree 07/2021/ND-CP")],
    freezeColumns: 1,
  };
}

async function load(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

describe("xlsx writer", () => {
  test("layout: titles, merged headers, body, notes land where tableLayout says", async () => {
    const t = sample();
    const lay = tableLayout(t);
    expect(lay.firstHeaderRow).toBe(4);
    expect(lay.firstBodyRow).toBe(6);
    const ws = (await load(await writeTablesToBuffer([t]))).getWorksheet("Mẫu")!;
    expect(ws.getCell("A1").value).toBe("BẢNG MẪU");
    expect(ws.getCell("A1").isMerged).toBe(true);
    expect(ws.getCell("A4").value).toBe("Đơn vị");
    expect(ws.getCell("A5").isMerged).toBe(true); // rowSpan 2
    expect(ws.getCell("C4").value).toBe("Hộ nghèo");
    expect(ws.getCell("D4").isMerged).toBe(true); // colSpan 2
    expect(ws.getCell("C5").value).toBe("Số hộ");
    expect(ws.getCell("D5").value).toBe("Tỷ lệ");
    expect(ws.getCell("B8").value).toEqual({ formula: "SUM(B6:B7)", result: 1500 });
    expect(ws.getCell("D6").numFmt).toBe("0.00%");
    expect(ws.getCell("B6").numFmt).toBe("#,##0");
    expect(ws.getCell(`A${lay.firstNoteRow}`).value).toBe("Căn cứ: Nghị định 07/2021/NĐ-CP");
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 5 });
    expect(ws.pageSetup.orientation).toBe("landscape");
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.printTitlesRow).toBe("4:5");
  });

  test("a user string starting with '=' stays text (not a formula)", async () => {
    const ws = (await load(await writeTablesToBuffer([sample()]))).getWorksheet(1)!;
    expect(ws.getCell("A6").value).toBe("=SUM(A1)");
    expect(ws.getCell("A6").type).toBe(ExcelJS.ValueType.String);
  });

  test("English on request", async () => {
    const ws = (await load(await writeTablesToBuffer([sample()], { lang: "en" }))).getWorksheet("Sample")!;
    expect(ws.getCell("A1").value).toBe("SAMPLE TABLE");
    expect(ws.getCell("C4").value).toBe("Poor");
  });

  test("sheet names are safe and unique", () => {
    const taken = new Set<string>();
    expect(safeSheetName("A/B:C", taken)).toBe("A-B-C");
    expect(safeSheetName("a-b-c", taken)).toBe("a-b-c (2)");
    expect(safeSheetName("x".repeat(40), taken)).toHaveLength(31);
  });

  test("non-finite numbers are refused, not written", async () => {
    const t = sample();
    t.rows[0].cells[1] = NaN;
    await expect(writeTablesToBuffer([t])).rejects.toMatchObject({ code: "INVALID_NUMBER" });
  });

  test("template features: validation on input rows, unlocked inputs, protected sheet", async () => {
    const t: ResultTable = {
      ...sample(),
      rows: [],
      inputRows: 10,
      protect: true,
      columns: [
        { key: "unit", header: bi("Đơn vị", "Unit"), format: "text" },
        {
          key: "area",
          header: bi("Khu vực", "Area"),
          format: "text",
          validation: { kind: "list", values: ["Thành thị", "Nông thôn"] },
        },
        { key: "n", header: bi("Số hộ", "Households"), format: "integer", validation: { kind: "whole", min: 0 } },
        { key: "r", header: bi("Tỷ lệ", "Rate"), format: "percent" },
      ],
    };
    const wb = await load(await writeTablesToBuffer([t]));
    const ws = wb.getWorksheet(1)!;
    expect(ws.getCell("B6").dataValidation).toMatchObject({ type: "list", formulae: ['"Thành thị,Nông thôn"'] });
    expect(ws.getCell("C15").dataValidation).toMatchObject({ type: "whole", operator: "greaterThanOrEqual" });
    expect(ws.getCell("C16").dataValidation).toBeUndefined();
    expect(ws.getCell("C6").protection).toMatchObject({ locked: false });
    expect(ws.getCell("A4").protection?.locked).not.toBe(false);
    expect((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBe(true);
  });

  test("writeTablesToFile: atomic, refuses to overwrite an input", async () => {
    const dir = mkdtempSync(join(tmpdir(), "write-"));
    const input = join(dir, "in.xlsx");
    writeFileSync(input, "original");
    await expect(writeTablesToFile([sample()], input, { inputs: [input] })).rejects.toMatchObject({
      code: "INVALID_ARGUMENT",
    });
    const out = await writeTablesToFile([sample()], join(dir, "out.xlsx"), { inputs: [input] });
    expect(existsSync(out)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(["in.xlsx", "out.xlsx"]); // no temp file left
    const bad = sample();
    bad.rows[0].cells[1] = Infinity;
    await expect(writeTablesToFile([bad], join(dir, "bad.xlsx"))).rejects.toMatchObject({ code: "INVALID_NUMBER" });
    expect(existsSync(join(dir, "bad.xlsx"))).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(["in.xlsx", "out.xlsx"]); // the failure left no temp file either
  });
});

const lo = libreOfficeAvailable("test/xlsx/write.test.ts");
(lo ? describe : describe.skip)("LibreOffice recalculation helper (self-check)", () => {
  test("correct formulas agree; a wrong formula with a right cached value is caught; a string '=…' stays text", async () => {
    const dir = mkdtempSync(join(tmpdir(), "selfcheck-"));
    const good = join(dir, "good.xlsx");
    const broken = join(dir, "broken.xlsx");
    await writeTablesToFile([sample()], good);
    const b = sample();
    // Cached value is the right answer (113) but the formula omits a row: only a recalculation can tell.
    b.rows[2].cells[2] = { formula: "SUM(C6:C6)", value: 113 };
    await writeTablesToFile([b], broken);
    const [goodR, brokenR] = recalcFiles([good, broken]);
    const g = await compareWithRecalculated(good, goodR);
    expect(g.checked.length).toBe(5);
    expect(g.mismatches).toEqual([]);
    const br = await compareWithRecalculated(broken, brokenR);
    expect(br.mismatches.map((m) => m.address).sort()).toEqual(["C8", "D8"]);
    expect(br.mismatches.find((m) => m.address === "C8")).toMatchObject({ expected: 113, actual: 80 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(goodR);
    expect(wb.getWorksheet(1)!.getCell("A6").value).toBe("=SUM(A1)");
  });
});
