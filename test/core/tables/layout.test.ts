import { bi } from "../../../src/core/i18n";
import type { ResultTable } from "../../../src/core/tables/model";
import {
  CHAR_FACTOR,
  LINE_PT,
  PAD_PT,
  columnWidths,
  estimateLines,
  headerRowHeights,
  placeHeaderCells,
  titleRowHeight,
} from "../../../src/core/tables/layout";
import { planSheet } from "../../../src/core/tables/plan";
import ExcelJS from "exceljs";
import { writeTablesToBuffer } from "../../../src/xlsx/write";

describe("estimateLines", () => {
  test("short text is one line; running text ≈ ceil(chars × 1.1 / width); explicit newlines count", () => {
    expect(estimateLines("Số hộ", 10)).toBe(1);
    expect(estimateLines("", 10)).toBe(1);
    const text = "Hộ có mức sống trung bình (NLNDN)"; // 33 characters
    expect(estimateLines(text, 10)).toBeGreaterThanOrEqual(Math.ceil((text.length * CHAR_FACTOR) / 10));
    expect(estimateLines(text, 10)).toBeLessThanOrEqual(Math.ceil((text.length * CHAR_FACTOR) / 10) + 1);
    expect(estimateLines(text, 60)).toBe(1);
    expect(estimateLines("a\nb", 10)).toBe(2);
  });

  test("a word longer than the line breaks by character", () => {
    expect(estimateLines("(9)=(1)-(2)-(3)-(4)+(5)+(6)+(7)+(8)", 11)).toBe(Math.ceil((35 * CHAR_FACTOR) / 11));
    expect(estimateLines("TT (10)=(9)/(2)", 10)).toBe(3); // "TT" then the long word on two lines
  });
});

describe("headerRowHeights", () => {
  const widths = [6, 28, 12, 11, 10];
  test("a row is as tall as its longest wrapped single-row cell; spans use the summed width", () => {
    const h = headerRowHeights(
      [
        { row: 0, col: 0, rows: 1, cols: 1, text: "TT" },
        { row: 0, col: 3, rows: 1, cols: 2, text: "Hộ có mức sống trung bình (NLNDN)" }, // 21 wide → 2 lines
        { row: 1, col: 3, rows: 1, cols: 1, text: "Tỷ lệ (%) cuối kỳ theo chuẩn" }, // 11 wide → 3 lines
      ],
      widths,
      2,
    );
    expect(h[0]).toBe(2 * LINE_PT + PAD_PT);
    expect(h[1]).toBe(3 * LINE_PT + PAD_PT);
  });

  test("a cell spanning rows spreads only what it still lacks over its rows", () => {
    const tall = { row: 0, col: 2, rows: 2, cols: 1, text: "Tổng số nhân khẩu của hộ trong kỳ báo cáo" }; // 12 wide → 5 lines
    const h = headerRowHeights([tall, { row: 0, col: 3, rows: 1, cols: 1, text: "Số hộ" }], widths, 2);
    expect(h[0] + h[1]).toBeGreaterThanOrEqual(estimateLines(tall.text, 12) * LINE_PT + PAD_PT);
    const fits = headerRowHeights([{ ...tall, text: "Số hộ" }], widths, 2);
    expect(fits).toEqual([LINE_PT + PAD_PT, LINE_PT + PAD_PT]);
  });

  test("titles: a larger font needs a taller row", () => {
    expect(titleRowHeight("TỔNG HỢP", 100, 14)).toBeGreaterThan(titleRowHeight("TỔNG HỢP", 100, 11));
    expect(titleRowHeight("x ".repeat(80), 40, 12)).toBeGreaterThan(titleRowHeight("x", 40, 12) * 2);
  });
});

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

describe("columnWidths", () => {
  test("explicit widths win; otherwise the longest header word fits, between 10 and 40", () => {
    const t = wideHeaderTable();
    expect(columnWidths(t, "vi")).toEqual([6, 10, 10, 10]);
    const free = { ...t, columns: t.columns.map((c) => ({ ...c, width: undefined })) };
    const w = columnWidths(free, "en");
    expect(w[2]).toBe(Math.ceil("Households".length * CHAR_FACTOR) + 2);
    expect(Math.min(...w)).toBeGreaterThanOrEqual(10);
  });
});
