import { FakeWorkbook } from "../support/fake-excel";
import { fakeHost, snapshotSheets } from "../support/fake-host";
import { rosterRows } from "./fixtures";
import {
  findingsTable,
  cellLinkFormula,
  highlightFindings,
  clearHighlights,
  highlightGroups,
} from "../../src/excel/findings";
import { writeResultTables } from "../../src/excel/write";
import { selectCell } from "../../src/excel/navigate";
import type { Finding } from "../../src/core/findings/finding";

const f = (over: Partial<Finding>): Finding => ({
  code: "RATE_MISMATCH",
  severity: "error",
  sheet: "Xã A",
  cell: "B3",
  row: 3,
  column: 2,
  messageVi: "Tỷ lệ không khớp",
  messageEn: "Rate does not match",
  ...over,
});

describe("findings sheet", () => {
  it("escapes sheet names in HYPERLINK formulas", () => {
    expect(cellLinkFormula("Xã A", "B3")).toBe(`HYPERLINK("#'Xã A'!B3","B3")`);
    expect(cellLinkFormula(`Tổ "1" 'b'`, "C9")).toBe(`HYPERLINK("#'Tổ ""1"" ''b'''!C9","C9")`);
  });

  it("lists findings sorted, severity as symbol + word, links only for cells of this workbook", async () => {
    const wb = new FakeWorkbook({ sheets: [{ name: "Xã A", rows: rosterRows(5, 4) }] });
    const table = findingsTable(
      [
        f({ severity: "warning", cell: "C5", row: 5, column: 3 }),
        f({}),
        f({ file: "phuong-b.xlsx", sheet: "DS", cell: "A2", row: 2, column: 1 }),
      ],
      { lang: "vi" },
    );
    await writeResultTables([table], { host: fakeHost(wb) });
    const s = wb.sheet("KQ - Kiểm tra");
    const body = s.rowsOfValues().slice(4, 7);
    expect(body[0].slice(0, 5)).toEqual(["✖ Lỗi", "RATE_MISMATCH", null, "Xã A", `=HYPERLINK("#'Xã A'!B3","B3")`]);
    expect(body[1][0]).toBe("⚠ Cảnh báo");
    expect(body[2].slice(2, 5)).toEqual(["phuong-b.xlsx", "DS", "A2"]); // other file: plain text
    expect(s.get(1, 0)?.value).toBe("2 lỗi, 1 cảnh báo, 0 thông tin");
  });

  it("shows a rate as a percentage, never as the raw fraction 0.1211", async () => {
    const wb = new FakeWorkbook({ sheets: [{ name: "Xã A", rows: rosterRows(5, 4) }] });
    const table = findingsTable(
      [
        f({ field: "poorRate", value: "0.1211", expected: "0.1189" }),
        f({ cell: "B4", row: 4, field: "poorRate", value: "0.12345", expected: "0.05–0.12" }),
        f({ cell: "B5", row: 5, field: "poor", value: "12", expected: "≤ 10" }),
      ],
      { lang: "vi" },
    );
    await writeResultTables([table], { host: fakeHost(wb) });
    const s = wb.sheet("KQ - Kiểm tra");
    // Value and expected: columns 8 and 9 (after the message in both languages).
    expect(s.get(4, 7)?.value).toBe(0.1211);
    expect(s.get(4, 7)?.numberFormat).toBe("0.00%");
    expect(s.get(4, 8)?.value).toBe(0.1189);
    expect(s.get(5, 7)?.value).toBe("12,345 %"); // finer than two decimals: every digit kept, as text
    expect(s.get(5, 8)?.value).toBe("5,00 %–12,00 %");
    expect(s.get(6, 7)?.value).toBe("12"); // a count stays as it was found
    expect(s.get(6, 8)?.value).toBe("≤ 10");
    // No text cell holds a raw fraction.
    expect(s.rowsOfValues().flat()).not.toContain("0.1211");
  });
});

describe("highlighting", () => {
  it("groups cells per sheet with the most severe finding winning", () => {
    const g = highlightGroups([
      f({ severity: "info" }),
      f({}),
      f({ cell: "D4", severity: "warning" }),
      f({ file: "x.xlsx" }),
    ]);
    expect([...g.get("Xã A")!.entries()]).toEqual([
      ["error", ["B3"]],
      ["warning", ["D4"]],
    ]);
  });

  it("highlights with marked conditional formats and clears only those, leaving user formatting alone", async () => {
    const wb = new FakeWorkbook({ sheets: [{ name: "Xã A", rows: rosterRows(5, 4) }] });
    const s = wb.sheet("Xã A");
    s.cell(2, 1).fmt = { "fill.color": "#00FF00" }; // the user's own fill on B3
    s.conditionalFormats.push({
      id: "{user}",
      type: "Custom",
      areas: [{ row: 0, col: 0, rows: 5, cols: 1 }],
      formula: "=A1>3",
      fill: "#123456",
    });
    const before = snapshotSheets(wb);
    const n = await highlightFindings([f({}), f({ cell: "C4", severity: "warning" })], fakeHost(wb));
    expect(n).toBe(2);
    expect(s.conditionalFormats.map((c) => c.formula)).toEqual([
      "=A1>3",
      '=N("PovertyPlanner:error")=0',
      '=N("PovertyPlanner:warning")=0',
    ]);
    expect(s.cell(2, 1).fmt).toEqual({ "fill.color": "#00FF00" }); // the cell itself untouched
    // Re-highlighting does not stack formats.
    await highlightFindings([f({})], fakeHost(wb));
    expect(s.conditionalFormats.length).toBe(2);
    const removed = await clearHighlights(["Xã A"], fakeHost(wb));
    expect(removed).toBe(1);
    expect(s.conditionalFormats.map((c) => c.id)).toEqual(["{user}"]);
    expect(snapshotSheets(wb)).toEqual(before);
  });
});

describe("selectCell", () => {
  it("activates the sheet and selects the cell", async () => {
    const wb = new FakeWorkbook({
      sheets: [
        { name: "A", rows: [[1]] },
        { name: "Xã B", rows: [[1]] },
      ],
    });
    await selectCell("Xã B", "C7", fakeHost(wb));
    expect(wb.active?.name).toBe("Xã B");
    expect(wb.selection).toEqual({ sheet: "Xã B", address: "C7" });
  });
  it("reports a deleted sheet instead of failing silently", async () => {
    const wb = new FakeWorkbook({ sheets: [{ name: "A", rows: [[1]] }] });
    await expect(selectCell("Đã xoá", "A1", fakeHost(wb))).rejects.toMatchObject({ code: "SHEET_NOT_FOUND" });
  });
});
