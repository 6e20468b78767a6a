/**
 * Form 2 "Tổng hợp diễn biến hộ nghèo" and Form 3 "Tổng hợp diễn biến hộ cận nghèo" (docs/domain.md §7.3): per unit one
 * "Hộ" row and one "Nhân khẩu" row (column C "Chỉ tiêu"), then a total row per dimension. Columns 1–8 come from
 * `computeTransitions` (core/transitions; members as defined there: decreases with the household's previous members,
 * increases with its current members, member changes of households in the category both years in columns 4 / 8);
 * column 9 is written as the formula 9 = 1 − 2 − 3 − 4 + 5 + 6 + 7 + 8 in both rows, and the totals as SUMIF
 * formulas over the rows of their dimension, so the identity is visible and checkable in any spreadsheet.
 * When a household counted in the forms has no member count, only the "Hộ" rows are written (totals as SUM) and a
 * note says why.
 */
import type { Category, Household } from "../household";
import { bi, type Bilingual, type Lang } from "../i18n";
import type { Standard } from "../standards/schema";
import {
  computeTransitions,
  type CurrentEntry,
  type PreviousEntry,
  type TransitionOptions,
  type TransitionResult,
} from "../transitions";
import { column, formFrame, legalNote, numberRow, sumFormula, TableBuilder, tr, type TableOptions } from "./build";
import { formulaCell, type ResultTable, type TableCell } from "./model";

/** A household as the transition forms need it; `members` (nhân khẩu) for the members rows. */
export type TransitionHousehold = Pick<Household, "id" | "unit"> & Partial<Pick<Household, "members">>;

export interface TransitionTablesInput {
  /** Previous review (households with their unit and members) and the category each had. */
  previous: readonly TransitionHousehold[];
  previousCategories: readonly Category[];
  /** This review. */
  current: readonly TransitionHousehold[];
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

function entries<T extends PreviousEntry | CurrentEntry>(
  rows: readonly TransitionHousehold[],
  cats: readonly Category[],
  unit?: string,
): T[] {
  const out: T[] = [];
  rows.forEach((h, i) => {
    if (unit === undefined || h.unit === unit)
      out.push(
        (h.members === undefined
          ? { id: h.id, category: cats[i] }
          : { id: h.id, category: cats[i], members: h.members }) as T,
      );
  });
  return out;
}

type Nine = readonly number[];
const addColumns = (rows: Nine[]): number[] => {
  const out = [0, 0, 0, 0, 0, 0, 0, 0, 0];
  for (const r of rows) for (let j = 0; j < 9; j++) out[j] += r[j];
  return out;
};

/**
 * Form 2 and Form 3 as two tables. Values: computeTransitions per unit; the total rows are the sums of the unit rows
 * (what their formulas compute). Members rows when every unit's members result is known.
 */
export function buildTransitionTables(input: TransitionTablesInput, opts: TableOptions = {}): ResultTable[] {
  const lang: Lang = opts.lang ?? "vi";
  if (
    input.previous.length !== input.previousCategories.length ||
    input.current.length !== input.currentCategories.length
  ) {
    throw new Error("buildTransitionTables: categories must match households");
  }
  const units: string[] = [];
  for (const h of [...input.current, ...input.previous]) if (!units.includes(h.unit)) units.push(h.unit);
  const overall = computeTransitions(
    entries(input.previous, input.previousCategories),
    entries(input.current, input.currentCategories),
    input.options,
  );
  // Each unit is read like the whole lists (a unit of a full list may hold only poor households).
  const unitOptions = {
    ...input.options,
    absentFromPrevious: overall.reading.previous === "full" ? ("otherIncrease" as const) : ("newPoor" as const),
    absentFromCurrent: overall.reading.current === "full" ? ("otherDecrease" as const) : ("escaped" as const),
  };
  const perUnit = units.map((u) =>
    computeTransitions(
      entries(input.previous, input.previousCategories, u),
      entries(input.current, input.currentCategories, u),
      unitOptions,
    ),
  );
  const withMembers = overall.members !== null && perUnit.every((r) => r.members !== null);
  const unavailable = overall.membersUnavailable ?? perUnit.find((r) => r.membersUnavailable)?.membersUnavailable;
  const HH = tr(lang, "Hộ", "Households");
  const MEM = tr(lang, "Nhân khẩu", "Members");

  const make = (form: "poor" | "nearPoor"): ResultTable => {
    const headers = form === "poor" ? POOR_HEADERS : NEAR_HEADERS;
    const cols = (r: TransitionResult) => (form === "poor" ? r.poor.columns : r.nearPoor.columns);
    const memCols = (r: TransitionResult) => (form === "poor" ? r.members!.poor.columns : r.members!.nearPoor.columns);
    const scope = opts.scopeName ? opts.scopeName + " — " : "";
    const b = new TableBuilder({
      id: form === "poor" ? "form2-poor-transitions" : "form3-nearpoor-transitions",
      sheetName:
        form === "poor"
          ? bi("Biểu 2 - Diễn biến HN", "Form 2 - Poor changes")
          : bi("Biểu 3 - Diễn biến HCN", "Form 3 - Near-poor changes"),
      title: [
        form === "poor"
          ? bi(`TỔNG HỢP DIỄN BIẾN HỘ NGHÈO NĂM ${input.reviewYear}`, `CHANGES IN POOR HOUSEHOLDS, ${input.reviewYear}`)
          : bi(
              `TỔNG HỢP DIỄN BIẾN HỘ CẬN NGHÈO NĂM ${input.reviewYear}`,
              `CHANGES IN NEAR-POOR HOUSEHOLDS, ${input.reviewYear}`,
            ),
        bi(`${scope}Chuẩn: ${input.standard.name.vi}`, `${scope}Standard: ${input.standard.name.en}`),
      ],
      headerRows: [
        [
          { text: bi("TT", "No."), rowSpan: 2 },
          { text: bi("Đơn vị", "Unit"), rowSpan: 2 },
          { text: bi("Chỉ tiêu", "Row label (households / members)"), rowSpan: 2 },
          { text: headers[0], rowSpan: 2 },
          { text: bi("Giảm trong kỳ", "Decreases"), colSpan: 3 },
          { text: bi("Tăng trong kỳ", "Increases"), colSpan: 4 },
          { text: headers[8], rowSpan: 2 },
        ],
        headers.slice(1, 8).map((text) => ({ text })),
        numberRow([
          "A",
          "B",
          "C",
          "(1)",
          "(2)",
          "(3)",
          "(4)",
          "(5)",
          "(6)",
          "(7)",
          "(8)",
          "(9)=(1)-(2)-(3)-(4)+(5)+(6)+(7)+(8)",
        ]),
      ],
      columns: [
        { ...column("tt", "TT", "No.", "text", 6), mergeRepeats: true },
        { ...column("unit", "Đơn vị", "Unit", "text", 24), mergeRepeats: true },
        column("measure", "Chỉ tiêu", "Row label (households / members)", "text", 11),
        ...headers.map((h, j) => ({ key: `c${j + 1}`, header: h, format: "integer" as const, width: 12 })),
      ],
      notes: [
        bi(
          withMembers
            ? "Cột (9) là công thức (9) = (1) − (2) − (3) − (4) + (5) + (6) + (7) + (8) ở cả dòng Hộ và dòng Nhân khẩu; dòng tổng cộng của mỗi chỉ tiêu là công thức SUMIF theo cột C."
            : "Cột (9) là công thức (9) = (1) − (2) − (3) − (4) + (5) + (6) + (7) + (8); dòng tổng cộng là công thức SUM.",
          withMembers
            ? "Column (9) is the formula (9) = (1) − (2) − (3) − (4) + (5) + (6) + (7) + (8) in both the households and the members rows; each total row is a SUMIF over column C."
            : "Column (9) is the formula (9) = (1) − (2) − (3) − (4) + (5) + (6) + (7) + (8); the total row uses SUM formulas.",
        ),
        withMembers
          ? bi(
              "Dòng Nhân khẩu: cột (1) và các cột giảm (2)–(4) tính theo số nhân khẩu của hộ năm trước; các cột tăng (5)–(8) và cột (9) theo số nhân khẩu năm nay; hộ thuộc diện cả hai năm có thay đổi nhân khẩu: phần giảm ghi vào cột (4) (thay đổi nhân khẩu), phần tăng ghi vào cột (8).",
              "Members rows: column (1) and the decreases (2)–(4) count each household's members of last year; the increases (5)–(8) and column (9) its members of this year; a household in the category both years adds its member change: a loss to column (4) (member changes), a gain to column (8).",
            )
          : bi(
              // Counts only: a summary form leaves the commune, household codes stay in the roster.
              `Không lập dòng Nhân khẩu: thiếu số nhân khẩu (hoặc không phải số nguyên ≥ 0) ở ${unavailable?.missing.previous ?? 0} hộ năm trước và ${unavailable?.missing.current ?? 0} hộ năm nay thuộc diện nghèo/cận nghèo.`,
              `No members rows: member count missing (or not a whole number ≥ 0) for ${unavailable?.missing.previous ?? 0} previous and ${unavailable?.missing.current ?? 0} current poor/near-poor households.`,
            ),
        // How absence from a list was read (core/transitions: full review list or poor/near-poor only).
        bi(overall.reading.messageVi, overall.reading.messageEn),
        ...(overall.excludedIds.length > 0 || overall.excludedEntries.previous + overall.excludedEntries.current > 0
          ? [
              bi(
                `Đã loại ${overall.excludedEntries.previous + overall.excludedEntries.current} dòng (mã hộ trống/trùng, phân loại không hợp lệ).`,
                `${overall.excludedEntries.previous + overall.excludedEntries.current} entries excluded (blank/duplicate ids, invalid categories).`,
              ),
            ]
          : []),
        legalNote(input.standard, input.reviewYear),
      ],
      freezeColumns: 3,
      lang,
      frame: formFrame(
        form === "poor" ? "form2-poor-transitions" : "form3-nearpoor-transitions",
        withMembers ? bi("hộ, người", "households, persons") : bi("hộ", "households"),
        opts,
      ),
    });
    const ninth = (row: number, value: number) => {
      const r = (j: number) => b.ref(`c${j}`, row);
      return formulaCell(`${r(1)}-${r(2)}-${r(3)}-${r(4)}+${r(5)}+${r(6)}+${r(7)}+${r(8)}`, value);
    };
    const addRow = (tt: string, unit: string, measure: string, c: Nine) => {
      const row = b.nextRow;
      const cells: Record<string, TableCell> = { tt, unit, measure };
      for (let j = 1; j <= 8; j++) cells[`c${j}`] = c[j - 1];
      cells.c9 = ninth(row, c[8]);
      b.add(cells);
    };
    const first = b.nextRow;
    perUnit.forEach((res, n) => {
      addRow(String(n + 1), units[n], HH, cols(res));
      if (withMembers) addRow(String(n + 1), units[n], MEM, memCols(res));
    });
    const last = b.nextRow - 1;
    const total = (measure: string, c: Nine) => {
      const row = b.nextRow;
      const cells: Record<string, TableCell> = { tt: "", unit: tr(lang, "TỔNG CỘNG", "TOTAL"), measure };
      for (let j = 1; j <= 8; j++) {
        const col = b.col(`c${j}`);
        const m = b.col("measure");
        cells[`c${j}`] =
          units.length === 0
            ? c[j - 1]
            : withMembers
              ? formulaCell(`SUMIF($${m}$${first}:$${m}$${last},$${m}${row},${col}$${first}:${col}$${last})`, c[j - 1])
              : sumFormula(col, first, last, c[j - 1]);
      }
      cells.c9 = ninth(row, c[8]);
      b.add(cells, "total");
    };
    // Totals: the sums of the unit rows (equal to the overall transitions unless a household changed unit).
    total(HH, units.length > 0 ? addColumns(perUnit.map(cols)) : cols(overall));
    if (withMembers) total(MEM, units.length > 0 ? addColumns(perUnit.map(memCols)) : memCols(overall));
    return b.build();
  };
  return [make("poor"), make("nearPoor")];
}
