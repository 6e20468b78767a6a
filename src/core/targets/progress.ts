/**
 * Progress of an indicator against its plan (kết quả thực hiện so với kế hoạch) with the status used
 * in Vietnamese reports: đạt (achieved), vượt (exceeded), chưa đạt (not achieved).
 */
import { fail } from "../errors";
import { L, checkFinite } from "../measures/checks";

export type ProgressStatus = "dat" | "vuot" | "chuaDat";

/** Report labels of each status: Đạt / Vượt / Chưa đạt. */
export const PROGRESS_STATUS_LABELS: Record<ProgressStatus, { vi: string; en: string }> = {
  dat: { vi: "Đạt", en: "Achieved" },
  vuot: { vi: "Vượt", en: "Exceeded" },
  chuaDat: { vi: "Chưa đạt", en: "Not achieved" },
};

/** Tolerance for "exactly on plan". */
export const PROGRESS_TOLERANCE = 1e-9;

export interface ProgressInput {
  /** Value reached (a rate as a fraction, or a count). */
  actual: number;
  /** Planned value (kế hoạch). */
  target: number;
  /** Value at the start of the plan (optional). */
  baseline?: number;
  /** "increase": more is better (e.g. households with clean water); "reduce": less is better (poverty rate). */
  direction: "increase" | "reduce";
}

export interface ProgressResult {
  /**
   * Fraction of the plan achieved (1 = exactly on plan); `null` for "reduce" without a baseline
   * (the status then compares actual with target directly).
   */
  share: number | null;
  status: ProgressStatus;
  statusVi: string;
  statusEn: string;
  /** How much is still missing to reach the target in the plan's direction (≥ 0; 0 when met). */
  shortfall: number;
}

/**
 * Progress against a plan.
 *
 * - increase, no baseline: share = actual / target (target ≠ 0);
 * - increase with baseline: share = (actual − baseline) / (target − baseline) (target > baseline);
 * - reduce with baseline ("reduce to"): share = (baseline − actual) / (baseline − target) (baseline > target);
 * - reduce without baseline: share = null, the status compares actual with target (≤ is met).
 *
 * Status: vượt when share > 1 + 1e-9, đạt when |share − 1| ≤ 1e-9, otherwise chưa đạt
 * (without a share: đạt when |actual − target| ≤ 1e-9, vượt when actual < target, else chưa đạt).
 * Units follow the inputs (fractions for rates, households for counts).
 *
 * @throws INVALID_NUMBER for non-finite inputs; ZERO_TOTAL for increase with target 0 (no baseline);
 *         INVALID_ARGUMENT for a baseline already on the wrong side of the target, or an unknown direction
 * @example progress({ actual: 0.05, target: 0.06, baseline: 0.08, direction: "reduce" }) // share 1.5, "vuot"
 */
export function progress(input: ProgressInput): ProgressResult {
  const actual = checkFinite(input.actual, L("Kết quả thực hiện", "Actual"));
  const target = checkFinite(input.target, L("Kế hoạch", "Target"));
  const baseline =
    input.baseline === undefined ? undefined : checkFinite(input.baseline, L("Giá trị đầu kỳ", "Baseline"));
  const { direction } = input;
  let share: number | null;
  if (direction === "increase") {
    if (baseline === undefined) {
      if (target === 0) {
        fail(
          "ZERO_TOTAL",
          "Kế hoạch bằng 0: không tính được tỷ lệ hoàn thành.",
          "The target is zero: the share of the plan is undefined.",
          { actual, target },
        );
      }
      share = actual / target;
    } else {
      if (!(target > baseline)) wrongSide(direction, baseline, target);
      share = (actual - baseline) / (target - baseline);
    }
  } else if (direction === "reduce") {
    if (baseline === undefined) {
      share = null;
    } else {
      if (!(baseline > target)) wrongSide(direction, baseline, target);
      share = (baseline - actual) / (baseline - target);
    }
  } else {
    return fail(
      "INVALID_ARGUMENT",
      `Chiều của chỉ tiêu không hợp lệ: ${String(direction)} (increase, reduce).`,
      `Unknown direction: ${String(direction)} (increase, reduce).`,
      { direction },
    );
  }
  let status: ProgressStatus;
  if (share !== null) {
    status = Math.abs(share - 1) <= PROGRESS_TOLERANCE ? "dat" : share > 1 ? "vuot" : "chuaDat";
  } else {
    status = Math.abs(actual - target) <= PROGRESS_TOLERANCE ? "dat" : actual < target ? "vuot" : "chuaDat";
  }
  const missing = direction === "increase" ? target - actual : actual - target;
  return {
    share,
    status,
    statusVi: PROGRESS_STATUS_LABELS[status].vi,
    statusEn: PROGRESS_STATUS_LABELS[status].en,
    shortfall: status === "chuaDat" ? Math.max(0, missing) : 0,
  };
}

function wrongSide(direction: string, baseline: number, target: number): never {
  return fail(
    "INVALID_ARGUMENT",
    direction === "reduce"
      ? `Chỉ tiêu giảm: giá trị đầu kỳ (${baseline}) phải lớn hơn kế hoạch (${target}).`
      : `Chỉ tiêu tăng: kế hoạch (${target}) phải lớn hơn giá trị đầu kỳ (${baseline}).`,
    direction === "reduce"
      ? `A "reduce" target needs a baseline (${baseline}) above the target (${target}).`
      : `An "increase" target needs a target (${target}) above the baseline (${baseline}).`,
    { direction, baseline, target },
  );
}
