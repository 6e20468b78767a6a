/**
 * Parsing cell values the way wards write them: Vietnamese numbers ("1.500.000", "7,97", "7,97%"),
 * English numbers ("1,500,000.5"), flags ("x", 1, TRUE, "có"), Excel errors and blanks.
 * The text rules are core/values' (shared with the custom functions); this module adds what a sheet cell is
 * (numbers, errors, dates, formulas without a cached value).
 * Pure functions; they never throw and never turn an unreadable value into zero: they say why instead.
 */
import { isCellError, type CellValue } from "../grid";
import {
  decimalsOf,
  flagOfText,
  parseNumberText,
  type AmbiguousNumber,
  type NumberHint,
  type ParsedNumber,
} from "../values";

export { decimalsOf, parseNumberText, FLAG_YES_WORDS, FLAG_NO_WORDS } from "../values";
export type { AmbiguousNumber, NumberHint, NumberText, ParsedNumber } from "../values";

/** Why a cell could not be read. "ambiguous": "1,500"-like text the column's type does not resolve. */
export type ParseProblem = "blank" | "excelError" | "noCachedValue" | "notNumber" | "date" | "boolean" | "ambiguous";

export type NumberParse =
  | { ok: true; n: ParsedNumber }
  | { ok: false; problem: ParseProblem; text: string; ambiguous?: AmbiguousNumber["ambiguous"] };

/** Marker error text the file reader uses for a formula whose cached value is missing. */
export const NO_CACHED_VALUE = "#NO_CACHED_VALUE";

/**
 * Read a numeric cell: a finite number, or number text (core/values `parseNumberText`; `hint` resolves "1,500").
 * Blanks ("", "-", "–", "—"), Excel errors, dates, booleans, other text and unresolved "1,500" are problems for the
 * caller to report — never zero.
 */
export function parseNumberCell(v: CellValue | undefined, hint?: NumberHint): NumberParse {
  if (typeof v === "number") {
    if (Number.isFinite(v)) return { ok: true, n: { value: v, decimals: decimalsOf(v), percent: false } };
    return { ok: false, problem: "notNumber", text: String(v) };
  }
  if (v === null || v === undefined) return { ok: false, problem: "blank", text: "" };
  if (typeof v === "string") {
    const t = v.trim();
    if (t === "" || t === "-" || t === "–" || t === "—") return { ok: false, problem: "blank", text: t };
    if (t === NO_CACHED_VALUE) return { ok: false, problem: "noCachedValue", text: t };
    if (t.startsWith("#")) {
      return { ok: false, problem: "excelError", text: t };
    }
    const n = parseNumberText(t, hint);
    if (!n) return { ok: false, problem: "notNumber", text: t };
    if (n.ambiguous) return { ok: false, problem: "ambiguous", text: t, ambiguous: n.ambiguous };
    return { ok: true, n };
  }
  if (typeof v === "boolean") return { ok: false, problem: "boolean", text: String(v) };
  if (v instanceof Date) return { ok: false, problem: "date", text: v.toISOString().slice(0, 10) };
  if (isCellError(v))
    return { ok: false, problem: v.error === NO_CACHED_VALUE ? "noCachedValue" : "excelError", text: v.error };
  return { ok: false, problem: "notNumber", text: String(v) };
}

/**
 * Read a 0/1 flag cell with the one flag vocabulary (core/values `flagOfText`): "x", 1, TRUE, "có", "yes", "✓" → 1;
 * blank, 0, FALSE, "không", "no", "-" → 0 (in a roster a blank flag cell means "not deprived"). Anything else →
 * undefined (the caller reports it).
 */
export function parseFlag(v: CellValue | undefined): 0 | 1 | undefined {
  if (v === null || v === undefined) return 0;
  if (typeof v === "number") return v === 1 ? 1 : v === 0 ? 0 : undefined;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "string") return v.trim() === "" ? 0 : flagOfText(v);
  return undefined;
}

/** Number format → decimals shown and whether it is a percent format. "0.00%" → {2, true}; "#,##0" → {0, false}. */
export function formatPrecision(fmt: string | null | undefined): { decimals: number; percent: boolean } | undefined {
  if (!fmt || fmt === "General" || fmt === "@") return undefined;
  const section = fmt
    .split(";")[0]
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "");
  if (!/[0#?]/.test(section)) return undefined;
  const percent = section.includes("%");
  const dot = section.indexOf(".");
  let decimals = 0;
  if (dot >= 0) {
    for (let i = dot + 1; i < section.length; i++) {
      const ch = section[i];
      if (ch === "0" || ch === "#" || ch === "?") decimals++;
      else if (ch !== ",") break;
    }
  }
  return { decimals, percent };
}
