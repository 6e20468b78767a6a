/**
 * Tables are data. A ResultTable is rendered by src/xlsx (ExcelJS) and src/excel (Office.js) alike.
 * Computed cells carry a native Excel formula (built-in functions only — never POVERTY.*) AND the
 * value the core computed, so a file shows numbers before recalculation and a test can compare the
 * two after LibreOffice recalculates.
 *
 * Coordinates: formulas are written against the sheet as rendered. The renderer places the table at
 * `anchor` (default A1): title rows first, then header rows, then body rows, then totals rows, then notes.
 * Use `tableLayout(table)` to know which sheet row each part lands on when building formulas.
 */
import type { Bilingual, Lang } from "../i18n";
import { columnLetters } from "../address";
import type { TableFrame } from "./frame";

export type NumberFormatKind =
  "integer" | "decimal" | "decimal3" | "decimal4" | "percent" | "percent1" | "vnd" | "text" | "date";

export interface ColumnSpec {
  key: string;
  header: Bilingual;
  /** Column number format kind; writers map it to Excel formats ("#,##0", "0.00%", …). */
  format: NumberFormatKind;
  /**
   * Width in Excel character units: the least the column gets; writers widen it to fit its content on one line
   * (text up to a limit, then it wraps).
   */
  width?: number;
  /** Templates: Excel data validation for the input cells of this column. */
  validation?: ColumnValidation;
  /**
   * A dimension column (e.g. the service an indicator belongs to): consecutive body rows with the same text are
   * merged into one cell showing the name once.
   */
  mergeRepeats?: boolean;
  /** Horizontal alignment of the body cells (default: the application's, text left and numbers right). */
  align?: "left" | "center" | "right";
}

/**
 * Excel data validation of a template column. Lists are shown as drop-downs; numbers are whole or
 * decimal and at least `min`. `prompt`/`error` are shown by Excel when the cell is selected / rejected.
 */
export type ColumnValidation =
  | { kind: "list"; values: string[]; prompt?: Bilingual; error?: Bilingual }
  | { kind: "whole"; min: number; max?: number; prompt?: Bilingual; error?: Bilingual }
  | { kind: "decimal"; min: number; max?: number; prompt?: Bilingual; error?: Bilingual };

/**
 * Excel number formats per kind. Excel shows "#,##0" with the reader's locale separators, so a
 * Vietnamese Excel shows 1.500.000 and 7,97% from these same codes.
 */
export const EXCEL_NUMBER_FORMATS: Record<NumberFormatKind, string> = {
  integer: "#,##0",
  decimal: "#,##0.00",
  decimal3: "0.000",
  decimal4: "0.0000",
  percent: "0.00%",
  percent1: "0.0%",
  vnd: "#,##0",
  text: "@",
  date: "dd/mm/yyyy",
};

/** A formula cell: `formula` without the leading "=", e.g. "SUM(D8:D20)". */
export interface FormulaCell {
  formula: string;
  value: number | string | null;
}

/** A cell: plain value, or a formula with its computed value. Strings are ALWAYS written as text. */
export type TableCell = number | string | boolean | null | FormulaCell;

export interface HeaderCell {
  text: Bilingual;
  /** Column span and row span inside the header block (merges). Default 1×1. */
  colSpan?: number;
  rowSpan?: number;
}

export interface TableRow {
  cells: TableCell[];
  /** Visual role: section heading ("I. Thành thị"), body row, subtotal, grand total. */
  kind?: "section" | "body" | "subtotal" | "total";
  /** Per-cell number format overrides (same index as cells; undefined = the column's format). */
  formats?: (NumberFormatKind | undefined)[];
}

export interface ResultTable {
  /** Stable id of the generator, e.g. "form1-results", "targets". Used for sheet naming and tests. */
  id: string;
  /** Sheet name to write (≤ 31 chars, product-owned; prefix "KQ - " is added by writers when asked). */
  sheetName: Bilingual;
  /** Title rows above the header (form name, unit, year). */
  title: Bilingual[];
  /** Header rows: each row is a list of header cells; spans describe merges. */
  headerRows: HeaderCell[][];
  columns: ColumnSpec[];
  rows: TableRow[];
  /** Notes below the table: legal basis footnote, method statements. */
  notes: Bilingual[];
  /** Freeze panes below the header and right of this many columns. */
  freezeColumns?: number;
  /** Print: A4 landscape, repeat header rows. */
  print?: { landscape: boolean; repeatHeader: boolean };
  /** Language the body strings were written in; writers pick titles/headers/notes in it by default. */
  lang?: Lang;
  /**
   * Templates: how many rows below the body (or below the header when there are no rows) get the
   * columns' data validation and stay unlocked for input. Default 0.
   */
  inputRows?: number;
  /** Templates: protect the sheet (no password) so formula cells are locked; input cells stay unlocked. */
  protect?: boolean;
  /**
   * Input cells above the header that the table's formulas reference (e.g. the annual reduction of a multi-year
   * path): one row each, a label and the value in column `parameterColumn`. Editing one recalculates the table.
   */
  parameters?: TableParameter[];
  /** 0-based column of the parameters' values (default 2, column C). */
  parameterColumn?: number;
  /**
   * The administrative frame (issuing body and motto block, form number, unit of measure, place and date,
   * signatures) around the table; see ./frame.ts. Absent: the table alone (e.g. a list for machines).
   */
  frame?: TableFrame;
}

/** An input cell of a table (see ResultTable.parameters). */
export interface TableParameter {
  key: string;
  label: Bilingual;
  value: number;
  format: NumberFormatKind;
}

export interface TableLayout {
  /** 1-based sheet row of the first header row, first body row, and the row after the last body row. */
  firstHeaderRow: number;
  firstBodyRow: number;
  lastBodyRow: number;
  firstNoteRow: number;
  /** 1-based sheet row of the first parameter row (when the table has parameters). */
  firstParameterRow: number;
}

/** Rows of the frame above the title: issuing body and motto (2 rows), form number and its source (2 rows). */
export const FRAME_HEAD_ROWS = 4;

/**
 * Where each part of the table lands when rendered at A1. Without a frame: the title rows, one blank row, the
 * parameter rows and a blank row (when there are parameters), the header. With a frame (./frame.ts): the frame's
 * head rows, one blank row, the title rows, the parameter rows and a blank row (when any), the "Đơn vị tính" row,
 * the header. The frame's size never depends on what the planner filled in, so formulas never move.
 */
export function tableLayout(
  table: Pick<ResultTable, "title" | "headerRows" | "rows" | "frame" | "parameters">,
): TableLayout {
  const t = table.title.length;
  const p = table.parameters?.length ?? 0;
  const params = p > 0 ? p + 1 : 0;
  const firstParameterRow = table.frame ? 1 + FRAME_HEAD_ROWS + 1 + t : 1 + t + (t > 0 ? 1 : 0);
  const firstHeaderRow = firstParameterRow + params + (table.frame ? 1 : 0);
  const firstBodyRow = firstHeaderRow + table.headerRows.length;
  const lastBodyRow = firstBodyRow + table.rows.length - 1;
  return { firstHeaderRow, firstBodyRow, lastBodyRow, firstNoteRow: lastBodyRow + 2, firstParameterRow };
}

/** Absolute A1 reference ("$C$8") of a table parameter's input cell. */
export function parameterRef(
  table: Pick<ResultTable, "title" | "headerRows" | "rows" | "frame" | "parameters" | "parameterColumn">,
  key: string,
): string {
  const i = (table.parameters ?? []).findIndex((p) => p.key === key);
  if (i < 0) throw new Error(`tables: unknown parameter "${key}"`);
  return `$${columnLetters(table.parameterColumn ?? 2)}$${tableLayout(table).firstParameterRow + i}`;
}

export function isFormulaCell(c: TableCell): c is FormulaCell {
  return typeof c === "object" && c !== null && "formula" in c;
}

/** Column letter of a column key in a table ("D"); throws a programming error for an unknown key. */
export function columnLetterOf(columns: readonly Pick<ColumnSpec, "key">[], key: string): string {
  const i = columns.findIndex((c) => c.key === key);
  if (i < 0) throw new Error(`tables: unknown column key "${key}"`);
  return columnLetters(i);
}

/** A formula cell; `formula` is written without the leading "=". */
export function formulaCell(formula: string, value: number | string | null): FormulaCell {
  return { formula: formula.startsWith("=") ? formula.slice(1) : formula, value };
}
