/**
 * Range adapters of CLASSIFY and CLASSIFYSCORE: Excel ranges → typed columns → the core's classifiers →
 * one Vietnamese label (CATEGORY_LABELS) per row, errors per row, "" for blank rows.
 */
import {
  averageConfirmed,
  CATEGORY_CODE,
  classifyColumns,
  classifyHousehold,
  classifyScores,
  CODE_CATEGORY,
  type Classification,
} from "../core/classify";
import { isPovertyError } from "../core/errors";
import { AVERAGE_UNCONFIRMED_LABEL, CATEGORY_LABELS, type Category } from "../core/household";
import { indicatorCount, type Standard } from "../core/standards";
import { cell, toCustomFunctionsError } from "./errors";
import { fail } from "../core/errors";
import { areaColumn, blankRows, columnArg, flagBlock, householdColumns, numberColumn, type RowErrors } from "./columns";
import { asMatrix, isOmitted, shapeOf, toFlag } from "./normalize";

export const L_INCOME = ["Thu nhập bình quân", "The income"] as const;
export const L_DEPRIVATIONS = ["Số chỉ số thiếu hụt", "The deprivation count"] as const;
export const L_AREA = ["Khu vực", "The area"] as const;
export const L_SCORE_A = ["Điểm A (phiếu B1)", "Score A (form B1)"] as const;
export const L_SCORE_B = ["Điểm B (phiếu B2)", "Score B (form B2)"] as const;
export const L_AGRI = ["Hộ nông, lâm, ngư, diêm nghiệp", "The agricultural flag"] as const;

/**
 * The optional `agricultural` argument of CLASSIFY: omitted → every row unknown (undefined); else a column of n rows
 * or one cell for all: 1/TRUE/"x"/"có" = agriculture, forestry, fishery or salt household, 0/FALSE/"không" = not,
 * blank = not known. A bad cell is that row's error.
 */
function agriculturalColumn(
  agricultural: unknown,
  n: number,
  errors: RowErrors,
  skip: Uint8Array,
): (0 | 1 | undefined)[] | undefined {
  if (isOmitted(agricultural)) return undefined;
  const col = columnArg(agricultural, n, L_AGRI);
  const out: (0 | 1 | undefined)[] = new Array(n);
  for (let i = 0; i < n; i++) {
    if (skip[i]) continue;
    try {
      const f = toFlag(col.get(i), L_AGRI);
      out[i] = f === null ? undefined : f;
    } catch (e) {
      if (!isPovertyError(e)) throw e;
      if (!errors.has(i)) errors.set(i, e);
    }
  }
  return out;
}

const LABEL_BY_CODE: readonly string[] = CODE_CATEGORY.map((c) => (c ? CATEGORY_LABELS[c].vi : ""));
const CATEGORY_LABEL_UNCONFIRMED: string = AVERAGE_UNCONFIRMED_LABEL.vi;

/** The Vietnamese label of a category ("Hộ nghèo" …). */
export const labelOf = (c: Category): string => CATEGORY_LABELS[c].vi;

/** The label of one classification: an average result whose trade condition is unconfirmed gets its own label. */
const labelOfResult = (c: Classification): string =>
  c.reason.averageCondition === "unconfirmed" ? AVERAGE_UNCONFIRMED_LABEL.vi : labelOf(c.category);

/**
 * Deprivations argument: a count column (n × 1) or a block of flags (n × indicators of the standard).
 * Returns the per-row counts (NaN where a cell was bad; the error is in `errors`).
 */
function deprivationCounts(
  deprivations: unknown,
  n: number,
  standard: Standard,
  errors: RowErrors,
  skip: Uint8Array,
): Float64Array {
  const m = asMatrix(deprivations);
  const [rows, cols] = shapeOf(m);
  if (cols === 1) return numberColumn(columnArg(deprivations, n, L_DEPRIVATIONS), L_DEPRIVATIONS, errors, skip);
  const d = indicatorCount(standard);
  if (cols !== d || rows !== n) {
    fail(
      "INVALID_ARGUMENT",
      `Thiếu hụt phải là một cột số chỉ số, hoặc ${n} dòng × ${d} cột cờ (chuẩn ${standard.citation.document} có ${d} chỉ số); đang là ${rows}×${cols}`,
      `Deprivations must be one column of counts, or ${n} rows × ${d} columns of flags (${standard.citation.documentEn} has ${d} indicators); got ${rows}×${cols}`,
      { rows, cols, expectedRows: n, indicators: d },
    );
  }
  return flagBlock(m, n, d, errors, skip).counts;
}

/**
 * CLASSIFY's ranges as typed columns: one pass per household row (`householdColumns`); a range of an unusual shape
 * (wrong size, ragged, a row too wide) takes the per-column path, which throws the exact shape error.
 */
export function classifyInputs(
  income: unknown,
  deprivations: unknown,
  area: unknown,
  standard: Standard,
): { n: number; skip: Uint8Array; incomes: Float64Array; deps: Float64Array; areas: Uint8Array; errors: RowErrors } {
  const depM0 = asMatrix(deprivations);
  let d = 1; // a count column needs no indicator list (the 2027+ standard has none yet)
  if (depM0[0].length !== 1) {
    try {
      d = indicatorCount(standard);
    } catch {
      d = -1; // the per-column path reports it, after any shape error of the other ranges
    }
  }
  const fast =
    d < 0
      ? undefined
      : householdColumns(asMatrix(income), depM0, asMatrix(area), d, {
          income: L_INCOME,
          deprivations: L_DEPRIVATIONS,
        });
  if (fast) {
    const { n, skip, errors } = fast;
    return { n, skip, incomes: fast.income, deps: fast.deprivations, areas: fast.area, errors };
  }
  return classifyInputsByColumn(income, deprivations, area, standard);
}

/** The per-column path of `classifyInputs` (one pass per column): any shape, exact shape errors. */
export function classifyInputsByColumn(
  income: unknown,
  deprivations: unknown,
  area: unknown,
  standard: Standard,
): { n: number; skip: Uint8Array; incomes: Float64Array; deps: Float64Array; areas: Uint8Array; errors: RowErrors } {
  const inc = columnArg(income, undefined, L_INCOME);
  const n = inc.n;
  const ar = columnArg(area, n, L_AREA);
  const depM = asMatrix(deprivations);
  const countCol = shapeOf(depM)[1] === 1;
  const skip = blankRows(
    n,
    countCol ? [inc.get, ar.get, columnArg(deprivations, n, L_DEPRIVATIONS).get] : [inc.get, ar.get],
    countCol ? [] : [depM],
  );
  const errors: RowErrors = new Map();
  const incomes = numberColumn(inc, L_INCOME, errors, skip);
  const deps = deprivationCounts(deprivations, n, standard, errors, skip);
  const areas = areaColumn(ar, errors, skip);
  return { n, skip, incomes, deps, areas, errors };
}

/**
 * CLASSIFY over ranges: one label per row (n × 1). With a standard that limits the average category to agriculture,
 * forestry, fishery and salt households (Decree 07/2021/NĐ-CP), a row in the average band whose trade is not given
 * (no `agricultural` argument, or a blank cell) gets AVERAGE_UNCONFIRMED_LABEL instead of "Hộ có mức sống trung
 * bình"; a row flagged 0 is "Không thuộc diện".
 */
export function classifyRange(
  income: unknown,
  deprivations: unknown,
  area: unknown,
  standard: Standard,
  agricultural?: unknown,
): unknown[][] {
  const { n, skip, incomes, deps, areas, errors } = classifyInputs(income, deprivations, area, standard);
  const agri = agriculturalColumn(agricultural, n, errors, skip);
  const agriCodes = agri ? Uint8Array.from(agri, (f) => (f === 0 ? 0 : 1)) : undefined;
  const unconfirmed = CATEGORY_LABEL_UNCONFIRMED;

  let codes: Uint8Array | null = null;
  try {
    codes = classifyColumns(
      { income: incomes, deprivations: deps, area: areas, n, ...(agriCodes ? { agricultural: agriCodes } : {}) },
      standard,
    );
  } catch (e) {
    // 2027+: income above the line and no known average ceiling → fall back to per-row errors below
    if (!(isPovertyError(e) && e.code === "UNKNOWN_VALUE")) throw e;
  }
  const out: unknown[][] = new Array(n);
  const anyErrors = errors.size > 0;
  for (let i = 0; i < n; i++) {
    if (skip[i]) {
      out[i] = [""];
      continue;
    }
    const err = anyErrors ? errors.get(i) : undefined;
    if (err) {
      out[i] = [toCustomFunctionsError(err)];
      continue;
    }
    const code = codes ? codes[i] : 0;
    if (code > 0) {
      const confirmed =
        code !== CATEGORY_CODE.average || averageConfirmed(standard, agri?.[i] === 1 ? true : undefined);
      out[i] = [confirmed ? LABEL_BY_CODE[code] : unconfirmed];
      continue;
    }
    // invalid row (or no columnar result): the per-household classifier says exactly why
    out[i] = [
      cell(() =>
        labelOfResult(
          classifyHousehold(
            {
              incomePerCapita: incomes[i],
              deprivations: deps[i],
              area: areas[i] === 1 ? "urban" : "rural",
              ...(agri?.[i] !== undefined ? { agricultural: agri[i] === 1 } : {}),
            },
            standard,
          ),
        ),
      ),
    ];
  }
  return out;
}

/** CLASSIFYSCORE over ranges: one label per row (n × 1). */
export function classifyScoreRange(scoreA: unknown, scoreB: unknown, area: unknown, standard: Standard): unknown[][] {
  const a = columnArg(scoreA, undefined, L_SCORE_A);
  const n = a.n;
  const b = columnArg(scoreB, n, L_SCORE_B);
  const ar = columnArg(area, n, L_AREA);
  const skip = blankRows(n, [a.get, b.get, ar.get], []);
  const errors: RowErrors = new Map();
  const as = numberColumn(a, L_SCORE_A, errors, skip);
  const bs = numberColumn(b, L_SCORE_B, errors, skip);
  const areas = areaColumn(ar, errors, skip);
  const out: unknown[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    if (skip[i]) out[i] = [""];
    else if (errors.has(i)) out[i] = [toCustomFunctionsError(errors.get(i))];
    else
      out[i] = [
        cell(() => labelOf(classifyScores(as[i], bs[i], areas[i] === 1 ? "urban" : "rural", standard).category)),
      ];
  }
  return out;
}
