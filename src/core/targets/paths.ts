/**
 * Multi-year rate paths (lộ trình giảm nghèo). Rates and reductions are fractions; a reduction is in
 * percentage points per year (docs/domain.md §8.2: Resolution 24/2021/QH15 −1 to −1.5 pp/year; poor districts
 * −4 to −5 pp/year under Decision 90/QĐ-TTg; 2026–2030 draft −1 to −1.5 pp/year).
 * Paths are linear in percentage points, never a relative (compound) cut.
 */
import { fail } from "../errors";
import { L, checkCount, checkFraction, checkRange, clean12 } from "../measures/checks";

const START = L("Tỷ lệ đầu kỳ", "Start rate");
const TARGET = L("Tỷ lệ mục tiêu", "Target rate");
const YEARS = L("Số năm", "Years");

/**
 * Rates at the start and after each year of a constant annual reduction:
 * r_t = min(1, max(0, startRate − t × annualReduction)), t = 0 … years (years + 1 values).
 * Each value is computed from the start (no accumulated error) and cleaned of floating noise at 1e-12;
 * the path never goes below 0.
 * A negative `annualReduction` models a rise (clamped at 1).
 *
 * @param startRate fraction in [0, 1]
 * @param annualReduction percentage points per year as a fraction (0.015 = 1.5 pp), in [−1, 1]
 * @param years whole number ≥ 0
 * @example ratePath(0.05, 0.015, 4) // [0.05, 0.035, 0.02, 0.005, 0]
 */
export function ratePath(startRate: number, annualReduction: number, years: number): number[] {
  checkFraction(startRate, START);
  checkRange(annualReduction, -1, 1, L("Mức giảm hằng năm", "Annual reduction"));
  checkCount(years, YEARS);
  const path = new Array<number>(years + 1);
  for (let t = 0; t <= years; t++) {
    path[t] = clean12(Math.min(1, Math.max(0, startRate - t * annualReduction)));
  }
  return path;
}

/**
 * Annual reduction (percentage points per year, fraction) that takes `startRate` to `targetRate` in
 * `years` years: (startRate − targetRate) / years. Negative when the target is above the start
 * (the rate may rise by that much per year and still meet it).
 *
 * @throws OUT_OF_RANGE for rates outside [0, 1]; NOT_INTEGER / NEGATIVE / INVALID_ARGUMENT for years ≤ 0
 * @example requiredAnnualReduction(0.0797, 0.0497, 2) // 0.015 (1.5 pp per year)
 */
export function requiredAnnualReduction(startRate: number, targetRate: number, years: number): number {
  checkFraction(startRate, START);
  checkFraction(targetRate, TARGET);
  checkPositiveYears(years);
  return clean12((startRate - targetRate) / years);
}

/**
 * Linear path from `startRate` to `targetRate` over `years` years (years + 1 values, first = start,
 * last = target exactly): r_t = startRate + (targetRate − startRate) × t / years.
 *
 * @throws as {@link requiredAnnualReduction}
 * @example pathToTarget(0.1, 0.04, 3) // [0.1, 0.08, 0.06, 0.04]
 */
export function pathToTarget(startRate: number, targetRate: number, years: number): number[] {
  checkFraction(startRate, START);
  checkFraction(targetRate, TARGET);
  checkPositiveYears(years);
  const path = new Array<number>(years + 1);
  for (let t = 0; t <= years; t++) path[t] = clean12(startRate + ((targetRate - startRate) * t) / years);
  path[years] = targetRate;
  return path;
}

/**
 * Whole years a constant annual reduction needs to bring `startRate` to `targetRate` or below:
 * ceil((startRate − targetRate) / annualReduction); 0 when already at or below the target.
 *
 * @throws OUT_OF_RANGE for rates outside [0, 1] or an annual reduction outside (0, 1]
 */
export function yearsToTarget(startRate: number, targetRate: number, annualReduction: number): number {
  checkFraction(startRate, START);
  checkFraction(targetRate, TARGET);
  checkRange(annualReduction, 0, 1, L("Mức giảm hằng năm", "Annual reduction"), true);
  if (startRate <= targetRate) return 0;
  const years = (startRate - targetRate) / annualReduction;
  // 1e-9 tolerance: 0.03 / 0.01 computed as 3.0000000000000004 must give 3 years, not 4
  return Math.ceil(years - 1e-9);
}

function checkPositiveYears(years: number): void {
  checkCount(years, YEARS);
  if (years === 0) {
    fail("INVALID_ARGUMENT", "Số năm phải lớn hơn 0.", "Years must be greater than zero.", { years });
  }
}
