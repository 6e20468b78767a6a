/**
 * Helpers shared by the rules: formatting rates, reading a row's value, rounding units. Locating a field's
 * cell and unit keys live in core/sheet (the reader uses them too) and are re-exported here for the rules.
 */
import type { Bilingual } from "../../i18n";
import { formatPercent } from "../../i18n";
import type { FormRow } from "../../sheet/read";
export { at, label, refText, related } from "../../sheet/locate";
export { unitKey } from "../../sheet/text";

/** A rate as "7,97 %" / "7.97%" with `decimals` fraction decimals (4 → 2 percent decimals). */
export function pct(v: number, fractionDecimals: number): Bilingual {
  const d = Math.max(0, fractionDecimals - 2);
  return { vi: formatPercent(v, "vi", d), en: formatPercent(v, "en", d) };
}

export const num = (row: FormRow, f: string): number | undefined => row.values[f];

/** Compare a value to a count with rounding units: 0 = equal, 1 = one unit off, 2 = more. */
export function unitsOff(value: number, expected: number, decimals: number): number {
  const scale = Math.pow(10, decimals);
  const a = Math.round(value * scale + 1e-9);
  const b = Math.round(expected * scale + 1e-9);
  return Math.abs(a - b);
}
