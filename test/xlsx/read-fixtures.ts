/** Build .xlsx fixture files from the grid fixtures with ExcelJS (merges, number formats, hidden, formulas, errors). */
import ExcelJS from "exceljs";
import { isCellError, type CellValue } from "../../src/core/grid";
import { NO_CACHED_VALUE } from "../../src/core/sheet/parse";
import type { SheetSpec } from "../core/sheet/fixtures";

export function toExcelValue(v: CellValue): ExcelJS.CellValue {
  if (v === null || v === undefined) return null;
  if (isCellError(v))
    return v.error === NO_CACHED_VALUE
      ? ({ formula: "SUM(A1:A2)" } as ExcelJS.CellFormulaValue)
      : ({ error: v.error } as ExcelJS.CellErrorValue);
  return v as ExcelJS.CellValue;
}

export function workbookOf(specs: SheetSpec[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const s of specs) {
    const ws = wb.addWorksheet(s.name, s.hidden ? { state: "hidden" } : {});
    s.rows.forEach((row, r) => {
      row.forEach((v, c) => {
        if (v === null || v === undefined) return;
        ws.getCell(r + 1, c + 1).value = toExcelValue(v);
      });
    });
    for (const m of s.merges ?? []) ws.mergeCells(m);
    for (const [ref, fmt] of Object.entries(s.numberFormats ?? {})) ws.getCell(ref).numFmt = fmt;
  }
  return wb;
}

export async function xlsxBuffer(specs: SheetSpec[]): Promise<Buffer> {
  return Buffer.from(await workbookOf(specs).xlsx.writeBuffer());
}
