/**
 * Every generated form is a document a commune can sign and send: the administrative frame (issuing body, national
 * motto, form number and its source, title, "Đơn vị tính", notes, place and date, signature blocks) in the cells
 * where the plan puts them, in the .xlsx file (ExcelJS) and in the Office.js writer's output; A4 landscape print
 * setup; and no text cell wider than its column unless it wraps in a row tall enough for it.
 */
import ExcelJS from "exceljs";
import { PRODUCT_FORM_NUMBERS, type FrameOptions } from "../../src/core";
import { pick, type Lang } from "../../src/core/i18n";
import { estimateLines, LINE_PT, textWidth, TEXT_FACTOR, CHAR_FACTOR } from "../../src/core/tables/layout";
import { tableLayout, type ResultTable } from "../../src/core/tables/model";
import { FORM_FONT, frameSplit, planSheet, placeAndDate } from "../../src/core/tables/plan";
import { writeResultTables } from "../../src/excel/write";
import { writeTablesToBuffer } from "../../src/xlsx/write";
import { FakeWorkbook } from "../support/fake-excel";
import { fakeHost } from "../support/fake-host";
import { allProductTables } from "../support/product-tables";

jest.setTimeout(120_000);

const FRAME: FrameOptions = {
  parent: "UBND tỉnh Quảng Trị",
  issuer: "UBND xã Bình Điền",
  place: "Bình Điền",
  date: "2027-01-05",
};

async function workbookOf(tables: ResultTable[], lang: Lang): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await writeTablesToBuffer(tables, { lang })) as unknown as ArrayBuffer);
  return wb;
}

/** Text of a cell (master of its merge), "" when blank. */
function text(ws: ExcelJS.Worksheet, row: number, col: number): string {
  const v = ws.getCell(row, col).value;
  return v === null || v === undefined ? "" : typeof v === "object" ? "" : String(v);
}

/** The row (1-based) whose first-or-right block holds exactly `needle`, searching from `from`. */
function findRow(ws: ExcelJS.Worksheet, needle: string, from = 1): number {
  for (let r = from; r <= ws.rowCount; r++)
    for (let c = 1; c <= ws.columnCount; c++) if (text(ws, r, c) === needle) return r;
  return -1;
}

/** Working lists that are not documents to sign and send (findings to fix go back to the unit that sent the data). */
const NOT_FORMS = new Set(["sponsors-checks"]);

describe.each(["vi", "en"] as const)("every generated form has the administrative frame (%s)", (lang) => {
  const tables = allProductTables(lang, FRAME).filter((t) => !NOT_FORMS.has(t.id));
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = await workbookOf(tables, lang);
  });

  test("the product's forms are all here, each with a product form number (never an invented official one)", () => {
    expect(tables.map((t) => t.id).sort()).toEqual(Object.keys(PRODUCT_FORM_NUMBERS).sort());
    expect(
      allProductTables(lang, FRAME)
        .filter((t) => !t.frame)
        .map((t) => t.id),
    ).toEqual([...NOT_FORMS]);
    for (const t of tables) {
      expect(t.frame).toBeDefined();
      expect(t.frame!.form.official).toBe(false);
      expect(pick(t.frame!.form.number, "vi")).toBe(`Biểu PP-${PRODUCT_FORM_NUMBERS[t.id]}`);
      expect(pick(t.frame!.form.source, "vi")).toContain("không phải số hiệu biểu ban hành kèm văn bản");
    }
  });

  test.each(allProductTables(lang, FRAME).flatMap((t) => (NOT_FORMS.has(t.id) ? [] : [[t.id, t] as const])))(
    "%s: issuing body, motto, form number, title, unit, header, notes, place and date, signatures",
    (_id, table) => {
      const ws = wb.worksheets[tables.findIndex((t) => t.id === table.id)];
      const plan = planSheet(table, lang);
      const right = frameSplit(plan.widths) + 1; // first column of the right block (1-based)
      const layout = tableLayout(table);
      const vi = lang === "vi";
      // Head: parent and issuing body (upper case) at the left, the national name and motto at the right.
      expect(text(ws, 1, 1)).toBe("UBND TỈNH QUẢNG TRỊ");
      expect(text(ws, 2, 1)).toBe("UBND XÃ BÌNH ĐIỀN");
      expect(ws.getCell(2, 1).font).toMatchObject({ bold: true, underline: true, name: FORM_FONT });
      expect(text(ws, 1, right)).toBe(vi ? "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" : "SOCIALIST REPUBLIC OF VIET NAM");
      expect(text(ws, 2, right)).toBe(vi ? "Độc lập - Tự do - Hạnh phúc" : "Independence - Freedom - Happiness");
      expect(ws.getCell(2, right).font).toMatchObject({ bold: true, underline: true });
      expect(text(ws, 3, 1)).toBe(pick(table.frame!.form.number, lang));
      expect(text(ws, 4, 1)).toBe(pick(table.frame!.form.source, lang));
      // Title rows, then the unit of measure right above the header.
      const firstTitle = 6;
      table.title.forEach((t, i) => expect(text(ws, firstTitle + i, 1)).toBe(pick(t, lang)));
      expect(text(ws, layout.firstHeaderRow - 1, right)).toBe(
        `${vi ? "Đơn vị tính" : "Unit"}: ${pick(table.frame!.unitOfMeasure, lang)}`,
      );
      // The header starts where tableLayout says (formulas were written against it).
      const firstHeader = pick(table.headerRows[0][0].text, lang);
      expect(text(ws, layout.firstHeaderRow, 1)).toBe(firstHeader);
      // Notes, merged across the table and wrapped.
      const notesHead =
        table.notes.length > 0 ? findRow(ws, vi ? "Ghi chú:" : "Notes:", layout.firstBodyRow) : layout.lastBodyRow;
      expect(notesHead).toBeGreaterThanOrEqual(layout.lastBodyRow);
      table.notes.forEach((n, i) => {
        expect(text(ws, notesHead + 1 + i, 1)).toBe(pick(n, lang));
        expect(ws.getCell(notesHead + 1 + i, 1).alignment).toMatchObject({ wrapText: true });
        expect(ws.getCell(notesHead + 1 + i, plan.cols).isMerged).toBe(true);
      });
      // Place and date, then the two signature blocks.
      const date = findRow(ws, placeAndDate(FRAME, lang), notesHead);
      expect(date).toBeGreaterThan(notesHead + table.notes.length);
      expect(text(ws, date, right)).toBe(vi ? "Bình Điền, ngày 05 tháng 01 năm 2027" : "Bình Điền, 5 January 2027");
      expect(text(ws, date + 1, 1)).toBe(vi ? "NGƯỜI LẬP BIỂU" : "PREPARED BY");
      expect(text(ws, date + 1, right)).toBe(vi ? "THỦ TRƯỞNG ĐƠN VỊ" : "HEAD OF UNIT");
      expect(text(ws, date + 2, 1)).toBe(vi ? "(Ký, ghi rõ họ tên)" : "(Signature and full name)");
      expect(text(ws, date + 2, right)).toBe(vi ? "(Ký, ghi rõ họ tên, đóng dấu)" : "(Signature, full name and seal)");
      expect(ws.getRow(date + 3).height).toBeGreaterThanOrEqual(60); // room to sign and stamp
      // Print: A4 landscape, fitted to the width, the header repeated on every page.
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1 });
      expect(ws.pageSetup.printTitlesRow).toBe(
        `${layout.firstHeaderRow}:${layout.firstHeaderRow + table.headerRows.length - 1}`,
      );
    },
  );

  test("no text cell is wider than its column: it fits on one line, or it wraps in a row tall enough", () => {
    const problems: string[] = [];
    tables.forEach((table, i) => {
      const ws = wb.worksheets[i];
      const plan = planSheet(table, lang);
      const width = (c0: number, cols: number) => plan.widths.slice(c0, c0 + cols).reduce((a, b) => a + b, 0);
      const mergeOf = new Map(plan.merges.map((m) => [`${m.row}:${m.col}`, m]));
      const covered = new Set<string>();
      for (const m of plan.merges)
        for (let r = m.row; r < m.row + m.rows; r++)
          for (let c = m.col; c < m.col + m.cols; c++) if (r !== m.row || c !== m.col) covered.add(`${r}:${c}`);
      ws.eachRow((row, r) =>
        row.eachCell((cell, c) => {
          const v = cell.value;
          if (typeof v !== "string" || v === "" || covered.has(`${r - 1}:${c - 1}`)) return;
          const m = mergeOf.get(`${r - 1}:${c - 1}`);
          const w = m ? width(m.col, m.cols) : plan.widths[c - 1];
          // The cell's declared width in the file is the plan's.
          const declared = ws.getColumn(c).width ?? 0;
          if (Math.abs(declared - plan.widths[c - 1]) > 0.05)
            problems.push(`${ws.name} column ${c}: width ${declared} in the file, ${plan.widths[c - 1]} planned`);
          const bold = Boolean(cell.font?.bold);
          const size = cell.font?.size ?? 11;
          const scaled = w / (size / 11);
          const fits = textWidth(v, bold ? CHAR_FACTOR : TEXT_FACTOR) <= scaled;
          if (fits) return;
          if (!cell.alignment?.wrapText) {
            problems.push(`${ws.name}!${cell.address} "${v}" needs ${textWidth(v)} > ${w} and does not wrap`);
            return;
          }
          // A wrapped cell has a row (or merged rows) tall enough for its lines: Excel keeps stored heights.
          let height = 0;
          for (let k = 0; k < (m?.rows ?? 1); k++) height += ws.getRow(r + k).height ?? 0;
          const need = estimateLines(v, scaled, bold ? CHAR_FACTOR : TEXT_FACTOR) * LINE_PT * (size / 11);
          if (height < need)
            problems.push(`${ws.name}!${cell.address} "${v.slice(0, 40)}…" needs ${need} pt, has ${height}`);
        }),
      );
    });
    expect(problems).toEqual([]);
  });
});

describe("the frame's details", () => {
  test("missing details print as dotted lines to fill in by hand; the frame keeps its rows", async () => {
    const [withDetails] = allProductTables("vi", FRAME);
    const [blank] = allProductTables("vi");
    expect(tableLayout(blank)).toEqual(tableLayout(withDetails)); // formulas never move with the details
    const ws = (await workbookOf([blank], "vi")).worksheets[0];
    const right = frameSplit(planSheet(blank, "vi").widths) + 1;
    expect(text(ws, 1, 1)).toMatch(/^…+$/);
    expect(text(ws, 1, right)).toBe("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(findRow(ws, "……………………, ngày …… tháng …… năm ……")).toBeGreaterThan(tableLayout(blank).lastBodyRow);
  });

  test("only an issuer: it takes the first line, next to the national name; the head's title and names print", () => {
    const [t] = allProductTables("vi", {
      issuer: "Ban Chỉ đạo giảm nghèo xã",
      headTitle: "TM. Ủy ban nhân dân\nChủ tịch",
      preparer: "Trần Thị B",
      head: "Nguyễn Văn A",
    });
    const plan = planSheet(t, "vi");
    const right = frameSplit(plan.widths);
    expect(plan.cells[0][0]).toBe("BAN CHỈ ĐẠO GIẢM NGHÈO XÃ");
    expect(plan.cells[1][0]).toBe("");
    const sign = plan.cells.findIndex((row) => row[0] === "NGƯỜI LẬP BIỂU");
    expect(plan.cells[sign][right]).toBe("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH");
    expect(plan.cells[plan.rows - 1][0]).toBe("Trần Thị B");
    expect(plan.cells[plan.rows - 1][right]).toBe("Nguyễn Văn A");
    // A two-line signature title gets a row tall enough for both lines.
    expect(plan.rowHeights.find((h) => h.row === sign)!.points).toBeGreaterThanOrEqual(2 * LINE_PT);
  });

  test("place and date: leading zeros for days below 10 and for January and February (Decree 30/2020)", () => {
    expect(placeAndDate({ place: "Bình Điền", date: "2026-12-15" }, "vi")).toBe("Bình Điền, ngày 15 tháng 12 năm 2026");
    expect(placeAndDate({ place: "Bình Điền", date: "2026-02-03" }, "vi")).toBe("Bình Điền, ngày 03 tháng 02 năm 2026");
    expect(placeAndDate({ place: "Bình Điền", date: "2026-03-09" }, "vi")).toBe("Bình Điền, ngày 09 tháng 3 năm 2026");
    expect(placeAndDate(undefined, "vi")).toBe("……………………, ngày …… tháng …… năm ……");
  });

  test("the Office.js writer replays the same plan: frame texts, merges, font, heights, print fit", async () => {
    const table = allProductTables("vi", FRAME).find((t) => t.id === "targets-path")!;
    const plan = planSheet(table, "vi");
    const wb = new FakeWorkbook({ sheets: [{ name: "Dữ liệu", rows: [["x"]] }] });
    const [written] = await writeResultTables([table], { host: fakeHost(wb) });
    const s = wb.sheet(written.sheetName);
    const right = frameSplit(plan.widths);
    expect(s.get(0, 0)?.value).toBe("UBND TỈNH QUẢNG TRỊ");
    expect(s.get(1, right)?.value).toBe("Độc lập - Tự do - Hạnh phúc");
    expect(s.get(1, right)?.fmt).toMatchObject({ "font.bold": true, "font.underline": "Single" });
    expect(s.get(0, 0)?.fmt).toMatchObject({ "font.name": FORM_FONT });
    for (const m of plan.merges) expect(s.merges).toContainEqual(m);
    const sign = plan.cells.findIndex((row) => row[0] === "NGƯỜI LẬP BIỂU");
    expect(s.get(sign, right)?.value).toBe("THỦ TRƯỞNG ĐƠN VỊ");
    expect(s.pageLayout).toMatchObject({
      orientation: "Landscape",
      paperSize: "A4",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: plan.print.fitToHeight },
    });
    // The path's inputs are written as numbers, formatted, and referenced by the formulas.
    const pr = tableLayout(table).firstParameterRow - 1;
    expect(s.get(pr + 2, 2)).toMatchObject({ value: 0.015, numberFormat: "0.00%" });
  });
});
