/**
 * The one normalising layer between what Excel hands a custom function and what the core takes.
 *
 * Pure: no Office, no DOM. Every function either returns a typed value or throws a `PovertyError`
 * (Vietnamese message first); the errors adapter (./errors.ts) turns that into a `CustomFunctions.Error`.
 *
 * What arrives from Excel (office-js issues #4702, #1951, #5262; HyperFormula #1265):
 * - a blank cell reaches an `any` parameter as `0` on desktop and `null` on the web, and as `0` in
 *   matrix arguments; HyperFormula hands a private Symbol. `null`, `undefined`, `""`, whitespace-only
 *   text and any Symbol are blank here; `0` is blank only when the caller says so (`zeroIsBlank`).
 * - numbers, booleans, text (possibly numeric text typed in Vietnamese format: "1.500.000", "7,97", "7,97 %"),
 *   and error values (`CustomFunctions.Error`, Office.js strings "#N/A", ExcelJS `{ error }`,
 *   HyperFormula `CellError`). An error value is never read as zero: it is re-raised with its own code.
 *
 * This module handles *format* only. Whether a number is allowed (negative, above a total, a known
 * area …) is the core's business.
 */
import { fail, PovertyError, type PovertyErrorCode } from "../core/errors";
import { EXCEL_ERROR_TEXTS } from "../core/grid";
import { flagOfText, parseNumberText, type NumberHint } from "../core/values";
import { parseReduction } from "../core/targets";

/** `details.excelError` on a PovertyError raised for an error input: the adapter re-raises that code. */
export interface ErrorInputDetails {
  excelError: string;
  [key: string]: unknown;
}

/** True for the values that mean "nothing in the cell" (not including 0). */
export function isBlank(v: unknown): boolean {
  return v === null || v === undefined || typeof v === "symbol" || (typeof v === "string" && v.trim() === "");
}

const ERROR_TYPE_TO_TEXT: Record<string, string> = {
  // HyperFormula ErrorType values
  DIV_BY_ZERO: "#DIV/0!",
  NA: "#N/A",
  VALUE: "#VALUE!",
  NUM: "#NUM!",
  REF: "#REF!",
  NAME: "#NAME?",
  ERROR: "#NULL!",
  SPILL: "#SPILL!",
  CYCLE: "#VALUE!",
  LIC: "#VALUE!",
};

/**
 * The Excel error text of an error value, or undefined when `v` is not an error.
 * Recognises Office.js error strings ("#N/A"), ExcelJS `{ error: "#N/A" }`, `CustomFunctions.Error`
 * (`{ code: "#N/A" }`) and HyperFormula's `CellError` (`{ type: "NA" }`).
 */
export function excelErrorOf(v: unknown): string | undefined {
  if (typeof v === "string") {
    const t = v.trim().toUpperCase();
    return EXCEL_ERROR_TEXTS.includes(t) ? t : undefined;
  }
  if (typeof v !== "object" || v === null || v instanceof Date || Array.isArray(v)) return undefined;
  const o = v as { error?: unknown; code?: unknown; type?: unknown };
  if (typeof o.error === "string" && o.error.startsWith("#")) return o.error;
  if (typeof o.code === "string" && o.code.startsWith("#")) return o.code;
  if (typeof o.type === "string" && ERROR_TYPE_TO_TEXT[o.type]) return ERROR_TYPE_TO_TEXT[o.type];
  return undefined;
}

/** Shorten a value for a message: long text is cut, so messages stay readable in a cell tooltip. */
export function show(v: unknown): string {
  const s = typeof v === "string" ? `"${v}"` : String(v);
  return s.length > 40 ? `${s.slice(0, 37)}…` : s;
}

/** Throw the PovertyError that re-raises an input error value with its own Excel code. */
function failErrorInput(what: string, err: string): never {
  throw new PovertyError({
    code: "INVALID_ARGUMENT",
    messageVi: `${what} chứa lỗi ${err}`,
    messageEn: `${what} contains the error ${err}`,
    details: { excelError: err } satisfies ErrorInputDetails,
  });
}

// Numeric text ---------------------------------------------------------------------------------

/**
 * Parse numeric text as typed in Vietnam or in English, with the core's rules (core/values `parseNumberText`:
 * "1.500.000", "7,97", "7,97 %" → 0.0797, "1.500,5", "1,500,000.5", "1 500 000 đ", "(1.500)" → −1500 …).
 * Returns undefined when the text is not a number. `hint` resolves "1,500" ("integer": 1500, "decimal": 1.5);
 * without one, "1,500" (1,5 in Vietnamese, 1500 in English) throws INVALID_NUMBER asking for "1500" or "1,5".
 */
export function parseNumericText(text: string, hint?: NumberHint): number | undefined {
  const n = parseNumberText(text, hint);
  if (n === undefined) return undefined;
  if (n.ambiguous) {
    const { intDigits: i, fracDigits: f } = n.ambiguous;
    const short = f.replace(/0+$/, "") || "0";
    return fail(
      "INVALID_NUMBER",
      `Không rõ ${show(text)} là ${i},${f} hay ${i}${f}: hãy ghi ${i}${f} hoặc ${i},${short}`,
      `${show(text)} is ambiguous (${i}.${f} in Vietnamese, ${i}${f} in English): write ${i}${f} or ${i}.${short}`,
      { value: text },
    );
  }
  return n.value;
}

// Numbers --------------------------------------------------------------------------------------

export interface NumberOptions {
  /** Treat 0 as blank (for arguments where Excel desktop sends 0 for an empty cell and 0 is not a real value). */
  zeroIsBlank?: boolean;
  /** Booleans: "reject" (default; a TRUE in a count column is a mistake) or "number" (TRUE = 1, FALSE = 0). */
  booleans?: "reject" | "number";
  /** What the value is, in Vietnamese and English, for messages: e.g. ["Số hộ nghèo", "The poor count"]. */
  label?: readonly [string, string];
}

const DEFAULT_LABEL: readonly [string, string] = ["Giá trị", "The value"];

/**
 * A cell value as a finite number, or `null` for blank.
 * Throws: an error input → re-raised with its own code; text that is not a number → INVALID_NUMBER;
 * a boolean (unless `booleans: "number"`) → INVALID_NUMBER; NaN/Infinity → INVALID_NUMBER.
 */
export function toNumberOrBlank(v: unknown, opts?: NumberOptions): number | null {
  if (typeof v === "number") {
    if (Number.isFinite(v)) return v === 0 && opts?.zeroIsBlank ? null : v;
    const [vi, en] = opts?.label ?? DEFAULT_LABEL;
    return fail("INVALID_NUMBER", `${vi} không phải là số hữu hạn (${v})`, `${en} is not a finite number (${v})`, {
      value: v,
    });
  }
  if (isBlank(v)) return null;
  const [vi, en] = opts?.label ?? DEFAULT_LABEL;
  if (typeof v === "boolean") {
    if (opts?.booleans === "number") return v ? 1 : 0;
    return fail(
      "INVALID_NUMBER",
      `${vi} phải là số, không phải ${v ? "TRUE" : "FALSE"}`,
      `${en} must be a number, not ${v ? "TRUE" : "FALSE"}`,
      { value: v },
    );
  }
  const err = excelErrorOf(v);
  if (err) failErrorInput(vi, err);
  if (typeof v === "string") {
    const n = parseNumericText(v);
    if (n !== undefined) return n === 0 && opts?.zeroIsBlank ? null : n;
    return fail(
      "INVALID_NUMBER",
      `${vi} phải là số, không phải chữ ${show(v)}`,
      `${en} must be a number, not the text ${show(v)}`,
      {
        value: v,
      },
    );
  }
  if (v instanceof Date)
    return fail("INVALID_NUMBER", `${vi} phải là số, không phải ngày tháng`, `${en} must be a number, not a date`);
  return fail("INVALID_NUMBER", `${vi} phải là số`, `${en} must be a number`, { value: String(v) });
}

/** Like toNumberOrBlank, but a blank is an error with `blankCode` (default MISSING_VALUE). */
export function toNumber(v: unknown, opts?: NumberOptions & { blankCode?: PovertyErrorCode }): number {
  const n = toNumberOrBlank(v, opts);
  if (n !== null) return n;
  const [vi, en] = opts?.label ?? DEFAULT_LABEL;
  return fail(opts?.blankCode ?? "MISSING_VALUE", `${vi} đang trống`, `${en} is blank`);
}

/**
 * A reduction-target cell → a fraction, by the core's one reading of a reduction (`parseReduction`, the same as the
 * task pane and `poverty targets`): a number is a fraction, as every rate in a cell (a cell showing 1,5 % holds
 * 0.015); text is in percentage points ("1,5", "1,5 điểm %", "1,5%"). Blank → MISSING_VALUE; an error value is
 * re-raised; TRUE/FALSE → INVALID_NUMBER.
 */
export function toReduction(v: unknown, label?: readonly [string, string]): number {
  if (typeof v === "string" && !isBlank(v) && !excelErrorOf(v)) return parseReduction(v);
  return parseReduction(toNumber(v, { label }));
}

/** An optional scalar argument: `null`/omitted/blank → undefined, else a number. 0 is a real value. */
export function optionalNumber(v: unknown, label?: readonly [string, string]): number | undefined {
  const first = firstCell(v);
  const n = toNumberOrBlank(first, { label });
  return n === null ? undefined : n;
}

// Text -----------------------------------------------------------------------------------------

/** A cell as trimmed text, or null for blank. Numbers become their plain string (ids like 1001). Errors re-raise. */
export function toTextOrBlank(v: unknown, label?: readonly [string, string]): string | null {
  if (isBlank(v)) return null;
  if (typeof v === "string") {
    const err = excelErrorOf(v);
    if (err) failErrorInput((label ?? DEFAULT_LABEL)[0], err);
    return v.trim();
  }
  if (typeof v === "number") {
    if (!Number.isFinite(v)) fail("INVALID_NUMBER", "Giá trị không hợp lệ", "Invalid value", { value: v });
    return String(v);
  }
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  const err = excelErrorOf(v);
  if (err) failErrorInput((label ?? DEFAULT_LABEL)[0], err);
  return String(v);
}

/** An optional text option (method, kind …): blank → undefined; 0 (a blank on desktop) → undefined. */
export function optionalText(v: unknown, label?: readonly [string, string]): string | undefined {
  const first = firstCell(v);
  if (first === 0) return undefined;
  const t = toTextOrBlank(first, label);
  return t === null ? undefined : t;
}

// Flags ----------------------------------------------------------------------------------------

/**
 * A deprivation flag: 1 = deprived, 0 = not deprived, null = blank (the caller decides; for flags a
 * blank means "not marked", i.e. 0, as on the paper form where only deprivations are ticked).
 * Accepts 1/0, TRUE/FALSE and the core's flag words (core/values FLAG_YES_WORDS / FLAG_NO_WORDS, the same as the
 * sheet reader's): "x", "có"/"không" (also without diacritics), "c"/"k", "yes"/"no", "✓", "đủ", "thiếu" ….
 * Throws INVALID_ARGUMENT for anything else (2, "?", an error value re-raises).
 */
export function toFlag(v: unknown, label?: readonly [string, string]): 0 | 1 | null {
  if (v === 1 || v === true) return 1;
  if (v === 0 || v === false) return 0;
  if (isBlank(v)) return null;
  const [vi, en] = label ?? ["Chỉ số thiếu hụt", "A deprivation flag"];
  if (typeof v === "string") {
    const err = excelErrorOf(v);
    if (err) failErrorInput(vi, err);
    const f = flagOfText(v);
    if (f !== undefined) return f;
    return fail(
      "INVALID_ARGUMENT",
      `${vi} phải là 1/0, TRUE/FALSE, "x" hoặc "có"/"không", không phải ${show(v)}`,
      `${en} must be 1/0, TRUE/FALSE, "x" or "có"/"không", not ${show(v)}`,
      { value: v },
    );
  }
  const err = excelErrorOf(v);
  if (err) failErrorInput(vi, err);
  return fail(
    "INVALID_ARGUMENT",
    `${vi} phải là 1 hoặc 0, không phải ${show(v)}`,
    `${en} must be 1 or 0, not ${show(v)}`,
    { value: typeof v === "number" ? v : String(v) },
  );
}

// Shapes ---------------------------------------------------------------------------------------

/** Any argument as a 2-D array: a scalar becomes 1×1, a 1-D array one row. */
export function asMatrix(v: unknown): unknown[][] {
  if (!Array.isArray(v)) return [[v]];
  if (v.length === 0) return [[null]];
  if (!Array.isArray(v[0])) return [v as unknown[]];
  return v as unknown[][];
}

/** The top-left value of an argument (a scalar passed as 1×1, or the first cell of a range). */
export function firstCell(v: unknown): unknown {
  if (!Array.isArray(v)) return v;
  const row = v[0];
  return Array.isArray(row) ? row[0] : row;
}

/** True when an omitted/blank optional matrix argument: null, [[null]], [[""]], or [[0]] (desktop blank). */
export function isOmitted(v: unknown): boolean {
  if (v === null || v === undefined) return true;
  const m = asMatrix(v);
  if (m.length !== 1 || m[0].length !== 1) return false;
  const c = m[0][0];
  return isBlank(c) || c === 0;
}

/** Rows × columns of a 2-D argument (rows may not be ragged in Excel; the longest row counts). */
export function shapeOf(m: unknown[][]): [number, number] {
  let cols = 0;
  for (const r of m) if (r.length > cols) cols = r.length;
  return [m.length, cols];
}

/** The values of a one-column or one-row range as a flat list, else INVALID_ARGUMENT. */
export function toVector(v: unknown, label: readonly [string, string]): unknown[] {
  const m = asMatrix(v);
  const [rows, cols] = shapeOf(m);
  if (cols === 1) return m.map((r) => r[0]);
  if (rows === 1) return m[0].slice();
  return fail(
    "INVALID_ARGUMENT",
    `${label[0]} phải là một cột hoặc một hàng (đang là ${rows}×${cols})`,
    `${label[1]} must be one column or one row (got ${rows}×${cols})`,
    { rows, cols },
  );
}
