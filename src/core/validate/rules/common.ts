/** Helpers shared by the rules: locating a field's cell, formatting rates, unit keys. */
import type { Bilingual } from "../../i18n";
import { fold, formatPercent } from "../../i18n";
import { a1 } from "../../address";
import type { SheetRead, FormRow } from "../../sheet/read";
import { FIELD_BY_NAME, INDICATOR_PHRASES } from "../../sheet/fields";
import type { Where } from "../../findings/catalogue";
import type { RelatedCell } from "../../findings/finding";

/** Where a field's cell of a row is (falls back to the row's first column when the field is unmapped). */
export function at(read: SheetRead, row0: number, field?: string): Where {
  const col0 = field !== undefined && field in read.columns ? read.columns[field] : firstCol(read);
  return { file: read.file, sheet: read.sheet, row0, col0 };
}

function firstCol(read: SheetRead): number {
  const cols = Object.values(read.columns);
  return cols.length ? Math.min(...cols) : 0;
}

export function related(read: SheetRead, row0: number, field: string): RelatedCell {
  const r: RelatedCell = { sheet: read.sheet, cell: a1(row0, read.columns[field] ?? firstCol(read)) };
  if (read.file !== undefined) r.file = read.file;
  return r;
}

/** "file › Sheet!D8" for messages. */
export function refText(read: SheetRead, row0: number, field?: string): string {
  const w = at(read, row0, field);
  const cell = a1(w.row0!, w.col0!);
  return `${read.file ? read.file + " › " : ""}${read.sheet}!${cell}`;
}

export function label(field: string): Bilingual {
  const def = FIELD_BY_NAME[field];
  if (def) return def.label;
  if (field.startsWith("dep."))
    return INDICATOR_PHRASES.find((i) => i.ids.includes(field.slice(4)))?.label ?? { vi: field, en: field };
  if (field.startsWith("dep#")) return { vi: `Chỉ số ${field.slice(4)}`, en: `Indicator ${field.slice(4)}` };
  return { vi: field, en: field };
}

/** A rate as "7,97 %" / "7.97%" with `decimals` fraction decimals (4 → 2 percent decimals). */
export function pct(v: number, fractionDecimals: number): Bilingual {
  const d = Math.max(0, fractionDecimals - 2);
  return { vi: formatPercent(v, "vi", d), en: formatPercent(v, "en", d) };
}

const UNIT_PREFIX = /^(ubnd |uy ban nhan dan )?(xa|phuong|thi tran|dac khu|thi xa|huyen|quan|tinh|thanh pho|tp)\.? /;

/** Key to match one unit across sheets and files: folded, without "xã", "phường", "thị trấn" … prefixes. */
const unitKeyMemo = new Map<string, string>();
export function unitKey(name: string): string {
  const hit = unitKeyMemo.get(name);
  if (hit !== undefined) return hit;
  if (unitKeyMemo.size > 10000) unitKeyMemo.clear();
  let k = fold(name)
    .replace(/[.,;:()]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  for (let i = 0; i < 2; i++) k = k.replace(UNIT_PREFIX, "");
  unitKeyMemo.set(name, k);
  return k;
}

export const num = (row: FormRow, f: string): number | undefined => row.values[f];

/** Compare a value to a count with rounding units: 0 = equal, 1 = one unit off, 2 = more. */
export function unitsOff(value: number, expected: number, decimals: number): number {
  const scale = Math.pow(10, decimals);
  const a = Math.round(value * scale + 1e-9);
  const b = Math.round(expected * scale + 1e-9);
  return Math.abs(a - b);
}
