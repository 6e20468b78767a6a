/**
 * The layout of official forms, read without false positives: column-number rows under the header, area sections
 * with subtotals and a grand total, footnotes below the table, formula-only rows of a template, one RATE_SCALE per
 * sheet, and a ward's Form 1 by village compared with its roster's villages.
 */
import type { CellValue } from "../../../src/core/grid";
import { isNumberingRow, isNoteRow, readSheet } from "../../../src/core/sheet";
import { validateWorkbooks } from "../../../src/core/validate";
import type { Finding } from "../../../src/core/findings/finding";
import * as F from "./fixtures";

const run = (sheets: F.SheetSpec[][]): Finding[] =>
  validateWorkbooks(
    sheets.map((s, i) => ({ file: `ward-${i + 1}.xlsx`, grids: s.map((x) => F.toGrid(x, `ward-${i + 1}.xlsx`)) })),
    { year: 2024 },
  ).files.flatMap((f) => f.findings);
const codes = (fs: Finding[]) => fs.filter((f) => f.severity !== "info").map((f) => `${f.code}@${f.cell}`);

/** Form 1 by area: I. urban (2 units), subtotal, II. rural (2 units), subtotal, grand total, footnotes. */
function sectioned(
  over: { urbanPoor?: number; grandPoor?: number; subtotalLabel?: string; extra?: CellValue[][] } = {},
): F.SheetSpec {
  const rows: CellValue[][] = [
    ["TỔNG HỢP KẾT QUẢ RÀ SOÁT NĂM 2024"],
    [],
    ["TT", "Đơn vị", "Tổng số hộ", "Hộ nghèo", null],
    [null, null, null, "Số hộ", "Tỷ lệ (%)"],
    ["A", "B", "(1)", "(2)", "(3)=(2)/(1)"],
    ["I", "Khu vực thành thị"],
    ["1", "Thôn 1", 100, 10, 10],
    ["2", "Thôn 2", 50, 5, 10],
    ["", over.subtotalLabel ?? "Cộng khu vực thành thị", 150, over.urbanPoor ?? 15, 10],
    ...(over.extra ?? []),
    ["II", "Khu vực nông thôn"],
    ["1", "Thôn 3", 200, 40, 20],
    ["2", "Thôn 4", 200, 20, 10],
    ["", "Cộng khu vực nông thôn", 400, 60, 15],
    ["", "TỔNG CỘNG", 550, over.grandPoor ?? 75, 13.64],
    [],
    ["Tỷ lệ = số hộ nghèo ÷ tổng số hộ, làm tròn 2 chữ số thập phân."],
    ["Căn cứ pháp lý: Nghị định số 07/2021/NĐ-CP ngày 27/01/2021 của Chính phủ."],
  ];
  return { name: "Biểu 1", rows, merges: ["A1:E1", "A3:A4", "B3:B4", "C3:C4", "D3:E3"] };
}

describe("column-number row under the header", () => {
  test("A, B, (1), (2), (4)=(3)/(1), (9)=(1)-(2)+…, (14)=Σ(2)…(13) are column labels, not data", () => {
    expect(isNumberingRow(["A", "B", "(1)", "(2)", "(3)", "(4)=(3)/(1)"], 6)).toBe(true);
    expect(isNumberingRow(["A", "B", "C", "(1)", "(2)", "(3)=(2)/(1)", "(4)=(5)/(1)", "(5)", "(6)=(2)-(5)"], 9)).toBe(
      true,
    );
    expect(isNumberingRow(["A", "B", "(1)", "(2)", "(9)=(1)-(2)-(3)-(4)+(5)+(6)+(7)+(8)"], 5)).toBe(true);
    expect(isNumberingRow(["A", "B", "(1)", "(2)", "(14)=Σ(2)…(13)"], 5)).toBe(true);
    expect(isNumberingRow([1, 2, 3, 4, 5], 5)).toBe(true);
  });
  test("a data row is not a numbering row", () => {
    expect(isNumberingRow([1, "Xã A", 612, 45, 7.35], 5)).toBe(false);
    expect(isNumberingRow(["1", "2", "3", "2"], 4)).toBe(false);
  });
  test("the row is skipped: no VALUE_NOT_NUMBER, data starts below it", () => {
    const r = readSheet(F.toGrid(sectioned()));
    expect(r.detection.mapping.dataStart).toBe(5);
    expect(r.findings.filter((f) => f.code === "VALUE_NOT_NUMBER")).toEqual([]);
  });
});

describe("sections, subtotals and the grand total", () => {
  test("row kinds: sections, subtotals, total", () => {
    const r = readSheet(F.toGrid(sectioned()));
    expect(r.table!.map((x) => x.kind)).toEqual([
      "section",
      "body",
      "body",
      "subtotal",
      "section",
      "body",
      "body",
      "subtotal",
      "total",
    ]);
  });
  test("a consistent sectioned form gives no TOTAL_ROW_MISMATCH and no STRUCT_DATA_BELOW_TOTAL", () => {
    expect(codes(run([[sectioned()]]))).toEqual([]);
  });
  test("a wrong subtotal is reported on the subtotal cell with the section's sum", () => {
    const fs = run([[sectioned({ urbanPoor: 16, grandPoor: 76 })]]).filter((f) => f.code === "TOTAL_ROW_MISMATCH");
    expect(fs.map((f) => [f.cell, f.value, f.expected])).toEqual([["D9", "16", "15"]]);
    expect(fs[0].messageVi).toContain("dòng cộng của mục");
  });
  test("a wrong grand total is reported on the total cell with Σ subtotals", () => {
    const fs = run([[sectioned({ grandPoor: 74 })]]).filter((f) => f.code === "TOTAL_ROW_MISMATCH");
    expect(fs.map((f) => [f.cell, f.value, f.expected])).toEqual([["D14", "74", "75"]]);
    expect(fs[0].messageEn).toContain("the sum of the subtotals");
  });
  test('a plain "Cộng" row followed by another section is a subtotal; English "Subtotal …" too', () => {
    expect(codes(run([[sectioned({ subtotalLabel: "Cộng" })]]))).toEqual([]);
    expect(codes(run([[sectioned({ subtotalLabel: "Subtotal urban area" })]]))).toEqual([]);
  });
  test("rows between a subtotal and the next section are legitimate and in no sum", () => {
    const fs = run([[sectioned({ extra: [["", "Trong đó: hộ DTTS", 30, 3, 10]] })]]);
    expect(codes(fs)).toEqual([]);
  });
  test("data below the grand total is still reported", () => {
    const s = sectioned();
    s.rows.splice(15, 0, ["3", "Thôn 5", 10, 1, 10]);
    expect(codes(run([[s]]))).toContain("STRUCT_DATA_BELOW_TOTAL@A16");
  });
});

describe("footnotes below a table", () => {
  test("a note row: one long text in the first column, the rest empty", () => {
    expect(isNoteRow(["Căn cứ pháp lý: Nghị định 07/2021/NĐ-CP"], 0)).toBe(true);
    expect(isNoteRow(["Tổng số thiếu hụt = tổng các cột chỉ số (công thức)."], 0)).toBe(true);
    expect(isNoteRow(["Tổng cộng"], 0)).toBe(false);
    expect(isNoteRow(["Ghi chú: số liệu tạm tính", null, 5], 0)).toBe(false);
    expect(isNoteRow([null, "Căn cứ pháp lý: Nghị định 07/2021/NĐ-CP"], 0)).toBe(false);
  });
  test("a roster stops at its footnotes: no household whose id is the note", () => {
    const spec = F.rosterSheet({ unit: "Xã Mới" });
    spec.rows.push(
      [],
      ["Căn cứ pháp lý: Nghị định số 07/2021/NĐ-CP ngày 27/01/2021 của Chính phủ."],
      ["Người lập biểu: Nguyễn Văn A, cán bộ LĐTBXH xã"],
    );
    const r = readSheet(F.toGrid(spec));
    expect(r.roster!.map((x) => x.household.id)).toEqual(F.CLEAN_HOUSEHOLDS.map((h) => h.id));
    // The same note in two wards is not a duplicate household id across files.
    const other = F.rosterSheet({
      unit: "Xã Khác",
      households: F.CLEAN_HOUSEHOLDS.map((h) => ({ ...h, id: `K-${h.id}` })),
    });
    other.rows.push([], ["Căn cứ pháp lý: Nghị định số 07/2021/NĐ-CP ngày 27/01/2021 của Chính phủ."]);
    const fs = run([[spec], [other]]);
    expect(fs.filter((f) => f.code.startsWith("HH_DUPLICATE") || f.code === "HH_MISSING_ID")).toEqual([]);
  });
  test("a note-like heading followed by more data does not end the table", () => {
    const s = sectioned();
    // "II. Khu vực nông thôn" written in column A alone after a blank row.
    const i = s.rows.findIndex((r) => r[0] === "II");
    s.rows.splice(i, 1, [], ["II. Khu vực nông thôn (các thôn vùng cao)"]);
    const r = readSheet(F.toGrid(s));
    expect(r.table!.filter((x) => x.kind === "body").map((x) => x.label)).toEqual([
      "Thôn 1",
      "Thôn 2",
      "Thôn 3",
      "Thôn 4",
    ]);
  });
});

describe("rows holding only formulas without a cached value", () => {
  test("are not data rows (no HH_MISSING_ID); a blank template is STRUCT_TEMPLATE_UNFILLED (info)", () => {
    const spec = F.rosterSheet({ unit: "Xã Mới" });
    const last = spec.rows.pop()!; // totals row
    const width = spec.rows[3].length;
    const formulaOnly = () =>
      Array.from({ length: width }, (_, c) => (c === 20 ? { error: "#NO_CACHED_VALUE" } : null));
    spec.rows.push(formulaOnly(), formulaOnly(), last);
    const fs = run([[spec]]);
    expect(fs.filter((f) => f.code === "HH_MISSING_ID" || f.code === "FORMULA_NO_CACHED_VALUE")).toEqual([]);
    const blank: F.SheetSpec = {
      name: "DS",
      rows: [
        ["Mã hộ", "Phân loại hộ", "Tổng số chỉ số thiếu hụt"],
        [null, null, ""],
        [null, null, { error: "#NO_CACHED_VALUE" }],
      ],
    };
    const b = run([[blank]]);
    expect(b.map((f) => `${f.code}:${f.severity}`)).toEqual(["STRUCT_TEMPLATE_UNFILLED:info"]);
  });
});

describe("RATE_SCALE", () => {
  test("one info per sheet listing the rate columns; mixed scales are grouped", () => {
    const s = F.summarySheet({
      units: [{ unit: "Xã A", households: 1000, poor: 73, poorRate: 7.3, nearPoor: 90, nearPoorRate: "9%" }],
      total: { poorRate: 7.3, nearPoorRate: "9%" },
    });
    const fs = readSheet(F.toGrid(s)).findings.filter((f) => f.code === "RATE_SCALE");
    expect(fs).toHaveLength(1);
    expect(fs[0].cell).toBe("E3");
    expect(fs[0].messageEn).toMatch(
      /^Rate columns E, G are read as E: percent numbers .*; G: percent text with a % sign\.$/,
    );
  });
});

describe("CROSS_SUMMARY_ROSTER: a ward's Form 1 by village vs its roster's villages", () => {
  const roster = (): F.SheetSpec =>
    F.rosterSheet({
      unit: "Xã Mới",
      households: F.CLEAN_HOUSEHOLDS.map((h, i) => ({ ...h, village: i % 2 ? "Thôn Hai" : "Thôn Một" })),
    });
  const counts = (village: string) => {
    const hh = F.CLEAN_HOUSEHOLDS.filter((_, i) => (i % 2 ? "Thôn Hai" : "Thôn Một") === village);
    return {
      households: hh.length,
      poor: hh.filter((h) => h.category === "Hộ nghèo").length,
      nearPoor: hh.filter((h) => /cận nghèo/i.test(String(h.category))).length,
    };
  };
  const form = (poorDelta = 0): F.SheetSpec => {
    const units = ["Thôn Một", "Thôn hai"].map((v, i) => {
      const c = counts(i ? "Thôn Hai" : "Thôn Một");
      const poor = c.poor + (i === 1 ? poorDelta : 0);
      return {
        unit: v,
        households: c.households,
        poor,
        poorRate: Math.round((poor / c.households) * 10000) / 100,
        nearPoor: c.nearPoor,
        nearPoorRate: Math.round((c.nearPoor / c.households) * 10000) / 100,
      };
    });
    return F.summarySheet({ units });
  };
  test("matching villages (names folded) are silent", () => {
    expect(run([[roster(), form()]]).filter((f) => f.code === "CROSS_SUMMARY_ROSTER")).toEqual([]);
  });
  test("a village's poor count that disagrees with the roster is reported at its cell", () => {
    const fs = run([[roster(), form(1)]]).filter((f) => f.code === "CROSS_SUMMARY_ROSTER");
    const c = counts("Thôn Hai");
    expect(fs.map((f) => [f.cell, f.value, f.expected])).toEqual([["D7", String(c.poor + 1), String(c.poor)]]);
  });
});
