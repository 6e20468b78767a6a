/** Helpers shared by the per-kind readers: where findings go, how a cell problem is reported, count checks. */
import type { Bilingual } from "../../i18n";
import type { Finding } from "../../findings/finding";
import { finding, type FindingCode, type Params } from "../../findings/catalogue";
import { FIELD_BY_NAME, INDICATOR_PHRASES, type ValueType } from "../fields";
import type { NumberHint, NumberParse } from "../parse";
import type { ScanState } from "../extent";

/** Default upper bound of a household's members (VALUE_MEMBERS_RANGE; `--max-members` changes it). */
export const DEFAULT_MAX_MEMBERS = 50;

export interface Ctx {
  file?: string;
  sheet: string;
  off: { row0: number; col0: number };
  findings: Finding[];
  /** The sheet cell (0-based, absolute) of a grid cell: the offset, or a year-wide table's transposition. */
  cell(r: number, c: number): { row0: number; col0: number };
  /** The grid is a year-wide table's series: its columns are rows of the sheet. */
  transposed?: boolean;
  /** Upper bound of a household's members (ReadOptions.maxMembers; the lower bound is 1). */
  maxMembers?: number;
}

export function fieldLabel(field: string): Bilingual {
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

export function report(
  ctx: Ctx,
  code: FindingCode,
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
      { file: ctx.file, sheet: ctx.sheet, ...ctx.cell(r, c) },
      { field: fieldLabel(field), ...params },
      { field, value, expected },
    ),
  );
}

/**
 * Report why a numeric cell could not be read. Blank → nothing (the caller decides). "1,500" that the column's type
 * does not resolve → VALUE_AMBIGUOUS_NUMBER with both readings.
 */
export function reportProblem(
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
export function checkNumber(
  ctx: Ctx,
  r: number,
  c: number,
  field: string,
  type: ValueType,
  n: number,
): number | undefined {
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

/** STRUCT_BELOW_TABLE_IGNORED when the scan ended at the notes with stray cells below them. */
export function reportStray(ctx: Ctx, scan: ScanState): void {
  if (!scan.stray) return;
  const { r, c, count, notesRow } = scan.stray;
  ctx.findings.push(
    finding(
      "STRUCT_BELOW_TABLE_IGNORED",
      { file: ctx.file, sheet: ctx.sheet, ...ctx.cell(r, c) },
      { notesRow: ctx.cell(notesRow, 0).row0 + 1, count },
    ),
  );
}
