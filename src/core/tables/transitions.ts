/**
 * Form 2 "Tổng hợp diễn biến hộ nghèo" and Form 3 "Tổng hợp diễn biến hộ cận nghèo" (domain.md §7.3), one household
 * row per unit plus the total. Columns 1–8 come from `computeTransitions` (core/transitions); column 9 is written as
 * the formula 9 = 1 − 2 − 3 − 4 + 5 + 6 + 7 + 8, and the total row as SUM formulas, so the identity is visible and
 * checkable in any spreadsheet. Members (nhân khẩu) rows are not produced: the core counts households.
 */
import type { Category, Household } from "../household";
import { bi, type Bilingual, type Lang } from "../i18n";
import type { Standard } from "../standards/schema";
import { computeTransitions, type CurrentEntry, type PreviousEntry, type TransitionOptions, type TransitionResult } from "../transitions";
import { column, legalNote, numberRow, sumFormula, TableBuilder, tr, type TableOptions } from "./build";
import { formulaCell, type ResultTable, type TableCell } from "./model";

export interface TransitionTablesInput {
  /** Previous review (households with their unit) and the category each had. */
  previous: readonly Pick<Household, "id" | "unit">[];
  previousCategories: readonly Category[];
  /** This review. */
  current: readonly Pick<Household, "id" | "unit">[];
  currentCategories: readonly Category[];
  standard: Standard;
  reviewYear: number;
  options?: TransitionOptions;
}

const POOR_HEADERS: Bilingual[] = [
  bi("Số hộ nghèo đầu kỳ", "Poor at start"),
  bi("Thoát nghèo sang hộ cận nghèo", "Poor → near-poor"),
  bi("Thoát nghèo vượt chuẩn cận nghèo", "Escaped above the near-poverty line"),
  bi("Giảm khác (chết, chuyển đi, tách, gộp)", "Other decrease (died, moved, split, merged)"),
  bi("Từ hộ cận nghèo xuống hộ nghèo", "Near-poor → poor"),
  bi("Tái nghèo", "Re-poor"),
  bi("Phát sinh mới", "Newly poor"),
  bi("Tăng khác (chuyển đến, tách hộ)", "Other increase (moved in, split)"),
  bi("Số hộ nghèo cuối kỳ", "Poor at end"),
];
const NEAR_HEADERS: Bilingual[] = [
  bi("Số hộ cận nghèo đầu kỳ", "Near-poor at start"),
  bi("Thoát cận nghèo", "Escaped near-poverty"),
  bi("Chuyển thành hộ nghèo", "Near-poor → poor"),
  bi("Giảm khác (chết, chuyển đi, tách, gộp)", "Other decrease (died, moved, split, merged)"),
  bi("Từ hộ nghèo sang hộ cận nghèo", "Poor → near-poor"),
  bi("Tái cận nghèo", "Re-near-poor"),
  bi("Phát sinh mới", "Newly near-poor"),
  bi("Tăng khác (chuyển đến, tách hộ)", "Other increase (moved in, split)"),
  bi("Số hộ cận nghèo cuối kỳ", "Near-poor at end"),
];

function entries<T extends PreviousEntry | CurrentEntry>(rows: readonly Pick<Household, "id" | "unit">[], cats: readonly Category[], unit?: string): T[] {
  const out: T[] = [];
  rows.forEach((h, i) => {
    if (unit === undefined || h.unit === unit) out.push({ id: h.id, category: cats[i] } as T);
  });
  return out;
}

/** Form 2 and Form 3 as two tables. Values: computeTransitions per unit and over all units. */
export function buildTransitionTables(input: TransitionTablesInput, opts: TableOptions = {}): ResultTable[] {
  const lang: Lang = opts.lang ?? "vi";
  if (input.previous.length !== input.previousCategories.length || input.current.length !== input.currentCategories.length) {
    throw new Error("buildTransitionTables: categories must match households");
  }
  const units: string[] = [];
  for (const h of [...input.current, ...input.previous]) if (!units.includes(h.unit)) units.push(h.unit);
  const perUnit = units.map((u) => computeTransitions(entries(input.previous, input.previousCategories, u), entries(input.current, input.currentCategories, u), input.options));
  const overall = computeTransitions(entries(input.previous, input.previousCategories), entries(input.current, input.currentCategories), input.options);

  const make = (form: "poor" | "nearPoor"): ResultTable => {
    const headers = form === "poor" ? POOR_HEADERS : NEAR_HEADERS;
    const cols = (r: TransitionResult) => (form === "poor" ? r.poor.columns : r.nearPoor.columns);
    const b = new TableBuilder({
      id: form === "poor" ? "form2-poor-transitions" : "form3-nearpoor-transitions",
      sheetName: form === "poor" ? bi("Biểu 2 - Diễn biến HN", "Form 2 - Poor changes") : bi("Biểu 3 - Diễn biến HCN", "Form 3 - Near-poor changes"),
      title: [
        form === "poor"
          ? bi(`TỔNG HỢP DIỄN BIẾN HỘ NGHÈO NĂM ${input.reviewYear}`, `CHANGES IN POOR HOUSEHOLDS, ${input.reviewYear}`)
          : bi(`TỔNG HỢP DIỄN BIẾN HỘ CẬN NGHÈO NĂM ${input.reviewYear}`, `CHANGES IN NEAR-POOR HOUSEHOLDS, ${input.reviewYear}`),
        bi(`${opts.scopeName ? opts.scopeName + " — " : ""}Đơn vị tính: hộ`, `${opts.scopeName ? opts.scopeName + " — " : ""}Unit: households`),
      ],
      headerRows: [
        [
          { text: bi("TT", "No."), rowSpan: 2 },
          { text: bi("Đơn vị", "Unit"), rowSpan: 2 },
          { text: headers[0], rowSpan: 2 },
          { text: bi("Giảm trong kỳ", "Decreases"), colSpan: 3 },
          { text: bi("Tăng trong kỳ", "Increases"), colSpan: 4 },
          { text: headers[8], rowSpan: 2 },
        ],
        headers.slice(1, 8).map((text) => ({ text })),
        numberRow(["A", "B", "(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)=(1)-(2)-(3)-(4)+(5)+(6)+(7)+(8)"]),
      ],
      columns: [column("tt", "TT", "No.", "text", 6), column("unit", "Đơn vị", "Unit", "text", 24), ...headers.map((h, j) => ({ key: `c${j + 1}`, header: h, format: "integer" as const, width: 12 }))],
      notes: [
        bi("Cột (9) là công thức (9) = (1) − (2) − (3) − (4) + (5) + (6) + (7) + (8); dòng tổng cộng là công thức SUM.", "Column (9) is the formula (9) = (1) − (2) − (3) − (4) + (5) + (6) + (7) + (8); the total row uses SUM formulas."),
        bi(
          "Hộ không có trong danh sách năm trước mà nay thuộc diện được tính là phát sinh mới; hộ không còn trong danh sách năm nay được tính là thoát (mặc định, xem tài liệu).",
          "A household absent from last year's list that is in the category now counts as new; one absent from this year's list counts as escaped (default, see the documentation).",
        ),
        ...(overall.excludedIds.length > 0 || overall.excludedEntries.previous + overall.excludedEntries.current > 0
          ? [bi(`Đã loại ${overall.excludedEntries.previous + overall.excludedEntries.current} dòng (mã hộ trống/trùng, phân loại không hợp lệ).`, `${overall.excludedEntries.previous + overall.excludedEntries.current} entries excluded (blank/duplicate ids, invalid categories).`)]
          : []),
        legalNote(input.standard),
      ],
      freezeColumns: 2,
      lang,
    });
    const ninth = (row: number, value: number) => {
      const r = (j: number) => b.ref(`c${j}`, row);
      return formulaCell(`${r(1)}-${r(2)}-${r(3)}-${r(4)}+${r(5)}+${r(6)}+${r(7)}+${r(8)}`, value);
    };
    const first = b.nextRow;
    perUnit.forEach((res, n) => {
      const c = cols(res);
      const row = b.nextRow;
      const cells: Record<string, TableCell> = { tt: String(n + 1), unit: units[n] };
      for (let j = 1; j <= 8; j++) cells[`c${j}`] = c[j - 1];
      cells.c9 = ninth(row, c[8]);
      b.add(cells);
    });
    const last = b.nextRow - 1;
    const c = cols(overall);
    const row = b.nextRow;
    const cells: Record<string, TableCell> = { tt: "", unit: tr(lang, "TỔNG CỘNG", "TOTAL") };
    for (let j = 1; j <= 8; j++) cells[`c${j}`] = units.length > 0 ? sumFormula(b.col(`c${j}`), first, last, c[j - 1]) : c[j - 1];
    cells.c9 = ninth(row, c[8]);
    b.add(cells, "total");
    return b.build();
  };
  return [make("poor"), make("nearPoor")];
}
