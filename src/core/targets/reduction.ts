/**
 * Reduction targets: "giảm X% tỷ lệ hộ nghèo" → target rate and households to lift out.
 *
 * "Giảm X%" is a difference in **percentage points** (docs/domain.md §8.2, source [46]), a fraction in code:
 * `reduction = 0.03` means 3 pp. Formulas (docs/domain.md §8.3, DERIVED — confirm with the client):
 *
 *   startRate   = poor / total                         (start-of-year households)
 *   targetRate  = max(0, startRate − reduction)        (exact — only float noise < 1e-12 removed; never below 0)
 *   targetPoor  = round_half_up(targetRate × denominator)
 *   liftOut     = poor − targetPoor                    (+ expected inflow = exitsNeeded)
 *
 * No rule fixes the denominator (docs/domain.md §8.3, UNCERTAIN): it is explicit in the result — the
 * start-of-year household total by default, or a projected end-of-year total (`base: "projected"`).
 */
import { fail } from "../errors";
import type { Bilingual } from "../i18n";
import { L, checkCount, checkFraction, clean12, roundHalfUpInt } from "../measures/checks";
import { rate } from "../measures/rates";

/** Which household total the target count is computed on. */
export type TargetBase = "start" | "projected";

export interface ReductionInput {
  /** Poor households (or poor + near-poor for that scope) at the start of the year, whole ≥ 0. */
  poor: number;
  /** All households at the start of the year, whole > 0. */
  total: number;
  /** Reduction in percentage points as a fraction of all households: 0.03 = 3 pp. In [0, 1]. */
  reduction: number;
  /** Denominator of the target count: "start" (default) or "projected" (needs projectedTotal). */
  base?: TargetBase;
  /** Projected household total at the end of the period, whole > 0 (with base "projected"). */
  projectedTotal?: number;
  /** Households expected to become poor during the period (new + re-poor), whole ≥ 0, default 0. */
  expectedInflow?: number;
}

export interface ReductionTarget {
  /** poor / total (fraction). */
  startRate: number;
  /** max(0, startRate − reduction), exact (fraction). */
  targetRate: number;
  /** startRate − targetRate: the reduction actually applied (≤ requested when clamped at 0), fraction. */
  appliedReduction: number;
  /** round_half_up(targetRate × denominator), households. */
  targetPoor: number;
  /** poor − targetPoor, households; negative when a growing denominator lets the count rise. */
  liftOut: number;
  /** liftOut + expectedInflow: exits the plan needs if it nets out new and re-poor households. */
  exitsNeeded: number;
  /** = targetPoor: poor households remaining at the end if the plan is met. */
  remainingPoor: number;
  base: TargetBase;
  /** Household total the target count is computed on. */
  denominator: number;
  /** true when the requested reduction exceeded the start rate and the target rate was clamped at 0. */
  clamped: boolean;
  notes: Bilingual[];
}

/**
 * Households to lift out of poverty for a reduction of `reduction` percentage points (a fraction).
 * Rounding: `targetPoor` = targetRate × denominator rounded half up (robust to floating error);
 * `targetRate` itself stays exact. Source: docs/domain.md §8.2–§8.3 (Resolution 24/2021/QH15 sets −1 to
 * −1.5 pp/year nationally).
 *
 * @throws NOT_INTEGER / NEGATIVE / COUNT_EXCEEDS_TOTAL / ZERO_TOTAL for the counts, OUT_OF_RANGE for a
 *         reduction outside [0, 1], INVALID_ARGUMENT for base "projected" without projectedTotal or an unknown base
 * @example targetFromReduction({ poor: 120, total: 1000, reduction: 0.03 })
 *   // startRate 0.12, targetRate 0.09, targetPoor 90, liftOut 30, denominator 1000
 */
export function targetFromReduction(input: ReductionInput): ReductionTarget {
  const poor = checkCount(input.poor, L("Số hộ nghèo đầu kỳ", "Poor households at start"));
  const total = checkCount(input.total, L("Tổng số hộ đầu kỳ", "Total households at start"));
  const startRate = rate(poor, total);
  const reduction = checkFraction(input.reduction, L("Mức giảm (điểm phần trăm)", "Reduction (percentage points)"));
  const base: TargetBase = input.base ?? "start";
  const inflow = checkCount(input.expectedInflow ?? 0, L("Số hộ dự kiến phát sinh, tái nghèo", "Expected inflow"));
  const notes: Bilingual[] = [];
  let denominator: number;
  if (base === "start") {
    denominator = total;
  } else if (base === "projected") {
    if (input.projectedTotal === undefined) {
      fail(
        "INVALID_ARGUMENT",
        "Mẫu số 'dự kiến' cần tổng số hộ dự kiến (projectedTotal).",
        "Base 'projected' needs the projected household total (projectedTotal).",
        {},
      );
    }
    denominator = checkCount(input.projectedTotal, L("Tổng số hộ dự kiến", "Projected total households"));
    if (denominator === 0) {
      fail("ZERO_TOTAL", "Tổng số hộ dự kiến bằng 0.", "The projected household total is zero.", {});
    }
  } else {
    return fail(
      "INVALID_ARGUMENT",
      `Mẫu số không hợp lệ: ${String(base)} (start, projected).`,
      `Unknown base: ${String(base)} (start, projected).`,
      { base },
    );
  }
  const raw = startRate - reduction;
  const clamped = raw < 0;
  const targetRate = clamped ? 0 : clean12(raw);
  if (clamped) {
    notes.push({
      vi: `Mức giảm ${reduction} lớn hơn tỷ lệ đầu kỳ ${startRate}: tỷ lệ mục tiêu được đặt bằng 0.`,
      en: `The reduction ${reduction} exceeds the start rate ${startRate}: the target rate is set to 0.`,
    });
  }
  // exact product for the start base avoids one rounding step: (poor − reduction·total)
  const product = base === "start" ? (clamped ? 0 : poor - reduction * total) : targetRate * denominator;
  const targetPoor = Math.max(0, roundHalfUpInt(product));
  const liftOut = poor - targetPoor;
  if (liftOut < 0) {
    notes.push({
      vi: `Với mẫu số dự kiến ${denominator}, số hộ nghèo có thể tăng (${poor} → ${targetPoor}) mà vẫn đạt tỷ lệ mục tiêu.`,
      en: `With the projected denominator ${denominator}, the poor count may rise (${poor} → ${targetPoor}) and still meet the target rate.`,
    });
  }
  return {
    startRate,
    targetRate,
    appliedReduction: clean12(startRate - targetRate),
    targetPoor,
    liftOut,
    exitsNeeded: liftOut + inflow,
    remainingPoor: targetPoor,
    base,
    denominator,
    clamped,
    notes,
  };
}
