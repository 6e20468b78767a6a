/**
 * The spreadsheet-formula alternative: the same classification typed as native per-row formulas
 * (IF/AND/SUM over the 12 flag cells), evaluated by HyperFormula (a real formula engine; GPL-3.0, a
 * devDependency used only here and in tests — never bundled).
 *
 * The peer gets the friendliest input: incomes already numbers, flags 1/blank, the area as text (no numeric-text
 * parsing, no "x" flags — native SUM cannot count "x" without COUNTIF). Its time is (build with formulas) −
 * (build with the same values and no formulas): the formula parse + evaluation cost only, not the data load.
 * HyperFormula is evaluated on a subset (10k–20k rows) and the per-row cost is extrapolated linearly to the roster
 * size; the bench also times a half-size subset to show that the cost per row is flat (linear), which is what
 * makes the extrapolation fair.
 */
import type { KernelRule } from "./kernel";
import { INDICATORS, type Roster } from "./data";
import { gc, median, nowMs } from "./harness";

const URBAN_TEXT = "Thành thị";

/** The formula for row r (1-based): what a planner would type in the category column and fill down. */
export function classifyFormula(r: number, rule: KernelRule): string {
  const line = `IF(B${r}="${URBAN_TEXT}",${rule.lineUrban},${rule.lineRural})`;
  const avg = `IF(B${r}="${URBAN_TEXT}",${rule.avgUrban},${rule.avgRural})`;
  return (
    `=IF(AND(A${r}<=${line},SUM(C${r}:N${r})>=${rule.cutoff}),"Hộ nghèo",` +
    `IF(A${r}<=${line},"Hộ cận nghèo",IF(A${r}<=${avg},"Hộ có mức sống trung bình","Không thuộc diện")))`
  );
}

function sheetRows(r: Roster, rows: number, rule: KernelRule, withFormulas: boolean): (string | number | null)[][] {
  const out: (string | number | null)[][] = new Array(rows);
  for (let i = 0; i < rows; i++) {
    const row: (string | number | null)[] = [r.income[i], r.area[i] ? URBAN_TEXT : "Nông thôn"];
    for (let j = 0; j < INDICATORS; j++) row.push(r.flags[i * INDICATORS + j] ? 1 : null);
    if (withFormulas) row.push(classifyFormula(i + 1, rule));
    out[i] = row;
  }
  return out;
}

export interface HfResult {
  rows: number;
  /** median ms for the formula work on `rows` rows */
  formulaMs: number;
  /** median ms to load the same values without formulas */
  dataMs: number;
  perRowUs: number;
  /** per-row µs at half the rows (linearity check) */
  perRowHalfUs: number;
  /** the formula results, as category codes 0..3, for a correctness cross-check */
  codes: Uint8Array;
}

const LABEL_CODE: Record<string, number> = {
  "Hộ nghèo": 0,
  "Hộ cận nghèo": 1,
  "Hộ có mức sống trung bình": 2,
  "Không thuộc diện": 3,
};

export function runHyperFormula(r: Roster, rows: number, rule: KernelRule, runs: number): HfResult {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { HyperFormula } = require("hyperformula") as typeof import("hyperformula");
  const config = { licenseKey: "gpl-v3" };
  const time = (n: number, withFormulas: boolean, keepCodes?: Uint8Array): number => {
    const data = sheetRows(r, n, rule, withFormulas);
    gc();
    const t0 = nowMs();
    const hf = HyperFormula.buildFromArray(data, config);
    const ms = nowMs() - t0;
    if (keepCodes) {
      const sheet = 0;
      for (let i = 0; i < n; i++) {
        const v = hf.getCellValue({ sheet, row: i, col: 2 + INDICATORS });
        keepCodes[i] = LABEL_CODE[String(v)] ?? 255;
      }
    }
    hf.destroy();
    return ms;
  };
  const codes = new Uint8Array(rows);
  time(Math.min(rows, 1000), true); // warm-up (JIT, plugin registry)
  const full: number[] = [];
  const dataOnly: number[] = [];
  const half: number[] = [];
  const halfData: number[] = [];
  for (let k = 0; k < runs; k++) {
    full.push(time(rows, true, k === 0 ? codes : undefined));
    dataOnly.push(time(rows, false));
    half.push(time(rows >> 1, true));
    halfData.push(time(rows >> 1, false));
  }
  const formulaMs = Math.max(1e-6, median(full) - median(dataOnly));
  const halfMs = Math.max(1e-6, median(half) - median(halfData));
  return {
    rows,
    formulaMs,
    dataMs: median(dataOnly),
    perRowUs: (formulaMs * 1000) / rows,
    perRowHalfUs: (halfMs * 1000) / (rows >> 1),
    codes,
  };
}
