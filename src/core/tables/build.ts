/**
 * Small helpers shared by the table generators: a builder that knows which sheet row each body row lands on
 * (so formulas can be written against the rendered sheet), the rate formula, and the legal-basis footnote.
 * Pure TypeScript: no Office, DOM or Node.
 */
import { columnLetters } from "../address";
import { bi, pick, type Bilingual, type Lang } from "../i18n";
import { roundRate } from "../measures/rates";
import type { Standard } from "../standards/schema";
import { legalBasis } from "../standards/year";
import { productForm, type FrameOptions, type TableFrame } from "./frame";
import {
  formulaCell,
  parameterRef,
  tableLayout,
  type ColumnSpec,
  type FormulaCell,
  type HeaderCell,
  type ResultTable,
  type TableCell,
  type TableRow,
} from "./model";

/** Options every generator accepts. */
export interface TableOptions {
  /** Language of titles, headers and the strings the generator writes into cells. Default "vi". */
  lang?: Lang;
  /** Name of the reporting unit shown in the title (e.g. "Tỉnh A", "Xã B"). */
  scopeName?: string;
  /**
   * The planner's details for the administrative frame of every form (issuing body, place, date, signers):
   * the pane's "Đơn vị" setting or the CLI's `--unit` / `--place`. Absent: dotted lines to fill in by hand.
   */
  frame?: FrameOptions;
}

/**
 * Builds a ResultTable row by row. The header and title are fixed first, so the sheet row of every body row
 * is known while the row is built (see `tableLayout`).
 */
export class TableBuilder {
  readonly rows: TableRow[] = [];
  readonly firstBodyRow: number;
  private readonly letters = new Map<string, string>();

  constructor(private readonly base: Omit<ResultTable, "rows">) {
    this.firstBodyRow = tableLayout({ ...base, rows: [] }).firstBodyRow;
    base.columns.forEach((c, i) => {
      if (this.letters.has(c.key)) throw new Error(`tables: duplicate column key "${c.key}"`);
      this.letters.set(c.key, columnLetters(i));
    });
  }

  /** Column letter of a key. */
  col(key: string): string {
    const l = this.letters.get(key);
    if (l === undefined) throw new Error(`tables: unknown column key "${key}"`);
    return l;
  }

  /** A1 reference of a column key on a sheet row. */
  ref(key: string, row: number): string {
    return `${this.col(key)}${row}`;
  }

  /** Absolute reference ("$C$8") of a parameter's input cell (ResultTable.parameters). */
  param(key: string): string {
    return parameterRef({ ...this.base, rows: [] }, key);
  }

  /** Sheet row the next added row lands on. */
  get nextRow(): number {
    return this.firstBodyRow + this.rows.length;
  }

  /** Add a row given as key → cell; returns its sheet row. */
  add(cells: Record<string, TableCell>, kind: TableRow["kind"] = "body", formats?: TableRow["formats"]): number {
    const row = this.nextRow;
    const known = new Set(this.base.columns.map((c) => c.key));
    for (const k of Object.keys(cells)) if (!known.has(k)) throw new Error(`tables: unknown column key "${k}"`);
    this.rows.push({
      cells: this.base.columns.map((c) => (c.key in cells ? cells[c.key] : null)),
      kind,
      ...(formats ? { formats } : {}),
    });
    return row;
  }

  build(): ResultTable {
    return { ...this.base, rows: this.rows };
  }
}

/** `ROUND(num/den,4)`: a rate as a fraction rounded like a published rate (2 decimals of the percentage). */
export function rateFormula(num: string, den: string, value: number): FormulaCell {
  return formulaCell(`ROUND(${num}/${den},4)`, roundRate(value, 2));
}

/** SUM over a column between two sheet rows (inclusive). */
export function sumFormula(col: string, from: number, to: number, value: number): FormulaCell {
  return formulaCell(from === to ? `${col}${from}` : `SUM(${col}${from}:${col}${to})`, value);
}

/** Sum of scattered cells: "D10+D20" (for section subtotals). */
export function addFormula(refs: string[], value: number): FormulaCell {
  return formulaCell(refs.length === 0 ? "0" : refs.join("+"), value);
}

/**
 * The administrative frame of one of the product's forms: its number (PRODUCT_FORM_NUMBERS), the unit of
 * measure, and the planner's details from the options (`opts.frame`).
 */
export function formFrame(tableId: string, unitOfMeasure: Bilingual, opts: TableOptions): TableFrame {
  return { form: productForm(tableId), unitOfMeasure, ...(opts.frame ? { document: opts.frame } : {}) };
}

/** Tables with the planner's details put into their frames (for tables built before the details were known). */
export function withFrameDocument(tables: readonly ResultTable[], frame: FrameOptions | undefined): ResultTable[] {
  return tables.map((t) => (t.frame && frame ? { ...t, frame: { ...t.frame, document: frame } } : t));
}

/**
 * "Căn cứ pháp lý: …" of a form. With the review year: the legal basis of that year from the standards data
 * (`legalBasis`: a transition year cites the decree that extends the standard; a local standard cites the province's
 * decision and the national basis it raises). Without (a blank template): the standard's own citation.
 */
export function legalNote(standard: Standard, reviewYear?: number): Bilingual {
  if (reviewYear === undefined)
    return bi(`Căn cứ pháp lý: ${standard.citation.vi}.`, `Legal basis: ${standard.citation.en}.`);
  const basis = legalBasis(reviewYear, standard.scope === "local" ? { local: standard } : {});
  return bi(`Căn cứ pháp lý: ${basis.vi}`, `Legal basis: ${basis.en}`);
}

/** A header row of column numbers "(1)", "(2)"… (blank for columns given as null). */
export function numberRow(labels: (string | null)[]): HeaderCell[] {
  return labels.map((l) => ({ text: bi(l ?? "", l ?? "") }));
}

/** Column spec shorthand. The sequence column "tt" (TT, thứ tự) is centred. */
export function column(key: string, vi: string, en: string, format: ColumnSpec["format"], width?: number): ColumnSpec {
  return { key, header: bi(vi, en), format, ...(width ? { width } : {}), ...(key === "tt" ? { align: "center" } : {}) };
}

/** Pick a bilingual text in the options' language. */
export function tr(lang: Lang, vi: string, en: string): string {
  return pick(bi(vi, en), lang);
}

/** Roman numerals for sections (I, II, III…). */
export function roman(n: number): string {
  const table: [number, string][] = [
    [10, "X"],
    [9, "IX"],
    [5, "V"],
    [4, "IV"],
    [1, "I"],
  ];
  let s = "";
  for (const [v, r] of table)
    while (n >= v) {
      s += r;
      n -= v;
    }
  return s;
}

/** First letter upper-case ("khu vực thành thị" → "Khu vực thành thị"). */
export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
