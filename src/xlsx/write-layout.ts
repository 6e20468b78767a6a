/**
 * Row heights and column widths of a rendered ResultTable, shared by the ExcelJS writer (src/xlsx/write.ts)
 * and the Office.js renderer (src/excel/render.ts). Pure: no Node, no Office, no DOM.
 *
 * Excel does not grow a row for wrapped text in merged cells, and a file written by a program has no
 * auto-fitted heights at all, so header rows are sized here from an estimate of the wrapped lines:
 *
 *   lines(text, width) = Σ over the text's words, greedily packed into lines of `width / CHAR_FACTOR`
 *                        characters (a word longer than a line takes ceil(len × CHAR_FACTOR / width) lines),
 *   which for running text is ≈ ceil(chars × CHAR_FACTOR / width).
 *
 * `width` is in Excel character units (the column width, or the sum of the widths a header cell spans);
 * CHAR_FACTOR ≈ 1.1 allows for bold text and Vietnamese diacritics being wider than the digit "0" that
 * defines the unit. A header row is then `lines × LINE_PT + PAD_PT` points high; a cell spanning several
 * rows spreads what it still needs over the rows it spans.
 */
import { pick, type Lang } from "../core/i18n";
import type { HeaderCell, ResultTable } from "../core/tables/model";

/** Character-width allowance for bold header text (Excel width units are "0" digits of the body font). */
export const CHAR_FACTOR = 1.1;
/** Points per line of 11 pt text. */
export const LINE_PT = 15;
/** Extra points per header row (cell padding and borders). */
export const PAD_PT = 3;
/** Excel's default row height (points) for 11 pt text. */
export const DEFAULT_ROW_PT = 15;
/** Font sizes of the title rows: the first (form name) and the following ones (scope, standard). */
export const TITLE_SIZES = [14, 12] as const;

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

/** Estimated number of lines `text` wraps to in a cell `widthChars` wide (≥ 1; explicit "\n" respected). */
export function estimateLines(text: string, widthChars: number, factor = CHAR_FACTOR): number {
  const perLine = Math.max(1, widthChars / factor); // characters that fit on one line
  let lines = 0;
  for (const para of text.split(/\r?\n/)) {
    const words = para.split(/\s+/).filter((w) => w.length > 0);
    if (words.length === 0) {
      lines += 1;
      continue;
    }
    let used = 0; // characters on the current line
    let paraLines = 1;
    for (const w of words) {
      if (w.length > perLine) {
        // A word longer than a line is broken by character; it starts on a fresh line unless the line is empty.
        if (used > 0) paraLines++;
        const wordLines = Math.ceil(w.length / perLine);
        paraLines += wordLines - 1;
        used = w.length - (wordLines - 1) * perLine;
        continue;
      }
      const need = used === 0 ? w.length : used + 1 + w.length;
      if (need <= perLine) used = need;
      else {
        paraLines++;
        used = w.length;
      }
    }
    lines += paraLines;
  }
  return Math.max(1, lines);
}

/** Sum of the widths of columns [col, col + cols). */
function spanWidth(widths: readonly number[], col: number, cols: number): number {
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

/** Height (points) of a title row of `text` at `size` pt, merged across `totalWidth` characters. */
export function titleRowHeight(text: string, totalWidth: number, size: number): number {
  const scale = size / 11;
  const lines = estimateLines(text, totalWidth / scale);
  return Math.ceil(lines * LINE_PT * scale + PAD_PT);
}

/**
 * Column widths (Excel character units): the column's own width, else wide enough for the longest word of
 * the single-column header cells above it (so headers wrap between words), between 10 and 40.
 */
export function columnWidths(table: Pick<ResultTable, "columns" | "headerRows">, lang: Lang): number[] {
  const placements = placeHeaderCells(table.headerRows, lang, table.columns.length);
  return table.columns.map((c, i) => {
    if (c.width !== undefined) return c.width;
    const texts = [pick(c.header, lang), ...placements.filter((p) => p.col === i && p.cols === 1).map((p) => p.text)];
    const longestWord = Math.max(4, ...texts.flatMap((t) => t.split(/\s+/)).map((w) => w.length));
    return Math.min(40, Math.max(10, Math.ceil(longestWord * CHAR_FACTOR) + 2));
  });
}
