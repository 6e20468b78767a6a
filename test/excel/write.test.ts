import { FakeWorkbook } from "../support/fake-excel";
import { fakeHost, snapshotSheets } from "../support/fake-host";
import { rosterRows, summaryTable, mergedHeaderTable } from "./fixtures";
import { writeResultTables, charsToPoints } from "../../src/excel/write";
import { planSheet, rowBlocks } from "../../src/excel/render";
import { GENERATED_NAME } from "../../src/excel/marker";
import type { ResultTable } from "../../src/core/tables/model";
import { bi } from "../../src/core/i18n";

const UNITS = [
  { name: "Xã A", total: 200, poor: 16 },
  { name: "Phường B", total: 150, poor: 6 },
];

function userWorkbook(): FakeWorkbook {
  return new FakeWorkbook({
    sheets: [
      { name: "Danh sách", rows: rosterRows(50, 8) },
      { name: "Ghi chú", rows: [["Không sửa trang này"], ["=SUM(1,2)"]] },
    ],
  });
}

describe("planSheet (pure layout)", () => {
  it("places titles, a blank row, the header and the body where tableLayout says", () => {
    const p = planSheet(summaryTable(UNITS));
    expect(p.roles.slice(0, 6)).toEqual(["title", "title", "blank", "header", "body", "body"]);
    expect(p.firstHeaderRow).toBe(3);
    expect(p.firstBodyRow).toBe(4);
    expect(p.cells[4]).toEqual(["Xã A", 200, 16, "=IF(B5=0,0,ROUND(C5/B5,4))"]);
    expect(p.formats[4]).toEqual(["@", "#,##0", "#,##0", "0.00%"]);
    expect(p.excelTable).toBe("A4:D6");
    expect(p.freeze).toEqual({ rows: 4, columns: 1 });
    expect(p.print).toMatchObject({ landscape: true, paper: "A4", fitToWidth: true, titleRows: "$4:$4" });
  });
  it("lays out two-row headers with row and column spans as merges, and no Excel table", () => {
    const p = planSheet(mergedHeaderTable());
    expect(p.cells[2]).toEqual(["Đơn vị", "Hộ nghèo", ""]);
    expect(p.cells[3]).toEqual(["", "Số hộ", "Tỷ lệ"]);
    expect(p.merges).toEqual(
      expect.arrayContaining([
        { row: 2, col: 0, rows: 2, cols: 1 },
        { row: 2, col: 1, rows: 1, cols: 2 },
      ]),
    );
    expect(p.excelTable).toBeUndefined();
  });
  it("splits rows into request blocks under the byte budget", () => {
    const big = summaryTable(Array.from({ length: 3000 }, (_, i) => ({ name: `Đơn vị ${i}`, total: 100, poor: 5 })));
    const p = planSheet(big);
    const blocks = rowBlocks(p, 20_000);
    expect(blocks[0][0]).toBe(0);
    expect(blocks[blocks.length - 1][1]).toBe(p.rows);
    for (const [a, b] of blocks) {
      const bytes = JSON.stringify(p.cells.slice(a, b)).length + JSON.stringify(p.formats.slice(a, b)).length;
      expect(bytes).toBeLessThanOrEqual(20_000 + 200);
    }
  });
});

describe("writeResultTables", () => {
  it("writes a generated, marked sheet with values, formulas, formats, merges, widths, freeze panes, print setup and an Excel table", async () => {
    const wb = userWorkbook();
    const out = await writeResultTables([summaryTable(UNITS)], { host: fakeHost(wb) });
    expect(out).toEqual([{ tableId: "summary", sheetName: "KQ - Tổng hợp", replaced: false, rows: 8, columns: 4 }]);
    const s = wb.sheet("KQ - Tổng hợp");
    expect(s.names[GENERATED_NAME].comment).toContain("summary");
    expect(s.get(4, 0)).toMatchObject({ value: "Xã A", numberFormat: "@" });
    expect(s.get(4, 1)).toMatchObject({ value: 200, numberFormat: "#,##0" });
    expect(s.get(4, 3)).toMatchObject({ formula: "=IF(B5=0,0,ROUND(C5/B5,4))", numberFormat: "0.00%" });
    expect(s.merges).toContainEqual({ row: 0, col: 0, rows: 1, cols: 4 });
    expect(s.frozen).toEqual({ rows: 4, cols: 1 });
    expect(s.pageLayout).toMatchObject({ orientation: "Landscape", paperSize: "A4", printTitleRows: "$4:$4" });
    expect(s.tables).toEqual([expect.objectContaining({ address: "A4:D6", hasHeaders: true })]);
    expect(s.colWidths[0]).toBe(charsToPoints(20));
    expect(s.get(3, 0)?.fmt).toMatchObject({ "font.bold": true, "fill.color": "#DDEBF7" });
    expect(wb.active?.name).toBe("KQ - Tổng hợp");
    expect(wb.sheets.map((x) => x.name)).toEqual(["Danh sách", "Ghi chú", "KQ - Tổng hợp"]); // no temporaries left
  });

  it("wraps and centres header cells, sizes title and header rows from the plan, leaves body rows at the default", async () => {
    const wb = userWorkbook();
    const table: ResultTable = {
      ...summaryTable(UNITS),
      headerRows: [
        [
          { text: bi("Đơn vị", "Unit") },
          { text: bi("Tổng số hộ trong danh sách rà soát đầu kỳ", "Households") },
          { text: bi("Hộ nghèo", "Poor") },
          { text: bi("Tỷ lệ", "Rate") },
        ],
      ],
    };
    const plan = planSheet(table);
    const header = plan.rowHeights.find((h) => h.row === plan.firstHeaderRow)!;
    expect(header.points).toBeGreaterThanOrEqual(3 * 15); // 41 characters in a 10-wide column: several lines
    await writeResultTables([table], { host: fakeHost(wb) });
    const s = wb.sheet("KQ - Tổng hợp");
    for (let c = 0; c < 4; c++) {
      expect(s.get(3, c)?.fmt).toMatchObject({
        wrapText: true,
        verticalAlignment: "Center",
        horizontalAlignment: "Center",
        rowHeight: header.points,
      });
    }
    expect(s.get(0, 0)?.fmt).toMatchObject({
      "font.bold": true,
      "font.size": 14,
      rowHeight: plan.rowHeights[0].points,
    });
    expect(s.get(1, 0)?.fmt).toMatchObject({ "font.bold": true, "font.size": 12 });
    expect(s.get(4, 0)?.fmt?.rowHeight).toBeUndefined();
  });

  it("writes user text verbatim: '=…' stays text, '0123' keeps its zero; only FormulaCells become formulas", async () => {
    const wb = userWorkbook();
    const table: ResultTable = {
      ...summaryTable(UNITS),
      rows: [
        { cells: ['=HYPERLINK("http://evil","x")', 1, 1, { formula: "B5*2", value: 2 }] },
        { cells: ["0123", 1, 0, "+84 912"] },
        { cells: ["@SUM(A1)", 1, 0, "-5"] },
      ],
    };
    await writeResultTables([table], { host: fakeHost(wb) });
    const s = wb.sheet("KQ - Tổng hợp");
    expect(s.get(4, 0)).toMatchObject({ value: '=HYPERLINK("http://evil","x")', numberFormat: "@" });
    expect(s.get(4, 0)?.formula).toBeUndefined();
    expect(s.get(4, 3)?.formula).toBe("=B5*2");
    expect(s.get(5, 0)?.value).toBe("0123");
    expect(s.get(5, 3)?.value).toBe("+84 912");
    expect(s.get(6, 0)?.value).toBe("@SUM(A1)");
    expect(s.get(6, 3)?.value).toBe("-5");
    const formulas = [...s.cells.values()].filter((c) => c.formula).map((c) => c.formula);
    expect(formulas).toEqual(["=B5*2"]);
  });

  it("the fake would have turned that text into a formula without the text format (the test can fail)", async () => {
    const wb = userWorkbook();
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Ghi chú").getRange("C1").values = [["=1+2"]];
      await ctx.sync();
    });
    expect(wb.sheet("Ghi chú").get(0, 2)?.formula).toBe("=1+2");
  });

  it("never changes a source sheet (every cell, format and name compared before/after)", async () => {
    const wb = userWorkbook();
    const before = snapshotSheets(wb);
    await writeResultTables([summaryTable(UNITS), mergedHeaderTable()], { host: fakeHost(wb) });
    await writeResultTables([summaryTable(UNITS), mergedHeaderTable()], { host: fakeHost(wb) });
    expect(snapshotSheets(wb, Object.keys(before))).toEqual(before);
    const touched = new Set(wb.log.filter((o) => o.kind !== "load").map((o) => o.sheet));
    expect(touched.has("Danh sách")).toBe(false);
    expect(touched.has("Ghi chú")).toBe(false);
  });

  it("re-running replaces its own sheet and is idempotent", async () => {
    const wb = userWorkbook();
    await writeResultTables([summaryTable(UNITS)], { host: fakeHost(wb) });
    const first = wb.sheet("KQ - Tổng hợp").snapshot();
    const again = await writeResultTables([summaryTable(UNITS)], { host: fakeHost(wb) });
    expect(again[0]).toMatchObject({ sheetName: "KQ - Tổng hợp", replaced: true });
    expect(wb.sheets.map((x) => x.name)).toEqual(["Danh sách", "Ghi chú", "KQ - Tổng hợp"]);
    const second = wb.sheet("KQ - Tổng hợp").snapshot() as { tables: { name: string }[] };
    // Identical except the auto-generated Excel table name.
    const strip = (x: unknown) => JSON.parse(JSON.stringify(x).replace(/"Table\d+"/g, '"T"'));
    expect(strip(second)).toEqual(strip(first));
  });

  it("does not replace a user's sheet that happens to have the output name", async () => {
    const wb = userWorkbook();
    wb.addSheetWithRows("KQ - Tổng hợp", [["của người dùng"]]);
    const before = wb.sheet("KQ - Tổng hợp").snapshot();
    const out = await writeResultTables([summaryTable(UNITS)], { host: fakeHost(wb) });
    expect(out[0].sheetName).toBe("KQ - Tổng hợp (2)");
    expect(wb.sheet("KQ - Tổng hợp").snapshot()).toEqual(before);
  });

  it("cleans up after a failure midway: no half-written sheet, previous output intact, error mapped", async () => {
    const wb = userWorkbook();
    await writeResultTables([summaryTable(UNITS)], { host: fakeHost(wb) });
    const sheetsBefore = wb.sheets.map((x) => x.name);
    const previous = snapshotSheets(wb);
    let seen = 0;
    wb.failWhen = (op) => (op.kind === "set.formulas" && ++seen === 2 ? "GeneralException" : undefined);
    const err = await writeResultTables([summaryTable(UNITS), mergedHeaderTable()], { host: fakeHost(wb) }).catch(
      (e) => e,
    );
    wb.failWhen = undefined;
    expect(err.code).toBe("OFFICE_ERROR");
    expect(err.officeCode).toBe("GeneralException");
    expect(err.messageVi).toMatch(/Excel báo lỗi/);
    expect(wb.sheets.map((x) => x.name)).toEqual(sheetsBefore);
    expect(snapshotSheets(wb)).toEqual(previous);
  });

  it("cleans up when the failure happens in the styling pass or the final swap", async () => {
    for (const kind of ["tables.add", "worksheet.rename"]) {
      const wb = userWorkbook();
      const before = wb.sheets.map((x) => x.name);
      wb.failWhen = (op) => (op.kind === kind ? "InvalidArgument" : undefined);
      const err = await writeResultTables([summaryTable(UNITS)], { host: fakeHost(wb) }).catch((e) => e);
      wb.failWhen = undefined;
      expect(err.code).toBe("INVALID_ARGUMENT");
      expect(wb.sheets.map((x) => x.name)).toEqual(before);
    }
  });

  it("can be cancelled while writing and leaves nothing behind", async () => {
    const wb = userWorkbook();
    const ac = new AbortController();
    const big = summaryTable(Array.from({ length: 2000 }, (_, i) => ({ name: `Đơn vị ${i}`, total: 100, poor: 5 })));
    const err = await writeResultTables([big], {
      host: fakeHost(wb),
      budgetBytes: 10_000,
      signal: ac.signal,
      onProgress: (p) => {
        if (p.rowsWritten > 0) ac.abort();
      },
    }).catch((e) => e);
    expect(err.code).toBe("CANCELLED");
    expect(wb.sheets.map((x) => x.name)).toEqual(["Danh sách", "Ghi chú"]);
  });

  it("keeps every write request under the budget for large outputs", async () => {
    const wb = userWorkbook();
    const big = summaryTable(
      Array.from({ length: 5000 }, (_, i) => ({ name: `Hộ gia đình số ${i}`, total: 100 + i, poor: i % 7 })),
    );
    await writeResultTables([big], { host: fakeHost(wb), budgetBytes: 100_000 });
    const writes = wb.stats.filter((s) => s.cellsWritten > 0);
    expect(writes.length).toBeGreaterThan(3);
    for (const s of writes) expect(s.requestBytes).toBeLessThan(100_000 * 1.2);
    expect(wb.sheet("KQ - Tổng hợp").get(5003, 0)?.value).toBe("Hộ gia đình số 4999");
  });

  it("adds a native chart of rates by unit when asked", async () => {
    const wb = userWorkbook();
    await writeResultTables([summaryTable(UNITS)], {
      host: fakeHost(wb),
      charts: [
        {
          tableId: "summary",
          title: bi("Tỷ lệ hộ nghèo", "Poverty rate"),
          categoryColumn: "unit",
          valueColumns: ["rate"],
        },
      ],
    });
    const chart = wb.sheet("KQ - Tổng hợp").charts[0];
    expect(chart).toMatchObject({ type: "ColumnClustered", source: "D5:D6", title: "Tỷ lệ hộ nghèo" });
    expect(chart.series[0]).toMatchObject({ name: "Tỷ lệ", xValues: "A5:A6" });
  });

  it("writes English titles and headers when asked", async () => {
    const wb = userWorkbook();
    const out = await writeResultTables([summaryTable(UNITS)], { host: fakeHost(wb), lang: "en" });
    expect(out[0].sheetName).toBe("KQ - Summary");
    expect(wb.sheet("KQ - Summary").get(3, 1)?.value).toBe("Households");
  });

  it("writes template validation, unlocked input rows and protection", async () => {
    const wb = userWorkbook();
    const t: ResultTable = {
      id: "template",
      sheetName: bi("Mẫu danh sách hộ", "Roster template"),
      title: [bi("DANH SÁCH HỘ", "ROSTER")],
      headerRows: [
        [{ text: bi("Mã hộ", "Id") }, { text: bi("Khu vực", "Area") }, { text: bi("Nhân khẩu", "Members") }],
      ],
      columns: [
        { key: "id", header: bi("Mã hộ", "Id"), format: "text" },
        {
          key: "area",
          header: bi("Khu vực", "Area"),
          format: "text",
          validation: { kind: "list", values: ["Thành thị", "Nông thôn"] },
        },
        {
          key: "m",
          header: bi("Nhân khẩu", "Members"),
          format: "integer",
          validation: { kind: "whole", min: 1, error: bi("Số nguyên ≥ 1", "Whole number ≥ 1") },
        },
      ],
      rows: [],
      notes: [],
      inputRows: 20,
      protect: true,
    };
    await writeResultTables([t], { host: fakeHost(wb) });
    const s = wb.sheet("KQ - Mẫu danh sách hộ");
    expect(s.get(3, 1)?.validation?.rule).toEqual({ list: { inCellDropDown: true, source: "Thành thị,Nông thôn" } });
    expect(s.get(22, 2)?.validation?.rule).toEqual({ wholeNumber: { formula1: 1, operator: "GreaterThanOrEqualTo" } });
    expect(s.get(3, 0)?.fmt?.["protection.locked"]).toBe(false);
    expect(s.protected).toBe(true);
  });
});
