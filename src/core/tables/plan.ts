/**
 * ResultTable → a plain "sheet plan": every cell to write (formulas as "=…" with their computed values), the
 * number format of every cell, merges, styles, column widths, row heights, freeze panes, print setup, data
 * validation and protection. Both writers only replay the plan — ExcelJS for files (src/xlsx/write.ts) and
 * Office.js for the open workbook (src/excel/write.ts) — so a table looks the same in both, and tests can check
 * the layout without a workbook. Pure: no Office, Node or DOM.
 *
 * Sheet layout (rows from the top; `tableLayout` in ./model.ts gives the same positions to formula builders):
 *   with a frame (./frame.ts): issuing body | motto block, form number and source, blank, title rows,
 *     [parameter rows, blank], "Đơn vị tính" row, header, body (+ template input rows), blank, notes, blank,
 *     place and date, signature titles, "(Ký, ghi rõ họ tên…)", signing space, signers' names;
 *   without: title rows, blank, [parameter rows, blank], header, body (+ input rows), blank, notes.
 * Notes and frame texts are merged across their block and wrap; their rows are sized from the text (./layout.ts),
 * so nothing runs past the printed width. Print: A4 landscape, fitted to the page width, header rows repeated.
 *
 * Text safety: every string cell gets the number format "@" (Text), and the Office.js writer sets formats BEFORE
 * values, so Excel stores user text verbatim: "=HYPERLINK(…)" typed as a household name stays text, and "0123" (a
 * household code) keeps its leading zero. Only FormulaCell entries become formulas.
 */
import { columnLetters } from "../address";
import { fail } from "../errors";
import { bi, pick, type Lang } from "../i18n";
import type { FrameOptions, TableFrame } from "./frame";
import {
  CHAR_FACTOR,
  columnWidths,
  DEFAULT_ROW_PT,
  estimateLines,
  headerRowHeights,
  LINE_PT,
  PAD_PT,
  placeHeaderCells,
  spanWidth,
  TEXT_FACTOR,
  textRowHeight,
  titleFontSize,
  wrapsInColumn,
} from "./layout";
import {
  EXCEL_NUMBER_FORMATS,
  isFormulaCell,
  tableLayout,
  type ColumnValidation,
  type ResultTable,
  type TableCell,
} from "./model";

export interface PlanArea {
  row: number; // 0-based
  col: number;
  rows: number;
  cols: number;
}

export type RowRole =
  | "frame"
  | "title"
  | "unit"
  | "parameter"
  | "header"
  | "section"
  | "body"
  | "subtotal"
  | "total"
  | "note"
  | "date"
  | "signature"
  | "blank";

/** Formatting of an area; writers apply the styles in order (a later style adds to an earlier one). */
export interface PlanStyle {
  area: PlanArea;
  /** Font name. */
  font?: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  /** Font size in points (default 11). */
  size?: number;
  horizontal?: "left" | "center" | "right";
  vertical?: "top" | "middle" | "bottom";
  wrap?: boolean;
  /** Fill colour "#RRGGBB". */
  fill?: string;
  /** Thin grey borders on every edge of every cell of the area. */
  border?: boolean;
}

export interface SheetPlan {
  rows: number;
  cols: number;
  /** What to assign to `Range.formulas` (constants or "=formula"); "" = blank. */
  cells: (string | number | boolean)[][];
  /** `Range.numberFormat` for every cell ("@" for text). */
  formats: string[][];
  /**
   * The value the core computed for each formula cell, keyed `row * cols + col` (written as the cached result
   * by the file writer, so a file shows numbers before recalculation).
   */
  results: Map<number, number | string | null>;
  roles: RowRole[];
  merges: PlanArea[];
  styles: PlanStyle[];
  /** Column widths in Excel character units. */
  widths: number[];
  /** Row heights (points) the writers set; rows not listed keep the application's own (auto-fitted) height. */
  rowHeights: { row: number; points: number }[];
  firstHeaderRow: number; // 0-based
  headerRowCount: number;
  firstBodyRow: number; // 0-based
  /** Body rows of the table plus template input rows. */
  bodyRowCount: number;
  freeze: { rows: number; columns: number };
  print: {
    landscape: boolean;
    paper: "A4";
    /** Scale the printout to the page width. */
    fitToWidth: boolean;
    /** Pages tall when fitting: 1 = the whole form on one page, 0 = as many as needed (header rows repeated). */
    fitToHeight: 0 | 1;
    /** Header rows repeated on every printed page, "$8:$10". */
    titleRows?: string;
    /** Margins in inches. */
    margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
    footer: string;
  };
  /** A1 address of an Excel table (header + body) when the layout fits one (never on a framed form). */
  excelTable?: string;
  validations: { area: PlanArea; rule: ColumnValidation }[];
  /** Protect the sheet; these areas stay unlocked (template input cells). */
  protect?: { unlocked: PlanArea[] };
}

/** Does this plan cell hold a formula (as opposed to text that happens to start with "=")? */
export function isPlanFormula(plan: Pick<SheetPlan, "cells" | "formats">, row: number, col: number): boolean {
  const v = plan.cells[row]?.[col];
  return typeof v === "string" && v.startsWith("=") && plan.formats[row][col] !== TEXT;
}

const TEXT = "@";
export const HEADER_FILL = "#DDEBF7";
export const TOTAL_FILL = "#F2F2F2";
export const INPUT_FILL = "#FFFFE0";
/** Font size of notes. */
export const NOTE_SIZE = 10;
/** Height (points) of the blank space left for signatures and the seal. */
export const SIGNING_SPACE_PT = 66;
/** Smallest total width (character units) of a framed table, so the motto block fits on its lines. */
export const FRAME_MIN_WIDTH = 100;
/** A framed table freezes its header only when the body is longer than this (the frame would fill the screen). */
export const FREEZE_MIN_BODY_ROWS = 25;
/** Font of framed forms: administrative documents are set in Times New Roman (Decree 30/2020/NĐ-CP, App. I). */
export const FORM_FONT = "Times New Roman";
/** Printable A4 landscape area (points) with the plan's margins: 297 mm − 2 × 0.4 in wide, 210 mm − 2 × 0.5 in high. */
export const PRINT_WIDTH_PT = 784;
export const PRINT_HEIGHT_PT = 523;
/** Smallest print scale at which a form is still fitted onto one page (below it, it runs over pages). */
export const MIN_ONE_PAGE_SCALE = 0.6;

/** Printed width (points) of a column `chars` wide at 100 % (7 px per width unit at 96 dpi). */
export function columnPoints(chars: number): number {
  return chars * 5.25;
}

/** The fixed texts of the frame: the national name and motto, the unit and signature labels. */
const FRAME_TEXT = {
  republic: bi("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIET NAM"),
  // Decree 30/2020/NĐ-CP, Appendix I: the motto's phrases are joined by hyphens with spaces.
  motto: bi("Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness"),
  unit: bi("Đơn vị tính", "Unit"),
  notes: bi("Ghi chú:", "Notes:"),
  preparer: bi("NGƯỜI LẬP BIỂU", "PREPARED BY"),
  preparerHint: bi("(Ký, ghi rõ họ tên)", "(Signature and full name)"),
  head: bi("THỦ TRƯỞNG ĐƠN VỊ", "HEAD OF UNIT"),
  headHint: bi("(Ký, ghi rõ họ tên, đóng dấu)", "(Signature, full name and seal)"),
};
const DOTS = "……………………";

/** "ngày 05 tháng 01 năm 2026": day below 10 and months 1–2 with a leading zero (Decree 30/2020/NĐ-CP, App. I). */
export function placeAndDate(frame: FrameOptions | undefined, lang: Lang): string {
  const place = frame?.place ?? DOTS;
  const m = frame?.date ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(frame.date) : null;
  if (!m) return lang === "vi" ? `${place}, ngày …… tháng …… năm ……` : `${place}, date: ……………`;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (lang === "en") {
    const month = new Date(Date.UTC(y, mo - 1, 1)).toLocaleString("en-GB", { month: "long", timeZone: "UTC" });
    return `${place}, ${d} ${month} ${y}`;
  }
  const dd = d < 10 ? `0${d}` : String(d);
  const mm = mo <= 2 ? `0${mo}` : String(mo);
  return `${place}, ngày ${dd} tháng ${mm} năm ${y}`;
}

/** Upper case the Vietnamese way ("UBND xã Bình Điền" → "UBND XÃ BÌNH ĐIỀN"). */
function upper(s: string): string {
  return s.toLocaleUpperCase("vi");
}

/**
 * Where the frame's left block ends and its right block (motto, date, head's signature) starts: the first column
 * at which the left block reaches ≈ 40 % of the width, keeping at least one column on each side.
 */
export function frameSplit(widths: readonly number[]): number {
  if (widths.length < 2) return widths.length;
  const total = widths.reduce((a, b) => a + b, 0);
  let sum = 0;
  for (let c = 0; c < widths.length - 1; c++) {
    sum += widths[c];
    if (sum >= 0.4 * total) return c + 1;
  }
  return widths.length - 1;
}

/** Widths of a framed table: scaled up to FRAME_MIN_WIDTH in total when narrower. */
function frameWidths(widths: number[]): number[] {
  const total = widths.reduce((a, b) => a + b, 0);
  if (total >= FRAME_MIN_WIDTH) return widths;
  const f = FRAME_MIN_WIDTH / total;
  return widths.map((w) => Math.ceil(w * f));
}

export function planSheet(table: ResultTable, lang: Lang = table.lang ?? "vi"): SheetPlan {
  const cols = Math.max(1, table.columns.length);
  const frame: TableFrame | undefined = cols >= 2 ? table.frame : undefined;
  const layout = tableLayout({ ...table, frame });
  const firstHeaderRow = layout.firstHeaderRow - 1;
  const firstBodyRow = layout.firstBodyRow - 1;
  const colFormats = table.columns.map((c) => EXCEL_NUMBER_FORMATS[c.format] ?? "General");
  const cells: (string | number | boolean)[][] = [];
  const formats: string[][] = [];
  const results = new Map<number, number | string | null>();
  const roles: RowRole[] = [];
  const merges: PlanArea[] = [];
  const styles: PlanStyle[] = [];
  const rowHeights: SheetPlan["rowHeights"] = [];

  let widths = table.columns.length > 0 ? columnWidths(table, lang) : [10];
  if (frame) widths = frameWidths(widths);
  const totalWidth = widths.reduce((a, b) => a + b, 0);
  const split = frameSplit(widths);
  const leftWidth = spanWidth(widths, 0, split);
  const rightWidth = totalWidth - leftWidth;

  const newRow = (role: RowRole): number => {
    cells.push(new Array(cols).fill(""));
    formats.push(new Array(cols).fill("General"));
    roles.push(role);
    return cells.length - 1;
  };
  /** Text in a merged block of `row` from column `col`, `n` columns wide. */
  const put = (row: number, col: number, n: number, text: string, style: Omit<PlanStyle, "area"> = {}) => {
    cells[row][col] = excelText(text);
    formats[row][col] = TEXT;
    const area = { row, col, rows: 1, cols: n };
    if (n > 1) merges.push(area);
    styles.push({ area, wrap: true, vertical: "middle", ...style });
  };
  /** A row with a left block and/or a right block; its height fits both texts. */
  const twoBlocks = (
    role: RowRole,
    left: { text: string; style?: Omit<PlanStyle, "area"> } | null,
    right: { text: string; style?: Omit<PlanStyle, "area"> } | null,
    minHeight = DEFAULT_ROW_PT,
  ): number => {
    const r = newRow(role);
    let h = minHeight;
    for (const [block, col, n, width] of [
      [left, 0, split, leftWidth],
      [right, split, cols - split, rightWidth],
    ] as const) {
      if (!block) continue;
      put(r, col, n, block.text, { horizontal: "center", ...block.style });
      if (block.text !== "") {
        const bold = block.style?.bold ?? false;
        h = Math.max(h, textRowHeight(block.text, width, block.style?.size ?? 11, bold ? CHAR_FACTOR : TEXT_FACTOR));
      }
    }
    if (h !== DEFAULT_ROW_PT) rowHeights.push({ row: r, points: h });
    return r;
  };
  const fullWidth = (role: RowRole, text: string, style: Omit<PlanStyle, "area">, factor = CHAR_FACTOR): number => {
    const r = newRow(role);
    put(r, 0, cols, text, style);
    rowHeights.push({ row: r, points: textRowHeight(text, totalWidth, style.size ?? 11, factor) });
    return r;
  };

  // --- Frame head: issuing body | motto block; form number and source.
  if (frame) {
    const doc = frame.document ?? {};
    const issuer = doc.issuer ? upper(doc.issuer) : DOTS;
    const parent = doc.parent ? upper(doc.parent) : null;
    const [line1, line2] = parent
      ? [
          { text: parent, style: { size: 12 } },
          { text: issuer, style: { bold: true, underline: true, size: 12 } },
        ]
      : [{ text: issuer, style: { bold: true, underline: true, size: 12 } }, { text: "" }];
    twoBlocks("frame", line1, { text: pick(FRAME_TEXT.republic, lang), style: { bold: true, size: 12 } });
    twoBlocks("frame", line2, { text: pick(FRAME_TEXT.motto, lang), style: { bold: true, underline: true, size: 12 } });
    twoBlocks("frame", { text: pick(frame.form.number, lang), style: { bold: true } }, null);
    twoBlocks("frame", { text: pick(frame.form.source, lang), style: { italic: true, size: 9 } }, null);
    newRow("blank");
  }

  // --- Titles.
  table.title.forEach((t, i) => {
    fullWidth("title", pick(t, lang), { bold: true, size: titleFontSize(i), horizontal: "center" });
  });
  // --- Parameters: labelled input cells the formulas reference.
  const params = table.parameters ?? [];
  const paramCol = Math.max(0, Math.min(table.parameterColumn ?? 2, cols - 1));
  const paramAreas: PlanArea[] = [];
  if (params.length > 0) {
    if (!frame) while (cells.length < layout.firstParameterRow - 1) newRow("blank");
    for (const p of params) {
      const r = newRow("parameter");
      const label = pick(p.label, lang);
      if (paramCol > 0) {
        put(r, 0, paramCol, label, { bold: true, horizontal: "left" });
        const h = textRowHeight(label, spanWidth(widths, 0, paramCol), 11, CHAR_FACTOR);
        if (h > DEFAULT_ROW_PT) rowHeights.push({ row: r, points: h });
      }
      if (!Number.isFinite(p.value))
        fail("INVALID_NUMBER", `Tham số ${p.key} không hợp lệ`, `Invalid parameter ${p.key}`, { key: p.key });
      cells[r][paramCol] = p.value;
      formats[r][paramCol] = EXCEL_NUMBER_FORMATS[p.format];
      const area = { row: r, col: paramCol, rows: 1, cols: 1 };
      paramAreas.push(area);
      styles.push({ area, bold: true, fill: INPUT_FILL, border: true, vertical: "middle" });
    }
    newRow("blank");
  }
  if (frame) {
    const unitText = `${pick(FRAME_TEXT.unit, lang)}: ${pick(frame.unitOfMeasure, lang)}`;
    twoBlocks("unit", null, { text: unitText, style: { italic: true, horizontal: "right" } });
  }
  while (cells.length < firstHeaderRow) newRow("blank");

  // --- Header.
  checkHeaderFits(table, cols);
  const placements = placeHeaderCells(table.headerRows, lang, cols);
  const headerRowCount = table.headerRows.length;
  for (let i = 0; i < headerRowCount; i++) {
    const r = newRow("header");
    formats[r].fill(TEXT);
  }
  for (const p of placements) {
    cells[firstHeaderRow + p.row][p.col] = p.text;
    if (p.cols > 1 || p.rows > 1) merges.push({ row: firstHeaderRow + p.row, col: p.col, rows: p.rows, cols: p.cols });
  }
  headerRowHeights(placements, widths, headerRowCount).forEach((points, i) =>
    rowHeights.push({ row: firstHeaderRow + i, points }),
  );
  if (headerRowCount > 0)
    styles.push({
      area: { row: firstHeaderRow, col: 0, rows: headerRowCount, cols },
      bold: true,
      fill: HEADER_FILL,
      wrap: true,
      horizontal: "center",
      vertical: "middle",
      border: true,
    });

  // --- Body.
  const wrapCols = new Set<number>();
  const wrapped = new Map<number, number>();
  table.rows.forEach((row, i) => {
    if (row.cells.length > cols)
      fail(
        "INVALID_ARGUMENT",
        `Hàng ${i + 1} của bảng ${table.id} có nhiều ô hơn số cột`,
        `Row ${i + 1} of table ${table.id} has more cells than columns`,
      );
    const r = newRow(row.kind ?? "body");
    const bold = row.kind !== undefined && row.kind !== "body";
    for (let c = 0; c < cols; c++) {
      const override = row.formats?.[c];
      const colFormat = override ? EXCEL_NUMBER_FORMATS[override] : (colFormats[c] ?? "General");
      const cell: TableCell = row.cells[c] ?? null;
      const [v, f] = cellOut(cell, colFormat, table.id);
      cells[r][c] = v;
      formats[r][c] = f;
      if (isFormulaCell(cell)) results.set(r * cols + c, cell.value);
      if (typeof cell === "string" && wrapsInColumn(cell, widths[c], bold)) {
        wrapCols.add(c);
        // Excel keeps a stored row's height when a file opens: a row with wrapped text gets the height it needs.
        const points = estimateLines(cell, widths[c], bold ? CHAR_FACTOR : TEXT_FACTOR) * LINE_PT + PAD_PT;
        if (points > (wrapped.get(r) ?? 0)) wrapped.set(r, points);
      }
    }
  });
  for (const [row, points] of wrapped) rowHeights.push({ row, points: Math.ceil(points) });
  const bodyRows = table.rows.length;
  // Dimension columns: runs of the same name (in rows of the same kind) merged, shown once.
  const kindOf = (i: number) => table.rows[i].kind ?? "body";
  table.columns.forEach((column, c) => {
    if (!column.mergeRepeats) return;
    let start = 0;
    while (start < bodyRows) {
      const v = table.rows[start].cells[c];
      let end = start + 1;
      if (typeof v === "string" && v !== "" && kindOf(start) !== "section")
        while (end < bodyRows && table.rows[end].cells[c] === v && kindOf(end) === kindOf(start)) end++;
      if (end - start > 1) {
        merges.push({ row: firstBodyRow + start, col: c, rows: end - start, cols: 1 });
        for (let k = start + 1; k < end; k++) cells[firstBodyRow + k][c] = "";
      }
      start = end;
    }
  });

  const inputRows = table.inputRows ?? 0;
  const inputTop = cells.length;
  for (let i = 0; i < inputRows; i++) {
    const r = newRow("body");
    formats[r] = colFormats.slice();
  }
  const bodyRowCount = bodyRows + inputRows;
  if (bodyRowCount > 0) {
    styles.push({ area: { row: firstBodyRow, col: 0, rows: bodyRowCount, cols }, border: true, vertical: "middle" });
    for (const c of wrapCols)
      styles.push({ area: { row: firstBodyRow, col: c, rows: bodyRowCount, cols: 1 }, wrap: true });
    table.columns.forEach((column, c) => {
      if (column.align)
        styles.push({ area: { row: firstBodyRow, col: c, rows: bodyRowCount, cols: 1 }, horizontal: column.align });
    });
  }
  // Row roles: sections, subtotals and totals bold on a light fill (one style per run of rows).
  for (let i = 0; i < bodyRows;) {
    const kind = table.rows[i].kind ?? "body";
    let j = i + 1;
    while (j < bodyRows && (table.rows[j].kind ?? "body") === kind) j++;
    if (kind !== "body")
      styles.push({ area: { row: firstBodyRow + i, col: 0, rows: j - i, cols }, bold: true, fill: TOTAL_FILL });
    i = j;
  }
  if (inputRows > 0) styles.push({ area: { row: inputTop, col: 0, rows: inputRows, cols }, fill: INPUT_FILL });

  // --- Notes, merged across the table and wrapped inside it.
  if (table.notes.length > 0) {
    newRow("blank");
    if (frame)
      fullWidth("note", pick(FRAME_TEXT.notes, lang), { bold: true, italic: true, size: NOTE_SIZE }, TEXT_FACTOR);
    for (const n of table.notes)
      fullWidth("note", pick(n, lang), { italic: true, size: NOTE_SIZE, horizontal: "left" }, TEXT_FACTOR);
  }

  // --- Place and date, signatures.
  if (frame) {
    const doc = frame.document ?? {};
    newRow("blank");
    twoBlocks("date", null, { text: placeAndDate(doc, lang), style: { italic: true } });
    const headTitle = doc.headTitle ? upper(doc.headTitle) : pick(FRAME_TEXT.head, lang);
    twoBlocks(
      "signature",
      { text: pick(FRAME_TEXT.preparer, lang), style: { bold: true } },
      { text: headTitle, style: { bold: true } },
    );
    twoBlocks(
      "signature",
      { text: pick(FRAME_TEXT.preparerHint, lang), style: { italic: true } },
      { text: pick(FRAME_TEXT.headHint, lang), style: { italic: true } },
    );
    const space = newRow("signature");
    rowHeights.push({ row: space, points: SIGNING_SPACE_PT });
    twoBlocks(
      "signature",
      { text: doc.preparer ?? "", style: { bold: true } },
      { text: doc.head ?? "", style: { bold: true } },
    );
  }

  const validations: SheetPlan["validations"] = [];
  table.columns.forEach((c, i) => {
    if (c.validation && bodyRowCount > 0)
      validations.push({ area: { row: firstBodyRow, col: i, rows: bodyRowCount, cols: 1 }, rule: c.validation });
  });

  if (frame) styles.unshift({ area: { row: 0, col: 0, rows: cells.length, cols }, font: FORM_FONT });

  // One page when the form fits at a readable scale; else as many pages as needed, the header repeated.
  const explicit = new Map(rowHeights.map((h) => [h.row, h.points]));
  let heightPt = 0;
  for (let r = 0; r < cells.length; r++) heightPt += explicit.get(r) ?? DEFAULT_ROW_PT;
  const widthPt = widths.reduce((a, w) => a + columnPoints(w), 0);
  const scale = Math.min(1, PRINT_WIDTH_PT / widthPt, PRINT_HEIGHT_PT / heightPt);
  const fitToHeight: 0 | 1 = scale >= MIN_ONE_PAGE_SCALE ? 1 : 0;

  const print = table.print ?? { landscape: true, repeatHeader: true };
  const plan: SheetPlan = {
    rows: cells.length,
    cols,
    cells,
    formats,
    results,
    roles,
    merges,
    styles,
    widths,
    rowHeights,
    firstHeaderRow,
    headerRowCount,
    firstBodyRow,
    bodyRowCount,
    freeze: {
      rows: !frame || bodyRowCount > FREEZE_MIN_BODY_ROWS ? firstBodyRow : 0,
      columns: table.freezeColumns ?? 0,
    },
    print: {
      landscape: print.landscape,
      paper: "A4",
      fitToWidth: true,
      fitToHeight,
      titleRows:
        print.repeatHeader && headerRowCount > 0
          ? `$${firstHeaderRow + 1}:$${firstHeaderRow + headerRowCount}`
          : undefined,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
      footer: lang === "vi" ? "Trang &P / &N" : "Page &P of &N",
    },
    validations,
  };
  const headerTexts = table.headerRows.length === 1 ? cells[firstHeaderRow] : [];
  if (!frame && fitsExcelTable(table, headerTexts) && inputRows === 0)
    plan.excelTable = `A${firstHeaderRow + 1}:${columnLetters(cols - 1)}${firstBodyRow + bodyRows}`;
  if (table.protect) {
    // Input cells stay unlocked: the extra input rows, and runs of plain body rows whose cell holds no formula.
    const unlocked: PlanArea[] = [...paramAreas];
    if (inputRows > 0) unlocked.push({ row: inputTop, col: 0, rows: inputRows, cols });
    for (let c = 0; c < cols; c++) {
      for (let i = 0; i < bodyRows;) {
        const open = (k: number) =>
          (table.rows[k].kind ?? "body") === "body" && !isFormulaCell(table.rows[k].cells[c] ?? null);
        if (!open(i)) {
          i++;
          continue;
        }
        let j = i + 1;
        while (j < bodyRows && open(j)) j++;
        unlocked.push({ row: firstBodyRow + i, col: c, rows: j - i, cols: 1 });
        i = j;
      }
    }
    plan.protect = { unlocked };
  }
  return plan;
}

/** Header cells must stay inside the table's columns and header rows (spans included). */
function checkHeaderFits(table: ResultTable, nCols: number): void {
  const occupied = new Set<string>();
  table.headerRows.forEach((hr, r) => {
    let c = 0;
    for (const h of hr) {
      while (occupied.has(`${r}:${c}`)) c++;
      const cs = h.colSpan ?? 1;
      const rs = h.rowSpan ?? 1;
      if (c + cs > nCols || r + rs > table.headerRows.length)
        fail(
          "INVALID_ARGUMENT",
          `Tiêu đề bảng ${table.id} vượt quá số cột/hàng`,
          `Header of table ${table.id} exceeds its columns/rows`,
          { row: r, col: c },
        );
      for (let dr = 0; dr < rs; dr++) for (let dc = 0; dc < cs; dc++) occupied.add(`${r + dr}:${c + dc}`);
      c += cs;
    }
  });
}

/** A cell value as written, plus its number format. */
/** Excel's limit for the text of one cell (characters, UTF-16 code units). */
export const EXCEL_MAX_CELL_CHARS = 32_767;

/**
 * Text an Excel cell can hold: a longer text is cut and ends with a mark saying how much was left out, so no cell
 * over 32,767 characters is ever written (Excel would refuse the file or the write).
 */
export function excelText(s: string): string {
  if (s.length <= EXCEL_MAX_CELL_CHARS) return s;
  const mark = (cut: number) => `… [cắt bớt ${cut} ký tự / ${cut} characters cut]`;
  let keep = EXCEL_MAX_CELL_CHARS - mark(s.length).length;
  const code = s.charCodeAt(keep - 1);
  if (code >= 0xd800 && code <= 0xdbff) keep--; // never split a surrogate pair
  return s.slice(0, keep) + mark(s.length - keep);
}

function cellOut(cell: TableCell, columnFormat: string, tableId: string): [string | number | boolean, string] {
  if (cell === null || cell === undefined) return ["", columnFormat === TEXT ? TEXT : "General"];
  if (isFormulaCell(cell)) {
    if (typeof cell.value === "number" && !Number.isFinite(cell.value))
      fail(
        "INVALID_NUMBER",
        `Giá trị tính toán không hợp lệ cho công thức ${cell.formula} (bảng ${tableId})`,
        `Non-finite computed value for formula ${cell.formula} (table ${tableId})`,
        { formula: cell.formula, table: tableId },
      );
    return [`=${cell.formula.replace(/^=/, "")}`, columnFormat === TEXT ? "General" : columnFormat];
  }
  if (typeof cell === "string") return [excelText(cell), TEXT];
  if (typeof cell === "number") {
    if (!Number.isFinite(cell))
      fail("INVALID_NUMBER", `Giá trị số không hợp lệ trong bảng ${tableId}`, `Non-finite number in table ${tableId}`, {
        value: cell,
        table: tableId,
      });
    return [cell, columnFormat === TEXT ? "General" : columnFormat];
  }
  return [cell, "General"];
}

/** Can the header + body be an Excel table? One header row, no merges, unique headers, plain body rows. */
function fitsExcelTable(table: ResultTable, headerTexts: readonly (string | number | boolean)[]): boolean {
  if (table.headerRows.length !== 1 || table.rows.length === 0) return false;
  if (table.headerRows[0].some((h) => (h.colSpan ?? 1) > 1 || (h.rowSpan ?? 1) > 1)) return false;
  if (table.rows.some((r) => r.kind && r.kind !== "body")) return false;
  if (table.columns.some((c) => c.mergeRepeats)) return false;
  const names = headerTexts.map((t) => String(t).trim().toLowerCase());
  return names.every((t) => t !== "") && new Set(names).size === names.length;
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
