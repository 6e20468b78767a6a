/**
 * Both writers size title and header rows from the same plan (src/core/tables/plan.ts): the ExcelJS file and the
 * Office.js sheet get the same widths and heights.
 */
import ExcelJS from "exceljs";
import { bi } from "../../src/core/i18n";
import type { ResultTable } from "../../src/core/tables/model";
import { columnWidths, headerRowHeights, LINE_PT, PAD_PT, placeHeaderCells } from "../../src/core/tables/layout";
import { planSheet } from "../../src/core/tables/plan";
import { writeTablesToBuffer } from "../../src/xlsx/write";

function wideHeaderTable(): ResultTable {
  return {
    id: "wide",
    sheetName: bi("Rộng", "Wide"),
    title: [bi("TIÊU ĐỀ", "TITLE"), bi("Phụ đề", "Subtitle")],
    headerRows: [
      [
        { text: bi("TT", "No."), rowSpan: 2 },
        { text: bi("Tổng số nhân khẩu của hộ trong kỳ", "Total members of the household in the period"), rowSpan: 2 },
        { text: bi("Hộ có mức sống trung bình (NLNDN)", "Households with an average living standard"), colSpan: 2 },
      ],
      [{ text: bi("Số hộ", "Households") }, { text: bi("Tỷ lệ (%) (4)=(3)/(1)", "Rate (%) (4)=(3)/(1)") }],
    ],
    columns: [
      { key: "tt", header: bi("TT", "No."), format: "text", width: 6 },
      { key: "mem", header: bi("Nhân khẩu", "Members"), format: "integer", width: 10 },
      { key: "n", header: bi("Số hộ", "Households"), format: "integer", width: 10 },
      { key: "r", header: bi("Tỷ lệ", "Rate"), format: "percent", width: 10 },
    ],
    rows: [{ cells: ["1", 10, 2, 0.2] }],
    notes: [],
  };
}

describe("both writers size title and header rows the same way", () => {
  test("ExcelJS: headers wrap, centred both ways, rows as tall as the estimate; titles bold and larger; body default", async () => {
    const t = wideHeaderTable();
    const placements = placeHeaderCells(t.headerRows, "vi", 4);
    const expected = headerRowHeights(placements, columnWidths(t, "vi"), 2);
    expect(expected[0]).toBeGreaterThan(LINE_PT + PAD_PT); // the test can fail: the text does wrap
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writeTablesToBuffer([t])) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Rộng")!;
    expect(ws.getRow(4).height).toBe(expected[0]);
    expect(ws.getRow(5).height).toBe(expected[1]);
    expect(ws.getCell("B4").alignment).toMatchObject({ wrapText: true, vertical: "middle", horizontal: "center" });
    expect(ws.getCell("C4").alignment).toMatchObject({ wrapText: true, vertical: "middle" });
    expect(ws.getCell("A1").font).toMatchObject({ bold: true, size: 14 });
    expect(ws.getCell("A2").font).toMatchObject({ bold: true, size: 12 });
    expect(ws.getRow(1).height).toBeGreaterThan(ws.getRow(2).height);
    expect(ws.getRow(6).height).toBeUndefined(); // body rows keep Excel's default
  });

  test("Office.js plan: same widths and header heights, title sizes", () => {
    const t = wideHeaderTable();
    const plan = planSheet(t, "en");
    const expected = headerRowHeights(placeHeaderCells(t.headerRows, "en", 4), columnWidths(t, "en"), 2);
    expect(plan.rowHeights.filter((h) => h.row >= plan.firstHeaderRow)).toEqual([
      { row: plan.firstHeaderRow, points: expected[0] },
      { row: plan.firstHeaderRow + 1, points: expected[1] },
    ]);
    expect(plan.styles.filter((s) => s.area.row < 2).map((s) => s.size)).toEqual([14, 12]);
    expect(plan.rowHeights.some((h) => h.row >= plan.firstBodyRow)).toBe(false);
  });
});

describe("body text longer than its column", () => {
  test("wraps, and its row gets the height its lines need (Excel keeps stored heights; it does not auto-fit on open)", async () => {
    const long =
      "Hộ có người ốm đau nặng, không có khả năng lao động, thiếu đất sản xuất và thiếu vốn để làm ăn lâu dài";
    const t: ResultTable = {
      ...wideHeaderTable(),
      columns: [
        { key: "tt", header: bi("Nguyên nhân", "Cause"), format: "text", width: 20 },
        ...wideHeaderTable().columns.slice(1),
      ],
      rows: [{ cells: [long, 10, 2, 0.2] }, { cells: ["Ngắn", 1, 1, 0.1] }],
    };
    const plan = planSheet(t, "vi");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writeTablesToBuffer([t])) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const r = plan.firstBodyRow + 1;
    expect(plan.widths[0]).toBe(40); // grown to the limit, then it wraps
    expect(ws.getCell(r, 1).alignment).toMatchObject({ wrapText: true });
    expect(ws.getRow(r).height).toBeGreaterThanOrEqual(3 * LINE_PT); // ≈ 103 units of text in a 40-wide column
    expect(ws.getRow(r + 1).height).toBeUndefined(); // a short row keeps the default
  });
});
