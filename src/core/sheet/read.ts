/**
 * Typed row readers: one forward pass over the data rows of a detected sheet.
 * read(grid, detection, opts) → household rows (roster) or table rows (forms) + findings.
 * Every cell that cannot be read becomes a finding; nothing unreadable is turned into zero.
 */
import type { Grid } from "../grid";
import type { Household } from "../household";
import type { Finding } from "../findings/finding";
import { columnLetters } from "../address";
import { finding } from "../findings/catalogue";
import type { Standard } from "../standards/schema";
import type { SheetKind } from "./fields";
import { detect, gridMerges, gridOffset, type Detection, type DetectOptions } from "./detect";
import { decimalsOf, parseNumberCell } from "./parse";
import type { Ctx } from "./readers/common";
import { readRoster } from "./readers/roster";
import { readTable } from "./readers/table";
import { sheetCell, yearWideTable, type Transposition } from "./transpose";
import { planResultIsActual, withResultAsActual } from "./readers/plan";
import { readIssueFindings } from "./issues";
export { DEFAULT_MAX_MEMBERS } from "./readers/common";

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
  /**
   * Fields whose cell holds something the reader reported and could not read (a count of 10,98, a word in a number
   * column): not blank, so sums and identities over them are left out rather than computed without them.
   */
  unread?: string[];
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
  /** Where the grid starts on the sheet (0-based): detection's header rows are grid-relative. */
  offset?: { row0: number; col0: number };
  /**
   * Set when the sheet is a year-wide table read as its series: rows and columns of the read are the series',
   * `sheetCell` maps them to the sheet (locate.ts does it for every finding).
   */
  transposition?: Transposition;
  findings: Finding[];
}

export interface ReadOptions {
  /** Internal: the grid is the series of a year-wide table (set by readSheet). */
  transposition?: Transposition;
  /** The standard of the review year: orders deprivation flags and bounds the count. */
  standard?: Standard;
  file?: string;
  /** Largest number of members a household may have (default DEFAULT_MAX_MEMBERS = 50; the smallest is 1). */
  maxMembers?: number;
}

/**
 * Detect then read — the one-call entry for adapters. A sheet no header matches may be a year-wide table (years in
 * the columns, indicators in the rows, transpose.ts): it is read as the series it is, its findings on its own cells.
 */
export function readSheet(grid: Grid, opts: ReadOptions & DetectOptions = {}): SheetRead {
  return readDetectedSheet(grid, detect(grid, opts), opts);
}

/**
 * Read a sheet whose detection is already at hand (a caller that detected every sheet first, e.g. to resolve review
 * years): the same reading as `readSheet`, year-wide tables included.
 */
export function readDetectedSheet(grid: Grid, detected: Detection, opts: ReadOptions & DetectOptions = {}): SheetRead {
  if (detected.kind === "unknown" && !opts.kind && !opts.mapping) {
    const wide = yearWideTable(grid);
    if (wide) {
      const d = detect(wide.grid, opts);
      if (d.kind !== "unknown") {
        // The series' column findings (unmapped, ambiguous) name columns the sheet does not have: describeRead
        // lists the indicators read and not read instead.
        const kept = d.findings.filter((f) => !f.code.startsWith("STRUCT_") || f.cell === "");
        return read(wide.grid, { ...d, findings: kept }, { ...opts, transposition: wide.transposition });
      }
    }
  }
  return read(grid, detected, opts);
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
  // Cells the file reader could not interpret are findings of every read, whatever the sheet's kind.
  const findings: Finding[] = [...detection.findings, ...readIssueFindings(grid, file)];
  const columns: Record<string, number> = {};
  for (const [f, c] of Object.entries(detection.mapping.byField)) columns[f] = c + off.col0;
  const base: SheetRead = { file, sheet, kind: detection.kind, detection, columns, rates: {}, findings, offset: off };
  const t = opts.transposition;
  if (t) base.transposition = t;
  if (detection.kind === "unknown") return base;

  const values = grid.values;
  const ctx: Ctx = {
    file,
    sheet,
    off,
    findings,
    cell: t ? (r, c) => sheetCell(t, r, c) : (r, c) => ({ row0: r + off.row0, col0: c + off.col0 }),
    ...(t ? { transposed: true } : {}),
    ...(opts.maxMembers !== undefined ? { maxMembers: opts.maxMembers } : {}),
  };
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
    // Text merged over data rows is a note: the reader reports it as read as a note (VALUE_READ_AS_NOTE).
    const master = grid.values[m.r0]?.[m.c0];
    if (detection.kind !== "roster" && typeof master === "string" && !parseNumberCell(master).ok) continue;
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

export { rowKindOf } from "./rows";
export { isNoteRow, isTextOnlyRow, notesStartAt } from "./extent";
export { numberHint } from "./readers/common";
export { rosterAreaKnown } from "./readers/roster";
export { RATE_PARTS } from "./readers/table";
export { unitHint, isRangeOrBound } from "./readers/plan";
export { decimalsOf };
