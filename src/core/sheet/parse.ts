/**
 * Parsing cell values the way wards write them: Vietnamese numbers ("1.500.000", "7,97", "7,97%"),
 * English numbers ("1,500,000.5"), flags ("x", 1, TRUE, "có"), Excel errors and blanks.
 * Pure functions; they never throw and never turn an unreadable value into zero: they say why instead.
 */
import { isCellError, type CellValue } from "../grid";
import { fold } from "../i18n";

/** A number read from a cell: its value and how many decimals it was written with (text) or stored with. */
export interface ParsedNumber {
  value: number;
  /** Decimals as written (text) or as stored (number, shortest representation). */
  decimals: number;
  /** Written with a trailing "%" (the value is already divided by 100). */
  percent: boolean;
}

/** Why a cell could not be read. */
export type ParseProblem = "blank" | "excelError" | "noCachedValue" | "notNumber" | "date" | "boolean";

export type NumberParse = { ok: true; n: ParsedNumber } | { ok: false; problem: ParseProblem; text: string };

/** Marker error text the file reader uses for a formula whose cached value is missing. */
export const NO_CACHED_VALUE = "#NO_CACHED_VALUE";

/** Decimals of a finite number in its shortest representation: 7.97 → 2, 1500000 → 0, 1e-7 → 7. */
export function decimalsOf(x: number): number {
  if (Number.isInteger(x)) return 0;
  const s = String(x);
  const e = s.indexOf("e-");
  if (e >= 0) {
    const mant = s.slice(0, e);
    const dot = mant.indexOf(".");
    return Number(s.slice(e + 2)) + (dot >= 0 ? mant.length - dot - 1 : 0);
  }
  const dot = s.indexOf(".");
  return dot >= 0 ? s.length - dot - 1 : 0;
}

const RE_INT = /^\d+$/;
const RE_DOT_THOUSANDS = /^\d{1,3}(\.\d{3})+$/;
const RE_COMMA_THOUSANDS = /^\d{1,3}(,\d{3})+$/;
const RE_DEC_COMMA = /^\d*,\d+$/;
const RE_DEC_DOT = /^\d*\.\d+$/;
const RE_VI_FULL = /^\d{1,3}(\.\d{3})+,\d+$/;
const RE_EN_FULL = /^\d{1,3}(,\d{3})+\.\d+$/;
const RE_CURRENCY = /(vnd|vnđ|đồng|đ)$/i;

/**
 * Parse number text. `hint` says what the column holds:
 * - "integer": "1.500" and "1,500" are thousands (1500);
 * - "decimal": a single separator is a decimal mark ("7.970" → 7.97, "7,97" → 7.97);
 * - default: Vietnamese convention — "." groups thousands when followed by exactly 3 digits, "," is decimal.
 * "1.500.000,5" (vi) and "1,500,000.5" (en) are both read. A trailing "%" divides by 100 and is reported.
 * Returns undefined when the text is not a number.
 */
export function parseNumberText(text: string, hint?: "integer" | "decimal"): ParsedNumber | undefined {
  let t = text.replace(/[\s\u00a0\u202f]/g, "");
  if (t === "") return undefined;
  let percent = false;
  if (t.endsWith("%")) {
    percent = true;
    t = t.slice(0, -1);
  } else if (RE_CURRENCY.test(t) && /\d/.test(t)) {
    t = t.replace(RE_CURRENCY, "");
  }
  let sign = 1;
  if (t.startsWith("-") || t.startsWith("−") || t.startsWith("–")) {
    sign = -1;
    t = t.slice(1);
  } else if (t.startsWith("+")) t = t.slice(1);
  if (t === "") return undefined;
  let value: number;
  let decimals = 0;
  if (RE_INT.test(t)) value = Number(t);
  else if (RE_DOT_THOUSANDS.test(t) && (hint !== "decimal" || t.split(".").length > 2))
    value = Number(t.replace(/\./g, ""));
  else if (RE_COMMA_THOUSANDS.test(t) && (hint === "integer" || t.split(",").length > 2))
    value = Number(t.replace(/,/g, ""));
  else if (RE_DEC_COMMA.test(t)) {
    value = Number(t.replace(",", "."));
    decimals = t.length - t.indexOf(",") - 1;
  } else if (RE_DEC_DOT.test(t)) {
    value = Number(t);
    decimals = t.length - t.indexOf(".") - 1;
  } else if (RE_VI_FULL.test(t)) {
    const [i, d] = t.split(",");
    value = Number(i.replace(/\./g, "") + "." + d);
    decimals = d.length;
  } else if (RE_EN_FULL.test(t)) {
    const [i, d] = t.split(".");
    value = Number(i.replace(/,/g, "") + "." + d);
    decimals = d.length;
  } else return undefined;
  if (!Number.isFinite(value)) return undefined;
  value *= sign;
  if (percent) {
    value = value / 100;
    decimals += 2;
  }
  return { value, decimals, percent };
}

/**
 * Read a numeric cell: a finite number, or number text (see parseNumberText). Blanks, Excel errors, dates,
 * booleans and other text are problems for the caller to report — never zero.
 */
export function parseNumberCell(v: CellValue | undefined, hint?: "integer" | "decimal"): NumberParse {
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
    return n ? { ok: true, n } : { ok: false, problem: "notNumber", text: t };
  }
  if (typeof v === "boolean") return { ok: false, problem: "boolean", text: String(v) };
  if (v instanceof Date) return { ok: false, problem: "date", text: v.toISOString().slice(0, 10) };
  if (isCellError(v))
    return { ok: false, problem: v.error === NO_CACHED_VALUE ? "noCachedValue" : "excelError", text: v.error };
  return { ok: false, problem: "notNumber", text: String(v) };
}

const FLAG_YES = new Set(["x", "1", "co", "c", "yes", "y", "true", "v", "✓", "✔", "☑", "dung", "thieu", "thieu hut"]);
const FLAG_NO = new Set(["", "0", "khong", "k", "no", "n", "false", "-", "–", "—"]);

/**
 * Read a 0/1 flag: "x", 1, TRUE, "có", "yes", "✓" → 1; blank, 0, FALSE, "không", "no", "-" → 0
 * (in a roster a blank flag cell means "not deprived"). Anything else → undefined (the caller reports it).
 */
export function parseFlag(v: CellValue | undefined): 0 | 1 | undefined {
  if (v === null || v === undefined) return 0;
  if (typeof v === "number") return v === 1 ? 1 : v === 0 ? 0 : undefined;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "string") {
    const t = v.trim().toLowerCase();
    if (t === "x" || t === "1") return 1;
    if (t === "" || t === "0") return 0;
    const f = fold(t);
    if (FLAG_YES.has(f)) return 1;
    if (FLAG_NO.has(f)) return 0;
  }
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
