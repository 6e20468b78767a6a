/**
 * Alkire–Foster (AF) multidimensional poverty measures over binary deprivation flags.
 *
 * Reference: S. Alkire & J. Foster, "Counting and multidimensional poverty measurement",
 * J. Public Econ. 95 (2011) 476–487 (docs/domain.md §9.1, source [59]); output vocabulary of mpitb
 * (`hd`, `hdk`, `actb`, `pctb`) and mpindex (sources [60][62]).
 *
 * Notation: n rows (households), d indicators, g_ij ∈ {0, 1} (1 = deprived), weights w_j ≥ 0 with
 * Σ w_j = 1, deprivation score c_i = Σ_j w_j g_ij, poverty cutoff k ∈ (0, 1].
 * - identification: i is poor when c_i ≥ k (dual cutoff), or — option `poorSet` — when the legal
 *   classification says so (Vietnam's rule also needs income ≤ line, docs/domain.md §9.1 "Mapping to Vietnam");
 * - H = q / n, A = Σ_i c_i(k) / q, M0 = H × A = Σ_i c_i(k) / n;
 * - uncensored headcount h_j = share of all rows deprived in j; censored h_j(k) = share of rows poor
 *   and deprived in j; M0 = Σ_j w_j h_j(k);
 * - contribution of indicator j: absolute w_j h_j(k), relative φ_j = w_j h_j(k) / M0 (Σ φ_j = 1).
 *
 * Convention when nobody is poor (q = 0): H = 0, **A = 0** (not 0/0), M0 = 0 and every contribution is 0.
 *
 * Vietnam (DERIVED, docs/domain.md §9.1): 12 equally weighted indicators (2022+; 10 for 2016–2021) and
 * "≥ 3 deprivations" ≡ k = 3/12 (3/10). The default k = 3/d follows that rule; pass `k` from the
 * standard in force (src/core/standards) rather than relying on the default.
 *
 * Unit: by default household-based (each row counts 1). With `rowWeights` (e.g. members per household)
 * every ratio is weighted: H = Σ_poor w_i / Σ w_i etc. — state which one a report shows.
 */
import { fail } from "../errors";
import {
  EPS,
  L,
  badFlag,
  checkArray,
  checkCount,
  checkFlagRow,
  checkLength,
  checkNonNegative,
  checkRange,
} from "./checks";

/** Number of deprivations that makes a household poor on the deprivation side (Decree 07/2021, Decision 59/2015). */
export const DEFAULT_AF_CUTOFF_COUNT = 3;

export interface AlkireFosterOptions {
  /**
   * Poverty cutoff as a share of the total weight, in (0, 1]. Default 3/d (≥ 3 of d equally weighted
   * indicators). Ignored when `poorSet` is given. Union approach: k = smallest weight; intersection: k = 1.
   */
  k?: number;
  /** Indicator weights w_j ≥ 0 (length d, not all 0); normalised to sum 1. Default equal weights 1/d. */
  weights?: ReadonlyArray<number>;
  /**
   * Take the poor set from the legal classification instead of c_i ≥ k (length n). A row is poor when
   * its entry is `true` or `1` — so the category codes of `classifyColumns` (CATEGORY_CODE.poor = 1,
   * near-poor 2, …) can be passed as they are; any other value means not poor.
   */
  poorSet?: ArrayLike<boolean | number>;
  /** Row weights ≥ 0 (length n), e.g. members per household for member-weighted measures. */
  rowWeights?: ArrayLike<number>;
}

export interface AlkireFosterResult {
  /** Rows (households). */
  n: number;
  /** Indicators. */
  d: number;
  /** Cutoff used, or `null` when the poor set came from `poorSet`. */
  k: number | null;
  identification: "cutoff" | "poorSet";
  /** "households" (each row counts 1) or "weighted" (rowWeights). */
  unit: "households" | "weighted";
  /** Σ row weights (= n for households). */
  population: number;
  /** Poor rows (weighted with rowWeights). */
  q: number;
  /** Headcount ratio H = q / n (fraction). */
  H: number;
  /** Intensity A = Σ c_i(k) / q, average deprivation share among the poor (fraction); 0 when q = 0. */
  A: number;
  /** Adjusted headcount ratio M0 = H × A (fraction). */
  M0: number;
  /** Normalised weights (sum 1). */
  weights: number[];
  /** Uncensored headcount ratios h_j (fractions). */
  uncensored: number[];
  /** Censored headcount ratios h_j(k) (fractions). */
  censored: number[];
  /** Absolute contributions w_j h_j(k); Σ = M0. */
  contributionsAbs: number[];
  /** Relative contributions φ_j = w_j h_j(k) / M0; Σ = 1 when M0 > 0, all 0 when M0 = 0. */
  contributions: number[];
}

function normaliseWeights(d: number, weights: ReadonlyArray<number> | undefined): Float64Array {
  const w = new Float64Array(d);
  if (weights === undefined) {
    w.fill(1 / d);
    return w;
  }
  checkLength(
    checkArray(weights, L("Trọng số chỉ số", "Indicator weights")).length,
    d,
    L("Trọng số chỉ số", "Indicator weights"),
  );
  let sum = 0;
  for (let j = 0; j < d; j++) {
    w[j] = checkNonNegative(weights[j], L(`Trọng số chỉ số ${j + 1}`, `Weight of indicator ${j + 1}`));
    sum += w[j];
  }
  if (sum === 0) {
    fail("INVALID_ARGUMENT", "Tổng trọng số các chỉ số bằng 0.", "The indicator weights sum to zero.", {
      weights: Array.from(weights),
    });
  }
  for (let j = 0; j < d; j++) w[j] /= sum;
  return w;
}

function resolveK(d: number, k: number | undefined): number {
  if (k !== undefined) return checkRange(k, 0, 1, L("Ngưỡng nghèo k", "Poverty cutoff k"), true);
  if (d < DEFAULT_AF_CUTOFF_COUNT) {
    fail(
      "INVALID_ARGUMENT",
      `Chỉ có ${d} chỉ số: cần nêu rõ ngưỡng k (mặc định 3/d không áp dụng được).`,
      `Only ${d} indicators: give the cutoff k explicitly (the default 3/d does not apply).`,
      { d },
    );
  }
  return DEFAULT_AF_CUTOFF_COUNT / d;
}

/**
 * Alkire–Foster H, A, M0, headcount ratios and contributions over a flat, row-major n × d matrix of
 * 0/1 flags (`flags[i * d + j]`). The fast path for large rosters (1,000,000 households): one pass,
 * no allocation per row — only O(d) work arrays. Formulas and conventions: see the module comment
 * (Alkire & Foster 2011).
 *
 * @param flags Uint8Array of length n × d, values 0 or 1
 * @param d number of indicators (≥ 1)
 * @throws INVALID_ARGUMENT (length not a multiple of d, a flag other than 0/1, option lengths,
 *         weights summing to 0, d < 3 without k), OUT_OF_RANGE (k ∉ (0, 1]), ZERO_TOTAL (n = 0 or
 *         row weights summing to 0), NEGATIVE / INVALID_NUMBER (weights)
 */
export function alkireFosterFlat(flags: Uint8Array, d: number, options: AlkireFosterOptions = {}): AlkireFosterResult {
  if (!(flags instanceof Uint8Array)) {
    fail("INVALID_ARGUMENT", "Ma trận thiếu hụt phải là Uint8Array.", "The flags must be a Uint8Array.", {});
  }
  checkCount(d, L("Số chỉ số d", "Number of indicators d"));
  if (d === 0 || flags.length % d !== 0) {
    fail(
      "INVALID_ARGUMENT",
      `Độ dài ma trận (${flags.length}) không chia hết cho số chỉ số (${d}).`,
      `The flags length (${flags.length}) is not a multiple of the number of indicators (${d}).`,
      { length: flags.length, d },
    );
  }
  const n = flags.length / d;
  return kernel(flags, n, d, options);
}

/**
 * Alkire–Foster measures over a rows × d matrix of 0/1 deprivation flags (one row per household).
 * Same results as {@link alkireFosterFlat}; packs the matrix once into a flat buffer.
 *
 * Worked example (equal weights 1/3, k = 2/3): rows [1,1,0], [1,1,1], [0,0,1], [0,0,0] → c = 2/3, 1, 1/3, 0;
 * poor = rows 1, 2; H = 2/4 = 0.5; A = (2/3 + 1)/2 = 5/6; M0 = 5/12; h = [0.5, 0.5, 0.5];
 * h(k) = [0.5, 0.5, 0.25]; φ = [0.4, 0.4, 0.2].
 *
 * @throws as {@link alkireFosterFlat}; INVALID_ARGUMENT for ragged rows
 */
export function alkireFoster(
  flags: ReadonlyArray<ReadonlyArray<number>>,
  options: AlkireFosterOptions = {},
): AlkireFosterResult {
  checkArray(flags, L("Ma trận thiếu hụt", "Deprivation flags"));
  const n = flags.length;
  if (n === 0) {
    fail("ZERO_TOTAL", "Không có hộ nào: không tính được chỉ số AF.", "No rows: the AF measures are undefined.", {});
  }
  const d = checkArray<number>(flags[0], L("Dòng 1 của ma trận thiếu hụt", "Row 1 of the flags")).length;
  if (d === 0) {
    fail("INVALID_ARGUMENT", "Ma trận thiếu hụt không có chỉ số nào.", "The flags have no indicators.", {});
  }
  const packed = new Uint8Array(n * d);
  for (let i = 0; i < n; i++) {
    const row = flags[i];
    checkFlagRow(row, i, d);
    for (let j = 0; j < d; j++) {
      const v = row[j];
      if (v !== 0 && v !== 1) badFlag(i, j, v);
      packed[i * d + j] = v;
    }
  }
  return kernel(packed, n, d, options);
}

function kernel(flags: Uint8Array, n: number, d: number, options: AlkireFosterOptions): AlkireFosterResult {
  if (n === 0) {
    fail("ZERO_TOTAL", "Không có hộ nào: không tính được chỉ số AF.", "No rows: the AF measures are undefined.", {});
  }
  const w = normaliseWeights(d, options.weights);
  const { poorSet, rowWeights } = options;
  if (poorSet !== undefined) {
    checkLength(checkArray(poorSet, L("Tập hộ nghèo", "Poor set")).length, n, L("Tập hộ nghèo", "Poor set"));
  }
  const k = poorSet === undefined ? resolveK(d, options.k) : null;
  const cut = k === null ? 0 : k - EPS;
  if (rowWeights !== undefined) {
    const rw = checkArray<number>(rowWeights, L("Trọng số dòng", "Row weights"));
    checkLength(rw.length, n, L("Trọng số dòng", "Row weights"));
    for (let i = 0; i < n; i++) checkNonNegative(rw[i], L(`Trọng số dòng ${i + 1}`, `Weight of row ${i + 1}`));
  }

  const un = new Float64Array(d);
  const cen = new Float64Array(d);
  let population = 0;
  let q = 0;
  let sumC = 0;
  // Branch-free inner loop: flags are 0/1, so `v * w[j]` and `v * rw` add nothing for a 0.
  // `seen` ORs the row's flags; any value other than 0/1 sets a bit above bit 0.
  for (let i = 0, base = 0; i < n; i++, base += d) {
    const rw = rowWeights === undefined ? 1 : rowWeights[i];
    let c = 0;
    let seen = 0;
    for (let j = 0; j < d; j++) {
      const v = flags[base + j];
      seen |= v;
      c += v * w[j];
      un[j] += v * rw;
    }
    if (seen > 1) {
      for (let j = 0; j < d; j++) if (flags[base + j] > 1) badFlag(i, j, flags[base + j]);
    }
    population += rw;
    let isPoor: boolean;
    if (poorSet === undefined) isPoor = c >= cut;
    else {
      const p = poorSet[i];
      isPoor = p === true || p === 1;
    }
    if (isPoor) {
      q += rw;
      sumC += c * rw;
      for (let j = 0; j < d; j++) cen[j] += flags[base + j] * rw;
    }
  }
  if (population === 0) {
    fail(
      "ZERO_TOTAL",
      "Tổng trọng số dòng bằng 0: không tính được chỉ số AF.",
      "The row weights sum to zero: the AF measures are undefined.",
      {},
    );
  }
  const H = q / population;
  const A = q > 0 ? sumC / q : 0;
  const M0 = sumC / population;
  const weights = Array.from(w);
  const uncensored = Array.from(un, (x) => x / population);
  const censored = Array.from(cen, (x) => x / population);
  const contributionsAbs = censored.map((h, j) => weights[j] * h);
  const sumAbs = contributionsAbs.reduce((a, b) => a + b, 0);
  const contributions = contributionsAbs.map((x) => (sumAbs > 0 ? x / sumAbs : 0));
  return {
    n,
    d,
    k,
    identification: poorSet === undefined ? "cutoff" : "poorSet",
    unit: rowWeights === undefined ? "households" : "weighted",
    population,
    q,
    H,
    A,
    M0,
    weights,
    uncensored,
    censored,
    contributionsAbs,
    contributions,
  };
}

/** One subgroup for {@link afDecompose}: a name and its rows of 0/1 flags. */
export interface AfGroupInput {
  name: string;
  flags: ReadonlyArray<ReadonlyArray<number>> | Uint8Array;
  /** Optional legal poor set of the group's rows (see {@link AlkireFosterOptions.poorSet}). */
  poorSet?: ArrayLike<boolean | number>;
  /** Optional row weights of the group's rows. */
  rowWeights?: ArrayLike<number>;
}

export interface AfGroupResult {
  name: string;
  n: number;
  /** Population share n_g / n (fraction; weighted with rowWeights). */
  share: number;
  H: number;
  A: number;
  M0: number;
  /** Contribution to M0: (n_g/n) · M0_g / M0 (Σ = 1 when M0 > 0; 0 when M0 = 0). */
  contribution: number;
  /** Contribution to H: (n_g/n) · H_g / H. */
  contributionH: number;
  result: AlkireFosterResult;
}

export interface AfDecomposition {
  /** AF over all groups pooled. */
  overall: AlkireFosterResult;
  groups: AfGroupResult[];
}

/**
 * Subgroup decomposition of M0 (Alkire & Foster 2011; docs/domain.md §9.1; mpitb `over()`, convey `svyafcdec`):
 * M0 = Σ_g (n_g/n) M0_g, contribution of group g = (n_g/n) M0_g / M0; the same for H.
 * Every group uses the same weights and cutoff. Groups must be disjoint; each must be non-empty.
 *
 * @param groups named groups with their flags (array of rows, or a flat Uint8Array with the same d)
 * @param options weights and k as in {@link alkireFoster} (poorSet and rowWeights go on each group)
 * @throws INVALID_ARGUMENT for no groups or groups with different d; as {@link alkireFoster} per group
 */
export function afDecompose(
  groups: ReadonlyArray<AfGroupInput>,
  options: Pick<AlkireFosterOptions, "k" | "weights"> & { d?: number } = {},
): AfDecomposition {
  checkArray(groups, L("Các nhóm", "Groups"));
  if (groups.length === 0) {
    fail("INVALID_ARGUMENT", "Cần ít nhất một nhóm để phân rã.", "At least one group is needed to decompose.", {});
  }
  const usePoorSet = groups.some((g) => g.poorSet !== undefined);
  const useWeights = groups.some((g) => g.rowWeights !== undefined);
  if (
    (usePoorSet && !groups.every((g) => g.poorSet !== undefined)) ||
    (useWeights && !groups.every((g) => g.rowWeights !== undefined))
  ) {
    fail(
      "INVALID_ARGUMENT",
      "poorSet / rowWeights phải được cho ở tất cả các nhóm hoặc không nhóm nào.",
      "poorSet / rowWeights must be given for every group or for none.",
      {},
    );
  }
  let d = options.d;
  const results: AlkireFosterResult[] = groups.map((g) => {
    const opts: AlkireFosterOptions = {
      k: options.k,
      weights: options.weights,
      poorSet: g.poorSet,
      rowWeights: g.rowWeights,
    };
    let r: AlkireFosterResult;
    if (g.flags instanceof Uint8Array) {
      if (d === undefined) {
        fail("INVALID_ARGUMENT", "Cần nêu số chỉ số d cho ma trận phẳng.", "Give d for flat (Uint8Array) flags.", {
          group: g.name,
        });
      }
      r = alkireFosterFlat(g.flags, d, opts);
    } else {
      r = alkireFoster(g.flags, opts);
    }
    if (d !== undefined && r.d !== d) {
      fail(
        "INVALID_ARGUMENT",
        `Nhóm "${g.name}" có ${r.d} chỉ số, khác ${d}.`,
        `Group "${g.name}" has ${r.d} indicators, not ${d}.`,
        { group: g.name },
      );
    }
    d = r.d;
    return r;
  });
  // pool: weighted sums of the group results reproduce the pooled measures exactly (same weights and k)
  const D = d as number;
  const population = results.reduce((a, r) => a + r.population, 0);
  const n = results.reduce((a, r) => a + r.n, 0);
  const q = results.reduce((a, r) => a + r.q, 0);
  const sumC = results.reduce((a, r) => a + r.M0 * r.population, 0);
  const uncensored = new Array<number>(D).fill(0);
  const censored = new Array<number>(D).fill(0);
  for (const r of results) {
    for (let j = 0; j < D; j++) {
      uncensored[j] += (r.uncensored[j] * r.population) / population;
      censored[j] += (r.censored[j] * r.population) / population;
    }
  }
  const weights = results[0].weights;
  const contributionsAbs = censored.map((h, j) => weights[j] * h);
  const sumAbs = contributionsAbs.reduce((a, b) => a + b, 0);
  const H = q / population;
  const M0 = sumC / population;
  const overall: AlkireFosterResult = {
    n,
    d: D,
    k: results[0].k,
    identification: results[0].identification,
    unit: results[0].unit,
    population,
    q,
    H,
    A: q > 0 ? sumC / q : 0,
    M0,
    weights,
    uncensored,
    censored,
    contributionsAbs,
    contributions: contributionsAbs.map((x) => (sumAbs > 0 ? x / sumAbs : 0)),
  };
  return {
    overall,
    groups: results.map((r, g) => {
      const share = r.population / population;
      return {
        name: groups[g].name,
        n: r.n,
        share,
        H: r.H,
        A: r.A,
        M0: r.M0,
        contribution: M0 > 0 ? (share * r.M0) / M0 : 0,
        contributionH: H > 0 ? (share * r.H) / H : 0,
        result: r,
      };
    }),
  };
}
