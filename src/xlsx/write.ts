/**
 * ResultTable[] → ExcelJS workbook / .xlsx file. The same model the Office.js writer renders.
 *
 * - Titles (merged across the table, bold, 14/12 pt), multi-row headers with merges, borders, bold totals.
 * - Header cells wrap and are centred both ways; header and title rows get heights that fit their wrapped
 *   text for the column widths (estimate in ./write-layout.ts, shared with the Office.js renderer).
 * - Number formats from the column kind (or a per-cell override); rates are fractions shown as 0.00%.
 * - Formula cells are written as `{ formula, result }` so the file shows numbers before recalculation.
 * - Strings are always text: ExcelJS writes a JS string as a shared string even when it starts with "=".
 * - Frozen panes below the header, print setup A4 landscape fitted to width with the header repeated.
 * - Templates: data validation on `inputRows` rows, input cells unlocked, the sheet protected (no password).
 * - Files: written to a temporary file beside the target, then renamed, so a failure leaves nothing half-written;
 *   an output path equal to an input path is refused.
 */
import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import { basename, dirname, join, resolve } from "path";
import { fail } from "../core/errors";
import { pick, type Lang } from "../core/i18n";
import {
  EXCEL_NUMBER_FORMATS,
  isFormulaCell,
  tableLayout,
  type ColumnValidation,
  type NumberFormatKind,
  type ResultTable,
  type TableCell,
} from "../core/tables/model";
import { columnWidths, headerRowHeights, placeHeaderCells, titleFontSize, titleRowHeight } from "./write-layout";

export interface WriteOptions {
  /** Language of titles, headers, notes and sheet names. Default: each table's `lang`, else "vi". */
  lang?: Lang;
  /** Prefix for sheet names, e.g. "KQ - ". */
  sheetPrefix?: string;
}

export interface FileWriteOptions extends WriteOptions {
  /** Input files of the run: the output must not be one of them. */
  inputs?: string[];
}

const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF808080" } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
const TOTAL_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF2F2F2" } };
const INPUT_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFFE0" } };

/** Excel sheet names: ≤ 31 characters, none of : \ / ? * [ ], unique in the workbook (case-insensitive). */
export function safeSheetName(name: string, taken: Set<string>): string {
  const clean =
    name
      .replace(/[:\\/?*[\]]/g, "-")
      .replace(/^'+|'+$/g, "")
      .trim() || "Sheet";
  let candidate = clean.slice(0, 31);
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    candidate = clean.slice(0, 31 - suffix.length) + suffix;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

function writeValue(cell: ExcelJS.Cell, value: TableCell): void {
  if (value === null || value === undefined) return;
  if (isFormulaCell(value)) {
    const v = value.value;
    if (typeof v === "number" && !Number.isFinite(v)) {
      fail(
        "INVALID_NUMBER",
        `Giá trị tính toán không hợp lệ cho công thức ${value.formula}`,
        `Non-finite computed value for formula ${value.formula}`,
        { formula: value.formula },
      );
    }
    cell.value =
      v === null ? { formula: value.formula } : ({ formula: value.formula, result: v } as ExcelJS.CellFormulaValue);
    return;
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value))
      fail("INVALID_NUMBER", "Giá trị số không hợp lệ trong bảng", "Non-finite number in a table", { value });
    cell.value = value;
    return;
  }
  if (typeof value === "boolean") {
    cell.value = value;
    return;
  }
  // A plain string: ExcelJS stores it as a (shared) string, never as a formula, even when it starts with "=".
  cell.value = String(value);
}

function excelValidation(v: ColumnValidation, lang: Lang): ExcelJS.DataValidation {
  const common = {
    allowBlank: true,
    showErrorMessage: true,
    showInputMessage: v.prompt !== undefined,
    ...(v.prompt ? { prompt: pick(v.prompt, lang).slice(0, 255) } : {}),
    ...(v.error
      ? {
          error: pick(v.error, lang).slice(0, 255),
          errorTitle: lang === "vi" ? "Giá trị không hợp lệ" : "Invalid value",
        }
      : {}),
    errorStyle: "stop" as const,
  };
  if (v.kind === "list") {
    // Excel limits an inline list to 255 characters.
    const list = `"${v.values.map((s) => s.replace(/"/g, "")).join(",")}"`;
    if (list.length > 257)
      fail("INVALID_ARGUMENT", "Danh sách chọn quá dài cho Excel", "Drop-down list too long for Excel", {
        values: v.values,
      });
    return { type: "list", formulae: [list], ...common };
  }
  const type = v.kind === "whole" ? "whole" : "decimal";
  if (v.max === undefined) return { type, operator: "greaterThanOrEqual", formulae: [v.min], ...common };
  return { type, operator: "between", formulae: [v.min, v.max], ...common };
}

/** Render one table into a new worksheet of `wb`. Protection (async) is applied by `tablesToWorkbook`. */
export function addTableSheet(
  wb: ExcelJS.Workbook,
  table: ResultTable,
  opts: WriteOptions = {},
  taken = new Set<string>(),
): ExcelJS.Worksheet {
  const lang: Lang = opts.lang ?? table.lang ?? "vi";
  const name = safeSheetName((opts.sheetPrefix ?? "") + pick(table.sheetName, lang), taken);
  const ws = wb.addWorksheet(name);
  const layout = tableLayout(table);
  const nCols = table.columns.length;
  if (nCols === 0) fail("INVALID_ARGUMENT", `Bảng ${table.id} không có cột`, `Table ${table.id} has no columns`);

  // Columns: widths (shared with the Office.js renderer).
  const widths = columnWidths(table, lang);
  widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  const totalWidth = widths.reduce((a, b) => a + b, 0);

  // Titles: bold, larger, merged across the table, tall enough for their wrapped text.
  table.title.forEach((t, i) => {
    const row = i + 1;
    const cell = ws.getCell(row, 1);
    const text = pick(t, lang);
    const size = titleFontSize(i);
    cell.value = text;
    cell.font = { bold: true, size };
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    if (nCols > 1) ws.mergeCells(row, 1, row, nCols);
    ws.getRow(row).height = titleRowHeight(text, totalWidth, size);
  });

  // Headers: place cells like an HTML table, skipping slots taken by earlier row spans.
  const occupied = new Set<string>();
  table.headerRows.forEach((hr, r) => {
    let c = 0;
    for (const h of hr) {
      while (occupied.has(`${r}:${c}`)) c++;
      const cs = h.colSpan ?? 1;
      const rs = h.rowSpan ?? 1;
      if (c + cs > nCols || r + rs > table.headerRows.length) {
        fail(
          "INVALID_ARGUMENT",
          `Tiêu đề bảng ${table.id} vượt quá số cột/hàng`,
          `Header of table ${table.id} exceeds its columns/rows`,
          { row: r, col: c },
        );
      }
      for (let dr = 0; dr < rs; dr++) for (let dc = 0; dc < cs; dc++) occupied.add(`${r + dr}:${c + dc}`);
      const top = layout.firstHeaderRow + r;
      const cell = ws.getCell(top, c + 1);
      cell.value = pick(h.text, lang);
      if (cs > 1 || rs > 1) ws.mergeCells(top, c + 1, top + rs - 1, c + cs);
      c += cs;
    }
  });
  // Header rows: wrapped, centred both ways, each row as tall as its longest wrapped header text.
  const heights = headerRowHeights(placeHeaderCells(table.headerRows, lang, nCols), widths, table.headerRows.length);
  for (let r = layout.firstHeaderRow; r < layout.firstBodyRow; r++) {
    const row = ws.getRow(r);
    row.height = heights[r - layout.firstHeaderRow];
    for (let c = 1; c <= nCols; c++) {
      const cell = row.getCell(c);
      cell.font = { bold: true };
      cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
      cell.fill = HEADER_FILL;
      cell.border = BORDER;
      cell.protection = { locked: true };
    }
  }

  // Body.
  table.rows.forEach((tr, i) => {
    const r = layout.firstBodyRow + i;
    const row = ws.getRow(r);
    if (tr.cells.length > nCols) {
      fail(
        "INVALID_ARGUMENT",
        `Hàng ${i + 1} của bảng ${table.id} có nhiều ô hơn số cột`,
        `Row ${i + 1} of table ${table.id} has more cells than columns`,
      );
    }
    for (let c = 0; c < nCols; c++) {
      const cell = row.getCell(c + 1);
      const v = tr.cells[c] ?? null;
      writeValue(cell, v);
      const kind: NumberFormatKind = tr.formats?.[c] ?? table.columns[c].format;
      if (typeof v !== "string") cell.numFmt = EXCEL_NUMBER_FORMATS[kind];
      else cell.alignment = { wrapText: kind === "text" && (table.columns[c].width ?? 0) >= 30, vertical: "top" };
      cell.border = BORDER;
      const bold = tr.kind === "section" || tr.kind === "subtotal" || tr.kind === "total";
      if (bold) cell.font = { bold: true };
      if (tr.kind === "total" || tr.kind === "subtotal") cell.fill = TOTAL_FILL;
      cell.protection = { locked: isFormulaCell(v) || tr.kind === "section" };
    }
  });

  // Template input rows: validation, unlocked, formatted.
  // Validation covers the body rows (templates pre-fill formula cells there) and the extra input rows.
  const inputRows = table.inputRows ?? 0;
  const validFirst = layout.firstBodyRow;
  const validLast = layout.lastBodyRow + inputRows;
  if (validLast >= validFirst) {
    table.columns.forEach((c, i) => {
      const letter = ws.getColumn(i + 1).letter;
      if (c.validation) {
        (ws as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(
          `${letter}${validFirst}:${letter}${validLast}`,
          excelValidation(c.validation, lang),
        );
      }
    });
  }
  if (inputRows > 0) {
    const first = layout.lastBodyRow + 1;
    const last = first + inputRows - 1;
    table.columns.forEach((c, i) => {
      for (let r = first; r <= last; r++) {
        const cell = ws.getCell(r, i + 1);
        cell.numFmt = EXCEL_NUMBER_FORMATS[c.format];
        cell.protection = { locked: false };
        cell.border = BORDER;
        cell.fill = INPUT_FILL;
      }
    });
  }

  // Notes (footnotes: legal basis, method).
  const notesStart = inputRows > 0 ? layout.firstNoteRow + inputRows : layout.firstNoteRow;
  table.notes.forEach((n, i) => {
    const cell = ws.getCell(notesStart + i, 1);
    cell.value = pick(n, lang);
    cell.font = { italic: true, size: 10 };
  });

  // Frozen panes and print setup.
  ws.views = [
    { state: "frozen", xSplit: table.freezeColumns ?? 0, ySplit: layout.firstBodyRow - 1, topLeftCell: undefined },
  ];
  const print = table.print ?? { landscape: true, repeatHeader: true };
  ws.pageSetup = {
    paperSize: 9, // A4
    orientation: print.landscape ? "landscape" : "portrait",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    ...(print.repeatHeader ? { printTitlesRow: `${layout.firstHeaderRow}:${layout.firstBodyRow - 1}` } : {}),
  };
  ws.headerFooter = { oddFooter: lang === "vi" ? "Trang &P / &N" : "Page &P of &N" };
  return ws;
}

/** All tables into one new workbook, one sheet each (protected where the table asks). */
export async function tablesToWorkbook(
  tables: readonly ResultTable[],
  opts: WriteOptions = {},
): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Poverty Planner";
  wb.created = new Date(0); // no personal or machine data; deterministic
  wb.calcProperties = { fullCalcOnLoad: true };
  const taken = new Set<string>();
  for (const t of tables) {
    const ws = addTableSheet(wb, t, opts, taken);
    if (t.protect) {
      await ws.protect("", {
        selectLockedCells: true,
        selectUnlockedCells: true,
        formatColumns: true,
        formatRows: true,
        insertRows: true,
        deleteRows: true,
        sort: true,
        autoFilter: true,
      });
    }
  }
  return wb;
}

/** The .xlsx bytes of the tables. */
export async function writeTablesToBuffer(tables: readonly ResultTable[], opts: WriteOptions = {}): Promise<Buffer> {
  const wb = await tablesToWorkbook(tables, opts);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * Write the tables to `path` atomically (temp file beside it, then rename). Refuses to write over any
 * of `opts.inputs`. Returns the absolute path written.
 */
export async function writeTablesToFile(
  tables: readonly ResultTable[],
  path: string,
  opts: FileWriteOptions = {},
): Promise<string> {
  const target = resolve(path);
  for (const input of opts.inputs ?? []) {
    if (resolve(input) === target) {
      fail(
        "INVALID_ARGUMENT",
        `Tệp kết quả trùng với tệp đầu vào: ${path}`,
        `The output file is the same as an input file: ${path}`,
        { path },
      );
    }
  }
  const buffer = await writeTablesToBuffer(tables, opts);
  await writeFileAtomic(target, buffer);
  return target;
}

/** Write bytes to a temp file in the target's folder, then rename over the target. */
export async function writeFileAtomic(target: string, data: Buffer): Promise<void> {
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await fs.writeFile(tmp, data);
    await fs.rename(tmp, target);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
}
