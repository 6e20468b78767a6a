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
