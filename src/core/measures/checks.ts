/**
 * Internal argument checks and rounding helpers shared by `measures` and `targets`: numbers, counts, fractions,
 * arrays, deprivation-flag rows and category codes (the household vocabulary's own checks, `checkArea` and
 * `checkCategory`, live in core/household.ts).
 * Not re-exported from the core index: other layers validate through the public functions.
 *
 * Every check throws a {@link PovertyError} (via `fail`) with a Vietnamese and an English message
 * naming the argument, so that a face can show exactly which input is wrong.
 */
import { fail } from "../errors";
import type { Bilingual } from "../i18n";

/** A field label for messages, Vietnamese first. */
export type Label = Bilingual;

export const L = (vi: string, en: string): Label => ({ vi, en });

/** Tolerance for comparing computed fractions (deprivation scores, shares) against cutoffs. */
export const EPS = 1e-9;

/** Throws INVALID_NUMBER unless `value` is a finite number (NaN, ±Infinity, strings, null rejected). */
export function checkFinite(value: unknown, label: Label): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    fail(
      "INVALID_NUMBER",
      `${label.vi} phải là một số hữu hạn (nhận được: ${String(value)}).`,
      `${label.en} must be a finite number (got: ${String(value)}).`,
      { field: label.en, value },
    );
  }
  return value;
}

/** Throws unless `value` is a finite number ≥ 0 (NEGATIVE). */
export function checkNonNegative(value: unknown, label: Label): number {
  const v = checkFinite(value, label);
  if (v < 0) {
    fail("NEGATIVE", `${label.vi} không được âm (nhận được: ${v}).`, `${label.en} must not be negative (got: ${v}).`, {
      field: label.en,
      value: v,
    });
  }
  return v;
}

/** Throws unless `value` is a whole number ≥ 0 (a count of households or people). */
export function checkCount(value: unknown, label: Label): number {
  const v = checkNonNegative(value, label);
  if (!Number.isInteger(v)) {
    fail(
      "NOT_INTEGER",
      `${label.vi} phải là số nguyên (nhận được: ${v}).`,
      `${label.en} must be a whole number (got: ${v}).`,
      { field: label.en, value: v },
    );
  }
  return v;
}

/** Throws OUT_OF_RANGE unless `min ≤ value ≤ max` (or `min < value` when `minExclusive`). */
export function checkRange(value: unknown, min: number, max: number, label: Label, minExclusive = false): number {
  const v = checkFinite(value, label);
  const low = minExclusive ? v <= min : v < min;
  if (low || v > max) {
    const lo = minExclusive ? "(" : "[";
    fail(
      "OUT_OF_RANGE",
      `${label.vi} phải nằm trong khoảng ${lo}${min}; ${max}] (nhận được: ${v}).`,
      `${label.en} must be in ${lo}${min}, ${max}] (got: ${v}).`,
      { field: label.en, value: v, min, max },
    );
  }
  return v;
}

/** A fraction in [0, 1] (a rate or a share). */
export function checkFraction(value: unknown, label: Label): number {
  return checkRange(value, 0, 1, label);
}

/** Throws COUNT_EXCEEDS_TOTAL when `count > total`. */
export function checkNotAbove(count: number, total: number, countLabel: Label, totalLabel: Label): void {
  if (count > total) {
    fail(
      "COUNT_EXCEEDS_TOTAL",
      `${countLabel.vi} (${count}) lớn hơn ${totalLabel.vi} (${total}).`,
      `${countLabel.en} (${count}) exceeds ${totalLabel.en} (${total}).`,
      { count, total, field: countLabel.en },
    );
  }
}

/** Throws INVALID_ARGUMENT unless `value` is an array (or typed array). */
export function checkArray<T>(value: unknown, label: Label): ArrayLike<T> {
  if (!Array.isArray(value) && !ArrayBuffer.isView(value)) {
    fail("INVALID_ARGUMENT", `${label.vi} phải là một mảng.`, `${label.en} must be an array.`, { field: label.en });
  }
  return value as unknown as ArrayLike<T>;
}

/** Throws INVALID_ARGUMENT when an array does not have the expected length. */
export function checkLength(actual: number, expected: number, label: Label): void {
  if (actual !== expected) {
    fail(
      "INVALID_ARGUMENT",
      `${label.vi} phải có ${expected} phần tử (nhận được ${actual}).`,
      `${label.en} must have ${expected} elements (got ${actual}).`,
      { field: label.en, expected, actual },
    );
  }
}

/** Throws INVALID_ARGUMENT unless row `i` (0-based) of a deprivation matrix is an array of `d` indicators. */
export function checkFlagRow(row: unknown, i: number, d: number): asserts row is ReadonlyArray<number> {
  if (!Array.isArray(row) || row.length !== d) {
    fail(
      "INVALID_ARGUMENT",
      `Dòng ${i + 1} của ma trận thiếu hụt phải có ${d} chỉ số.`,
      `Row ${i + 1} of the deprivation flags must have ${d} indicators.`,
      { row: i + 1, expected: d, actual: Array.isArray(row) ? row.length : undefined },
    );
  }
}

/** Throws INVALID_ARGUMENT for flag `v` of row `i`, indicator `j` (0-based) that is not 0 or 1. */
export function badFlag(i: number, j: number, v: unknown): never {
  return fail(
    "INVALID_ARGUMENT",
    `Dòng ${i + 1}, chỉ số ${j + 1}: giá trị thiếu hụt phải là 0 hoặc 1 (nhận được ${String(v)}).`,
    `Row ${i + 1}, indicator ${j + 1}: a deprivation flag must be 0 or 1 (got ${String(v)}).`,
    { row: i + 1, indicator: j + 1, value: v },
  );
}

/** Throws INVALID_ARGUMENT unless `codes` is a Uint8Array of category codes (the output of classifyColumns). */
export function checkCategoryCodes(codes: unknown): asserts codes is Uint8Array {
  if (!(codes instanceof Uint8Array)) {
    fail(
      "INVALID_ARGUMENT",
      "Mã loại hộ phải là Uint8Array (kết quả classifyColumns).",
      "Category codes must be a Uint8Array (the output of classifyColumns).",
      {},
    );
  }
}

/** Throws UNKNOWN_CATEGORY unless category code `c` of row `i` (0-based) is 1–4 (0 = not classified). */
export function checkCategoryCode(c: number, i: number): void {
  if (c < 1 || c > 4) {
    fail(
      "UNKNOWN_CATEGORY",
      `Dòng ${i + 1}: mã loại hộ không hợp lệ ${c} (1 nghèo, 2 cận nghèo, 3 trung bình, 4 không thuộc diện).`,
      `Row ${i + 1}: invalid category code ${c} (1 poor, 2 near-poor, 3 average, 4 none).`,
      { row: i + 1, value: c },
    );
  }
}

/**
 * Round half up (away from zero for negatives) to an integer, robust to binary floating-point noise:
 * a product that should be exactly x.5 but is computed as x.4999999999 still rounds up.
 * Used for every household count derived from a rate (e.g. 0.0725 × 200 = 14.5 → 15).
 */
export function roundHalfUpInt(x: number): number {
  const a = Math.abs(x);
  const r = Math.floor(a + 0.5 + EPS * Math.max(1, a));
  return x < 0 ? -r : r;
}

/** Shift the decimal point of a finite number by `n` places using its decimal representation (no binary error). */
export function shiftDecimal(x: number, n: number): number {
  const [mantissa, exponent] = String(x).split("e");
  return Number(`${mantissa}e${Number(exponent ?? 0) + n}`);
}

/**
 * Remove binary floating-point noise from a fraction computed by subtraction (0.05 − 2 × 0.015 gives
 * 0.020000000000000004): rounds to 12 decimals. Monotone, so it never reorders values.
 */
export function clean12(x: number): number {
  const r = Math.round(x * 1e12) / 1e12;
  return r === 0 ? 0 : r;
}
