/**
 * Shaping helpers for spilled results: element-wise maps with per-element errors, broadcasting of a
 * single cell against a range, and column outputs. No domain logic.
 */
import { fail } from "../core/errors";
import { cell } from "./errors";
import { asMatrix, shapeOf } from "./normalize";

/** A spill element: a value or that element's error. */
export type Out = unknown;

/**
 * Element-wise over equal-shaped ranges; a 1×1 argument is broadcast against the others.
 * Each element is computed under `cell`, so a bad element becomes its own error value.
 * Throws INVALID_ARGUMENT (→ #VALUE! with message) when two ranges have different shapes.
 */
export function elementwise(
  args: readonly unknown[],
  labels: readonly (readonly [string, string])[],
  compute: (...values: unknown[]) => unknown,
): Out[][] {
  const mats = args.map(asMatrix);
  let rows = 1;
  let cols = 1;
  let owner = -1;
  mats.forEach((m, i) => {
    const [r, c] = shapeOf(m);
    if (r === 1 && c === 1) return;
    if (owner < 0) {
      rows = r;
      cols = c;
      owner = i;
    } else if (r !== rows || c !== cols) {
      fail(
        "INVALID_ARGUMENT",
        `${labels[i][0]} (${r}×${c}) phải cùng kích thước với ${labels[owner][0].toLowerCase()} (${rows}×${cols}) hoặc là một ô`,
        `${labels[i][1]} (${r}×${c}) must have the same shape as ${labels[owner][1].toLowerCase()} (${rows}×${cols}) or be a single cell`,
        { rows: r, cols: c, expectedRows: rows, expectedCols: cols },
      );
    }
  });
  const out: Out[][] = new Array(rows);
  const vals: unknown[] = new Array(mats.length);
  for (let i = 0; i < rows; i++) {
    const row: Out[] = new Array(cols);
    for (let j = 0; j < cols; j++) {
      for (let k = 0; k < mats.length; k++) {
        const m = mats[k];
        vals[k] = m.length === 1 && m[0].length === 1 ? m[0][0] : m[i][j];
      }
      row[j] = cell(() => compute(...vals));
    }
    out[i] = row;
  }
  return out;
}

/** A list as a one-column spill. */
export function column(values: readonly unknown[]): Out[][] {
  const out: Out[][] = new Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = [values[i]];
  return out;
}

/** A list as a one-row spill. */
export function row(values: readonly unknown[]): Out[][] {
  return [values.slice()];
}
