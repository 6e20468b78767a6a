import { bi } from "../../../src/core/i18n";
import type { ResultTable } from "../../../src/core/tables/model";
import {
  CHAR_FACTOR,
  LINE_PT,
  MAX_CONTENT_WIDTH,
  PAD_PT,
  charUnits,
  columnWidths,
  displayNumber,
  estimateLines,
  headerRowHeights,
  textUnits,
  textWidth,
  titleRowHeight,
  wrapsInColumn,
} from "../../../src/core/tables/layout";

describe("charUnits / textUnits", () => {
  test("digits are the unit; capitals and m/w wider, i/l/t and punctuation narrower, a space half", () => {
    expect(textUnits("0123456789")).toBe(10);
    expect(charUnits("Đ")).toBeGreaterThan(charUnits("đ"));
    expect(charUnits("M")).toBeGreaterThan(charUnits("A"));
    expect(charUnits("i")).toBeLessThan(charUnits("a"));
    expect(charUnits(" ")).toBe(0.5);
    // Decomposed diacritics add no width: the same word precomposed and decomposed measures the same.
    expect(textUnits("Thủy".normalize("NFD"))).toBeCloseTo(textUnits("Thủy".normalize("NFC")), 9);
    expect(textUnits("TỔNG CỘNG")).toBeGreaterThan(textUnits("Tổng cộng"));
    expect(textUnits("Số hộ", true)).toBeCloseTo(textUnits("Số hộ") * 1.08, 9);
  });
});

describe("estimateLines", () => {
  test("short text is one line; running text ≈ its width ÷ the cell's; explicit newlines count", () => {
    expect(estimateLines("Số hộ", 10)).toBe(1);
    expect(estimateLines("", 10)).toBe(1);
    const text = "Hộ có mức sống trung bình (NLNDN)";
    const ideal = Math.ceil((textUnits(text) * CHAR_FACTOR) / 9); // 9 usable units in a 10-wide cell
    expect(estimateLines(text, 10)).toBeGreaterThanOrEqual(ideal);
    expect(estimateLines(text, 10)).toBeLessThanOrEqual(ideal + 2);
    expect(estimateLines(text, 60)).toBe(1);
    expect(estimateLines("a\nb", 10)).toBe(2);
  });

  test("a word longer than the line breaks by character", () => {
    const long = "(9)=(1)-(2)-(3)-(4)+(5)+(6)+(7)+(8)";
    expect(estimateLines(long, 11)).toBe(Math.ceil((textUnits(long) * CHAR_FACTOR) / 10));
    const word = "(10)=(9)/(2)=(11)/(12)";
    // "TT" on its own line, then the long word broken over the lines it needs.
    expect(estimateLines(`TT ${word}`, 10)).toBe(1 + Math.ceil((textUnits(word) * CHAR_FACTOR) / 9));
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
    title: [bi("TIÊU ĐỀ", "TITLE")],
    headerRows: [
      [
        { text: bi("TT", "No.") },
        { text: bi("Nhân khẩu", "Members") },
        { text: bi("Số hộ", "Households") },
        { text: bi("Tỷ lệ", "Rate") },
      ],
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

describe("columnWidths", () => {
  test("explicit widths are the least; without one the widest header word fits, at least 10", () => {
    const t = wideHeaderTable();
    expect(columnWidths(t, "vi")).toEqual([6, 10, 10, 10]);
    const free = { ...t, columns: t.columns.map((c) => ({ ...c, width: undefined })) };
    const w = columnWidths(free, "en");
    expect(w[2]).toBe(Math.ceil(textUnits("Households") * CHAR_FACTOR) + 2);
    expect(Math.min(...w)).toBeGreaterThanOrEqual(10);
  });

  test("columns grow to fit their content on one line: numbers always, text up to 40, then it wraps", () => {
    const t = wideHeaderTable();
    const long = "Nước sinh hoạt và vệ sinh";
    const veryLong = "Phương tiện phục vụ tiếp cận thông tin ".repeat(3).trim();
    const grown = columnWidths(
      {
        ...t,
        rows: [{ cells: [long, 1_234_567_890, 0.1234, 0.5] }, { cells: [veryLong, 1, 1, 1] }],
      },
      "vi",
    );
    expect(grown[0]).toBe(MAX_CONTENT_WIDTH); // capped: the text wraps
    expect(textWidth(long)).toBeLessThanOrEqual(MAX_CONTENT_WIDTH);
    expect(wrapsInColumn(long, grown[0])).toBe(false);
    expect(wrapsInColumn(veryLong, grown[0])).toBe(true);
    expect(grown[1]).toBeGreaterThanOrEqual("1,234,567,890".length + 2); // a number is never cut
    const formatted = displayNumber(0.1234, "percent");
    expect(formatted).toBe("12.34%");
    expect(displayNumber(1234.5, "decimal")).toBe("1,234.50");
    expect(displayNumber(0.148, "decimal3")).toBe("0.148");
  });
});
