/**
 * POVERTY.* custom functions (namespace POVERTY from manifest.xml).
 *
 * This is the single file the metadata plugin reads: every function here carries JSDoc with
 * `@customfunction ID` (ids are permanent: workbooks store them) and English help; the Vietnamese help
 * lives in functions.vi.json and is merged into functions-vi.json at build time.
 *
 * Each function only adapts: normalise Excel arguments (./normalize, ./args, ./columns) → call src/core →
 * shape the 2-D result, with errors per element inside a spill (./spill, ./errors). No domain rule lives here.
 *
 * Rules for this file: ranges are `any[][]`, optional arguments `x?: any` (Excel passes null for an
 * omitted argument, so TypeScript default values would never apply), matrix results `any[][]`.
 * Heavy functions are memoised by a hash of their arguments (./memo); the year actually used is part
 * of the key, so a default year that changes at the cut-over (1 February) is never served stale.
 */
import { fail } from "../core/errors";
import { alkireFosterFlat, fgt, impliedTotal, netRate, rate } from "../core/measures";
import { incomeLine, parseCategory } from "../core/standards";
import { computeTransitions } from "../core/transitions";
import {
  allocate,
  progress,
  ratePath,
  requiredAnnualReduction,
  targetFromReduction,
  type AllocationMethod,
} from "../core/targets";
import { areaOf, choiceOf, lineKindOf, listReadingOf, resolveStandard } from "./args";
import { transitionRows } from "./transitions";
import { classifyRange, classifyScoreRange } from "./classify";
import { emptyRows, flagBlock, atRow, type RowErrors } from "./columns";
import { guard, toCustomFunctionsError } from "./errors";
import { memo } from "./memo";
import {
  asMatrix,
  firstCell,
  isBlank,
  isOmitted,
  optionalNumber,
  shapeOf,
  toNumber,
  toReduction,
  toNumberOrBlank,
  toVector,
} from "./normalize";
import { column, elementwise, row } from "./spill";

const L_COUNT = ["Số hộ", "The count"] as const;
const L_TOTAL = ["Tổng số hộ", "The total"] as const;
const L_EXCLUDED = ["Số hộ loại trừ", "The excluded count"] as const;
const L_RATE = ["Tỷ lệ", "The rate"] as const;
const L_START = ["Tỷ lệ đầu kỳ", "The start rate"] as const;
const L_TARGET_RATE = ["Tỷ lệ mục tiêu", "The target rate"] as const;
const L_YEARS = ["Số năm", "The number of years"] as const;
const L_ANNUAL = ["Mức giảm hằng năm", "The annual reduction"] as const;
const L_POOR = ["Số hộ nghèo", "The poor count"] as const;
const L_REDUCTION = ["Mức giảm", "The reduction"] as const;
const L_ACTUAL = ["Kết quả thực hiện", "The actual value"] as const;
const L_PLAN = ["Kế hoạch", "The target"] as const;
const L_BASELINE = ["Giá trị đầu kỳ", "The baseline"] as const;
const L_K = ["Ngưỡng k", "The cutoff k"] as const;
const L_WEIGHTS = ["Trọng số", "The weights"] as const;
const L_LINE = ["Chuẩn nghèo", "The line"] as const;
const L_ALPHA = ["Tham số alpha", "The parameter alpha"] as const;
const L_INCOMES = ["Thu nhập", "The income"] as const;
const L_AREA = ["Khu vực", "The area"] as const;

/** A count for RATE-like functions: blank (web null) is a missing value; desktop sends 0, a real 0. */
function countOf(v: unknown, label: readonly [string, string] = L_COUNT): number {
  return toNumber(v, { label });
}

// ------------------------------------------------------------------------------------------------
// Rates and totals
// ------------------------------------------------------------------------------------------------

/**
 * Rate = count ÷ total as a fraction (format as % to see 7.97%); with excluded, (count − excluded) ÷ total, e.g. not counting poor social-protection households. Cells or equal-shaped ranges, element by element; a single cell applies to all.
 * @customfunction RATE
 * @param count Households (or people) in the category: a whole number ≥ 0, a cell or a range.
 * @param total Total households (or people) of the same unit: a whole number > 0, a cell or a range of the same shape.
 * @param [excluded] Of the count, households left out (e.g. poor social-protection households): a whole number from 0 to count; a blank cell is 0. The total stays all households of the unit.
 * @returns The rate (fraction) for each element.
 */
export function cfRate(count: any[][], total: any[][], excluded?: any[][]): any[][] {
  return guard(() => {
    // a blank total (0 on desktop, null on the web) divides by zero, as =A1/B1 does
    const den = (t: unknown) => toNumberOrBlank(t, { label: L_TOTAL }) ?? 0;
    if (isOmitted(excluded)) return elementwise([count, total], [L_COUNT, L_TOTAL], (c, t) => rate(countOf(c), den(t)));
    return elementwise([count, total, excluded], [L_COUNT, L_TOTAL, L_EXCLUDED], (c, t, x) =>
      netRate(countOf(c), toNumberOrBlank(x, { label: L_EXCLUDED }) ?? 0, den(t)),
    );
  });
}

/**
 * Implied household total = count ÷ rate, rounded to a whole number, for published tables that give only a count and a rate. Element by element over ranges.
 * @customfunction TOTAL
 * @param count Households in the category: a whole number ≥ 0, a cell or a range.
 * @param rate The published rate as a fraction (7.97% = 0.0797), a cell or a range of the same shape.
 * @returns The implied total households for each element.
 */
export function cfTotal(count: any[][], rate: any[][]): any[][] {
  return guard(() =>
    elementwise([count, rate], [L_COUNT, L_RATE], (c, r) =>
      impliedTotal(countOf(c), toNumberOrBlank(r, { label: L_RATE }) ?? 0),
    ),
  );
}

// ------------------------------------------------------------------------------------------------
// Standards
// ------------------------------------------------------------------------------------------------

/**
 * The income line in VND per person per month for an area and review year. Year omitted: the latest review with published results (from February of year C: C − 1; in January: C − 2).
 * @customfunction LINE
 * @param area "thành thị" (urban) or "nông thôn" (rural); a cell or a column of areas.
 * @param [year] Review year (2015–2030), e.g. 2024. Omitted: the latest review with published results.
 * @param [kind] "poor" (default), "near_poor" or "average" (the ceiling of the average living standard).
 * @returns The line in VND/person/month for each area.
 */
export function cfLine(area: any[][], year?: any, kind?: any): any[][] {
  return guard(() => {
    const { standard } = resolveStandard(year);
    const k = lineKindOf(kind);
    return elementwise([area], [L_AREA], (a) => incomeLine(standard, areaOf(a), k));
  });
}

/**
 * The legal document of the poverty standard of a review year, as printed in Vietnamese, e.g. "Nghị định 07/2021/NĐ-CP" (Decree 07/2021/NĐ-CP). Year omitted: the latest review with published results (from February of year C: C − 1).
 * @customfunction STANDARD
 * @param [year] Review year (2015–2030), e.g. 2024. Omitted: the latest review with published results.
 * @returns The citation of the standard.
 */
export function cfStandard(year?: any): string {
  return guard(() => resolveStandard(year).standard.citation.document);
}

// ------------------------------------------------------------------------------------------------
// Classification
// ------------------------------------------------------------------------------------------------

/**
 * Category of each household: "Hộ nghèo", "Hộ cận nghèo", "Hộ có mức sống trung bình" or "Không thuộc diện"; from 2022, the average band without the agricultural flag gives "Thu nhập mức sống trung bình (chưa rõ hộ NLNDN)".
 * @customfunction CLASSIFY
 * @param income Per-capita monthly income in VND, one column (one row per household).
 * @param deprivations The number of deprived indicators (one column), or the 12 (10 before 2022) deprivation flags per row (1/0, TRUE/FALSE, "x", "có"/"không").
 * @param area "thành thị" or "nông thôn": one column, or a single cell for all rows.
 * @param [year] Review year (2015–2030), e.g. 2024. Omitted: the latest review with published results.
 * @param [agricultural] Agriculture, forestry, fishery or salt household: 1/TRUE/"có" or 0/FALSE/"không", one column or a single cell; blank = not known.
 * @returns One category label per household.
 */
export function cfClassify(
  income: any[][],
  deprivations: any[][],
  area: any[][],
  year?: any,
  agricultural?: any[][],
): any[][] {
  return guard(() => {
    const { year: y, standard } = resolveStandard(year);
    return memo.memo("CLASSIFY", [income, deprivations, area, y, agricultural], () =>
      classifyRange(income, deprivations, area, standard, agricultural),
    );
  });
}

/**
 * Category of each household from its review scores (Phiếu B): score A (form B1) and score B (form B2, 10 points per deprivation). One label per row; blank rows give "". Year omitted: the latest review with published results.
 * @customfunction CLASSIFYSCORE
 * @param score_a Score A (form B1, income proxy), one column.
 * @param score_b Score B (form B2) = 10 × deprivations, one column.
 * @param area "thành thị" or "nông thôn": one column, or a single cell for all rows.
 * @param [year] Review year (2015–2030), e.g. 2024. Omitted: the latest review with published results.
 * @returns One category label per household.
 */
export function cfClassifyScore(score_a: any[][], score_b: any[][], area: any[][], year?: any): any[][] {
  return guard(() => {
    const { year: y, standard } = resolveStandard(year);
    return memo.memo("CLASSIFYSCORE", [score_a, score_b, area, y], () =>
      classifyScoreRange(score_a, score_b, area, standard),
    );
  });
}

/**
 * Number of deprived indicators in each row of flags (1/0, TRUE/FALSE, "x", "có"/"không"; blank = not deprived). Spills one count per row; empty rows give "".
 * @customfunction DEPRIVATIONS
 * @param flags The deprivation flags, one row per household, one column per indicator.
 * @returns One count per row.
 */
export function cfDeprivations(flags: any[][]): any[][] {
  return guard(() =>
    memo.memo("DEPRIVATIONS", [flags], () => {
      const m = asMatrix(flags);
      const [n, d] = shapeOf(m);
      const skip = emptyRows(m, n);
      const errors: RowErrors = new Map();
      const { counts } = flagBlock(m, n, d, errors, skip);
      const out: unknown[][] = new Array(n);
      for (let i = 0; i < n; i++) {
        const e = errors.get(i);
        out[i] = [skip[i] ? "" : e ? toCustomFunctionsError(e) : counts[i]];
      }
      return out;
    }),
  );
}

// ------------------------------------------------------------------------------------------------
// Multidimensional and income measures
// ------------------------------------------------------------------------------------------------

/** Flags of all non-empty rows as the core's flat matrix; any bad flag fails the whole call, naming its row. */
function flatFlags(flags: unknown): { flat: Uint8Array; d: number } {
  const m = asMatrix(flags);
  const [n, d] = shapeOf(m);
  const skip = emptyRows(m, n);
  const errors: RowErrors = new Map();
  const { flat } = flagBlock(m, n, d, errors, skip);
  const first = errors.entries().next();
  if (!first.done) throw atRow(first.value[1], first.value[0]);
  let kept = 0;
  for (let i = 0; i < n; i++) if (!skip[i]) kept++;
  if (kept === n) return { flat, d };
  const packed = new Uint8Array(kept * d);
  let r = 0;
  for (let i = 0; i < n; i++) {
    if (skip[i]) continue;
    packed.set(flat.subarray(i * d, i * d + d), r * d);
    r++;
  }
  return { flat: packed, d };
}

function afOptions(k: unknown, weights: unknown): { k?: number; weights?: number[] } {
  const kk = optionalNumber(k, L_K);
  const w = isOmitted(weights) ? undefined : toVector(weights, L_WEIGHTS).map((v) => toNumber(v, { label: L_WEIGHTS }));
  return { ...(kk === undefined || kk === 0 ? {} : { k: kk }), ...(w ? { weights: w } : {}) };
}

/**
 * Alkire–Foster: one row [H, A, M0], fractions. H = share deprived in at least k indicators (income not considered; not the official poverty rate), A = intensity, M0 = H × A. Empty rows are skipped.
 * @customfunction MPI
 * @param flags The deprivation flags, one row per household, one column per indicator.
 * @param [k] Poverty cutoff as a share of the total weight, in (0, 1]. Default 3 ÷ number of indicators ("deprived in at least 3").
 * @param [weights] Indicator weights, one per column (normalised to sum 1). Default: equal weights.
 * @returns One row: H, A, M0.
 */
export function cfMpi(flags: any[][], k?: any, weights?: any[][]): any[][] {
  return guard(() =>
    memo.memo("MPI", [flags, k, weights], () => {
      const { flat, d } = flatFlags(flags);
      const r = alkireFosterFlat(flat, d, afOptions(k, weights));
      return row([r.H, r.A, r.M0]);
    }),
  );
}

/**
 * Each indicator's percentage contribution to M0 (Alkire–Foster), as fractions summing to 1: one row, one value per indicator column. Empty rows are skipped.
 * @customfunction CONTRIB
 * @param flags The deprivation flags, one row per household, one column per indicator.
 * @param [k] Poverty cutoff as a share of the total weight, in (0, 1]. Default 3 ÷ number of indicators.
 * @param [weights] Indicator weights, one per column (normalised to sum 1). Default: equal weights.
 * @returns One row of contributions.
 */
export function cfContrib(flags: any[][], k?: any, weights?: any[][]): any[][] {
  return guard(() =>
    memo.memo("CONTRIB", [flags, k, weights], () => {
      const { flat, d } = flatFlags(flags);
      return row(alkireFosterFlat(flat, d, afOptions(k, weights)).contributions);
    }),
  );
}

/**
 * Foster–Greer–Thorbecke P_alpha of incomes against a line (income ≤ line counts): alpha 0 = share at or below the line (under the 2022+ "and" rule: poor + near-poor), 1 = gap, 2 = severity. Blank cells skipped.
 * @customfunction FGT
 * @param incomes Per-capita monthly incomes in VND, a range.
 * @param line The poverty line in VND/person/month (e.g. POVERTY.LINE("nông thôn")).
 * @param [alpha] 0, 1 or 2 (default 0).
 * @returns P_alpha as a fraction.
 */
export function cfFgt(incomes: any[][], line: any[][], alpha?: any): number {
  return guard(() => {
    const m = asMatrix(incomes);
    const ys: number[] = [];
    for (let i = 0; i < m.length; i++) {
      const r = m[i];
      for (let j = 0; j < r.length; j++) {
        const v = r[j];
        if (isBlank(v)) continue;
        try {
          ys.push(toNumber(v, { label: L_INCOMES }));
        } catch (e) {
          throw atRow(e as never, i);
        }
      }
    }
    const lineCells = asMatrix(line);
    if (lineCells.length !== 1 || lineCells[0].length !== 1) {
      fail("INVALID_ARGUMENT", "Chuẩn nghèo phải là một ô", "The line must be a single cell");
    }
    const z = toNumber(lineCells[0][0], { label: L_LINE });
    return fgt(ys, z, optionalNumber(alpha, L_ALPHA) ?? 0);
  });
}

// ------------------------------------------------------------------------------------------------
// Targets
// ------------------------------------------------------------------------------------------------

/**
 * Reduction target for a unit: one row [fall in poor households (net; not Form 2's "escaped"), remaining poor, target rate] for a reduction in percentage points. One row per unit.
 * @customfunction TARGET
 * @param poor Poor households at the start of the year (a cell or a column).
 * @param total All households at the start of the year (same shape as poor).
 * @param reduction Reduction in percentage points: a cell formatted as % (3% = 3 points) or the text "3" or "3 điểm %".
 * @returns Rows of [fall in poor households, remaining poor, target rate].
 */
export function cfTarget(poor: any[][], total: any[][], reduction: any[][]): any[][] {
  return guard(() => {
    const cells = elementwise([poor, total, reduction], [L_POOR, L_TOTAL, L_REDUCTION], (p, t, r) =>
      targetFromReduction({
        poor: countOf(p, L_POOR),
        total: toNumberOrBlank(t, { label: L_TOTAL }) ?? 0,
        reduction: toReduction(r, L_REDUCTION),
      }),
    );
    if (cells.length > 0 && cells[0].length !== 1) {
      fail(
        "INVALID_ARGUMENT",
        "Số hộ nghèo, tổng số hộ và mức giảm phải là một cột",
        "Poor, total and reduction must be columns",
      );
    }
    return cells.map(([c]) => {
      if (c instanceof CustomFunctions.Error) return [c, c, c];
      const t = c as ReturnType<typeof targetFromReduction>;
      return [t.liftOut, t.remainingPoor, t.targetRate];
    });
  });
}

/**
 * Rates year by year under a constant annual reduction: a column of years + 1 rates from the start rate, never below 0.
 * @customfunction PATH
 * @param start_rate The rate at the start, as a fraction (7.97% = 0.0797).
 * @param annual_reduction Reduction per year in percentage points: a cell formatted as % (1.5% = 1.5 points) or the text "1.5".
 * @param years Number of years (whole number ≥ 0).
 * @returns A column of years + 1 rates.
 */
export function cfPath(start_rate: any, annual_reduction: any, years: any): any[][] {
  return guard(() =>
    column(
      ratePath(
        toNumber(firstCell(start_rate), { label: L_START }),
        toReduction(firstCell(annual_reduction), L_ANNUAL),
        toNumber(firstCell(years), { label: L_YEARS }),
      ),
    ),
  );
}

/**
 * Annual reduction (percentage points per year, as a fraction) needed to go from the start rate to the target rate in the given number of years. Element by element over ranges.
 * @customfunction ANNUAL
 * @param start_rate The rate at the start, as a fraction.
 * @param target_rate The target rate, as a fraction.
 * @param years Number of years (whole number > 0).
 * @returns The annual reduction for each element.
 */
export function cfAnnual(start_rate: any[][], target_rate: any[][], years: any[][]): any[][] {
  return guard(() =>
    elementwise([start_rate, target_rate, years], [L_START, L_TARGET_RATE, L_YEARS], (s, t, y) =>
      requiredAnnualReduction(
        toNumber(s, { label: L_START }),
        toNumber(t, { label: L_TARGET_RATE }),
        toNumber(y, { label: L_YEARS }),
      ),
    ),
  );
}

const METHODS = ["proportional", "equal_rate", "weighted"] as const satisfies readonly AllocationMethod[];

/**
 * Splits the fall in poor households among units so that the parts add up exactly (largest remainder): a column of whole numbers, one per unit, never above the unit's poor households.
 * @customfunction ALLOCATE
 * @param reduction_households The fall in poor households in total (a whole number).
 * @param poor_counts Poor households per unit (one column).
 * @param [totals] All households per unit (same column shape); needed for "equal_rate".
 * @param [method] "proportional" to poor households (default), "equal_rate" (same percentage points everywhere) or "weighted".
 * @param [weights] Weights per unit for "weighted" (same column shape).
 * @returns A column of households per unit.
 */
export function cfAllocate(
  reduction_households: any[][],
  poor_counts: any[][],
  totals?: any[][],
  method?: any,
  weights?: any[][],
): any[][] {
  return guard(() =>
    memo.memo("ALLOCATE", [reduction_households, poor_counts, totals, method, weights], () => {
      const m = choiceOf(method, METHODS, "proportional", ["Phương pháp", "The method"]);
      const poor = toVector(poor_counts, ["Số hộ nghèo của các đơn vị", "The poor counts"]);
      const n = poor.length;
      const sameLength = (v: unknown, label: readonly [string, string]): unknown[] => {
        const xs = toVector(v, label);
        if (xs.length !== n) {
          fail(
            "INVALID_ARGUMENT",
            `${label[0]} có ${xs.length} ô, phải có ${n} ô như số hộ nghèo`,
            `${label[1]} has ${xs.length} cells; it must have ${n} like the poor counts`,
          );
        }
        return xs;
      };
      const tot = isOmitted(totals) ? undefined : sameLength(totals, ["Tổng số hộ của các đơn vị", "The totals"]);
      const w = isOmitted(weights) ? undefined : sameLength(weights, ["Trọng số", "The weights"]);
      if (m === "equal_rate" && !tot) {
        fail(
          "MISSING_VALUE",
          'Phương pháp "equal_rate" cần tổng số hộ của các đơn vị',
          'Method "equal_rate" needs the unit totals',
        );
      }
      if (m === "weighted" && !w) {
        fail(
          "MISSING_VALUE",
          'Phương pháp "weighted" cần trọng số của các đơn vị',
          'Method "weighted" needs the unit weights',
        );
      }
      const units = poor.map((p, i) => {
        const poorCount = toNumber(p, {
          label: [`Số hộ nghèo của đơn vị thứ ${i + 1}`, `The poor count of unit ${i + 1}`],
        });
        // Without totals the core still validates households ≥ poor > 0; the total only enters
        // "equal_rate" (required above) and reported rates (not returned here), so poor stands in for it.
        const households = tot
          ? toNumber(tot[i], { label: [`Tổng số hộ của đơn vị thứ ${i + 1}`, `The total of unit ${i + 1}`] })
          : Math.max(poorCount, 1);
        return {
          // the core names units by code in its messages and breaks ties by code: "dòng 0001" keeps row order
          code: `dòng ${String(i + 1).padStart(4, "0")}`,
          poor: poorCount,
          households,
          ...(w
            ? { weight: toNumber(w[i], { label: [`Trọng số của đơn vị thứ ${i + 1}`, `The weight of unit ${i + 1}`] }) }
            : {}),
        };
      });
      const total = toNumber(firstCell(reduction_households), {
        label: ["Tổng số hộ cần giảm", "The households to lift out"],
      });
      return column(allocate({ total, units, method: m }).rows.map((r) => r.allocated));
    }),
  );
}

/**
 * Share of the plan achieved (1 = on plan). Without a baseline: actual ÷ target. With a baseline (for "reduce to" targets such as a poverty rate): (baseline − actual) ÷ (baseline − target). Element by element over ranges.
 * @customfunction PROGRESS
 * @param actual The value reached (a rate as a fraction, or a count).
 * @param target The planned value.
 * @param [baseline] The value at the start of the plan; give it for targets that reduce (poverty rates).
 * @returns The share achieved for each element.
 */
export function cfProgress(actual: any[][], target: any[][], baseline?: any[][]): any[][] {
  return guard(() => {
    const hasBaseline = !isOmitted(baseline);
    const args = hasBaseline ? [actual, target, baseline] : [actual, target];
    return elementwise(args, [L_ACTUAL, L_PLAN, L_BASELINE], (a, t, b) => {
      const act = toNumber(a, { label: L_ACTUAL });
      const tgt = toNumber(t, { label: L_PLAN });
      if (!hasBaseline) return progress({ actual: act, target: tgt, direction: "increase" }).share;
      const base = toNumber(b, { label: L_BASELINE });
      return progress({ actual: act, target: tgt, baseline: base, direction: tgt < base ? "reduce" : "increase" })
        .share;
    });
  });
}

// ------------------------------------------------------------------------------------------------
// Transitions
// ------------------------------------------------------------------------------------------------

/**
 * Transitions of poor households between the previous and this review (Form 2): rows of [flow, households] — start, decreases, increases, end — and a 10th row saying how absence from a list was read (full review list or poor/near-poor only).
 * @customfunction TRANSITIONS
 * @param prev_ids Household codes of the previous review (one column).
 * @param prev_status Category of each household at the previous review ("Hộ nghèo", "cận nghèo", …), same length.
 * @param ids Household codes of this review (one column).
 * @param status Category of each household at this review, same length.
 * @param [ever_escaped_ids] Codes of households that escaped poverty in an earlier review: their return to poverty counts as re-poor.
 * @param [reading] "auto" (default: a list with non-poor households is a full review list), "full" (absence = other decrease/increase) or "poor_only" (absence = escaped/newly poor).
 * @returns 10 rows of [flow, households]; the last says which reading was used.
 */
export function cfTransitions(
  prev_ids: any[][],
  prev_status: any[][],
  ids: any[][],
  status: any[][],
  ever_escaped_ids?: any[][],
  reading?: any,
): any[][] {
  return guard(() =>
    memo.memo("TRANSITIONS", [prev_ids, prev_status, ids, status, ever_escaped_ids, reading], () => {
      const listReading = listReadingOf(reading);
      const { previous, current, everEscaped } = transitionRows(
        prev_ids,
        prev_status,
        ids,
        status,
        ever_escaped_ids,
        parseCategory,
      );
      const r = computeTransitions(previous, current, { everEscapedIds: everEscaped, listReading });
      const excluded = r.problems.find((p) => p.excluded);
      if (excluded) {
        fail("INVALID_ARGUMENT", excluded.messageVi, excluded.messageEn, {
          problem: excluded.code,
          index: excluded.index,
        });
      }
      return [
        ...TRANSITION_LABELS.map((label, i) => [label, r.poor.columns[i]]),
        ["Cách đọc danh sách", r.reading.shortVi],
      ];
    }),
  );
}

/** Form 2 column meanings (docs/domain.md §7.3), in column order 1–9. */
const TRANSITION_LABELS = [
  "Hộ nghèo đầu kỳ",
  "Giảm: chuyển sang hộ cận nghèo",
  "Giảm: thoát nghèo (lên trên chuẩn cận nghèo)",
  "Giảm: lý do khác (chết, chuyển đi, tách, nhập hộ)",
  "Tăng: từ hộ cận nghèo",
  "Tăng: tái nghèo",
  "Tăng: phát sinh mới",
  "Tăng: lý do khác (chuyển đến, tách hộ)",
  "Hộ nghèo cuối kỳ",
];
