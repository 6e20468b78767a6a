/**
 * Number text as people type it in Vietnam (and in English): the one parser behind the custom functions'
 * normaliser (src/functions/normalize.ts) and the sheet reader (src/core/sheet). Pure; never throws.
 *
 * Rules, Vietnamese first (TCVN / Vietnamese Excel locale: "." groups thousands, "," is the decimal mark):
 * - digits: "1500000" → 1 500 000;
 * - grouped thousands: "1.500.000" (vi), "1,500,000" (en), "1 500 000" (space or no-break space) → 1 500 000;
 *   a group separator always has exactly three digits after it, and the first group 1–3 digits not starting with 0;
 * - a decimal mark: "7,97" / "7.97" → 7.97; with groups "1.500.000,5" (vi) / "1,500,000.5" (en) → 1 500 000.5
 *   (the last separator is the decimal one; the other one groups the integer part);
 * - ONE separator followed by EXACTLY three digits after a 1–3-digit integer part ("1.500", "1,500"):
 *   - "." → thousands (1 500): that is how Vietnamese money and counts are written;
 *   - "," → AMBIGUOUS: 1,5 in Vietnamese, 1 500 in English. Returned as an `AmbiguousNumber` unless the caller's
 *     `hint` resolves it: "integer" (counts, money: thousands) or "decimal" (rates, decimals: the "." case too,
 *     "7.970" in a rate column is 7.97);
 *   "0,500" / "0.500" are decimals (a group never starts with 0);
 * - a trailing "%" (after optional spaces) divides by 100: "7,97 %" → 0.0797, and adds 2 to `decimals`;
 * - a trailing currency: "đ", "₫", "VND", "VNĐ", "đồng", "dong" (any case);
 * - signs: "-", "−" (U+2212), "–" (en dash), "+"; accounting parentheses "(1.500)" → −1 500.
 * Anything else (letters, "1e5", "7,", "1.50.000", two decimal marks, a sign inside parentheses) is not a number.
 */

/** How a column resolves "1,500"-like text: counts and money are "integer", rates and decimals are "decimal". */
export type NumberHint = "integer" | "decimal";

/** A number read from text (or a cell): its value and how it was written. */
export interface ParsedNumber {
  value: number;
  /** Decimals as written (text) or stored (number, shortest representation); +2 for a percentage. */
  decimals: number;
  /** Written with a trailing "%" (the value is already divided by 100). */
  percent: boolean;
  ambiguous?: undefined;
}

/** "1,500"-like text no hint resolved: both readings, and the digits as written (for messages). */
export interface AmbiguousNumber {
  ambiguous: {
    /** The English reading: "," groups thousands (1 500). */
    thousands: ParsedNumber;
    /** The Vietnamese reading: "," is the decimal mark (1.5, three decimals). */
    decimal: ParsedNumber;
    /** Digits before and after the separator as written ("1", "500"). */
    intDigits: string;
    fracDigits: string;
  };
  value?: undefined;
  decimals?: undefined;
  percent?: undefined;
}

export type NumberText = ParsedNumber | AmbiguousNumber;

const CURRENCY = /(đồng|dong|vnđ|vnd|đ|₫)$/i;
const SIGNS = "-−–+";
const DIGITS = /^[0-9]+$/;
const LEAD_GROUP = /^[1-9][0-9]{0,2}$/;
const GROUP = /^[0-9]{3}$/;

/** "1.500.000" split on "." → true; "1.50.000", "0.500.000", "1." → false. */
function grouped(s: string, sep: string): boolean {
  const parts = s.split(sep);
  if (!LEAD_GROUP.test(parts[0])) return false;
  for (let i = 1; i < parts.length; i++) if (!GROUP.test(parts[i])) return false;
  return true;
}

function make(intDigits: string, fracDigits: string, percent: boolean, negative: boolean): ParsedNumber | undefined {
  const text = (intDigits === "" ? "0" : intDigits) + (fracDigits ? "." + fracDigits : "") + (percent ? "e-2" : "");
  let value = Number(text);
  if (!Number.isFinite(value)) return undefined;
  if (negative) value = -value;
  if (value === 0) value = 0; // no -0
  return { value, decimals: fracDigits.length + (percent ? 2 : 0), percent };
}

/**
 * Parse number text (rules above). `hint` resolves "1,500"/"1.500" (one separator, exactly three digits after it):
 * "integer" → 1 500, "decimal" → 1.5; without a hint "1.500" is 1 500 and "1,500" is an `AmbiguousNumber`.
 * Returns undefined when the text is not a number. Never throws.
 */
export function parseNumberText(text: string, hint?: NumberHint): NumberText | undefined {
  let t = text.normalize("NFC").replace(/\s+/g, " ").trim();
  if (t === "" || t.length > 64) return undefined;
  let negative = false;
  if (t.startsWith("(") && t.endsWith(")")) {
    negative = true;
    t = t.slice(1, -1).trim();
  }
  let percent = false;
  if (t.endsWith("%")) {
    percent = true;
    t = t.slice(0, -1).trimEnd();
  } else {
    const m = CURRENCY.exec(t);
    if (m) t = t.slice(0, m.index).trimEnd();
  }
  if (t !== "" && SIGNS.includes(t[0])) {
    if (negative) return undefined; // "(-3)"
    negative = t[0] !== "+";
    t = t.slice(1).trimStart();
  }
  if (t === "") return undefined;

  // Spaces group thousands; then at most one "," or "." is the decimal mark.
  if (t.includes(" ")) {
    const m = /^([0-9 ]+)(?:[.,]([0-9]+))?$/.exec(t);
    if (!m || !grouped(m[1], " ")) return undefined;
    return make(m[1].replace(/ /g, ""), m[2] ?? "", percent, negative);
  }
  if (!/^[0-9.,]+$/.test(t)) return undefined;
  const dot = t.indexOf(".");
  const comma = t.indexOf(",");
  if (dot < 0 && comma < 0) return make(t, "", percent, negative);
  if (dot >= 0 && comma >= 0) {
    const dec = t.lastIndexOf(".") > t.lastIndexOf(",") ? "." : ",";
    const grp = dec === "." ? "," : ".";
    const at = t.lastIndexOf(dec);
    const int = t.slice(0, at);
    const frac = t.slice(at + 1);
    if (t.indexOf(dec) !== at || !DIGITS.test(frac) || !grouped(int, grp)) return undefined;
    return make(int.split(grp).join(""), frac, percent, negative);
  }
  const sep = dot >= 0 ? "." : ",";
  const first = t.indexOf(sep);
  if (t.lastIndexOf(sep) !== first)
    return grouped(t, sep) ? make(t.split(sep).join(""), "", percent, negative) : undefined;
  const int = t.slice(0, first);
  const frac = t.slice(first + 1);
  if (frac === "" || (int !== "" && !DIGITS.test(int))) return undefined;
  if (frac.length === 3 && LEAD_GROUP.test(int)) {
    const thousands = make(int + frac, "", percent, negative);
    const decimal = make(int, frac, percent, negative);
    if (!thousands || !decimal) return undefined;
    if (hint === "integer") return thousands;
    if (hint === "decimal") return decimal;
    if (sep === ".") return thousands;
    return { ambiguous: { thousands, decimal, intDigits: int, fracDigits: frac } };
  }
  return make(int, frac, percent, negative);
}

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
