/**
 * Foster–Greer–Thorbecke (FGT) income poverty measures (docs/domain.md §9.2; sources [66][67][68]).
 *
 * P_α = (1/n) Σ_{i poor} ((z − y_i) / z)^α, with y_i the per-capita monthly income (VND) and z the line.
 * α = 0: headcount ratio P0; α = 1: poverty gap P1; α = 2: squared gap (severity) P2. Fractions.
 *
 * **Boundary convention.** Vietnamese standards count y ≤ z as poor ("từ 1.500.000 đồng trở xuống",
 * docs/domain.md §2.2), so `inclusive` defaults to true. Most FGT tools (convey, ineq) count y < z only:
 * pass `{ inclusive: false }` to reproduce them. A household exactly on the line is poor in P0 but
 * has a gap of 0, so it adds nothing to P1 and P2 under either convention.
 *
 * **Offset trap.** R's `ineq::Foster(x, k, parameter)` uses `parameter = α + 1`
 * (parameter 1 is the headcount). Here `alpha` is α itself: fgt(y, z, 0) is the headcount.
 */
import { fail } from "../errors";
import { L, checkArray, checkFinite, checkLength, checkNonNegative, checkRange } from "./checks";

export interface FgtOptions {
  /** true (default, Vietnamese convention): y ≤ z is poor; false (FGT tools): y < z is poor. */
  inclusive?: boolean;
  /** Optional weights ≥ 0 per income (e.g. household size, survey weight). */
  weights?: ArrayLike<number>;
}

const INCOMES = L("Thu nhập", "Incomes");

function checkLine(line: number): number {
  return checkRange(
    line,
    0,
    Number.MAX_VALUE,
    L("Chuẩn nghèo (đồng/người/tháng)", "Poverty line (VND/person/month)"),
    true,
  );
}

function checkAlpha(alpha: number): number {
  return checkNonNegative(alpha, L("Tham số α", "Parameter α"));
}

/** Σ w_i·gap_i^α and Σ w_i, validated, no allocation. */
function sums(
  incomes: ArrayLike<number>,
  line: number,
  alpha: number,
  inclusive: boolean,
  weights: ArrayLike<number> | undefined,
): { num: number; den: number } {
  checkArray(incomes, INCOMES);
  if (weights !== undefined)
    checkLength(checkArray(weights, L("Trọng số", "Weights")).length, incomes.length, L("Trọng số", "Weights"));
  let num = 0;
  let den = 0;
  for (let i = 0; i < incomes.length; i++) {
    const y = incomes[i];
    if (typeof y !== "number" || !Number.isFinite(y) || y < 0) {
      checkNonNegative(y, L(`Thu nhập dòng ${i + 1}`, `Income of row ${i + 1}`));
    }
    const w =
      weights === undefined ? 1 : checkNonNegative(weights[i], L(`Trọng số dòng ${i + 1}`, `Weight of row ${i + 1}`));
    den += w;
    if (inclusive ? y <= line : y < line) {
      const gap = (line - y) / line;
      num += w * (alpha === 0 ? 1 : alpha === 1 ? gap : alpha === 2 ? gap * gap : gap ** alpha);
    }
  }
  if (den === 0) {
    fail(
      "ZERO_TOTAL",
      "Không có thu nhập nào (hoặc tổng trọng số bằng 0): không tính được FGT.",
      "No incomes (or weights summing to zero): FGT is undefined.",
      {},
    );
  }
  return { num, den };
}

/**
 * FGT index P_α = (1/n) Σ_{y_i ≤ z} ((z − y_i)/z)^α (fraction). With `weights`, (Σ w_i gap_i^α) / Σ w_i.
 *
 * @param incomes per-capita monthly incomes, VND, each ≥ 0 (array or Float64Array; no allocation)
 * @param line poverty line z > 0, VND/person/month (from the standard of the review year)
 * @param alpha α ≥ 0: 0 headcount, 1 gap, 2 severity (NOT ineq's α + 1)
 * @param options `inclusive` boundary (default true: y ≤ z is poor, Vietnamese convention), `weights`
 * @throws NEGATIVE / INVALID_NUMBER for incomes, alpha or weights; OUT_OF_RANGE for line ≤ 0; ZERO_TOTAL for no incomes
 * @example fgt([1_000_000, 1_500_000, 2_000_000, 3_000_000], 1_500_000, 0) // 0.5 (1.5M is poor: y ≤ z)
 */
export function fgt(incomes: ArrayLike<number>, line: number, alpha: number, options: FgtOptions = {}): number {
  checkLine(line);
  checkAlpha(alpha);
  const { num, den } = sums(incomes, line, alpha, options.inclusive ?? true, options.weights);
  return num / den;
}

export interface FgtSummary {
  n: number;
  /** Poor incomes (weighted with weights). */
  q: number;
  P0: number;
  P1: number;
  P2: number;
  /** Income-gap ratio P1 / P0 (mean gap of the poor); `null` when nobody is poor. */
  incomeGapRatio: number | null;
}

/**
 * P0, P1, P2 and the income-gap ratio (P1/P0) in one call (fractions); conventions as {@link fgt}.
 */
export function fgtSummary(incomes: ArrayLike<number>, line: number, options: FgtOptions = {}): FgtSummary {
  checkLine(line);
  const inclusive = options.inclusive ?? true;
  const s0 = sums(incomes, line, 0, inclusive, options.weights);
  const s1 = sums(incomes, line, 1, inclusive, options.weights);
  const s2 = sums(incomes, line, 2, inclusive, options.weights);
  const P0 = s0.num / s0.den;
  const P1 = s1.num / s1.den;
  return {
    n: incomes.length,
    q: s0.num,
    P0,
    P1,
    P2: s2.num / s2.den,
    incomeGapRatio: P0 > 0 ? P1 / P0 : null,
  };
}

export interface FgtGroupResult {
  name: string;
  n: number;
  /** Population share n_g / n (fraction; weighted with weights). */
  share: number;
  /** P_α of the group. */
  P: number;
  /** (n_g/n) · P_α,g / P_α; 0 when P_α = 0. */
  contribution: number;
}

export interface FgtDecomposition {
  alpha: number;
  /** P_α of all groups pooled = Σ_g (n_g/n) P_α,g. */
  P: number;
  groups: FgtGroupResult[];
}

/**
 * Subgroup decomposition of FGT (docs/domain.md §9.2; convey `svyfgtdec`, statAfrikR `decomposer_fgt`):
 * P_α = Σ_g (n_g/n) P_α,g; contribution of g = (n_g/n) P_α,g / P_α (Σ = 1 when P_α > 0).
 *
 * @param groups disjoint, non-empty groups of incomes (VND), optional weights per group
 * @throws INVALID_ARGUMENT for no groups; as {@link fgt} per group
 */
export function fgtDecompose(
  groups: ReadonlyArray<{
    name: string;
    incomes: ArrayLike<number>;
    weights?: ArrayLike<number>;
  }>,
  line: number,
  alpha: number,
  options: Pick<FgtOptions, "inclusive"> = {},
): FgtDecomposition {
  checkArray(groups, L("Các nhóm", "Groups"));
  checkLine(line);
  checkAlpha(alpha);
  checkFinite(alpha, L("Tham số α", "Parameter α"));
  if (groups.length === 0) {
    fail("INVALID_ARGUMENT", "Cần ít nhất một nhóm để phân rã.", "At least one group is needed to decompose.", {});
  }
  const inclusive = options.inclusive ?? true;
  const parts = groups.map((g) => sums(g.incomes, line, alpha, inclusive, g.weights));
  const num = parts.reduce((a, p) => a + p.num, 0);
  const den = parts.reduce((a, p) => a + p.den, 0);
  const P = num / den;
  return {
    alpha,
    P,
    groups: groups.map((g, i) => {
      const share = parts[i].den / den;
      const Pg = parts[i].num / parts[i].den;
      return {
        name: g.name,
        n: g.incomes.length,
        share,
        P: Pg,
        contribution: P > 0 ? (share * Pg) / P : 0,
      };
    }),
  };
}
