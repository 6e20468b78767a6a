/**
 * Where a value of a read sheet is, for findings: the cell of a row's field, the related cell of another
 * finding, the "file › Sheet!D8" text of messages and the display label of a field. Used by the reader
 * (households, units) and by the validation rules, so both point at cells the same way.
 */
import type { Bilingual } from "../i18n";
import { a1 } from "../address";
import type { RelatedCell, Where } from "../findings";
import { FIELD_BY_NAME, INDICATOR_PHRASES } from "./fields";
import type { SheetRead } from "./read";
import { sheetCell } from "./transpose";

/** What locating a cell of a read sheet needs (a SheetRead, or just its place, kept without its rows). */
export type SheetPlace = Pick<SheetRead, "file" | "sheet" | "columns" | "transposition">;

/**
 * Where a field's cell of a row is (falls back to the row's first column when the field is unmapped). For a
 * year-wide table read as its series, the cell of the sheet (the indicator's row, the year's column).
 */
export function at(read: SheetPlace, row0: number, field?: string): Where {
  const col0 = field !== undefined && field in read.columns ? read.columns[field] : firstCol(read);
  if (read.transposition) return { file: read.file, sheet: read.sheet, ...sheetCell(read.transposition, row0, col0) };
  return { file: read.file, sheet: read.sheet, row0, col0 };
}

function firstCol(read: SheetPlace): number {
  const cols = Object.values(read.columns);
  return cols.length ? Math.min(...cols) : 0;
}

export function related(read: SheetPlace, row0: number, field: string): RelatedCell {
  const w = at(read, row0, field in read.columns ? field : undefined);
  const r: RelatedCell = { sheet: read.sheet, cell: a1(w.row0!, w.col0!) };
  if (read.file !== undefined) r.file = read.file;
  return r;
}

/** "file › Sheet!D8" for messages. */
export function refText(read: SheetPlace, row0: number, field?: string): string {
  const w = at(read, row0, field);
  const cell = a1(w.row0!, w.col0!);
  return `${read.file ? read.file + " › " : ""}${read.sheet}!${cell}`;
}

/** Display label of a canonical field (an indicator's name for "dep.<id>" fields). */
export function label(field: string): Bilingual {
  const def = FIELD_BY_NAME[field];
  if (def) return def.label;
  if (field.startsWith("dep."))
    return INDICATOR_PHRASES.find((i) => i.ids.includes(field.slice(4)))?.label ?? { vi: field, en: field };
  if (field.startsWith("dep#")) return { vi: `Chỉ số ${field.slice(4)}`, en: `Indicator ${field.slice(4)}` };
  return { vi: field, en: field };
}
