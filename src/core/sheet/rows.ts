/** Kinds of table rows from their labels: body, section heading, subtotal, grand total. */
import { fold } from "../i18n";
import type { RowKind } from "./read";

export const TOTAL_WORDS = /^(tong|cong|toan |total|grand total|ca nuoc|tinh chung|subtotal|sub total|sub-total)/;
const SUBTOTAL_WORDS =
  /^(sub ?-?total|(cong|tong cong|tong so|tong|total)( cac thon| khu vuc| area)? (thanh thi|nong thon|do thi|urban|rural)|(urban|rural)( area)? (sub ?-?)?total)/;
const ROMAN = /^(i|ii|iii|iv|v|vi|vii|viii|ix|x)([.):\s]|$)/;
const AREA_SECTION = /^(khu vuc )?(thanh thi|nong thon|do thi)$|^(urban|rural)( areas?)?$/;

/**
 * Kind of a table row from its label: subtotals of an area ("Cộng khu vực thành thị", "Subtotal rural area"),
 * totals ("Tổng cộng", "Toàn xã"), sections ("I. Thành thị"), body. The reader also turns a totals row that is
 * followed by another section into a subtotal.
 */
export function rowKindOf(label: string, seq: string): RowKind {
  const l = fold(label);
  if (SUBTOTAL_WORDS.test(l)) return "subtotal";
  if (TOTAL_WORDS.test(l)) return "total";
  const s = fold(seq);
  if (ROMAN.test(s) || ROMAN.test(l) || AREA_SECTION.test(l)) return "section";
  return "body";
}

/** An "of which" row ("Trong đó: các huyện nghèo", "Of which: …"): a part of a row above it, in no sum. */
export function isOfWhich(label: string): boolean {
  return /^(trong do|trong so do|of which|in which)\b/.test(fold(label));
}
