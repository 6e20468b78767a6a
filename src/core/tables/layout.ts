/**
 * Text measurement for rendered tables: column widths, wrapped lines and row heights. Used by the sheet plan
 * (./plan.ts) that both writers replay (ExcelJS: src/xlsx/write.ts; Office.js: src/excel/write.ts).
 * Pure: no Node, no Office, no DOM.
 *
 * Excel does not grow a row for wrapped text in merged cells, and a file written by a program has no auto-fitted
 * heights for them, so merged rows (frame, titles, notes, headers) are sized here from an estimate of the wrapped
 * lines:
 *
 *   lines(text, width) = the text's words greedily packed into lines of `width / factor` characters
 *                        (a word longer than a line takes ceil(len × factor / width) lines),
 *   which for running text is ≈ ceil(chars × factor / width).
 *
 * `width` is in Excel character units (the width of the digit "0" of the body font; a column's width, or the sum
 * of the widths a merged cell spans); `factor` allows for bold text and capitals (CHAR_FACTOR ≈ 1.1) or plain text
 * (TEXT_FACTOR = 1). A row is then `lines × LINE_PT × size/11 + PAD_PT` points high; a cell spanning several rows
 * spreads what it still needs over the rows it spans. Body rows that are not merged are left to the application's
 * own auto-fit (Excel and LibreOffice size rows with wrapped text when the row has no explicit height).
 */
import { pick, type Lang } from "../i18n";
import type { HeaderCell, NumberFormatKind, ResultTable, TableCell } from "./model";
import { isFormulaCell } from "./model";

/** Width allowance for bold text (Excel width units are "0" digits of the body font). */
export const CHAR_FACTOR = 1.08;
/** Character-width allowance for plain body text. */
export const TEXT_FACTOR = 1;
/** Points per line of 11 pt text. */
export const LINE_PT = 15;
/** Extra points per header row (cell padding and borders). */
export const PAD_PT = 3;
/** Excel's default row height (points) for 11 pt text. */
export const DEFAULT_ROW_PT = 15;
/** Font sizes of the title rows: the first (form name) and the following ones (scope, standard). */
export const TITLE_SIZES = [14, 12] as const;
/** Widest a column grows to fit its content (character units); longer text wraps. */
export const MAX_CONTENT_WIDTH = 40;
/** Narrowest column the content rule gives (explicit widths may be narrower, e.g. a "TT" column). */
export const MIN_WIDTH = 6;

/** A header cell placed in the header block (0-based, relative to the first header row). */
export interface HeaderPlacement {
  row: number;
  col: number;
  rows: number;
  cols: number;
  text: string;
}

/**
 * Place header cells like an HTML table: each cell takes the next free column of its row, skipping slots
 * taken by row spans from above. Spans are clamped to the block; cells beyond the last column are dropped
 * (the ExcelJS writer rejects such tables before calling this).
 */
export function placeHeaderCells(
  headerRows: readonly (readonly HeaderCell[])[],
  lang: Lang,
  nCols: number,
): HeaderPlacement[] {
  const n = headerRows.length;
  const taken: boolean[][] = Array.from({ length: n }, () => new Array(nCols).fill(false));
  const out: HeaderPlacement[] = [];
  headerRows.forEach((hrow, r) => {
    let c = 0;
    for (const h of hrow) {
      while (c < nCols && taken[r][c]) c++;
      if (c >= nCols) break;
      const cols = Math.max(1, Math.min(h.colSpan ?? 1, nCols - c));
      const rows = Math.max(1, Math.min(h.rowSpan ?? 1, n - r));
      for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) taken[r + i][c + j] = true;
      out.push({ row: r, col: c, rows, cols, text: pick(h.text, lang) });
      c += cols;
    }
  });
  return out;
}

/**
 * Width of one character in Excel width units (the digit "0" of the body font = 1), for Times New Roman / Calibri
 * alike and on the safe side: capitals and m/w are wider than a digit, i/l/t/f/r and punctuation narrower, a space
 * half; combining marks (decomposed Vietnamese diacritics) take none.
 */
export function charUnits(ch: string): number {
  return unitsOfCode(ch.codePointAt(0) ?? 0);
}

const NARROW = new Set([..."iljtfr.,;:!'|()[]"].map((c) => c.codePointAt(0)!));
const WIDE = new Set([..."mwMW"].map((c) => c.codePointAt(0)!));
/** Widths of the first 0x2000 code points, filled on first use (ASCII, Latin and Vietnamese letters). */
const UNITS = new Float64Array(0x2000).fill(-1);

function unitsOfCode(code: number): number {
  if (code < 0x2000 && UNITS[code] >= 0) return UNITS[code];
  let u: number;
  if (code >= 0x300 && code <= 0x36f) u = 0;
  else if (code === 0x20) u = 0.5;
  else if (code >= 0x30 && code <= 0x39) u = 1;
  else if (NARROW.has(code)) u = 0.6;
  else if (WIDE.has(code)) u = 1.6;
  else {
    const ch = String.fromCodePoint(code);
    if (ch !== ch.toLowerCase())
      u = 1.4; // a capital (Vietnamese capitals included)
    else if (ch !== ch.toUpperCase())
      u = 0.92; // a lower-case letter
    else u = 1.1; // other signs: %, —, …, ×, ÷
  }
  if (code < 0x2000) UNITS[code] = u;
  return u;
}

/** Width of `text` on one line in Excel width units; bold text is ≈ 8 % wider. */
export function textUnits(text: string, bold = false): number {
  let u = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Surrogate pairs (outside the BMP) count once, as a wide sign.
    if (code >= 0xd800 && code <= 0xdbff) {
      u += 1.1;
      i++;
    } else u += unitsOfCode(code);
  }
  return bold ? u * 1.08 : u;
}

/**
 * Estimated number of lines `text` wraps to in a cell `widthChars` wide (≥ 1; explicit "\n" respected): words
 * packed greedily by their width (`textUnits`), a word wider than a line broken by character. `factor` scales
 * every width (CHAR_FACTOR for bold headers, TEXT_FACTOR for plain text).
 */
export function estimateLines(text: string, widthChars: number, factor = CHAR_FACTOR): number {
  const perLine = Math.max(1, widthChars - 1) / factor; // usable width after the cell's padding
  let lines = 0;
  for (const para of text.split(/\r?\n/)) {
    const words = para.split(/\s+/).filter((w) => w.length > 0);
    if (words.length === 0) {
      lines += 1;
      continue;
    }
    let used = 0; // width on the current line
    let paraLines = 1;
    for (const w of words) {
      const ww = textUnits(w);
      if (ww > perLine) {
        // A word longer than a line is broken by character; it starts on a fresh line unless the line is empty.
        if (used > 0) paraLines++;
        const wordLines = Math.ceil(ww / perLine);
        paraLines += wordLines - 1;
        used = ww - (wordLines - 1) * perLine;
        continue;
      }
      const need = used === 0 ? ww : used + 0.5 + ww;
      if (need <= perLine) used = need;
      else {
        paraLines++;
        used = ww;
      }
    }
    lines += paraLines;
  }
  return Math.max(1, lines);
}

/** Width (character units) `text` needs on one line: its widest line (× factor), plus padding. */
export function textWidth(text: string, factor = TEXT_FACTOR): number {
  let widest = 0;
  for (const line of text.split(/\r?\n/)) widest = Math.max(widest, textUnits(line));
  return Math.ceil(widest * factor) + 2;
}

/** Sum of the widths of columns [col, col + cols). */
export function spanWidth(widths: readonly number[], col: number, cols: number): number {
  let w = 0;
  for (let c = col; c < col + cols; c++) w += widths[c] ?? 10;
  return w;
}

/**
 * Height (points) of each header row so every header cell's wrapped text fits its (merged) area.
 * Single-row cells set their row's minimum first; then cells spanning several rows add what they still
 * lack, spread evenly over their rows.
 */
export function headerRowHeights(
  placements: readonly HeaderPlacement[],
  widths: readonly number[],
  rowCount: number,
): number[] {
  const need = (p: HeaderPlacement) => estimateLines(p.text, spanWidth(widths, p.col, p.cols)) * LINE_PT + PAD_PT;
  const heights = new Array(rowCount).fill(DEFAULT_ROW_PT + PAD_PT);
  for (const p of placements) if (p.rows === 1 && p.row < rowCount) heights[p.row] = Math.max(heights[p.row], need(p));
  for (const p of placements) {
    if (p.rows <= 1) continue;
    const last = Math.min(rowCount, p.row + p.rows);
    let have = 0;
    for (let r = p.row; r < last; r++) have += heights[r];
    const lack = need(p) - have;
    if (lack > 0) for (let r = p.row; r < last; r++) heights[r] += lack / (last - p.row);
  }
  return heights.map((h) => Math.ceil(h));
}

/** Font size of title row `i` (0-based). */
export function titleFontSize(i: number): number {
  return i === 0 ? TITLE_SIZES[0] : TITLE_SIZES[1];
}

/** Height (points) of a row holding `text` at `size` pt in a (merged) area `width` characters wide. */
export function textRowHeight(text: string, width: number, size = 11, factor = CHAR_FACTOR): number {
  const scale = size / 11;
  const lines = estimateLines(text, width / scale, factor);
  return Math.ceil(lines * LINE_PT * scale + PAD_PT);
}

/** Height (points) of a title row of `text` at `size` pt, merged across `totalWidth` characters. */
export function titleRowHeight(text: string, totalWidth: number, size: number): number {
  return textRowHeight(text, totalWidth, size);
}

/**
 * How a number shows in a cell of this format (en-US separators; a Vietnamese Excel shows the same number of
 * characters): "1,234,567", "38.11%", "0.148". Used to size number columns.
 */
export function displayNumber(value: number, kind: NumberFormatKind): string {
  const group = (s: string) => s.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const fixed = (v: number, d: number) => {
    const [i, f] = Math.abs(v).toFixed(d).split(".");
    return (v < 0 ? "-" : "") + group(i) + (f ? "." + f : "");
  };
  switch (kind) {
    case "integer":
    case "vnd":
      return fixed(value, 0);
    case "decimal":
      return fixed(value, 2);
    case "decimal3":
      return Math.abs(value).toFixed(3);
    case "decimal4":
      return Math.abs(value).toFixed(4);
    case "percent":
      return fixed(value * 100, 2) + "%";
    case "percent1":
      return fixed(value * 100, 1) + "%";
    case "date":
      return "00/00/0000";
    default:
      return String(value);
  }
}

/** The text a cell shows, for measuring (formulas by their computed value). */
export function displayText(cell: TableCell, kind: NumberFormatKind): string {
  const v = isFormulaCell(cell) ? cell.value : cell;
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isFinite(v) ? displayNumber(v, kind) : "";
  return String(v);
}

/** Width a column's header words need (bold, so headers wrap between words, never inside one). */
function headerWidth(texts: readonly string[]): number {
  const widest = Math.max(4, ...texts.flatMap((t) => t.split(/\s+/)).map((w) => textUnits(w)));
  return Math.ceil(widest * CHAR_FACTOR) + 2;
}

/**
 * Column widths (Excel character units): at least the column's own width (or, without one, what its header
 * words need, 10 at least), grown to fit the widest body cell on one line — numbers always, text up to
 * MAX_CONTENT_WIDTH (longer text wraps; see `wrapsInColumn`).
 */
export function columnWidths(table: Pick<ResultTable, "columns" | "headerRows" | "rows">, lang: Lang): number[] {
  const placements = placeHeaderCells(table.headerRows, lang, table.columns.length);
  const widths = table.columns.map((c, i) => {
    if (c.width !== undefined) return c.width;
    const texts = [pick(c.header, lang), ...placements.filter((p) => p.col === i && p.cols === 1).map((p) => p.text)];
    return Math.min(MAX_CONTENT_WIDTH, Math.max(10, headerWidth(texts)));
  });
  const rows = table.rows ?? [];
  for (const row of rows) {
    for (let c = 0; c < widths.length; c++) {
      const cell = row.cells[c] ?? null;
      if (cell === null) continue;
      const kind = row.formats?.[c] ?? table.columns[c].format;
      const v = isFormulaCell(cell) ? cell.value : cell;
      const isText = typeof v === "string";
      const bold = row.kind !== undefined && row.kind !== "body";
      let need: number;
      if (typeof v === "number" && (kind === "integer" || kind === "vnd") && Number.isFinite(v)) {
        // Digits and thousands separators of a whole number, without building its text.
        const digits = Math.abs(v) < 1 ? 1 : Math.floor(Math.log10(Math.abs(Math.round(v)))) + 1;
        need = digits + Math.floor((digits - 1) / 3) + (v < 0 ? 1 : 0) + 3;
      } else {
        const text = displayText(cell, kind);
        if (text === "") continue;
        need = textWidth(text, bold ? CHAR_FACTOR : TEXT_FACTOR) + (isText ? 0 : 1);
      }
      const cap = isText ? Math.max(MAX_CONTENT_WIDTH, table.columns[c].width ?? 0) : Infinity;
      if (need > widths[c]) widths[c] = Math.max(MIN_WIDTH, Math.min(cap, need));
    }
  }
  return widths;
}

/** True when `text` does not fit a column `width` wide on one line (so the cell must wrap). */
export function wrapsInColumn(text: string, width: number, bold = false): boolean {
  return text.includes("\n") || textWidth(text, bold ? CHAR_FACTOR : TEXT_FACTOR) > width;
}
