/**
 * POVERTY.* custom functions (namespace POVERTY from manifest.xml).
 *
 * This is the single file the metadata plugin reads: every function here carries JSDoc with
 * `@customfunction ID` (ids are permanent: workbooks store them) and English help; the Vietnamese help
 * lives in functions.vi.json and is merged into functions-vi.json at build time.
 *
 * Each function only adapts: normalise Excel arguments (./normalize) → call src/core → shape the 2-D
 * result, with errors per element inside a spill (./spill, ./errors). No domain rule lives here.
 *
 * Rules for this file: ranges are `any[][]`, optional arguments `x?: any` (Excel passes null for an
 * omitted argument, so TypeScript default values would never apply), results `any[][]`.
 */
import { fail } from "../core/errors";
import { rate } from "../core/measures/rates";
import { guard } from "./errors";
import { toNumberOrBlank } from "./normalize";
import { elementwise } from "./spill";

const L_COUNT = ["Số hộ", "The count"] as const;
const L_TOTAL = ["Tổng số hộ", "The total"] as const;

/**
 * Rate = count ÷ total as a fraction (format the cell as % to see 7.97%). Works on single cells or on equal-shaped ranges, element by element; a single cell is applied to every element of a range.
 * @customfunction RATE
 * @param count Households (or people) in the category: a whole number ≥ 0, a cell or a range.
 * @param total Total households (or people) of the same unit: a whole number > 0, a cell or a range of the same shape.
 * @returns The rate (fraction) for each element; #DIV/0! when the total is 0 or blank, #NUM! for a negative or non-whole count or a count above the total, #VALUE! for text.
 */
export function cfRate(count: any[][], total: any[][]): any[][] {
  return guard(() =>
    elementwise([count, total], [L_COUNT, L_TOTAL], (c, t) => {
      const n = toNumberOrBlank(c, { label: L_COUNT });
      if (n === null) {
        // a blank count arrives as 0 on desktop (then it is a real 0); null/"" (web) is a missing value
        return fail("MISSING_VALUE", "Số hộ đang trống", "The count is blank");
      }
      // a blank total (0 on desktop, null on the web) divides by zero, as =A1/B1 does
      const d = toNumberOrBlank(t, { label: L_TOTAL }) ?? 0;
      return rate(n, d);
    }),
  );
}
