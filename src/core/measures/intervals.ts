/**
 * Printed numbers as intervals. A rate printed with d decimals (of the fraction: 7,97 % has d = 4) stands for every
 * value within ± ½·10⁻ᵈ of it; so a published (count, rate) pair does not give one total, it bounds it:
 *
 *   count ÷ T ∈ [r − h, r + h],  h = ½·10⁻ᵈ   ⇔   count ÷ (r + h) ≤ T ≤ count ÷ (r − h)
 *
 * and T is a whole number of households (T ≥ count). Several pairs of one unit on one date (poor, near-poor, poor +
 * near-poor) must admit one common total; a totals row's interval must meet the sum of its rows' intervals.
 * Boundaries are inclusive (a value exactly half-way is accepted whichever way it was rounded), so a finding
 * always means the published numbers cannot all be true.
 *
 * Example (Kế hoạch 147/KH-UBND, Đắk Nông 2023): 13.342 poor households = 7,97 % ⇒ 13.342 ÷ 0,07975 ≤ T ≤
 * 13.342 ÷ 0,07965, i.e. T ∈ 167.298–167.507 households.
 */

/** A closed interval of whole totals; `max` is Infinity when the rate rounds to 0. */
export interface TotalInterval {
  min: number;
  max: number;
}

/** Half a unit in the last printed decimal of a fraction with `decimals` decimals (4 → 0.00005). */
export function halfUnit(decimals: number): number {
  return 0.5 * Math.pow(10, -decimals);
}

const EPS = 1e-9;

/**
 * The whole totals T ≥ count that a count and a rate printed with `decimals` fraction decimals allow, or null when
 * none does (e.g. a count of 0 with a rate of 1,25 %). A count of 0 with a rate of 0 allows any total: [0, ∞).
 * @param count households (≥ 0)
 * @param rate the printed rate as a fraction (7,97 % → 0.0797)
 * @param decimals decimals of the fraction as printed (7,97 % → 4)
 */
export function impliedTotalInterval(count: number, rate: number, decimals: number): TotalInterval | null {
  if (!Number.isFinite(count) || !Number.isFinite(rate) || count < 0 || rate < 0) return null;
  const h = halfUnit(decimals);
  const lo = rate - h;
  const hi = rate + h;
  if (count === 0) return lo <= EPS ? { min: 0, max: Infinity } : null;
  const min = Math.max(Math.ceil(count / hi - EPS), Math.ceil(count - EPS));
  const max = lo <= EPS ? Infinity : Math.floor(count / lo + EPS);
  return min <= max ? { min, max } : null;
}

/** The common part of intervals, or null when they do not meet. */
export function intersectIntervals(list: readonly TotalInterval[]): TotalInterval | null {
  if (!list.length) return null;
  let min = -Infinity;
  let max = Infinity;
  for (const x of list) {
    min = Math.max(min, x.min);
    max = Math.min(max, x.max);
  }
  return min <= max ? { min, max } : null;
}

/** Interval of a sum: [Σ min, Σ max]. */
export function sumIntervals(list: readonly TotalInterval[]): TotalInterval {
  let min = 0;
  let max = 0;
  for (const x of list) {
    min += x.min;
    max += x.max;
  }
  return { min, max };
}

/**
 * Is a printed difference consistent with two printed values? |(a − b) − d| ≤ tolerance, where the tolerance is the
 * sum of the half units of the three printed numbers (halfUnit), plus any allowance the caller adds. 4,32 − 3,41 =
 * 0,91 and a stated 1 printed with one decimal: |0,0091 − 0,01| = 0,0009 > 0,00005 + 0,00005 + 0,0005.
 */
export function differenceConsistent(a: number, b: number, d: number, tolerance: number): boolean {
  return Math.abs(a - b - d) <= tolerance + EPS;
}

/**
 * Is a printed sum consistent with its printed parts? |total − Σ parts| ≤ ½ unit of each (fractions; decimals as
 * printed). Used for "Tỷ lệ nghèo đa chiều" = poor rate + near-poor rate.
 */
export function sumConsistent(total: number, totalDecimals: number, parts: { value: number; decimals: number }[]) {
  let sum = 0;
  let tol = halfUnit(totalDecimals) + EPS;
  for (const p of parts) {
    sum += p.value;
    tol += halfUnit(p.decimals);
  }
  return Math.abs(total - sum) <= tol;
}
