/**
 * ResultTable[] → ExcelJS workbook / .xlsx file. The writer only replays the sheet plan of the core
 * (`planSheet`, src/core/tables/plan.ts) that the Office.js writer replays too: the administrative frame, titles,
 * merged headers, body, notes and signatures; number formats, merges, styles, widths, row heights, freeze panes,
 * print setup (A4 landscape fitted to the width, header rows repeated), data validation and protection.
 * - Formula cells are written as `{ formula, result }` so the file shows numbers before recalculation.
 * - Strings are always text: ExcelJS writes a JS string as a shared string even when it starts with "=".
 * - Files: written to a temporary file beside the target, then renamed, so a failure leaves nothing half-written;
 *   an output path equal to an input path is refused.
 */
import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import { basename, dirname, join, resolve } from "path";
import { fail } from "../core/errors";
import { pick, type Lang } from "../core/i18n";
import {
  isPlanFormula,
  planSheet,
  type ColumnValidation,
  type PlanStyle,
  type ResultTable,
  type SheetPlan,
} from "../core/tables";

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

/** The ExcelJS style of one combination of plan styles, number format and lock state. */
function excelStyle(layers: readonly PlanStyle[], numFmt: string, unlocked: boolean): Partial<ExcelJS.Style> {
  const font: Partial<ExcelJS.Font> = {};
  const alignment: Partial<ExcelJS.Alignment> = {};
  let fill: ExcelJS.Fill | undefined;
  let border = false;
  for (const s of layers) {
    if (s.font !== undefined) font.name = s.font;
    if (s.bold !== undefined) font.bold = s.bold;
    if (s.italic !== undefined) font.italic = s.italic;
    if (s.underline !== undefined) font.underline = s.underline;
    if (s.size !== undefined) font.size = s.size;
    if (s.horizontal) alignment.horizontal = s.horizontal;
    if (s.vertical) alignment.vertical = s.vertical;
    if (s.wrap !== undefined) alignment.wrapText = s.wrap;
    if (s.fill) fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF" + s.fill.slice(1).toUpperCase() } };
    if (s.border) border = true;
  }
  const style: Partial<ExcelJS.Style> = {};
  if (Object.keys(font).length > 0) style.font = font;
  if (Object.keys(alignment).length > 0) style.alignment = alignment;
  if (fill) style.fill = fill;
  if (border) style.border = BORDER;
  if (numFmt !== "" && numFmt !== "General") style.numFmt = numFmt;
  if (unlocked) style.protection = { locked: false };
  return style;
}

/**
 * Write the plan's cells and their formatting in one pass: formulas with their cached results, strings as text,
 * numbers with their format, and one shared style object per distinct combination of plan styles, number format
 * and lock state (a roster of 100,000 rows has a handful), so a large sheet costs no more than its cells.
 */
function writeCells(ws: ExcelJS.Worksheet, plan: SheetPlan): void {
  const { rows, cols } = plan;
  // Which plan styles cover each cell: a combination id per cell, built layer by layer.
  const combo = new Uint32Array(rows * cols);
  const combos: number[][] = [[]];
  const next = new Map<string, number>();
  plan.styles.forEach((s, si) => {
    const { row, col } = s.area;
    for (let r = row; r < Math.min(rows, row + s.area.rows); r++)
      for (let c = col; c < Math.min(cols, col + s.area.cols); c++) {
        const i = r * cols + c;
        const key = `${combo[i]}:${si}`;
        let id = next.get(key);
        if (id === undefined) {
          id = combos.length;
          combos.push([...combos[combo[i]], si]);
          next.set(key, id);
        }
        combo[i] = id;
      }
  });
  const unlocked = new Uint8Array(rows * cols);
  for (const a of plan.protect?.unlocked ?? [])
    for (let r = a.row; r < a.row + a.rows; r++)
      for (let c = a.col; c < a.col + a.cols; c++) unlocked[r * cols + c] = 1;
  const inputRows = (r: number) => r >= plan.firstBodyRow && r < plan.firstBodyRow + plan.bodyRowCount;
  const styles = new Map<number, Partial<ExcelJS.Style>>();
  const fmtIds = new Map<string, number>();

  for (let r = 0; r < rows; r++) {
    const row = ws.getRow(r + 1);
    const values = plan.cells[r];
    const formats = plan.formats[r];
    for (let c = 0; c < cols; c++) {
      const i = r * cols + c;
      const v = values[c];
      // Number formats: of values, and of the blank cells of the body/input rows (for what the ward will type).
      const fmt =
        v === ""
          ? inputRows(r)
            ? formats[c]
            : ""
          : typeof v === "string" && !isPlanFormula(plan, r, c)
            ? ""
            : formats[c];
      if (v === "" && combo[i] === 0 && !unlocked[i] && (fmt === "" || fmt === "General")) continue;
      const cell = row.getCell(c + 1);
      if (v !== "") {
        if (isPlanFormula(plan, r, c)) {
          const result = plan.results.get(i);
          const formula = (v as string).slice(1);
          cell.value =
            result === null || result === undefined ? { formula } : ({ formula, result } as ExcelJS.CellFormulaValue);
        } else {
          // A plain string: ExcelJS stores it as a (shared) string, never as a formula, even when it starts with "=".
          cell.value = v;
        }
      }
      let f = fmtIds.get(fmt);
      if (f === undefined) fmtIds.set(fmt, (f = fmtIds.size));
      const key = (combo[i] * 4096 + f) * 2 + unlocked[i];
      let style = styles.get(key);
      if (style === undefined) {
        style = excelStyle(
          combos[combo[i]].map((si) => plan.styles[si]),
          fmt,
          unlocked[i] === 1,
        );
        styles.set(key, style);
      }
      if (Object.keys(style).length > 0) cell.style = style;
    }
  }
}

/** Render one table into a new worksheet of `wb`. Protection (async) is applied by `tablesToWorkbook`. */
export function addTableSheet(
  wb: ExcelJS.Workbook,
  table: ResultTable,
  opts: WriteOptions = {},
  taken = new Set<string>(),
): ExcelJS.Worksheet {
  const lang: Lang = opts.lang ?? table.lang ?? "vi";
  if (table.columns.length === 0)
    fail("INVALID_ARGUMENT", `Bảng ${table.id} không có cột`, `Table ${table.id} has no columns`);
  const plan = planSheet(table, lang);
  const name = safeSheetName((opts.sheetPrefix ?? "") + pick(table.sheetName, lang), taken);
  const ws = wb.addWorksheet(name);

  plan.widths.forEach((w, i) => {
    // ExcelJS leaves out a column of width exactly 9 (its own default), which Excel then shows 8.43 wide.
    ws.getColumn(i + 1).width = w === 9 ? 9.01 : w;
  });
  writeCells(ws, plan);
  // An explicit empty text in the table stays a stored (empty) text cell, as a typed-over template row would be.
  table.rows.forEach((row, i) =>
    row.cells.forEach((v, c) => {
      if (v === "") ws.getCell(plan.firstBodyRow + i + 1, c + 1).value = "";
    }),
  );
  for (const m of plan.merges) ws.mergeCells(m.row + 1, m.col + 1, m.row + m.rows, m.col + m.cols);
  for (const h of plan.rowHeights) ws.getRow(h.row + 1).height = h.points;

  // Data validation (templates); the cells left unlocked on a protected sheet were styled with the cells.
  for (const v of plan.validations) {
    const letter = ws.getColumn(v.area.col + 1).letter;
    (ws as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(
      `${letter}${v.area.row + 1}:${letter}${v.area.row + v.area.rows}`,
      excelValidation(v.rule, lang),
    );
  }

  // Frozen panes and print setup.
  if (plan.freeze.rows > 0 || plan.freeze.columns > 0)
    ws.views = [{ state: "frozen", xSplit: plan.freeze.columns, ySplit: plan.freeze.rows, topLeftCell: undefined }];
  const p = plan.print;
  ws.pageSetup = {
    paperSize: 9, // A4
    orientation: p.landscape ? "landscape" : "portrait",
    fitToPage: p.fitToWidth,
    fitToWidth: 1,
    fitToHeight: p.fitToHeight,
    horizontalCentered: true,
    margins: p.margins,
    ...(p.titleRows ? { printTitlesRow: p.titleRows.replace(/\$/g, "") } : {}),
  };
  ws.headerFooter = { oddFooter: p.footer };
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
