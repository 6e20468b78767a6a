/**
 * Where a table's data ends — decided once here and used by every reader (and so by every command):
 * blank rows are skipped, rows holding only formulas without a cached value are prepared template rows,
 * and footnotes below a blank row end the table.
 */
import type { CellValue } from "../grid";
import { isCellError } from "../grid";
import { fold } from "../i18n";
import { NO_CACHED_VALUE } from "./parse";
import { TOTAL_WORDS } from "./rows";

export const isBlank = (v: CellValue | undefined) =>
  v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** Blank, or a formula without a cached value (a template's formula in an unfilled row): not data. */
export const isVoid = (v: CellValue | undefined) => isBlank(v) || (isCellError(v) && v.error === NO_CACHED_VALUE);

/** The row has stored cells (empty-text formula results, formulas without a cached value): a prepared input row. */
export function hasCells(row: CellValue[]): boolean {
  for (let c = 0; c < row.length; c++) if (row[c] !== null && row[c] !== undefined) return true;
  return false;
}

/** Every cell of the row is blank (or a formula without a cached value). */
export function isBlankRow(row: CellValue[] | undefined): boolean {
  if (!row) return true;
  for (let c = 0; c < row.length; c++) if (!isVoid(row[c])) return false;
  return true;
}

/** Where the data scan of a table is: blank-run state and the count of prepared (template) rows. */
export interface ScanState {
  prevBlank: boolean;
  prepared: number;
  /** Set when the table ended at its notes with stray cells below them (0-based grid row/column of the first). */
  stray?: { r: number; c: number; count: number; notesRow: number };
  /** Memo of footerAt's look-ahead, so a sheet of many blank-and-note pairs is scanned once. */
  lookahead?: Lookahead;
}

/** The first row at or after `from` that looks like a row of the table (`at`, or -1 for none). */
export interface Lookahead {
  from: number;
  at: number;
}

/**
 * One step of the data scan shared by the roster and the form readers: "skip" a row without data in the
 * mapped columns (noting blank and prepared rows), "end" at notes below a blank row, else "data".
 */
export function scanRow(
  values: CellValue[][],
  r: number,
  cols: readonly number[],
  firstCol: number,
  st: ScanState,
): "skip" | "end" | "data" {
  const row = values[r];
  if (!row) {
    st.prevBlank = true;
    return "skip";
  }
  let any = false;
  for (let i = 0; i < cols.length; i++)
    if (!isVoid(row[cols[i]])) {
      any = true;
      break;
    }
  if (!any) {
    // Footnotes outside the mapped columns (e.g. in an unmapped first column) end the table too.
    if (st.prevBlank) {
      const footer = footerAt(values, r, firstCol, cols, (st.lookahead ??= { from: Infinity, at: -1 }));
      if (footer.ends) {
        if (footer.stray) st.stray = { ...footer.stray, notesRow: r };
        return "end";
      }
    }
    if (isBlankRow(row)) st.prevBlank = true;
    if (hasCells(row)) st.prepared++;
    return "skip";
  }
  if (st.prevBlank) {
    const footer = footerAt(values, r, firstCol, cols, (st.lookahead ??= { from: Infinity, at: -1 }));
    if (footer.ends) {
      if (footer.stray) st.stray = { ...footer.stray, notesRow: r };
      return "end";
    }
  }
  st.prevBlank = false;
  return "data";
}

const NOTE_START =
  /^(ghi chu|chu thich|chu y|luu y|nguon|can cu|ty le =|note|notes|source|legal basis|\*|\(\*|\(\d\)\s)/;

/** Text that reads as a footnote: a legal basis, a formula, a remark ("Ghi chú", "Căn cứ", "Tỷ lệ = …", "(*)"). */
export function looksLikeNote(text: string): boolean {
  return NOTE_START.test(fold(text).trim());
}

/**
 * A footnote row below a table: one text cell in the table's first column (or left of it), the rest of the row
 * empty — a legal basis ("Căn cứ pháp lý: Nghị định …"), a formula note ("Tỷ lệ = …"), a remark.
 */
export function isNoteRow(row: CellValue[] | undefined, firstCol: number): boolean {
  if (!row) return false;
  let text: string | undefined;
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (isVoid(v)) continue;
    if (text !== undefined || typeof v !== "string" || c > firstCol) return false;
    text = v.trim();
  }
  if (!text) return false;
  const f = fold(text);
  // A short totals label ("Tổng cộng") is a row of the table, a sentence starting with "Tổng …" is a note.
  if (TOTAL_WORDS.test(f) && text.length < 40 && !/[=:]/.test(text)) return false;
  return NOTE_START.test(f) || (text.length >= 20 && /\s/.test(text));
}

/**
 * Footnotes start at row r: the row before it is blank, row r is a note row (or the closing block), and every
 * non-blank row from r to the end of the sheet is a note row or a row of the form's closing block (the
 * place-and-date line and signature block). Then the table ends above r.
 */
export function notesStartAt(values: CellValue[][], r: number, firstCol: number): boolean {
  const f = footerAt(values, r, firstCol, []);
  return f.ends && !f.stray;
}

/**
 * A row of the closing block under a form — place and date ("Bình Điền, ngày … tháng … năm …"), signature titles
 * ("NGƯỜI LẬP BIỂU", "THỦ TRƯỞNG ĐƠN VỊ"), "(Ký, ghi rõ họ tên)", the signers' names: text only, no numbers.
 */
export function isTextOnlyRow(row: CellValue[] | undefined): boolean {
  if (!row) return false;
  let any = false;
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (isVoid(v)) continue;
    if (typeof v !== "string") return false;
    any = true;
  }
  return any;
}

/** Words of the closing block: the place-and-date line, signature titles and hints (Decree 30/2020/NĐ-CP, App. I). */
const CLOSING =
  /(ngay .*thang .*nam|nguoi lap|lap bieu|thu truong|ky,? ghi ro|ghi ro ho ten|ky ten|dong dau|chu tich|truong ban|giam doc|xac nhan|^(tm|kt|q|ttl|tuq)\.? |prepared by|head of unit|signature|date:)/;

/** A text-only row that says it belongs to the closing block (see CLOSING). */
function isClosingRow(row: CellValue[] | undefined): boolean {
  if (!isTextOnlyRow(row)) return false;
  for (const v of row!) if (typeof v === "string" && CLOSING.test(fold(v).trim())) return true;
  return false;
}

/** A row that looks like a row of the table: two or more cells in the table's columns. */
function dataLike(row: CellValue[] | undefined, cols: readonly number[]): boolean {
  if (!row) return false;
  let n = 0;
  for (const c of cols) if (!isVoid(row[c]) && ++n >= 2) return true;
  return false;
}

/**
 * Does the table end at row r (the row before it blank, r a note row)? The notes run on through note and blank
 * rows. When the sheet has more below them, the table still ends at r unless a row below looks like a row of the
 * table (two or more cells in its columns, e.g. a section of the table after a remark): stray cells — a number
 * typed far below, a forgotten "x" — never turn the notes into data. `stray` counts the cells left below.
 * This decides the end of every table for every command (validate, consolidate, report, targets).
 */
export function footerAt(
  values: CellValue[][],
  r: number,
  firstCol: number,
  cols: readonly number[],
  memo: Lookahead = { from: Infinity, at: -1 },
): { ends: boolean; stray?: { r: number; c: number; count: number } } {
  if (r === 0 || !isBlankRow(values[r - 1])) return { ends: false };
  if (!isNoteRow(values[r], firstCol) && !isClosingRow(values[r])) return { ends: false };
  // The notes, then the closing block: place and date, signature titles and hints, then the signers' names (text
  // only rows once the block has started).
  let k = r + 1;
  let closing = isClosingRow(values[r]);
  for (; k < values.length; k++) {
    const row = values[k];
    if (isBlankRow(row) || isNoteRow(row, firstCol)) continue;
    if (isClosingRow(row)) {
      closing = true;
      continue;
    }
    if (closing && isTextOnlyRow(row)) continue;
    break;
  }
  if (k >= values.length) return { ends: true };
  if (!(k >= memo.from && (memo.at < 0 || memo.at >= k))) {
    memo.from = k;
    memo.at = -1;
    for (let j = k; j < values.length; j++)
      if (dataLike(values[j], cols)) {
        memo.at = j;
        break;
      }
  }
  if (memo.at >= 0) return { ends: false };
  let count = 0;
  let first: { r: number; c: number } | undefined;
  for (let j = k; j < values.length; j++) {
    const row = values[j];
    if (!row || isNoteRow(row, firstCol) || isClosingRow(row)) continue;
    for (let c = 0; c < row.length; c++)
      if (!isVoid(row[c])) {
        count++;
        first ??= { r: j, c };
      }
  }
  return first ? { ends: true, stray: { ...first, count } } : { ends: true };
}
