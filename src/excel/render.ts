/**
 * ResultTable → a plain "sheet plan": the 2-D array of cells to write (formulas as "=…"), the number
 * format of every cell, merges, styles by row role, widths, freeze panes, print setup, Excel-table
 * eligibility and data validation. Pure (no Office): the Office.js writer only replays the plan, and
 * tests can check the layout without a workbook.
 *
 * Text safety: every string cell gets the number format "@" (Text) and the format is written BEFORE the
 * values, so Excel stores user text verbatim: "=HYPERLINK(…)" typed as a household name stays text, and
 * "0123" (a household code) keeps its leading zero. Only FormulaCell entries become formulas.
 */
import type { Lang } from "../core/i18n";
import { pick } from "../core/i18n";
import { columnLetters } from "../core/address";
import type { ColumnValidation, ResultTable, TableCell } from "../core/tables/model";
import { EXCEL_NUMBER_FORMATS, isFormulaCell, tableLayout } from "../core/tables/model";
import { columnWidths, headerRowHeights, placeHeaderCells, titleFontSize, titleRowHeight } from "../xlsx/write-layout";

export interface PlanArea {
  row: number; // 0-based
  col: number;
  rows: number;
  cols: number;
}

export type RowRole = "title" | "header" | "section" | "body" | "subtotal" | "total" | "note" | "blank";

export interface SheetPlan {
  rows: number;
  cols: number;
  /** What to assign to `Range.formulas` (constants or "=formula"); "" = blank. */
  cells: (string | number | boolean)[][];
  /** `Range.numberFormat` for every cell. */
  formats: string[][];
  roles: RowRole[];
  merges: PlanArea[];
  /** Column widths in Excel character units. */
  widths: number[];
  /**
   * Row heights (points) the writer sets: title rows (sized for their font) and header rows (tall enough
   * for their longest wrapped text at these widths). Body rows are not listed (Excel's default).
   */
  rowHeights: { row: number; points: number }[];
  /** Font size of each title row, in order. */
  titleSizes: number[];
  firstHeaderRow: number; // 0-based
  headerRowCount: number;
  firstBodyRow: number; // 0-based
  bodyRowCount: number;
  freeze: { rows: number; columns: number };
  print?: { landscape: boolean; titleRows?: string };
  /** A1 address of an Excel table (header + body) when the layout fits one. */
  excelTable?: string;
  validations: { area: PlanArea; rule: ColumnValidation }[];
  /** Protect the sheet; these areas stay unlocked (input rows of templates). */
  protect?: { unlocked: PlanArea[] };
}

const TEXT = "@";

/** A cell value as written, plus its number format. */
function cellOut(cell: TableCell, columnFormat: string): [string | number | boolean, string] {
  if (cell === null || cell === undefined) return ["", columnFormat === TEXT ? TEXT : "General"];
  if (isFormulaCell(cell))
    return [`=${cell.formula.replace(/^=/, "")}`, columnFormat === TEXT ? "General" : columnFormat];
  if (typeof cell === "string") return [cell, TEXT];
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) throw new Error(`render: non-finite number ${cell} in a table cell`);
    return [cell, columnFormat === TEXT ? "General" : columnFormat];
  }
  return [cell, "General"];
}

/** Place header cells with col/row spans on a grid; returns texts per position, merges and row heights. */
function layoutHeader(
  table: ResultTable,
  lang: Lang,
  top: number,
  cols: number,
  widths: number[],
): { texts: string[][]; merges: PlanArea[]; heights: number[] } {
  const n = table.headerRows.length;
  const texts: string[][] = Array.from({ length: n }, () => new Array(cols).fill(""));
  const merges: PlanArea[] = [];
  const placements = placeHeaderCells(table.headerRows, lang, cols);
  for (const p of placements) {
    texts[p.row][p.col] = p.text;
    if (p.cols > 1 || p.rows > 1) merges.push({ row: top + p.row, col: p.col, rows: p.rows, cols: p.cols });
  }
  return { texts, merges, heights: headerRowHeights(placements, widths, n) };
}

/** Can the header + body be an Excel table? One header row, no merges, unique headers, plain body rows. */
function fitsExcelTable(table: ResultTable, headerTexts: string[][]): boolean {
  if (table.headerRows.length !== 1 || table.rows.length === 0) return false;
  if (table.headerRows[0].some((h) => (h.colSpan ?? 1) > 1 || (h.rowSpan ?? 1) > 1)) return false;
  if (table.rows.some((r) => r.kind && r.kind !== "body")) return false;
  const names = headerTexts[0].map((t) => t.trim().toLowerCase());
  return names.every((t) => t !== "") && new Set(names).size === names.length;
}

export function planSheet(table: ResultTable, lang: Lang = table.lang ?? "vi"): SheetPlan {
  const cols = Math.max(1, table.columns.length);
  const layout = tableLayout(table);
  const firstHeaderRow = layout.firstHeaderRow - 1;
  const firstBodyRow = layout.firstBodyRow - 1;
  const colFormats = table.columns.map((c) => EXCEL_NUMBER_FORMATS[c.format] ?? "General");
  const cells: (string | number | boolean)[][] = [];
  const formats: string[][] = [];
  const roles: RowRole[] = [];
  const merges: PlanArea[] = [];
  const blankRow = (role: RowRole) => {
    cells.push(new Array(cols).fill(""));
    formats.push(new Array(cols).fill("General"));
    roles.push(role);
  };
  const textRow = (text: string, role: RowRole) => {
    const row: (string | number | boolean)[] = new Array(cols).fill("");
    row[0] = text;
    cells.push(row);
    formats.push(row.map((_, i) => (i === 0 ? TEXT : "General")));
    roles.push(role);
    if (cols > 1) merges.push({ row: cells.length - 1, col: 0, rows: 1, cols });
  };

  const widths = table.columns.length > 0 ? columnWidths(table, lang) : [10];
  const totalWidth = widths.reduce((a, b) => a + b, 0);
  const rowHeights: SheetPlan["rowHeights"] = [];
  const titleSizes: number[] = [];
  table.title.forEach((t, i) => {
    const text = pick(t, lang);
    const size = titleFontSize(i);
    rowHeights.push({ row: cells.length, points: titleRowHeight(text, totalWidth, size) });
    titleSizes.push(size);
    textRow(text, "title");
  });
  while (cells.length < firstHeaderRow) blankRow("blank");

  const header = layoutHeader(table, lang, firstHeaderRow, cols, widths);
  header.heights.forEach((points, i) => rowHeights.push({ row: firstHeaderRow + i, points }));
  for (const texts of header.texts) {
    cells.push(texts.slice());
    formats.push(texts.map(() => TEXT));
    roles.push("header");
  }
  merges.push(...header.merges);

  for (const row of table.rows) {
    const outCells: (string | number | boolean)[] = [];
    const outFormats: string[] = [];
    for (let c = 0; c < cols; c++) {
      const override = row.formats?.[c];
      const colFormat = override ? EXCEL_NUMBER_FORMATS[override] : (colFormats[c] ?? "General");
      const [v, f] = cellOut(row.cells[c] ?? null, colFormat);
      outCells.push(v);
      outFormats.push(f);
    }
    cells.push(outCells);
    formats.push(outFormats);
    roles.push(row.kind ?? "body");
  }

  const inputRows = table.inputRows ?? 0;
  const inputTop = cells.length;
  for (let i = 0; i < inputRows; i++) {
    cells.push(new Array(cols).fill(""));
    formats.push(colFormats.slice());
    roles.push("body");
  }

  if (table.notes.length > 0) {
    blankRow("blank");
    for (const n of table.notes) textRow(pick(n, lang), "note");
  }

  const validations: SheetPlan["validations"] = [];
  table.columns.forEach((c, i) => {
    if (!c.validation) return;
    const top = inputRows > 0 ? inputTop : firstBodyRow;
    const rows = inputRows > 0 ? inputRows : table.rows.length;
    if (rows > 0) validations.push({ area: { row: top, col: i, rows, cols: 1 }, rule: c.validation });
  });

  const headerRowCount = table.headerRows.length;
  const plan: SheetPlan = {
    rows: cells.length,
    cols,
    cells,
    formats,
    roles,
    merges,
    widths,
    rowHeights,
    titleSizes,
    firstHeaderRow,
    headerRowCount,
    firstBodyRow,
    bodyRowCount: table.rows.length + inputRows,
    freeze: { rows: firstBodyRow, columns: table.freezeColumns ?? 0 },
    validations,
  };
  if (table.print) {
    plan.print = {
      landscape: table.print.landscape,
      titleRows:
        table.print.repeatHeader && headerRowCount > 0
          ? `$${firstHeaderRow + 1}:$${firstHeaderRow + headerRowCount}`
          : undefined,
    };
  }
  if (fitsExcelTable(table, header.texts) && inputRows === 0) {
    plan.excelTable = `A${firstHeaderRow + 1}:${columnLetters(cols - 1)}${firstBodyRow + table.rows.length}`;
  }
  if (table.protect) {
    // Input cells stay unlocked: the extra input rows, and body columns that hold no formula.
    const unlocked: PlanArea[] = inputRows > 0 ? [{ row: inputTop, col: 0, rows: inputRows, cols }] : [];
    if (table.rows.length > 0) {
      for (let c = 0; c < cols; c++) {
        if (table.rows.every((r) => !isFormulaCell(r.cells[c] ?? null) && (r.kind ?? "body") === "body")) {
          unlocked.push({ row: firstBodyRow, col: c, rows: table.rows.length, cols: 1 });
        }
      }
    }
    plan.protect = { unlocked };
  }
  return plan;
}

/** Split rows [0, total) into blocks whose JSON request size stays under `budgetBytes`. */
export function rowBlocks(
  plan: Pick<SheetPlan, "cells" | "formats">,
  budgetBytes: number,
  maxRows = 20_000,
): [number, number][] {
  const blocks: [number, number][] = [];
  let start = 0;
  let bytes = 0;
  for (let r = 0; r < plan.cells.length; r++) {
    const rowBytes = JSON.stringify(plan.cells[r]).length + JSON.stringify(plan.formats[r]).length + 2;
    if (r > start && (bytes + rowBytes > budgetBytes || r - start >= maxRows)) {
      blocks.push([start, r]);
      start = r;
      bytes = 0;
    }
    bytes += rowBytes;
  }
  if (start < plan.cells.length) blocks.push([start, plan.cells.length]);
  return blocks;
}
