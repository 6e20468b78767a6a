/**
 * Rates (tỷ lệ) of households or people in a category, as fractions.
 *
 * GSO definition (docs/domain.md §8.1, source [48]): rate = households in the category ÷ total households
 * of the same period. In code and in cells a rate is a fraction: 0.0797 shows as "7,97 %".
 * Published tables give percentages with 2 decimals (docs/domain.md §8.1, source [46]); Form 1 of the
 * national review system computes "4 = 3/1×100" (docs/domain.md §7.3).
 */
import { fail } from "../errors";
import { checkCategory, type Category } from "../household";
import type { Bilingual } from "../i18n";
import {
  L,
  checkArray,
  checkCategoryCode,
  checkCategoryCodes,
  checkCount,
  checkFinite,
  checkFraction,
  checkNonNegative,
  checkNotAbove,
  checkRange,
  roundHalfUpInt,
  shiftDecimal,
} from "./checks";

const COUNT = L("Số đếm", "Count");
const TOTAL = L("Tổng số", "Total");

/**
 * Scope of a poverty rate (docs/domain.md §8.1): "tỷ lệ nghèo đa chiều" in the national result decisions
 * means poor + near-poor (`poorAndNearPoor`); some plans use it for the poor rate alone (`poor`).
 * Rate functions take the scope explicitly so the two readings are never confused.
 */
export type Scope = "poor" | "nearPoor" | "poorAndNearPoor";

/** Every scope, in display order. */
export const SCOPES: readonly Scope[] = ["poor", "nearPoor", "poorAndNearPoor"];

/** Vietnamese and English labels of each scope, for headers and messages. */
export const SCOPE_LABELS: Record<Scope, Bilingual> = {
  poor: { vi: "Hộ nghèo", en: "Poor" },
  nearPoor: { vi: "Hộ cận nghèo", en: "Near-poor" },
  poorAndNearPoor: {
    vi: "Hộ nghèo và cận nghèo (nghèo đa chiều)",
    en: "Poor and near-poor (multidimensional)",
  },
};

/**
 * Rate = count ÷ total, a fraction in [0, 1] (GSO; docs/domain.md §8.1; Form 1 col. 4 = 3/1×100 without the ×100).
 *
 * @param count households (or people) in the category — a whole number ≥ 0
 * @param total households (or people) of the same unit and period — a whole number > 0
 * @throws INVALID_NUMBER, NEGATIVE, NOT_INTEGER, COUNT_EXCEEDS_TOTAL, ZERO_TOTAL (also for 0 ÷ 0:
 *         a unit without households has no rate, not a rate of 0)
 * @example rate(1235, 15500) // 0.0796774… → shows as 7,97 %
 */
export function rate(count: number, total: number): number {
  checkCount(count, COUNT);
  checkCount(total, TOTAL);
  return ratioChecked(count, total, COUNT, TOTAL);
}

/** count/total for already-validated non-negative numbers (possibly non-integer, e.g. member weights). */
function ratioChecked(count: number, total: number, countLabel = COUNT, totalLabel = TOTAL): number {
  if (total === 0) {
    fail(
      "ZERO_TOTAL",
      `${totalLabel.vi} bằng 0: không tính được tỷ lệ (số đếm ${count}).`,
      `${totalLabel.en} is zero: the rate is undefined (count ${count}).`,
      { count, total },
    );
  }
  checkNotAbove(count, total, countLabel, totalLabel);
  return count / total;
}

/**
 * Implied total = round(count ÷ rate), for published tables that give only a count and a rate.
 * The result is an integer (round half up). Because published rates are rounded (2 decimals of a
 * percentage), the implied total is an estimate; see {@link impliedTotalRange} for every total that
 * is consistent with the rounded rate.
 *
 * @param count whole number ≥ 0
 * @param rateValue fraction in (0, 1]
 * @throws NOT_INTEGER / NEGATIVE for the count, OUT_OF_RANGE for a rate ≤ 0 or > 1
 * @example impliedTotal(1235, 0.0797) // 15496
 */
export function impliedTotal(count: number, rateValue: number): number {
  checkCount(count, COUNT);
  checkRange(rateValue, 0, 1, L("Tỷ lệ", "Rate"), true);
  return roundHalfUpInt(count / rateValue);
}

/**
 * All whole totals T ≥ count such that count / T, rounded like a published rate (`decimals` decimals of
 * a percentage, round half up), equals `publishedRate`. Use it to check whether a published count and
 * rate can come from a given total. `max` is `null` when the rate rounds to 0 (any larger total fits).
 *
 * @param publishedRate the rate as published, as a fraction (7,97 % → 0.0797)
 * @param decimals decimals of the percentage (default 2, docs/domain.md §8.1)
 * @returns `{ min, max }` inclusive; `min > max` never happens — an impossible combination throws OUT_OF_RANGE
 */
export function impliedTotalRange(
  count: number,
  publishedRate: number,
  decimals = 2,
): { min: number; max: number | null } {
  checkCount(count, COUNT);
  checkFraction(publishedRate, L("Tỷ lệ công bố", "Published rate"));
  checkCount(decimals, L("Số chữ số thập phân", "Decimals"));
  const target = roundRate(publishedRate, decimals);
  const half = 0.5 * 10 ** -(decimals + 2);
  const least = Math.max(1, count);
  const fits = (t: number): boolean => t >= least && roundRate(count / t, decimals) === target;
  // round(c/T) = r  ⇔  r − half ≤ c/T < r + half  ⇔  c/(r + half) < T ≤ c/(r − half);
  // the analytic bounds are then nudged by a few steps to absorb floating-point error.
  let min = Math.max(least, Math.floor(count / (target + half)) + 1);
  for (let s = 0; s < 3 && fits(min - 1); s++) min--;
  for (let s = 0; s < 3 && !fits(min); s++) min++;
  if (!fits(min)) {
    fail(
      "OUT_OF_RANGE",
      `Không có tổng số nguyên nào cho ra tỷ lệ ${publishedRate} với số đếm ${count}.`,
      `No whole total gives the rate ${publishedRate} with the count ${count}.`,
      { count, publishedRate, decimals },
    );
  }
  let max: number | null = null;
  if (target - half > 0) {
    let m = Math.max(min, Math.floor(count / (target - half)));
    for (let s = 0; s < 3 && fits(m + 1); s++) m++;
    for (let s = 0; s < 3 && m > min && !fits(m); s++) m--;
    max = m;
  }
  return { min, max };
}

/**
 * Round a rate (a fraction) the way published tables do: to `decimals` decimals **of the percentage**,
 * half up (away from zero), without binary floating-point surprises (0.079650 → 0.0797, not 0.0796).
 *
 * @param rateValue fraction (may be negative for a change in percentage points)
 * @param decimals decimals of the percentage, default 2 (docs/domain.md §8.1, source [46])
 * @example roundRate(0.0796774, 2) // 0.0797  (7,97 %)
 */
export function roundRate(rateValue: number, decimals = 2): number {
  checkFinite(rateValue, L("Tỷ lệ", "Rate"));
  checkCount(decimals, L("Số chữ số thập phân", "Decimals"));
  const places = decimals + 2;
  const scaled = shiftDecimal(Math.abs(rateValue), places);
  const rounded = Math.floor(scaled + 0.5);
  const result = shiftDecimal(rounded, -places);
  return rateValue < 0 && result !== 0 ? -result : result;
}

/** A count with its denominator, e.g. one unit's poor households and its total households. */
export interface CountPart {
  count: number;
  total: number;
}

/**
 * Rate of a union of disjoint units = Σ count_i ÷ Σ total_i. This equals the household-weighted mean of
 * the units' rates (Σ total_i × rate_i ÷ Σ total_i) and **not** the plain mean of the rates: a province's
 * rate is never the average of its communes' rates.
 *
 * @throws as {@link rate} for each part; ZERO_TOTAL when Σ total = 0 (including an empty list)
 * @example rateOfUnion([{ count: 10, total: 100 }, { count: 30, total: 100 }]) // 0.2
 */
export function rateOfUnion(parts: ReadonlyArray<CountPart>): number {
  checkArray(parts, L("Danh sách đơn vị", "Parts"));
  let count = 0;
  let total = 0;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    const c = checkCount(p?.count, L(`Số đếm của phần ${i + 1}`, `Count of part ${i + 1}`));
    const t = checkCount(p?.total, L(`Tổng số của phần ${i + 1}`, `Total of part ${i + 1}`));
    checkNotAbove(c, t, L(`Số đếm của phần ${i + 1}`, `Count of part ${i + 1}`), L("tổng số", "its total"));
    count += c;
    total += t;
  }
  return ratioChecked(count, total);
}

/**
 * Household-weighted mean of rates = Σ total_i × rate_i ÷ Σ total_i (fractions). Equal to
 * {@link rateOfUnion} when rate_i = count_i / total_i; use it when a table gives totals and rates only.
 *
 * @throws OUT_OF_RANGE for a rate outside [0, 1]; NOT_INTEGER/NEGATIVE for totals; ZERO_TOTAL when Σ total = 0
 */
export function weightedMeanRate(parts: ReadonlyArray<{ rate: number; total: number }>): number {
  checkArray(parts, L("Danh sách đơn vị", "Parts"));
  let num = 0;
  let den = 0;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    const r = checkFraction(p?.rate, L(`Tỷ lệ của phần ${i + 1}`, `Rate of part ${i + 1}`));
    const t = checkCount(p?.total, L(`Tổng số của phần ${i + 1}`, `Total of part ${i + 1}`));
    num += r * t;
    den += t;
  }
  if (den === 0) {
    fail("ZERO_TOTAL", "Tổng số bằng 0: không tính được tỷ lệ.", "The total is zero: the rate is undefined.", {});
  }
  return Math.min(1, num / den);
}

/** Counts of one group by category, with rates over the group's total (fractions). */
export interface CategoryCounts {
  /** Households (or, with a weight, members / nhân khẩu) in the group. */
  total: number;
  poor: number;
  nearPoor: number;
  average: number;
  none: number;
  /** poor + nearPoor (the "nghèo đa chiều" scope). */
  poorAndNearPoor: number;
  poorRate: number;
  nearPoorRate: number;
  averageRate: number;
  /** (poor + nearPoor) / total: "tỷ lệ nghèo đa chiều" in the national decisions (docs/domain.md §8.1). */
  poorAndNearPoorRate: number;
}

export interface GroupCounts extends CategoryCounts {
  key: string;
}

export interface CountsByResult {
  /** One entry per group, in first-seen order. */
  groups: GroupCounts[];
  /** All rows together (Σ of the groups). */
  total: CategoryCounts;
  /** "households" without a weight, "weighted" (e.g. members) with one. */
  unit: "households" | "weighted";
}

/** Count for a scope from category counts: poor, nearPoor or poor + nearPoor. */
export function scopeCount(counts: { poor: number; nearPoor: number }, scope: Scope): number {
  switch (scope) {
    case "poor":
      return counts.poor;
    case "nearPoor":
      return counts.nearPoor;
    case "poorAndNearPoor":
      return counts.poor + counts.nearPoor;
    default:
      return fail(
        "INVALID_ARGUMENT",
        `Phạm vi tỷ lệ không hợp lệ: ${String(scope)} (poor, nearPoor, poorAndNearPoor).`,
        `Unknown rate scope: ${String(scope)} (poor, nearPoor, poorAndNearPoor).`,
        { scope },
      );
  }
}

/** Rate for a scope: scopeCount(counts, scope) ÷ counts.total (fraction). */
export function scopeRate(counts: { poor: number; nearPoor: number; total: number }, scope: Scope): number {
  const c = scopeCount(counts, scope);
  checkNonNegative(counts.total, TOTAL);
  return ratioChecked(c, counts.total);
}

function finish(acc: Float64Array, off: number): CategoryCounts {
  const total = acc[off];
  const poor = acc[off + 1];
  const nearPoor = acc[off + 2];
  const average = acc[off + 3];
  const none = acc[off + 4];
  return {
    total,
    poor,
    nearPoor,
    average,
    none,
    poorAndNearPoor: poor + nearPoor,
    poorRate: ratioChecked(poor, total),
    nearPoorRate: ratioChecked(nearPoor, total),
    averageRate: ratioChecked(average, total),
    poorAndNearPoorRate: ratioChecked(poor + nearPoor, total),
  };
}

const CATEGORY_INDEX: Record<Category, number> = {
  poor: 1,
  nearPoor: 2,
  average: 3,
  none: 4,
};

/**
 * Counts and rates by category for any grouping (unit, village, ethnic minority, target group…),
 * in first-seen order of the keys, plus the grand total. Form 1 (docs/domain.md §7.3) in one pass:
 * rates are category ÷ group total (cols 4, 6, 8 for households; 10, 12, 14 with a member weight).
 *
 * @param rows any records (e.g. `Household[]` with a classification)
 * @param key group key of a row (e.g. `h => h.unit`); use a constant for one group
 * @param category category of a row: "poor" | "nearPoor" | "average" | "none"
 * @param weight optional weight of a row, e.g. `h => h.members ?? 0` for counts of members (nhân khẩu).
 *        Must be a finite number ≥ 0. Without it every row counts 1 (households).
 * @throws UNKNOWN_CATEGORY for a category outside the four; INVALID_NUMBER / NEGATIVE for a bad weight;
 *         ZERO_TOTAL when a group's weights sum to 0 (a group without members has no rate) or `rows` is empty
 */
export function countsBy<T>(
  rows: ReadonlyArray<T>,
  key: (row: T) => string,
  category: (row: T) => Category,
  weight?: (row: T) => number,
): CountsByResult {
  checkArray(rows, L("Danh sách hộ", "Rows"));
  const index = new Map<string, number>();
  const keys: string[] = [];
  let acc = new Float64Array(5 * 16);
  const grand = new Float64Array(5);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const k = String(key(row));
    let g = index.get(k);
    if (g === undefined) {
      g = keys.length;
      index.set(k, g);
      keys.push(k);
      if ((g + 1) * 5 > acc.length) {
        const bigger = new Float64Array(acc.length * 2);
        bigger.set(acc);
        acc = bigger;
      }
    }
    const cat = category(row);
    checkCategory(cat, i);
    const ci = CATEGORY_INDEX[cat];
    const w = weight ? checkNonNegative(weight(row), L(`Trọng số dòng ${i + 1}`, `Weight of row ${i + 1}`)) : 1;
    acc[g * 5] += w;
    acc[g * 5 + ci] += w;
    grand[0] += w;
    grand[ci] += w;
  }
  if (rows.length === 0) {
    fail("ZERO_TOTAL", "Danh sách hộ trống: không có gì để đếm.", "No rows: nothing to count.", {});
  }
  const groups: GroupCounts[] = keys.map((k, g) => {
    if (acc[g * 5] === 0) {
      fail(
        "ZERO_TOTAL",
        `Nhóm "${k}" có tổng trọng số bằng 0: không tính được tỷ lệ.`,
        `Group "${k}" has a total weight of zero: its rates are undefined.`,
        { key: k },
      );
    }
    return { key: k, ...finish(acc, g * 5) };
  });
  return {
    groups,
    total: finish(grand, 0),
    unit: weight ? "weighted" : "households",
  };
}

/** Options of {@link countsByCodes}. */
export interface CountsByCodesOptions {
  /** Group index of each row (whole number in [0, keys.length)); without it all rows form one group. */
  groups?: ArrayLike<number>;
  /** Group keys by index (e.g. commune codes); default ["all"] without `groups`, else the index as text. */
  keys?: ReadonlyArray<string>;
  /** Row weights ≥ 0 (e.g. members) for counts of people; default 1 per row (households). */
  weights?: ArrayLike<number>;
}

/**
 * {@link countsBy} over columnar data: category codes as produced by `classifyColumns`
 * (1 poor, 2 near-poor, 3 average, 4 none) and a group index per row. The path for 1,000,000-row
 * rosters: one pass into a flat accumulator, no allocation per row. Groups come out in index order;
 * groups without rows are left out. Formulas and units as {@link countsBy} (docs/domain.md §7.3 Form 1).
 *
 * @throws UNKNOWN_CATEGORY for a code outside 1–4 (including 0 = invalid classification);
 *         INVALID_ARGUMENT for a group index outside the keys or lengths that differ;
 *         NEGATIVE / INVALID_NUMBER for weights; ZERO_TOTAL for no rows or a group whose weights sum to 0
 */
export function countsByCodes(codes: Uint8Array, options: CountsByCodesOptions = {}): CountsByResult {
  checkCategoryCodes(codes);
  const n = codes.length;
  const { groups, weights } = options;
  const keys = options.keys ?? (groups === undefined ? ["all"] : undefined);
  if (groups !== undefined) {
    const len = checkArray(groups, L("Chỉ số nhóm", "Group indexes")).length;
    if (len !== n) {
      fail(
        "INVALID_ARGUMENT",
        `Chỉ số nhóm có ${len} phần tử, khác số dòng ${n}.`,
        `The group indexes have ${len} elements, not ${n}.`,
        { expected: n, actual: len },
      );
    }
  }
  if (weights !== undefined) {
    const len = checkArray(weights, L("Trọng số", "Weights")).length;
    if (len !== n) {
      fail(
        "INVALID_ARGUMENT",
        `Trọng số có ${len} phần tử, khác số dòng ${n}.`,
        `The weights have ${len} elements, not ${n}.`,
        { expected: n, actual: len },
      );
    }
  }
  if (n === 0) {
    fail("ZERO_TOTAL", "Danh sách hộ trống: không có gì để đếm.", "No rows: nothing to count.", {});
  }
  let size = keys?.length ?? 0;
  if (keys === undefined && groups !== undefined) {
    for (let i = 0; i < n; i++) size = Math.max(size, groups[i] + 1);
  }
  if (!Number.isFinite(size) || size > 1e7) {
    fail("INVALID_ARGUMENT", "Chỉ số nhóm không hợp lệ.", "Invalid group indexes.", { size });
  }
  const acc = new Float64Array(5 * size);
  const grand = new Float64Array(5);
  for (let i = 0; i < n; i++) {
    const c = codes[i];
    checkCategoryCode(c, i);
    const g = groups === undefined ? 0 : groups[i];
    if (!(g >= 0 && g < size && Number.isInteger(g))) {
      fail(
        "INVALID_ARGUMENT",
        `Dòng ${i + 1}: chỉ số nhóm ${g} nằm ngoài danh sách ${size} nhóm.`,
        `Row ${i + 1}: group index ${g} is outside the ${size} groups.`,
        { row: i + 1, value: g },
      );
    }
    let w = 1;
    if (weights !== undefined) {
      w = weights[i];
      if (!(w >= 0 && w < Infinity)) {
        checkNonNegative(w, L(`Trọng số dòng ${i + 1}`, `Weight of row ${i + 1}`));
      }
    }
    acc[g * 5] += w;
    acc[g * 5 + c] += w;
    grand[0] += w;
    grand[c] += w;
  }
  const out: GroupCounts[] = [];
  for (let g = 0; g < size; g++) {
    const key = keys?.[g] ?? String(g);
    if (acc[g * 5] === 0) {
      let rowsSeen = false;
      if (weights !== undefined && groups !== undefined) {
        for (let i = 0; i < n && !rowsSeen; i++) rowsSeen = groups[i] === g;
      } else if (weights !== undefined) rowsSeen = true;
      if (!rowsSeen) continue;
      fail(
        "ZERO_TOTAL",
        `Nhóm "${key}" có tổng trọng số bằng 0: không tính được tỷ lệ.`,
        `Group "${key}" has a total weight of zero: its rates are undefined.`,
        { key },
      );
    }
    out.push({ key, ...finish(acc, g * 5) });
  }
  return { groups: out, total: finish(grand, 0), unit: weights ? "weighted" : "households" };
}
