/**
 * A grid is what every adapter hands the core: the used range of one sheet as plain values.
 * Office.js (`Range.values`) and ExcelJS both map onto it.
 *
 * Cell values: number | string | boolean | null (blank) | CellErrorValue (#N/A, #DIV/0! …) | Date (ExcelJS dates).
 */
export interface CellErrorValue {
  error: string; // "#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!"
}

export type CellValue = number | string | boolean | null | CellErrorValue | Date;

export interface Grid {
  /** Sheet name as the user sees it (may contain Vietnamese letters). */
  sheetName: string;
  /** Top-left cell of `values` in A1 form (usually "A1"). */
  origin: string;
  /** Rows of cell values; rows may have different lengths. */
  values: CellValue[][];
  /** Optional number format per cell (same shape as values, or missing). */
  numberFormats?: (string | null)[][];
  /** Merged areas inside the grid, as A1 ranges ("A1:D1"). */
  merges?: string[];
  /** Hidden sheet (the validator still reads it and says so). */
  hidden?: boolean;
  /** Source file, when the grid came from a file. */
  file?: string;
  /**
   * Cells the file reader could not interpret (their value in `values` is blank): each becomes a located
   * finding (CELL_UNREADABLE, or CELL_READ_AS_BLANK for a warning) when the sheet is read — never a silent "" or 0.
   */
  readIssues?: ReadIssue[];
}

/** A cell the file reader could not interpret, relative to the grid (row0/col0 from `origin`). */
export interface ReadIssue {
  row0: number;
  col0: number;
  /** "error": the value is unknown (CELL_UNREADABLE); "warning": read as blank (CELL_READ_AS_BLANK). */
  severity: "error" | "warning";
  reason: { vi: string; en: string };
  /** What the file holds, as text (for display). */
  value?: string;
}

export function isCellError(v: unknown): v is CellErrorValue {
  return typeof v === "object" && v !== null && !(v instanceof Date) && typeof (v as CellErrorValue).error === "string";
}

/**
 * Excel's error texts, as Office.js hands them in `values` (strings): the custom functions recognise an argument
 * holding one of them as that error (src/functions/normalize.ts `excelErrorOf`).
 */
export const EXCEL_ERROR_TEXTS: readonly string[] = [
  "#N/A",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
  "#GETTING_DATA",
  "#BUSY!",
  "#FIELD!",
  "#CONNECT!",
  "#BLOCKED!",
  "#UNKNOWN!",
];
