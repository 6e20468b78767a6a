/**
 * One table of number texts and what they mean, run against every face that reads numbers: the core parser
 * (core/values), the sheet reader's cell parser (core/sheet/parse) and the custom functions' normaliser
 * (functions/normalize). A case is [text, hint, expected]:
 * - a number: the value (decimals checked when given as [value, decimals]);
 * - "ambiguous": "1,500"-like text the hint does not resolve (the reader reports VALUE_AMBIGUOUS_NUMBER, the
 *   functions raise INVALID_NUMBER);
 * - null: not a number.
 */
import type { NumberHint } from "../../../src/core/values";

export type Expected = number | [number, number] | "ambiguous" | null;
export type NumberCase = [text: string, hint: NumberHint | undefined, expected: Expected];

export const NUMBER_CASES: NumberCase[] = [
  // digits and Vietnamese thousands
  ["42", undefined, [42, 0]],
  ["1500000", undefined, 1_500_000],
  ["1.500.000", undefined, [1_500_000, 0]],
  ["1.500", undefined, 1500],
  ["1.500", "integer", 1500],
  ["1.500", "decimal", [1.5, 3]],
  ["7.970", "decimal", [7.97, 3]],
  ["1.500.000", "decimal", 1_500_000],
  // English thousands
  ["1,500,000", undefined, 1_500_000],
  ["1,500", undefined, "ambiguous"],
  ["1,500", "integer", [1500, 0]],
  ["1,500", "decimal", [1.5, 3]],
  ["-1,500", undefined, "ambiguous"],
  ["1,500 đ", "integer", 1500],
  ["999,999", undefined, "ambiguous"],
  // decimals
  ["7,97", undefined, [7.97, 2]],
  ["7.97", undefined, [7.97, 2]],
  ["1,5", undefined, [1.5, 1]],
  ["0,500", undefined, [0.5, 3]],
  ["0.500", undefined, [0.5, 3]],
  [",5", undefined, 0.5],
  ["1234,567", undefined, [1234.567, 3]],
  ["1.500.000,5", undefined, [1_500_000.5, 1]],
  ["1.500.000,50", undefined, [1_500_000.5, 2]],
  ["1,500,000.5", undefined, [1_500_000.5, 1]],
  ["1.500,5", undefined, 1500.5],
  ["1,500.5", undefined, 1500.5],
  // percentages become fractions
  ["7,97%", undefined, [0.0797, 4]],
  ["7,97 %", undefined, [0.0797, 4]],
  ["100%", undefined, [1, 2]],
  ["1,500%", "decimal", [0.015, 5]],
  // spaces, currencies
  [" 12 ", undefined, 12],
  ["1 500 000", undefined, 1_500_000],
  ["1\u00a0500\u00a0000 đ", undefined, 1_500_000],
  ["1\u202f500,5", undefined, 1500.5],
  ["2.000.000 VND", undefined, 2_000_000],
  ["2.000.000 VNĐ", undefined, 2_000_000],
  ["2.000.000₫", undefined, 2_000_000],
  ["2.000.000 đồng", undefined, 2_000_000],
  ["2.000.000 dong", undefined, 2_000_000],
  ["2.000.000 đồng".normalize("NFD"), undefined, 2_000_000],
  // signs
  ["-3", undefined, -3],
  ["+3", undefined, 3],
  ["−3,5", undefined, -3.5],
  ["–3", undefined, -3],
  ["(1.500)", undefined, -1500],
  ["(7,97 %)", undefined, -0.0797],
  ["-0", undefined, 0],
  // not numbers
  ["", undefined, null],
  ["abc", undefined, null],
  ["%", undefined, null],
  ["-", undefined, null],
  ["12a", undefined, null],
  ["x1", undefined, null],
  ["1e5", undefined, null],
  ["--3", undefined, null],
  ["(-3)", undefined, null],
  ["7,", undefined, null],
  ["7,97,", undefined, null],
  ["1..5", undefined, null],
  ["1.50.000", undefined, null],
  ["1,5,0", undefined, null],
  ["0.500.000", undefined, null],
  ["1.2.3,4,5", undefined, null],
  ["1.500,000.5", undefined, null],
  ["1 5", undefined, null],
  ["12 34", undefined, null],
  ["1 500.000.5", undefined, null],
];
