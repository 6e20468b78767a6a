/** The corpus layouts as .xlsx files, built with ExcelJS (no binary fixtures in the repository). */
import ExcelJS from "exceljs";
import type { CorpusLayout, CorpusSheet } from "./layouts";

/** Where each sheet's body starts (1-based row), for mapping findings back to body rows. */
export function bodyTop(s: CorpusSheet): number {
  return s.title.length + s.header.length + (s.numbering ? 1 : 0) + 1;
}

function shift(range: string, rows: number): string {
  return range.replace(/([A-Z]+)(\d+)/g, (_, c: string, r: string) => `${c}${Number(r) + rows}`);
}

export async function xlsx(layout: CorpusLayout): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const s of layout.sheets) {
    const ws = wb.addWorksheet(s.name);
    const width = s.keys.length;
    let r = 1;
    for (const t of s.title) {
      ws.getCell(r, 1).value = t;
      ws.mergeCells(r, 1, r, width);
      r++;
    }
    const headerTop = r;
    for (const h of s.header) {
      h.forEach((v, c) => v !== null && (ws.getCell(r, c + 1).value = v));
      r++;
    }
    for (const m of s.headerMerges ?? []) ws.mergeCells(shift(m, headerTop - 1));
    if (s.numbering) {
      s.numbering.forEach((v, c) => v !== null && (ws.getCell(r, c + 1).value = v));
      r++;
    }
    const top = r;
    for (const row of s.rows) {
      row.forEach((v, c) => {
        if (v === null) return;
        const cell = ws.getCell(r, c + 1);
        cell.value = v;
        const fmt = s.formats?.[s.keys[c]];
        if (fmt && typeof v === "number") cell.numFmt = fmt;
      });
      r++;
    }
    for (const m of s.bodyMerges ?? []) ws.mergeCells(shift(m, top - 1));
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
