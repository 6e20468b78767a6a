/**
 * Typed row readers: one forward pass over the data rows of a detected sheet.
 * read(grid, detection, opts) → household rows (roster) or table rows (forms) + findings.
 * Every cell that cannot be read becomes a finding; nothing unreadable is turned into zero.
 */
import type { CellValue, Grid } from "../grid";
import { isCellError } from "../grid";
import type { Category, Household } from "../household";
import type { Finding } from "../validate/finding";
import type { Bilingual } from "../i18n";
import { fold, formatPercent } from "../i18n";
import { columnLetters } from "../address";
import { finding, type Params } from "../validate/catalogue";
import { parseArea, parseCategory } from "../standards/parse";
import type { Standard } from "../standards/schema";
import { FIELD_BY_NAME, INDICATOR_PHRASES, isDepField, type SheetKind, type ValueType } from "./fields";
import { detect, gridMerges, gridOffset, type Detection, type DetectOptions } from "./detect";
import {
  NO_CACHED_VALUE,
  decimalsOf,
  formatPrecision,
  parseFlag,
  parseNumberCell,
  parseNumberText,
  type NumberHint,
  type NumberParse,
  type ParsedNumber,
} from "./parse";
import { cellText } from "./text";

export interface RosterRow {
  /** 0-based sheet row (absolute). */
  row0: number;
  household: Household;
  /** Number of deprivation flags set on the row (undefined when the sheet has no flag columns). */
  flagsSet?: number;
  /** Deprivation count as written in the count column (undefined when absent or unreadable). */
  declaredCount?: number;
  /** Raw category text as written (for messages). */
  categoryText?: string;
}

/**
 * body: a unit (or year) row; section: a heading such as "I. Thành thị"; subtotal: the sum of one section
 * ("Cộng thành thị", "Subtotal rural area", or any totals row followed by another section); total: the grand total.
 */
export type RowKind = "body" | "subtotal" | "total" | "section";

export interface FormRow {
  row0: number;
  /** Unit name (or year, or the first text of the row). */
  label: string;
  /** Folded label, used to match the same unit across sheets and files. */
  key: string;
  kind: RowKind;
  /** Transition forms and Form 1 may have one household row and one member row per unit. */
  measure: "households" | "members";
  year?: number;
  /** Parsed numbers; rates and percentage points as fractions. Blank cells are absent. */
  values: Record<string, number>;
  /** Text cells of text fields (plan indicators, units of measure). */
  texts: Record<string, string>;
}

/** How a rate (or percentage-point) column was read. */
export interface RateColumn {
  scale: "fraction" | "percent";
  /** Decimals of the published value in fraction terms (7,97 % → 4). */
  decimals: number;
}

export interface SheetRead {
  file?: string;
  sheet: string;
  kind: SheetKind | "unknown";
  detection: Detection;
  /** field → absolute 0-based column. */
  columns: Record<string, number>;
  roster?: RosterRow[];
  table?: FormRow[];
  rates: Record<string, RateColumn>;
  /** Indicator count of the standard used to order flags (undefined when unknown). */
  indicatorCount?: number;
  findings: Finding[];
}

export interface ReadOptions {
  /** The standard of the review year: orders deprivation flags and bounds the count. */
  standard?: Standard;
  file?: string;
}

const TOTAL_WORDS = /^(tong|cong|toan |total|grand total|ca nuoc|tinh chung|subtotal|sub total|sub-total)/;
const SUBTOTAL_WORDS =
  /^(sub ?-?total|(cong|tong cong|tong so|tong|total)( cac thon| khu vuc| area)? (thanh thi|nong thon|do thi|urban|rural)|(urban|rural)( area)? (sub ?-?)?total)/;
const ROMAN = /^(i|ii|iii|iv|v|vi|vii|viii|ix|x)([.):\s]|$)/;
const AREA_SECTION = /^(khu vuc )?(thanh thi|nong thon|do thi)$|^(urban|rural)( areas?)?$/;

/**
 * Kind of a table row from its label: subtotals of an area ("Cộng khu vực thành thị", "Subtotal rural area"),
 * totals ("Tổng cộng", "Toàn xã"), sections ("I. Thành thị"), body. The reader also turns a totals row that is
 * followed by another section into a subtotal.
 */
export function rowKindOf(label: string, seq: string): RowKind {
  const l = fold(label);
  if (SUBTOTAL_WORDS.test(l)) return "subtotal";
  if (TOTAL_WORDS.test(l)) return "total";
  const s = fold(seq);
  if (ROMAN.test(s) || ROMAN.test(l) || AREA_SECTION.test(l)) return "section";
  return "body";
}

const isBlank = (v: CellValue | undefined) =>
  v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** Blank, or a formula without a cached value (a template's formula in an unfilled row): not data. */
const isVoid = (v: CellValue | undefined) => isBlank(v) || (isCellError(v) && v.error === NO_CACHED_VALUE);

/** The row has stored cells (empty-text formula results, formulas without a cached value): a prepared input row. */
function hasCells(row: CellValue[]): boolean {
  for (let c = 0; c < row.length; c++) if (row[c] !== null && row[c] !== undefined) return true;
  return false;
}

/** Every cell of the row is blank (or a formula without a cached value). */
function isBlankRow(row: CellValue[] | undefined): boolean {
  if (!row) return true;
  for (let c = 0; c < row.length; c++) if (!isVoid(row[c])) return false;
  return true;
}

/** Where the data scan of a table is: blank-run state and the count of prepared (template) rows. */
interface ScanState {
  prevBlank: boolean;
  prepared: number;
}

/**
 * One step of the data scan shared by the roster and the form readers: "skip" a row without data in the
 * mapped columns (noting blank and prepared rows), "end" at notes below a blank row, else "data".
 */
function scanRow(
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
    if (st.prevBlank && notesStartAt(values, r, firstCol)) return "end";
    if (isBlankRow(row)) st.prevBlank = true;
    if (hasCells(row)) st.prepared++;
    return "skip";
  }
  if (st.prevBlank && notesStartAt(values, r, firstCol)) return "end";
  st.prevBlank = false;
  return "data";
}

const NOTE_START =
  /^(ghi chu|chu thich|chu y|luu y|nguon|can cu|ty le =|note|notes|source|legal basis|\*|\(\*|\(\d\)\s)/;

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

/**
 * Footnotes start at row r: the row before it is blank, row r is a note row, and every non-blank row from r to the
 * end of the sheet is a note row or a text-only row (the place-and-date line and signature block of a form). Then
 * the table ends above r. Looks ahead only until the first row that is neither.
 */
export function notesStartAt(values: CellValue[][], r: number, firstCol: number): boolean {
  if (r === 0 || !isBlankRow(values[r - 1]) || !isNoteRow(values[r], firstCol)) return false;
  for (let k = r + 1; k < values.length; k++) {
    const row = values[k];
    if (isBlankRow(row)) continue;
    if (!isNoteRow(row, firstCol) && !isTextOnlyRow(row)) return false;
  }
  return true;
}

/** Detect then read — the one-call entry for adapters. */
export function readSheet(grid: Grid, opts: ReadOptions & DetectOptions = {}): SheetRead {
  return read(grid, detect(grid, opts), opts);
}

/**
 * Read the data rows of a detected sheet into typed rows.
 * Findings: value problems (VALUE_*), structure problems in the data (STRUCT_DATA_BELOW_TOTAL,
 * STRUCT_MERGED_DATA, STRUCT_NO_DATA, or STRUCT_TEMPLATE_UNFILLED when the only rows below the header are prepared
 * input rows of a blank template), the scales chosen for rate columns (one RATE_SCALE), plus detection's.
 * Rows holding only formulas without a cached value are not data; footnotes below the table end it.
 */
export function read(grid: Grid, detected: Detection, opts: ReadOptions = {}): SheetRead {
  const detection = planResultIsActual(grid.values, detected) ? withResultAsActual(detected) : detected;
  const file = opts.file ?? grid.file;
  const sheet = grid.sheetName;
  const off = gridOffset(grid);
  const findings: Finding[] = [...detection.findings];
  const columns: Record<string, number> = {};
  for (const [f, c] of Object.entries(detection.mapping.byField)) columns[f] = c + off.col0;
  const base: SheetRead = { file, sheet, kind: detection.kind, detection, columns, rates: {}, findings };
  if (detection.kind === "unknown") return base;

  const values = grid.values;
  const ctx: Ctx = { file, sheet, off, findings };
  let prepared = 0;
  let end = values.length;
  if (detection.kind === "roster") {
    const out = readRoster(values, detection, ctx, opts.standard);
    base.roster = out.rows;
    base.indicatorCount = out.indicatorCount;
    prepared = out.prepared;
    end = out.end;
  } else {
    const out = readTable(grid, detection, ctx);
    base.table = out.rows;
    base.rates = out.rates;
    prepared = out.prepared;
    end = out.end;
  }
  reportMergedData(grid, detection, ctx, end);
  const n = base.roster?.length ?? base.table?.length ?? 0;
  if (n === 0) findings.push(finding(prepared > 0 ? "STRUCT_TEMPLATE_UNFILLED" : "STRUCT_NO_DATA", { file, sheet }));
  return base;
}

/** STRUCT_MERGED_DATA: merges over data cells between the header and the end of the table (footnotes excluded). */
function reportMergedData(grid: Grid, detection: Detection, ctx: Ctx, end: number): void {
  const textCols = new Set(
    ["unit", "seq", "head", "village", "indicator", "unitOfMeasure", "rowLabel"]
      .map((f) => detection.mapping.byField[f])
      .filter((c) => c !== undefined),
  );
  const { off } = ctx;
  for (const m of gridMerges(grid)) {
    if (m.r1 < detection.mapping.dataStart || m.r0 >= end) continue;
    let touchesData = false;
    for (let c = m.c0; c <= m.c1; c++) if (!textCols.has(c) || detection.kind === "roster") touchesData = true;
    if (!touchesData) continue;
    ctx.findings.push(
      finding(
        "STRUCT_MERGED_DATA",
        { file: ctx.file, sheet: ctx.sheet, row0: m.r0 + off.row0, col0: m.c0 + off.col0 },
        {
          range: `${columnLetters(m.c0 + off.col0)}${m.r0 + off.row0 + 1}:${columnLetters(m.c1 + off.col0)}${m.r1 + off.row0 + 1}`,
        },
      ),
    );
  }
}

interface Ctx {
  file?: string;
  sheet: string;
  off: { row0: number; col0: number };
  findings: Finding[];
}

function fieldLabel(field: string): Bilingual {
  const def = FIELD_BY_NAME[field];
  if (def) return def.label;
  if (field.startsWith("dep#"))
    return { vi: `Chỉ số thiếu hụt ${field.slice(4)}`, en: `Deprivation ${field.slice(4)}` };
  if (field.startsWith("dep.")) {
    const id = field.slice(4);
    const ind = INDICATOR_PHRASES.find((i) => i.ids.includes(id));
    if (ind) return ind.label;
  }
  return { vi: field, en: field };
}

function report(
  ctx: Ctx,
  code: string,
  r: number,
  c: number,
  field: string,
  params: Params = {},
  value?: string,
  expected?: string,
) {
  ctx.findings.push(
    finding(
      code,
      { file: ctx.file, sheet: ctx.sheet, row0: r + ctx.off.row0, col0: c + ctx.off.col0 },
      { field: fieldLabel(field), ...params },
      { field, value, expected },
    ),
  );
}

/**
 * Report why a numeric cell could not be read. Blank → nothing (the caller decides). "1,500" that the column's type
 * does not resolve → VALUE_AMBIGUOUS_NUMBER with both readings.
 */
function reportProblem(
  ctx: Ctx,
  r: number,
  c: number,
  field: string,
  problem: string,
  text: string,
  ambiguous?: Extract<NumberParse, { ok: false }>["ambiguous"],
) {
  if (problem === "blank") return;
  if (problem === "excelError") report(ctx, "VALUE_EXCEL_ERROR", r, c, field, { value: text }, text);
  else if (problem === "noCachedValue") report(ctx, "FORMULA_NO_CACHED_VALUE", r, c, field, {}, "");
  else if (problem === "ambiguous" && ambiguous) {
    const { intDigits: i, fracDigits: f } = ambiguous;
    report(
      ctx,
      "VALUE_AMBIGUOUS_NUMBER",
      r,
      c,
      field,
      { value: text, decimal: { vi: `${i},${f}`, en: `${i}.${f}` }, thousands: `${i}${f}` },
      text,
    );
  } else report(ctx, "VALUE_NOT_NUMBER", r, c, field, { value: text }, text);
}

/**
 * How a column's type resolves "1,500" (core/values): counts and money are thousands, rates and percentage points
 * decimals; scores, years and plain numbers are not resolved (the cell becomes VALUE_AMBIGUOUS_NUMBER).
 */
export function numberHint(type: ValueType): NumberHint | undefined {
  if (type === "count" || type === "money") return "integer";
  if (type === "rate" || type === "pp") return "decimal";
  return undefined;
}

/** Check a count-like number: finite, ≥ 0, integer for counts. Returns the value or undefined (reported). */
function checkNumber(ctx: Ctx, r: number, c: number, field: string, type: ValueType, n: number): number | undefined {
  if (n < 0 && type !== "number" && type !== "pp") {
    report(ctx, "VALUE_NEGATIVE", r, c, field, { value: n }, String(n));
    return undefined;
  }
  if (type === "count" && !Number.isInteger(n)) {
    report(ctx, "VALUE_NOT_INTEGER", r, c, field, { value: n }, String(n));
    return undefined;
  }
  return n;
}

// ------------------------------------------------------------------------------------------ roster

function readRoster(
  values: CellValue[][],
  det: Detection,
  ctx: Ctx,
  standard?: Standard,
): { rows: RosterRow[]; indicatorCount?: number; prepared: number; end: number } {
  const m = det.mapping.byField;
  const col = (f: string) => (f in m ? m[f] : -1);
  const cId = col("id"),
    cHead = col("head"),
    cUnit = col("unit"),
    cVillage = col("village"),
    cArea = col("area");
  const cMembers = col("members"),
    cIncome = col("income"),
    cA = col("scoreA"),
    cB = col("scoreB"),
    cCount = col("depTotal");
  const cCat = col("category"),
    cStart = col("startCategory"),
    cEm = col("ethnicMinority"),
    cAgri = col("agricultural"),
    cSeq = col("seq");
  const tgCols = Object.keys(m)
    .filter((f) => f.startsWith("tg."))
    .map((f) => ({ f, c: m[f], name: f.slice(3) }));

  // Deprivation columns → positions in the standard's indicator order.
  const indicators = standard?.indicators ?? null;
  const depCols = Object.keys(m)
    .filter(isDepField)
    .map((f) => ({ f, c: m[f], pos: -1 }));
  for (const d of depCols) {
    if (d.f.startsWith("dep#")) d.pos = Number(d.f.slice(4)) - 1;
    else if (indicators) {
      const id = d.f.slice(4);
      const aliases = INDICATOR_PHRASES.find((i) => i.ids.includes(id))?.ids ?? [id];
      d.pos = indicators.findIndex((ind) => aliases.includes(ind.id));
    }
  }
  depCols.sort((x, y) => x.c - y.c);
  const indicatorCount = indicators?.length;
  const completeFlags =
    indicators !== null &&
    indicatorCount !== undefined &&
    depCols.length === indicatorCount &&
    depCols.every((d) => d.pos >= 0 && d.pos < indicatorCount) &&
    new Set(depCols.map((d) => d.pos)).size === indicatorCount;
  const maxCount = indicatorCount ?? 14;

  const mappedCols = Object.values(m);
  const catMemo = new Map<string, Category | undefined>();
  const parseCat = (t: string) => {
    if (catMemo.has(t)) return catMemo.get(t);
    const v = parseCategory(t);
    catMemo.set(t, v);
    return v;
  };
  const areaMemo = new Map<string, ReturnType<typeof parseArea>>();
  const rows: RosterRow[] = [];
  let totalRow = -1;
  let belowTotalReported = false;

  const num = (row: CellValue[], r: number, c: number, field: string, type: ValueType): number | undefined => {
    if (c < 0) return undefined;
    const v = row[c];
    if (typeof v === "number" && Number.isFinite(v)) return checkNumber(ctx, r, c, field, type, v);
    const p = parseNumberCell(v, numberHint(type));
    if (!p.ok) {
      reportProblem(ctx, r, c, field, p.problem, p.text, p.ambiguous);
      return undefined;
    }
    return checkNumber(ctx, r, c, field, type, p.n.value);
  };

  const firstCol = Math.min(...mappedCols);
  const scan: ScanState = { prevBlank: false, prepared: 0 };
  let end = values.length;
  for (let r = det.mapping.dataStart; r < values.length; r++) {
    const step = scanRow(values, r, mappedCols, firstCol, scan);
    if (step === "skip") continue;
    if (step === "end") {
      end = r;
      break;
    }
    const row = values[r];
    const idText = cId >= 0 ? cellText(row[cId]) : "";
    if (!idText) {
      const label =
        [cSeq, cHead, cUnit, cVillage].map((c) => (c >= 0 ? cellText(row[c]) : "")).find((t) => t !== "") ??
        cellText(row.find((v) => typeof v === "string" && v.trim() !== ""));
      if (TOTAL_WORDS.test(fold(label))) {
        if (totalRow < 0) totalRow = r;
        continue;
      }
    }
    if (totalRow >= 0 && !belowTotalReported) {
      belowTotalReported = true;
      ctx.findings.push(
        finding(
          "STRUCT_DATA_BELOW_TOTAL",
          { file: ctx.file, sheet: ctx.sheet, row0: r + ctx.off.row0, col0: ctx.off.col0 },
          { totalRow: totalRow + ctx.off.row0 + 1 },
        ),
      );
    }
    if (cId >= 0 && idText.startsWith("#")) {
      reportProblem(ctx, r, cId, "id", idText === "#NO_CACHED_VALUE" ? "noCachedValue" : "excelError", idText);
    }
    const h: Household = {
      id: idText,
      unit: cUnit >= 0 ? cellText(row[cUnit]) : "",
      area: "rural",
      sourceRow: r + ctx.off.row0 + 1,
    };
    if (!idText)
      ctx.findings.push(
        finding(
          "HH_MISSING_ID",
          { file: ctx.file, sheet: ctx.sheet, row0: r + ctx.off.row0, col0: (cId >= 0 ? cId : 0) + ctx.off.col0 },
          {},
          { field: "id" },
        ),
      );
    if (cHead >= 0) {
      const t = cellText(row[cHead]);
      if (t) h.head = t;
    }
    if (cVillage >= 0) {
      const t = cellText(row[cVillage]);
      if (t) h.village = t;
    }
    let areaKnown = false;
    if (cArea >= 0) {
      const v = row[cArea];
      if (!isBlank(v)) {
        const t = cellText(v);
        let a = areaMemo.get(t);
        if (a === undefined && !areaMemo.has(t)) {
          a = parseArea(t);
          areaMemo.set(t, a);
        }
        if (a) {
          h.area = a;
          areaKnown = true;
        } else if (t.startsWith("#")) reportProblem(ctx, r, cArea, "area", "excelError", t);
        else report(ctx, "VALUE_UNKNOWN_AREA", r, cArea, "area", { value: t }, t);
      }
    }
    const members = num(row, r, cMembers, "members", "count");
    if (members !== undefined) h.members = members;
    const income = num(row, r, cIncome, "income", "money");
    if (income !== undefined) h.incomePerCapita = income;
    const sa = num(row, r, cA, "scoreA", "score");
    if (sa !== undefined) h.scoreA = sa;
    const sb = num(row, r, cB, "scoreB", "score");
    if (sb !== undefined) h.scoreB = sb;

    const out: RosterRow = { row0: r + ctx.off.row0, household: h };
    if (depCols.length) {
      let set = 0;
      let ok = true;
      const flags: (0 | 1)[] | undefined = completeFlags ? new Array(indicatorCount).fill(0) : undefined;
      for (const d of depCols) {
        const v = row[d.c];
        const f = v === 1 || v === null || v === undefined ? (v === 1 ? 1 : 0) : parseFlag(v);
        if (f === undefined) {
          ok = false;
          const t = cellText(v);
          if (t.startsWith("#"))
            reportProblem(ctx, r, d.c, d.f, t === "#NO_CACHED_VALUE" ? "noCachedValue" : "excelError", t);
          else report(ctx, "VALUE_FLAG_INVALID", r, d.c, d.f, { value: t }, t);
          continue;
        }
        set += f;
        if (flags) flags[d.pos] = f;
      }
      if (ok) {
        out.flagsSet = set;
        if (flags) h.deprivationFlags = flags;
        if (completeFlags || cCount < 0) h.deprivationCount = set;
      }
    }
    if (cCount >= 0) {
      const cnt = num(row, r, cCount, "depTotal", "count");
      if (cnt !== undefined) {
        if (cnt > maxCount)
          report(ctx, "VALUE_DEP_COUNT_RANGE", r, cCount, "depTotal", { value: cnt, max: maxCount }, String(cnt));
        else {
          out.declaredCount = cnt;
          if (h.deprivationCount === undefined) h.deprivationCount = cnt;
        }
      }
    }
    if (h.deprivationCount === undefined && h.scoreB !== undefined && standard) {
      const k = h.scoreB / standard.scores.bPerDeprivation;
      if (Number.isInteger(k)) h.deprivationCount = k;
    }
    if (cCat >= 0) {
      const v = row[cCat];
      if (!isBlank(v)) {
        const t = cellText(v);
        const cat = parseCat(t);
        out.categoryText = t;
        if (cat) h.declaredCategory = cat;
        else if (t.startsWith("#")) reportProblem(ctx, r, cCat, "category", "excelError", t);
        else report(ctx, "VALUE_UNKNOWN_CATEGORY", r, cCat, "category", { value: t }, t);
      }
    }
    if (cStart >= 0) {
      const v = row[cStart];
      if (!isBlank(v)) {
        const t = cellText(v);
        const cat = parseCat(t);
        if (cat) h.startCategory = cat;
        else report(ctx, "VALUE_UNKNOWN_CATEGORY", r, cStart, "startCategory", { value: t }, t);
      }
    }
    for (const [field, c, setter] of [
      ["ethnicMinority", cEm, (x: boolean) => (h.ethnicMinority = x)],
      ["agricultural", cAgri, (x: boolean) => (h.agricultural = x)],
    ] as const) {
      if (c < 0) continue;
      const f = parseFlag(row[c]);
      if (f === undefined)
        report(ctx, "VALUE_FLAG_INVALID", r, c, field, { value: cellText(row[c]) }, cellText(row[c]));
      else setter(f === 1);
    }
    for (const tg of tgCols) {
      const f = parseFlag(row[tg.c]);
      if (f === undefined)
        report(ctx, "VALUE_FLAG_INVALID", r, tg.c, tg.f, { value: cellText(row[tg.c]) }, cellText(row[tg.c]));
      else if (f === 1) (h.targetGroups ??= []).push(tg.name);
    }
    if (
      !areaKnown &&
      cArea >= 0 &&
      isBlank(row[cArea]) &&
      (h.incomePerCapita !== undefined || h.scoreA !== undefined) &&
      h.declaredCategory
    ) {
      report(ctx, "VALUE_MISSING", r, cArea, "area");
    }
    (out as RosterRow & { areaKnown?: boolean }).areaKnown = areaKnown;
    rows.push(out);
  }
  return { rows, indicatorCount, prepared: scan.prepared, end };
}

/** Whether the roster row's area was read from the sheet (rows default to rural otherwise). */
export function rosterAreaKnown(row: RosterRow): boolean {
  return (row as RosterRow & { areaKnown?: boolean }).areaKnown === true;
}

// ------------------------------------------------------------------------------------------ tables

/**
 * Row kinds that need the whole table: a totals row followed by another section closes its section (subtotal).
 * STRUCT_DATA_BELOW_TOTAL: a body row below the grand total (rows between a subtotal and the next section are
 * legitimate; footnotes were already cut off by the reader).
 */
/** RATE_SCALE: one info per sheet listing the rate columns and the scale chosen (grouped when they differ). */
function reportScales(choices: { col: number; why: Bilingual }[], det: Detection, ctx: Ctx): void {
  if (!choices.length) return;
  choices.sort((a, b) => a.col - b.col);
  const groups: { cols: string[]; why: Bilingual }[] = [];
  for (const x of choices) {
    const g = groups.find((y) => y.why.en === x.why.en);
    if (g) g.cols.push(columnLetters(x.col));
    else groups.push({ cols: [columnLetters(x.col)], why: x.why });
  }
  const scale: Bilingual =
    groups.length === 1
      ? groups[0].why
      : {
          vi: groups.map((g) => `${g.cols.join(", ")}: ${g.why.vi}`).join("; "),
          en: groups.map((g) => `${g.cols.join(", ")}: ${g.why.en}`).join("; "),
        };
  ctx.findings.push(
    finding(
      "RATE_SCALE",
      { file: ctx.file, sheet: ctx.sheet, row0: det.mapping.headerTop + ctx.off.row0, col0: choices[0].col },
      { columns: choices.map((x) => columnLetters(x.col)).join(", "), scale },
    ),
  );
}

function settleTotals(rows: FormRow[], ctx: Ctx): void {
  let sectionAfter = false;
  for (let i = rows.length - 1; i >= 0; i--) {
    const k = rows[i].kind;
    if (k === "section") sectionAfter = true;
    else if (k === "total" && sectionAfter) rows[i].kind = "subtotal";
  }
  const total = rows.find((x) => x.kind === "total");
  if (!total) return;
  const below = rows.find((x) => x.row0 > total.row0 && x.kind === "body");
  if (below)
    ctx.findings.push(
      finding(
        "STRUCT_DATA_BELOW_TOTAL",
        { file: ctx.file, sheet: ctx.sheet, row0: below.row0, col0: ctx.off.col0 },
        { totalRow: total.row0 + 1 },
      ),
    );
}

interface RawRate {
  r: number;
  c: number;
  n: ParsedNumber;
  text: boolean;
}

/** Denominator and numerator of each rate field (for the scale cross-check and RATE_MISMATCH). */
export const RATE_PARTS: Record<string, { count: string; total: string }> = {
  poorRate: { count: "poor", total: "households" },
  nearPoorRate: { count: "nearPoor", total: "households" },
  averageRate: { count: "average", total: "households" },
  poorMembersRate: { count: "poorMembers", total: "members" },
  nearPoorMembersRate: { count: "nearPoorMembers", total: "members" },
  averageMembersRate: { count: "averageMembers", total: "members" },
  startRate: { count: "startCount", total: "households" },
};

function readTable(
  grid: Grid,
  det: Detection,
  ctx: Ctx,
): { rows: FormRow[]; rates: Record<string, RateColumn>; prepared: number; end: number } {
  const values = grid.values;
  const m = det.mapping.byField;
  const fields = Object.keys(m);
  const cUnit = m.unit ?? -1;
  const cSeq = m.seq ?? -1;
  const cYear = m.year ?? -1;
  const rows: FormRow[] = [];
  const rawRates: Record<string, RawRate[]> = {};
  const rateFields = fields.filter((f) => {
    const t = FIELD_BY_NAME[f]?.type;
    return t === "rate" || t === "pp";
  });
  for (const f of rateFields) rawRates[f] = [];
  const merges = gridMerges(grid);
  const masterOf = (r: number, c: number): CellValue => {
    for (const mg of merges)
      if (r >= mg.r0 && r <= mg.r1 && c >= mg.c0 && c <= mg.c1) return values[mg.r0]?.[mg.c0] ?? null;
    return values[r]?.[c] ?? null;
  };
  const firstCol = Math.min(...Object.values(m));
  const mapped = new Set(Object.values(m));
  const scan: ScanState = { prevBlank: false, prepared: 0 };
  const fieldCols = fields.map((f) => m[f]);
  let end = values.length;

  for (let r = det.mapping.dataStart; r < values.length; r++) {
    const step = scanRow(values, r, fieldCols, firstCol, scan);
    if (step === "skip") continue;
    if (step === "end") {
      end = r;
      break;
    }
    const row = values[r];
    let label = cUnit >= 0 ? cellText(masterOf(r, cUnit)) : "";
    const seq = cSeq >= 0 ? cellText(masterOf(r, cSeq)) : "";
    let year: number | undefined;
    if (cYear >= 0) {
      const p = parseNumberCell(row[cYear]);
      if (p.ok && Number.isInteger(p.n.value)) year = p.n.value;
      if (!label && year !== undefined) label = String(year);
    }
    // Text cells outside the mapped numeric columns: row labels such as "Hộ" / "Nhân khẩu".
    let measure: FormRow["measure"] = "households";
    for (let c = 0; c < row.length; c++) {
      const v = mapped.has(c) && c !== cUnit && c !== m.rowLabel ? null : row[c];
      if (typeof v !== "string") continue;
      const f = fold(v);
      if (/(^| )(nhan khau|khau|members|persons)( |$)/.test(f)) measure = "members";
      if (!label && f && !/^(ho|households?)$/.test(f) && measure === "households") label = v.trim();
    }
    if (!label) label = seq;
    const prevRow = rows[rows.length - 1];
    let kind = rowKindOf(label, seq);
    if (!label && measure === "members" && prevRow && prevRow.row0 === r - 1 + ctx.off.row0) {
      kind = prevRow.kind;
      label = prevRow.label;
    }
    const tr: FormRow = { row0: r + ctx.off.row0, label, key: fold(label), kind, measure, values: {}, texts: {} };
    if (year !== undefined) tr.year = year;
    const planHint =
      det.kind === "plan" && m.unitOfMeasure !== undefined ? unitHint(cellText(row[m.unitOfMeasure])) : undefined;
    for (const f of fields) {
      const def = FIELD_BY_NAME[f];
      const type: ValueType = def ? def.type : isDepField(f) ? "count" : "number";
      const c = m[f];
      if (type === "text" || type === "year") {
        const t = cellText(row[c]);
        if (t) tr.texts[f] = t;
        continue;
      }
      const v = row[c];
      if (det.kind === "plan") {
        readPlanCell(ctx, tr, r, c, f, v, type === "rate" ? "decimal" : planHint);
        continue;
      }
      if (type === "rate" || type === "pp") {
        const p = parseNumberCell(v, "decimal");
        if (!p.ok) reportProblem(ctx, r, c, f, p.problem, p.text, p.ambiguous);
        else rawRates[f].push({ r, c, n: p.n, text: typeof v === "string" });
        continue;
      }
      if (typeof v === "number" && Number.isFinite(v)) {
        const x = checkNumber(ctx, r, c, f, type, v);
        if (x !== undefined) tr.values[f] = x;
        continue;
      }
      const p = parseNumberCell(v, numberHint(type));
      if (!p.ok) {
        reportProblem(ctx, r, c, f, p.problem, p.text, p.ambiguous);
        continue;
      }
      const x = checkNumber(ctx, r, c, f, type, p.n.value);
      if (x !== undefined) tr.values[f] = x;
    }
    rows.push(tr);
  }
  settleTotals(rows, ctx);

  // Rate columns: decide the scale per column, then convert to fractions.
  const rates: Record<string, RateColumn> = {};
  const rowByR = new Map(rows.map((x) => [x.row0 - ctx.off.row0, x]));
  const ppLike: RateColumn["scale"][] = [];
  const scaleChoices: { col: number; why: Bilingual }[] = [];
  for (const f of rateFields
    .filter((x) => FIELD_BY_NAME[x].type === "rate")
    .concat(rateFields.filter((x) => FIELD_BY_NAME[x].type === "pp"))) {
    const raws = rawRates[f];
    const c = m[f];
    const fmtInfo = (() => {
      for (const x of raws) {
        const p = formatPrecision(grid.numberFormats?.[x.r]?.[c]);
        if (p) return p;
      }
      return undefined;
    })();
    const numeric = raws.filter((x) => !x.n.percent);
    let scale: RateColumn["scale"];
    let why: Bilingual;
    if (fmtInfo?.percent) {
      scale = "fraction";
      why = {
        vi: "phân số theo định dạng % của ô (0,0797 hiển thị 7,97 %)",
        en: "fractions, from the cells' % number format (0.0797 shows as 7.97 %)",
      };
    } else if (numeric.some((x) => Math.abs(x.n.value) > 1)) {
      scale = "percent";
      why = {
        vi: "số phần trăm (7,97 = 7,97 %) vì có giá trị lớn hơn 1",
        en: "percent numbers (7.97 = 7.97 %) because some values exceed 1",
      };
    } else if (numeric.length === 0) {
      scale = "fraction";
      why = { vi: "phần trăm có ký hiệu % trong ô", en: "percent text with a % sign" };
    } else {
      const parts = RATE_PARTS[f];
      let errF = 0;
      let errP = 0;
      let compared = 0;
      if (parts) {
        for (const x of numeric) {
          const tr = rowByR.get(x.r);
          const cnt = tr?.values[parts.count];
          const tot = tr?.values[parts.total];
          if (cnt === undefined || !tot) continue;
          const e = cnt / tot;
          errF += Math.abs(x.n.value - e);
          errP += Math.abs(x.n.value / 100 - e);
          compared++;
        }
      }
      if (compared > 0) {
        scale = errP < errF ? "percent" : "fraction";
        why =
          scale === "percent"
            ? {
                vi: "số phần trăm (7,97 = 7,97 %), khớp với số hộ ÷ tổng số hộ",
                en: "percent numbers (7.97 = 7.97 %), matching count ÷ total",
              }
            : {
                vi: "phân số (0,0797 = 7,97 %), khớp với số hộ ÷ tổng số hộ",
                en: "fractions (0.0797 = 7.97 %), matching count ÷ total",
              };
      } else if (f === "reductionPp" && ppLike.length) {
        scale = ppLike[0];
        why =
          scale === "percent"
            ? {
                vi: "điểm phần trăm như các cột tỷ lệ của bảng (1,5 = 1,5 điểm %)",
                en: "percentage points like the table's rate columns (1.5 = 1.5 pp)",
              }
            : { vi: "phân số như các cột tỷ lệ của bảng", en: "fractions like the table's rate columns" };
      } else if (/%/.test(det.mapping.columns.find((x) => x.field === f)?.header ?? "")) {
        scale = "percent";
        why = { vi: "số phần trăm vì tiêu đề cột ghi (%)", en: "percent numbers because the header says (%)" };
      } else {
        scale = "fraction";
        why = { vi: "phân số (mọi giá trị ≤ 1)", en: "fractions (all values ≤ 1)" };
      }
    }
    if (FIELD_BY_NAME[f].type === "rate") ppLike.push(scale);
    // Precision in fraction terms.
    let decimals: number;
    if (fmtInfo) decimals = fmtInfo.decimals + (fmtInfo.percent || scale === "percent" ? 2 : 0);
    else {
      decimals = 0;
      for (const x of raws) {
        const d = x.n.percent ? x.n.decimals : x.n.decimals + (scale === "percent" ? 2 : 0);
        if (d > decimals) decimals = d;
      }
      decimals = Math.min(decimals, 12);
    }
    rates[f] = { scale, decimals };
    if (raws.length) scaleChoices.push({ col: c + ctx.off.col0, why });
    for (const x of raws) {
      const value = x.n.percent ? x.n.value : scale === "percent" ? x.n.value / 100 : x.n.value;
      const tr = rowByR.get(x.r);
      if (!tr) continue;
      const isRate = FIELD_BY_NAME[f].type === "rate";
      if ((isRate && (value < -1e-12 || value > 1 + 1e-12)) || (!isRate && Math.abs(value) > 1 + 1e-12)) {
        report(
          ctx,
          "VALUE_RATE_RANGE",
          x.r,
          x.c,
          f,
          { value: { vi: formatPercent(value, "vi"), en: formatPercent(value, "en") } },
          String(value),
        );
        continue;
      }
      tr.values[f] = value;
    }
  }
  reportScales(scaleChoices, det, ctx);
  return { rows, rates, prepared: scan.prepared, end };
}

// ------------------------------------------------------------------------------------------ plan indicators

const COUNT_UNITS =
  /^(ho|ho gia dinh|nguoi|lao dong|nhan khau|khau|xa|thon|ban|to|cong trinh|hoc sinh|lop|mo hinh|du an|households?|people|persons|workers|communes|villages|projects|units)$/;

/**
 * How a plan row's unit of measure resolves "1,500": counts ("hộ", "người", "households") are thousands, a percent
 * ("%", "điểm %", "tỷ lệ") a decimal; anything else (money in "triệu đồng" may well be 1,5) is not resolved.
 */
export function unitHint(unitOfMeasure: string): NumberHint | undefined {
  const u = fold(unitOfMeasure).replace(/[()]/g, "").trim();
  if (!u) return undefined;
  if (/%|phan tram|percent|ty le|diem/.test(u)) return "decimal";
  if (COUNT_UNITS.test(u)) return "integer";
  return undefined;
}

const BOUND_BEFORE =
  /^(>=|<=|≥|≤|>|<|tren|duoi|toi thieu|toi da|it nhat|khong qua|khong duoi|khong thap hon|tu|above|below|over|under|at least|at most|more than|less than|min|max)\s*:?\s*/;
const BOUND_AFTER = /\s*(tro len|tro xuong|tro len tren|or more|or less|and above|and below|\+)$/;
const RANGE = /^(.+?)\s*(?:–|—|-|~|den|to)\s*(.+)$/;

/**
 * A plan written as a range ("1–1,5", "1-1.5", "1,2 đến 1,5 %") or a bound ("≥ 90%", "trên 90%", "từ 1,5% trở lên",
 * "at least 90"): the text is a target, not a typo, though it is not one number.
 */
export function isRangeOrBound(text: string, hint?: NumberHint): boolean {
  const t = fold(text);
  const num = (x: string) => {
    const n = parseNumberText(x, hint);
    return n !== undefined && !n.ambiguous;
  };
  const rm = RANGE.exec(t);
  if (rm && num(rm[1]) && num(rm[2])) return true;
  const inner = t.replace(BOUND_BEFORE, "").replace(BOUND_AFTER, "");
  return inner !== t && num(inner);
}

/**
 * One cell of a numeric plan column (plan, actual, baseline, % achieved): a number, or — never silently — a finding:
 * PLAN_TARGET_RANGE (info) for a range or bound in the plan column, kept as text; VALUE_NOT_NUMBER for other text,
 * VALUE_AMBIGUOUS_NUMBER for "1,500" the row's unit of measure does not resolve, VALUE_EXCEL_ERROR for errors.
 * Signs and plan-specific checks are rules/plan.ts's.
 */
function readPlanCell(ctx: Ctx, tr: FormRow, r: number, c: number, f: string, v: CellValue, hint?: NumberHint): void {
  const p = parseNumberCell(v, hint);
  if (p.ok) {
    tr.values[f] = p.n.value;
    return;
  }
  if (p.problem === "blank") return;
  const t = cellText(v);
  tr.texts[f] = t;
  if (f === "planTarget" && p.problem === "notNumber" && isRangeOrBound(t, hint)) {
    ctx.findings.push(
      finding(
        "PLAN_TARGET_RANGE",
        { file: ctx.file, sheet: ctx.sheet, row0: r + ctx.off.row0, col0: c + ctx.off.col0 },
        { value: t },
        { field: f, value: t },
      ),
    );
    return;
  }
  reportProblem(ctx, r, c, f, p.problem, p.text, p.ambiguous);
}

/**
 * "Kết quả" heads the status column (Đạt / Vượt / Chưa đạt) of most tracking tables, but some sheets use it for the
 * actual figure. When a plan sheet has no other actual column and the "Kết quả" column holds mostly numbers, it is
 * the actual.
 */
function planResultIsActual(values: CellValue[][], det: Detection): boolean {
  const m = det.mapping.byField;
  if (det.kind !== "plan" || "planActual" in m || !("planStatus" in m)) return false;
  const c = m.planStatus;
  let numbers = 0;
  let texts = 0;
  for (let r = det.mapping.dataStart; r < Math.min(values.length, det.mapping.dataStart + 200); r++) {
    const v = values[r]?.[c];
    if (isBlank(v)) continue;
    if (parseNumberCell(v, "decimal").ok) numbers++;
    else texts++;
  }
  return numbers > texts;
}

/** The detection with the plan's "Kết quả" column read as the actual (see planResultIsActual). */
function withResultAsActual(det: Detection): Detection {
  const { planStatus, ...rest } = det.mapping.byField;
  return {
    ...det,
    mapping: {
      ...det.mapping,
      byField: { ...rest, planActual: planStatus },
      columns: det.mapping.columns.map((x) => (x.field === "planStatus" ? { ...x, field: "planActual" } : x)),
    },
  };
}

export { decimalsOf };
