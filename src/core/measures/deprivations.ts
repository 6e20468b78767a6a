/**
 * Deprivation headcounts per indicator (chỉ số thiếu hụt), as in Forms 4–7 of the national review
 * system (docs/domain.md §7.3): households deprived in each indicator, counts and rates, among all
 * households, the poor only and the near-poor only, and the total of deprivations
 * ("Tổng số thiếu hụt" = sum of the indicator columns).
 */
import { fail } from "../errors";
import { checkCategory, type Category } from "../household";
import {
  L,
  badFlag,
  checkArray,
  checkCategoryCode,
  checkCategoryCodes,
  checkCount,
  checkFlagRow,
  checkLength,
} from "./checks";

/** Headcounts of one population (all, poor, near-poor). */
export interface DeprivationGroup {
  /** Households in the population. */
  households: number;
  /** Households deprived in indicator j, in the standard's indicator order. */
  counts: number[];
  /**
   * counts[j] ÷ households (fractions); `null` when the population is empty (e.g. no poor households):
   * a rate over zero households is undefined, not 0.
   */
  rates: number[] | null;
  /** Σ_j counts[j]: "Tổng số thiếu hụt" (Form 4). */
  totalDeprivations: number;
}

export interface DeprivationHeadcounts {
  /** Number of indicators (12 for 2022+, 10 for 2016–2021). */
  d: number;
  all: DeprivationGroup;
  /** Present only when `categories` were given. */
  poor?: DeprivationGroup;
  nearPoor?: DeprivationGroup;
}

export interface DeprivationOptions {
  /** Category of each row (same length as the flags); enables the `poor` and `nearPoor` groups. */
  categories?: ReadonlyArray<Category>;
  /** Keep only rows where `include[i]` is true (e.g. one commune, ethnic-minority households). */
  include?: ReadonlyArray<boolean>;
  /** Number of indicators, needed only when `flags` is empty (default 0). */
  d?: number;
}

function emptyGroup(d: number): DeprivationGroup {
  return {
    households: 0,
    counts: new Array<number>(d).fill(0),
    rates: null,
    totalDeprivations: 0,
  };
}

function close(g: DeprivationGroup): DeprivationGroup {
  g.totalDeprivations = g.counts.reduce((a, b) => a + b, 0);
  g.rates = g.households > 0 ? g.counts.map((c) => c / g.households) : null;
  return g;
}

/**
 * Households deprived in each indicator — count_j = Σ_i g_ij and rate_j = count_j ÷ households — among
 * all households, and (with `categories`) among the poor and the near-poor; plus the total of
 * deprivations Σ_j count_j. Units: households and fractions. Source: docs/domain.md §7.3 Forms 4–7; the
 * uncensored headcount ratio h_j of Alkire & Foster (2011) is `all.rates`.
 *
 * @param flags rows × d matrix of 0/1 flags (1 = deprived), one row per household, all rows of equal length
 * @throws INVALID_ARGUMENT for ragged rows, a flag other than 0/1, or options of the wrong length;
 *         UNKNOWN_CATEGORY for a category outside the four
 * @example deprivationHeadcounts([[1,0],[1,1]]).all.counts // [2, 1]
 */
export function deprivationHeadcounts(
  flags: ReadonlyArray<ReadonlyArray<number>>,
  options: DeprivationOptions = {},
): DeprivationHeadcounts {
  checkArray(flags, L("Ma trận thiếu hụt", "Deprivation flags"));
  const n = flags.length;
  const d =
    n > 0
      ? checkArray<number>(flags[0], L("Dòng 1 của ma trận thiếu hụt", "Row 1 of the flags")).length
      : checkCount(options.d ?? 0, L("Số chỉ số", "Number of indicators"));
  const { categories, include } = options;
  if (categories !== undefined)
    checkLength(checkArray(categories, L("Loại hộ", "Categories")).length, n, L("Loại hộ", "Categories"));
  if (include !== undefined)
    checkLength(checkArray(include, L("Bộ lọc", "Include mask")).length, n, L("Bộ lọc", "Include mask"));

  const all = emptyGroup(d);
  const poor = categories ? emptyGroup(d) : undefined;
  const nearPoor = categories ? emptyGroup(d) : undefined;

  for (let i = 0; i < n; i++) {
    const row = flags[i];
    checkFlagRow(row, i, d);
    if (include && !include[i]) continue;
    let target: DeprivationGroup | undefined;
    if (categories) {
      const c = categories[i];
      checkCategory(c, i);
      target = c === "poor" ? poor : c === "nearPoor" ? nearPoor : undefined;
    }
    all.households++;
    if (target) target.households++;
    for (let j = 0; j < d; j++) {
      const v = row[j];
      if (v === 1) {
        all.counts[j]++;
        if (target) target.counts[j]++;
      } else if (v !== 0) {
        badFlag(i, j, v);
      }
    }
  }
  const result: DeprivationHeadcounts = { d, all: close(all) };
  if (poor && nearPoor) {
    result.poor = close(poor);
    result.nearPoor = close(nearPoor);
  }
  return result;
}

/** Options of {@link deprivationHeadcountsFlat}. */
export interface DeprivationFlatOptions {
  /**
   * Category code of each row as produced by `classifyColumns` (CATEGORY_CODE: 1 poor, 2 near-poor,
   * 3 average, 4 none); enables the `poor` and `nearPoor` groups. Length n.
   */
  codes?: Uint8Array;
  /** Keep only rows where `include[i]` is true or 1. Length n. */
  include?: ArrayLike<boolean | number>;
}

/**
 * {@link deprivationHeadcounts} over a flat, row-major n × d Uint8Array of 0/1 flags and columnar
 * category codes: the path for 1,000,000-row rosters (one pass, no allocation per row).
 * Same formulas and result shape; source: docs/domain.md §7.3 Forms 4–7.
 *
 * @throws INVALID_ARGUMENT (not a Uint8Array, length not a multiple of d, a flag other than 0/1,
 *         option lengths), UNKNOWN_CATEGORY for a code outside 1–4
 */
export function deprivationHeadcountsFlat(
  flags: Uint8Array,
  d: number,
  options: DeprivationFlatOptions = {},
): DeprivationHeadcounts {
  if (!(flags instanceof Uint8Array)) {
    fail("INVALID_ARGUMENT", "Ma trận thiếu hụt phải là Uint8Array.", "The flags must be a Uint8Array.", {});
  }
  checkCount(d, L("Số chỉ số d", "Number of indicators d"));
  if (d === 0 ? flags.length !== 0 : flags.length % d !== 0) {
    fail(
      "INVALID_ARGUMENT",
      `Độ dài ma trận (${flags.length}) không chia hết cho số chỉ số (${d}).`,
      `The flags length (${flags.length}) is not a multiple of the number of indicators (${d}).`,
      { length: flags.length, d },
    );
  }
  const n = d === 0 ? 0 : flags.length / d;
  const { codes, include } = options;
  if (codes !== undefined) {
    checkCategoryCodes(codes);
    checkLength(codes.length, n, L("Mã loại hộ", "Category codes"));
  }
  if (include !== undefined) {
    checkLength(checkArray(include, L("Bộ lọc", "Include mask")).length, n, L("Bộ lọc", "Include mask"));
  }
  // acc[g * d + j]: g = 0 all, 1 poor, 2 near-poor
  const acc = new Float64Array(3 * d);
  const hh = [0, 0, 0];
  for (let i = 0, base = 0; i < n; i++, base += d) {
    if (include !== undefined) {
      const keep = include[i];
      if (keep !== true && keep !== 1) continue;
    }
    let g = 0;
    if (codes !== undefined) {
      const c = codes[i];
      checkCategoryCode(c, i);
      g = c <= 2 ? c : 0;
    }
    hh[0]++;
    let seen = 0;
    const off = g * d;
    for (let j = 0; j < d; j++) {
      const v = flags[base + j];
      seen |= v;
      acc[j] += v;
      if (g !== 0) acc[off + j] += v;
    }
    if (seen > 1) {
      const j = flags.subarray(base, base + d).findIndex((v) => v > 1);
      badFlag(i, j, flags[base + j]);
    }
    if (g !== 0) hh[g]++;
  }
  const group = (g: number): DeprivationGroup =>
    close({
      households: hh[g],
      counts: Array.from(acc.subarray(g * d, g * d + d)),
      rates: null,
      totalDeprivations: 0,
    });
  const result: DeprivationHeadcounts = { d, all: group(0) };
  if (codes !== undefined) {
    result.poor = group(1);
    result.nearPoor = group(2);
  }
  return result;
}
