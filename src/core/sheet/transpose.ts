/**
 * Year-wide tables: indicators in rows, years in columns — "Chỉ tiêu | ĐV tính | 2010 | 2011 | … | 2018" with rows
 * "Tổng số hộ", "Số hộ nghèo", "Số hộ thoát nghèo", "Tỷ lệ hộ nghèo" — the shape of provincial socio-economic
 * statistics and of many reports. The reader turns such a table into the series it is (one row per year, one
 * column per indicator) and reads that with the ordinary detection; `Transposition` maps every cell back, so
 * findings point at the cells of the sheet the planner has open.
 */
import type { CellValue, Grid } from "../grid";
import { fold } from "../i18n";
import { gridOffset } from "./detect";
import { cellText } from "./text";

/** How the series' cells map back to the sheet: virtual (row, column) → sheet (row0, col0), 0-based absolute. */
export interface Transposition {
  /** Sheet row of the year header. */
  headerRow0: number;
  /** Per virtual row (index = virtual row): the sheet column of that year, or −1 for the header/title rows. */
  yearCol0: number[];
  /** Per virtual column: the sheet row of that indicator (column 0, the year, maps to the header row). */
  indicatorRow0: number[];
  /** Sheet column of the indicators' labels. */
  labelCol0: number;
  /** Rows above the header, copied as the series' title rows (same sheet rows). */
  titleRows: number;
}

/** The sheet cell of a cell of the series. */
export function sheetCell(t: Transposition, row0: number, col0: number): { row0: number; col0: number } {
  if (row0 < t.titleRows) return { row0: row0 + t.headerRow0 - t.titleRows, col0: t.labelCol0 };
  const yearCol = t.yearCol0[row0];
  const row = t.indicatorRow0[col0] ?? t.headerRow0;
  if (yearCol === undefined || yearCol < 0) return { row0: row, col0: t.labelCol0 };
  return { row0: row, col0: yearCol };
}

const YEAR = /^(?:nam\s*)?((?:19|20)\d\d)$/;

function yearOf(v: CellValue | undefined): number | undefined {
  if (typeof v === "number" && Number.isInteger(v) && v >= 1990 && v <= 2100) return v;
  if (typeof v === "string") {
    const m = YEAR.exec(fold(v).trim());
    if (m) return Number(m[1]);
  }
  return undefined;
}

/** How many rows from the top are searched for a year header. */
const SCAN = 40;

/**
 * The series of a year-wide table, or undefined when the sheet is not one: a row among the first rows with at
 * least three years in increasing order (numbers or "Năm 2016"), a label column left of them, and indicator rows
 * below with a label and at least one value under the years.
 */
export function yearWideTable(grid: Grid): { grid: Grid; transposition: Transposition } | undefined {
  const values = grid.values ?? [];
  const off = gridOffset(grid);
  for (let h = 0; h < Math.min(values.length, SCAN); h++) {
    const row = values[h] ?? [];
    const cols: number[] = [];
    const years: number[] = [];
    for (let c = 0; c < row.length; c++) {
      const y = yearOf(row[c]);
      if (y === undefined) continue;
      if (years.length && y <= years[years.length - 1]) {
        cols.length = 0;
        years.length = 0;
      }
      cols.push(c);
      years.push(y);
    }
    if (years.length < 3) continue;
    // The label column: the left-most column before the years that holds texts below the header.
    let labelCol = -1;
    for (let c = 0; c < cols[0] && labelCol < 0; c++) {
      let texts = 0;
      for (let r = h + 1; r < Math.min(values.length, h + 60); r++) {
        const v = values[r]?.[c];
        if (typeof v === "string" && v.trim() && !/^\d/.test(v.trim())) texts++;
      }
      if (texts >= 2) labelCol = c;
    }
    if (labelCol < 0) continue;
    const indicators: number[] = [];
    for (let r = h + 1; r < values.length; r++) {
      const label = cellText(values[r]?.[labelCol]);
      if (!label) continue;
      if (
        cols.some((c) => {
          const v = values[r]?.[c];
          return v !== null && v !== undefined && v !== "";
        })
      )
        indicators.push(r);
    }
    if (indicators.length < 2) continue;
    const header: CellValue[] = ["Năm", ...indicators.map((r) => cellText(values[r][labelCol]))];
    const title: CellValue[][] = [];
    for (let r = 0; r < h; r++) {
      const t = (values[r] ?? []).filter((v) => typeof v === "string" && v.trim()).join(" ");
      title.push([t || null]);
    }
    const body: CellValue[][] = years.map((y, k) => [y, ...indicators.map((r) => values[r]?.[cols[k]] ?? null)]);
    const nf = grid.numberFormats;
    const formats = nf
      ? [
          ...title.map(() => [] as (string | null)[]),
          [] as (string | null)[],
          ...cols.map((c) => [null, ...indicators.map((r) => nf[r]?.[c] ?? null)]),
        ]
      : undefined;
    const series: Grid = { sheetName: grid.sheetName, origin: "A1", values: [...title, header, ...body] };
    if (formats) series.numberFormats = formats;
    if (grid.file !== undefined) series.file = grid.file;
    if (grid.hidden) series.hidden = true;
    const transposition: Transposition = {
      headerRow0: h + off.row0,
      yearCol0: [...title.map(() => -1), -1, ...cols.map((c) => c + off.col0)],
      indicatorRow0: [h + off.row0, ...indicators.map((r) => r + off.row0)],
      labelCol0: labelCol + off.col0,
      titleRows: title.length,
    };
    return { grid: series, transposition };
  }
  return undefined;
}
