/**
 * Household tables in, typed columns out: the fast path of CLASSIFY, CLASSIFYSCORE, DEPRIVATIONS, MPI
 * and CONTRIB over 100,000-row ranges. One pass over the cells, numbers take the `typeof === "number"`
 * fast path, text areas are parsed once per distinct value, and problems are kept per row (so one bad
 * row becomes one error element of the spill, not an error for the whole column).
 */
import { fail, isPovertyError, PovertyError } from "../core/errors";
import { areaReader } from "./args";
import { asMatrix, isBlank, shapeOf, toFlag, toNumberOrBlank } from "./normalize";

export type Label = readonly [string, string];

/** Per-row problems of a table: row index → the PovertyError for that row. */
export type RowErrors = Map<number, PovertyError>;

/** Prefix a row error with the row number (1-based within the range), keep code and details. */
export function atRow(e: PovertyError, row: number): PovertyError {
  return new PovertyError({
    code: e.code,
    messageVi: `Dòng thứ ${row + 1} của vùng: ${e.messageVi}`,
    messageEn: `Row ${row + 1} of the range: ${e.messageEn}`,
    details: { ...e.details, row: row + 1 },
  });
}

function record(errors: RowErrors, i: number, e: unknown): void {
  if (!isPovertyError(e)) throw e;
  if (!errors.has(i)) errors.set(i, e);
}

/** A one-column range (or a single cell, broadcast to n rows) as a getter; INVALID_ARGUMENT otherwise. */
export function columnArg(v: unknown, n: number | undefined, label: Label): { n: number; get: (i: number) => unknown } {
  const m = asMatrix(v);
  const [rows, cols] = shapeOf(m);
  if (cols !== 1) {
    return fail(
      "INVALID_ARGUMENT",
      `${label[0]} phải là một cột (đang là ${rows}×${cols})`,
      `${label[1]} must be one column (got ${rows}×${cols})`,
      { rows, cols },
    );
  }
  if (n !== undefined && rows !== n && rows !== 1) {
    return fail(
      "INVALID_ARGUMENT",
      `${label[0]} có ${rows} dòng, phải có ${n} dòng như cột đầu tiên hoặc là một ô`,
      `${label[1]} has ${rows} rows; it must have ${n} rows like the first column, or be a single cell`,
      { rows, expected: n },
    );
  }
  if (rows === 1 && n !== undefined && n > 1) {
    const only = m[0][0];
    return { n, get: () => only };
  }
  return { n: rows, get: (i) => m[i][0] };
}

/** True for a blank-looking cell: blank, or 0 as Excel desktop sends blanks. */
export const blankish = (v: unknown): boolean => v === 0 || isBlank(v);

/** A numeric column as Float64Array; blank or bad cells become NaN with their error recorded. */
export function numberColumn(
  col: { n: number; get: (i: number) => unknown },
  label: Label,
  errors: RowErrors,
  skip: Uint8Array,
): Float64Array {
  const out = new Float64Array(col.n);
  for (let i = 0; i < col.n; i++) {
    if (skip[i]) continue;
    const v = col.get(i);
    if (typeof v === "number" && Number.isFinite(v)) {
      out[i] = v;
      continue;
    }
    try {
      const x = toNumberOrBlank(v, { label });
      if (x === null) fail("MISSING_VALUE", `${label[0]} đang trống`, `${label[1]} is blank`);
      out[i] = x;
    } catch (e) {
      record(errors, i, e);
      out[i] = NaN;
    }
  }
  return out;
}

/** Area column as 0 = rural, 1 = urban (the core's ClassifyColumns coding); bad cells recorded. */
export function areaColumn(
  col: { n: number; get: (i: number) => unknown },
  errors: RowErrors,
  skip: Uint8Array,
): Uint8Array {
  const out = new Uint8Array(col.n);
  const read = areaReader();
  for (let i = 0; i < col.n; i++) {
    if (skip[i]) continue;
    try {
      out[i] = read(col.get(i)) === "urban" ? 1 : 0;
    } catch (e) {
      record(errors, i, e);
    }
  }
  return out;
}

/**
 * A block of 0/1 flags (n rows × d columns). Blank flag cells count 0 (only deprivations are ticked on the
 * form). Returns the flat row-major Uint8Array and the per-row sum.
 */
export function flagBlock(
  m: unknown[][],
  n: number,
  d: number,
  errors: RowErrors,
  skip: Uint8Array,
  label: Label = ["Chỉ số thiếu hụt", "A deprivation flag"],
): { flat: Uint8Array; counts: Float64Array } {
  const flat = new Uint8Array(n * d);
  const counts = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (skip[i]) continue;
    const r = m[i];
    let c = 0;
    for (let j = 0; j < d; j++) {
      const v = r[j];
      let f: number;
      if (v === 1 || v === true) f = 1;
      else if (v === 0 || v === false || v === null || v === undefined || v === "") f = 0;
      else {
        try {
          f = toFlag(v, [`${label[0]} cột ${j + 1}`, `${label[1]} in column ${j + 1}`]) ?? 0;
        } catch (e) {
          record(errors, i, e);
          f = 0;
        }
      }
      flat[i * d + j] = f;
      c += f;
    }
    counts[i] = c;
  }
  return { flat, counts };
}

/** Rows whose every cell (across the given getters/blocks) is blank (null, "", or desktop 0). */
export function blankRows(n: number, cells: ((i: number) => unknown)[], blocks: unknown[][][]): Uint8Array {
  const skip = new Uint8Array(n);
  outer: for (let i = 0; i < n; i++) {
    for (const get of cells) if (!blankish(get(i))) continue outer;
    for (const b of blocks) {
      const r = b[i];
      if (r) for (const v of r) if (!blankish(v)) continue outer;
    }
    skip[i] = 1;
  }
  return skip;
}

/** Rows whose every cell is truly empty (null or "" — never 0): used where 0 is a real value. */
export function emptyRows(m: unknown[][], n: number): Uint8Array {
  const skip = new Uint8Array(n);
  outer: for (let i = 0; i < n; i++) {
    const r = m[i];
    if (r) for (const v of r) if (!isBlank(v)) continue outer;
    skip[i] = 1;
  }
  return skip;
}

/**
 * Fast path for the numeric text people type into text-formatted cells: plain digits ("1500000") or digits in
 * Vietnamese thousands groups ("1.500.000"). One charCode loop, no regular expression, no allocation.
 * Returns undefined for anything else (signs, decimals, commas, spaces, currency, "0.500" …), and the caller then
 * asks the general parser (`toNumberOrBlank` → core/values `parseNumberText`). Every value it accepts reads exactly
 * as the core parser reads it without a hint (test/functions/columns-fast.test.ts proves it with fast-check).
 */
export function parseGroupedDigits(s: string): number | undefined {
  const len = s.length;
  if (len === 0 || len > 20) return undefined;
  let v = 0;
  let digits = 0;
  let group = 0;
  let dots = 0;
  for (let k = 0; k < len; k++) {
    const ch = s.charCodeAt(k);
    if (ch >= 48 && ch <= 57) {
      v = v * 10 + (ch - 48);
      digits++;
      group++;
    } else if (ch === 46) {
      if (dots === 0 ? group === 0 || group > 3 : group !== 3) return undefined;
      dots++;
      group = 0;
    } else return undefined;
  }
  // exact in a double; a dotted number ends with a full group; a leading 0 is never a thousands group ("0.500" is
  // the decimal 0.5, "0.500.000" is not a number): left to the core parser
  if (digits > 15 || (dots > 0 && (group !== 3 || s.charCodeAt(0) === 48))) return undefined;
  return v;
}

/** Household columns of CLASSIFY, typed, with blank rows marked and per-row errors (first error of a row wins). */
export interface HouseholdColumns {
  n: number;
  /** 1 = blank row (every cell blank-looking): no result, no error */
  skip: Uint8Array;
  income: Float64Array;
  /** deprivation count per row (a count column, or the sum of a block of flags) */
  deprivations: Float64Array;
  /** 0 = rural, 1 = urban */
  area: Uint8Array;
  errors: RowErrors;
}

const L_FLAG: Label = ["Chỉ số thiếu hụt", "A deprivation flag"];

/**
 * CLASSIFY's three ranges (income n × 1; deprivations n × 1 counts or n × `indicators` flags; area n × 1 or one
 * cell) read in ONE pass per household row — blank check, income, the deprivations and the area read once each —
 * into preallocated typed arrays. Same results, per-row errors and error precedence (income, then deprivations in
 * column order, then area) as `blankRows` + `numberColumn` + `flagBlock`/`numberColumn` + `areaColumn`.
 *
 * Shapes are checked on the way (the widest row of each range), not in separate passes over a million rows. When a
 * shape is not the plain one this returns undefined, and the caller takes the per-column path, which reports the
 * exact shape error (or handles a ragged range) as before.
 */
export function householdColumns(
  incM: unknown[][],
  depM: unknown[][],
  arM: unknown[][],
  indicators: number,
  labels: { income: Label; deprivations: Label },
): HouseholdColumns | undefined {
  const n = incM.length;
  const flagW = depM[0].length; // speculative mode: verified against the widest row below
  const counts = flagW === 1;
  if (!counts && (flagW !== indicators || depM.length !== n)) return undefined;
  if (counts && depM.length !== n && depM.length !== 1) return undefined;
  if (arM.length !== n && arM.length !== 1) return undefined;
  const arB = arM.length !== n; // one area cell for every row
  const depB = counts && depM.length !== n; // one count cell for every row
  const ar0 = arM[0][0];
  const dep0 = depM[0][0];

  const skip = new Uint8Array(n);
  const income = new Float64Array(n);
  const deprivations = new Float64Array(n);
  const area = new Uint8Array(n);
  const errors: RowErrors = new Map();
  const read = areaReader();
  let lastArea: unknown = undefined;
  let lastCode = 0;
  let incW = 1;
  let arW = 1;
  let depW = flagW;
  const numberCell = (v: unknown, i: number, label: Label): number => {
    if (typeof v === "string") {
      const x = parseGroupedDigits(v);
      if (x !== undefined) return x;
    }
    try {
      const x = toNumberOrBlank(v, { label });
      if (x === null) fail("MISSING_VALUE", `${label[0]} đang trống`, `${label[1]} is blank`);
      return x;
    } catch (e) {
      record(errors, i, e);
      return NaN;
    }
  };

  for (let i = 0; i < n; i++) {
    const ir = incM[i];
    if (ir.length > incW) incW = ir.length;
    const v = ir[0];
    let a: unknown;
    if (arB) a = ar0;
    else {
      const r = arM[i];
      if (r.length > arW) arW = r.length;
      a = r[0];
    }
    let fr: unknown[] | undefined;
    let dc: unknown;
    if (counts) {
      if (depB) dc = dep0;
      else {
        const r = depM[i];
        if (r.length > depW) depW = r.length;
        dc = r[0];
      }
    } else {
      fr = depM[i];
      if (fr.length > depW) depW = fr.length;
    }

    // blank row? (a non-zero number in the income cell, the usual case, settles it at once)
    if (!(typeof v === "number" && v !== 0) && blankish(v) && blankish(a)) {
      let blank = true;
      if (fr) {
        for (let j = 0; j < fr.length; j++) {
          if (!blankish(fr[j])) {
            blank = false;
            break;
          }
        }
      } else blank = blankish(dc);
      if (blank) {
        skip[i] = 1;
        continue;
      }
    }

    // income
    income[i] = typeof v === "number" && v - v === 0 ? v : numberCell(v, i, labels.income);

    // deprivations
    if (fr) {
      let c = 0;
      for (let j = 0; j < indicators; j++) {
        const f = fr[j];
        // dispatch on typeof first: each === then compares one type (a mixed-type === is a generic builtin call)
        if (typeof f === "number") {
          if (f === 1) {
            c++;
            continue;
          }
          if (f === 0) continue;
        } else if (typeof f === "string") {
          if (f.length === 0) continue;
          if (f.length === 1 && (f.charCodeAt(0) | 32) === 120) {
            c++; // "x" / "X"
            continue;
          }
        } else if (f === true) {
          c++;
          continue;
        } else if (f === null || f === undefined || f === false) continue;
        {
          try {
            c += toFlag(f, [`${L_FLAG[0]} cột ${j + 1}`, `${L_FLAG[1]} in column ${j + 1}`]) ?? 0;
          } catch (e) {
            record(errors, i, e);
          }
        }
      }
      deprivations[i] = c;
    } else deprivations[i] = typeof dc === "number" && dc - dc === 0 ? dc : numberCell(dc, i, labels.deprivations);

    // area: text resolved once per distinct value (and the same text as the row before without a lookup)
    if (a === lastArea && typeof a === "string") area[i] = lastCode;
    else {
      try {
        const code = read(a) === "urban" ? 1 : 0;
        area[i] = code;
        if (typeof a === "string") {
          lastArea = a;
          lastCode = code;
        }
      } catch (e) {
        record(errors, i, e);
      }
    }
  }
  if (incW !== 1 || arW !== 1 || depW !== flagW) return undefined;
  return { n, skip, income, deprivations, area, errors };
}
