/**
 * .xlsx files picked from disk → Grid[] inside the pane. Nothing is uploaded: the File is read with
 * FileReader/arrayBuffer and parsed in memory by ExcelJS's browser build, loaded lazily in its own chunk
 * (it never reaches the first-render bundle).
 *
 * NOTE: the CLI reads files with src/xlsx/read.ts, which is Node-only (Buffer + zlib). Until a browser
 * entry of that reader exists (src/xlsx/browser.ts), the pane maps ExcelJS cells to the same Grid shape:
 * values (numbers, text, booleans, {error}, dates, formula cached results), number formats, merges, hidden.
 */
import type { CellValue, Grid } from "../../../core/grid";
import { fail } from "../../../core/errors";

type ExcelJSModule = typeof import("exceljs");

let loader: Promise<ExcelJSModule> | undefined;
function loadExcelJs(): Promise<ExcelJSModule> {
  loader ??= import(/* webpackChunkName: "exceljs" */ "exceljs/dist/exceljs.min.js").then((m) => ((m as { default?: ExcelJSModule }).default ?? m) as ExcelJSModule);
  return loader;
}

function toCell(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return v;
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (typeof o.error === "string") return { error: o.error };
    if ("formula" in o || "sharedFormula" in o) return o.result === undefined ? null : toCell(o.result);
    if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((r) => r.text).join("");
    if (typeof o.text === "string") return o.text; // hyperlink
  }
  return String(v);
}

export async function readXlsxFile(file: { name: string; arrayBuffer(): Promise<ArrayBuffer> }): Promise<Grid[]> {
  if (!/\.xlsx$/i.test(file.name)) {
    fail("FILE_UNREADABLE", `Tệp “${file.name}” không phải .xlsx.`, `File “${file.name}” is not an .xlsx file.`, { file: file.name });
  }
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(await file.arrayBuffer());
  } catch (e) {
    fail("FILE_UNREADABLE", `Không mở được tệp “${file.name}” (hỏng hoặc có mật khẩu).`, `Cannot open “${file.name}” (corrupt or password-protected).`, {
      file: file.name,
      reason: String(e),
    });
  }
  const grids: Grid[] = [];
  wb.eachSheet((ws) => {
    const values: CellValue[][] = [];
    const numberFormats: (string | null)[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      const vr: CellValue[] = [];
      const fr: (string | null)[] = [];
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        vr[c - 1] = toCell(cell.value);
        fr[c - 1] = cell.numFmt && cell.numFmt !== "General" ? cell.numFmt : null;
      });
      for (let i = 0; i < vr.length; i++) if (vr[i] === undefined) vr[i] = null;
      values[r - 1] = vr;
      numberFormats[r - 1] = Array.from(fr, (x) => x ?? null);
    });
    for (let i = 0; i < values.length; i++) if (!values[i]) (values[i] = []), (numberFormats[i] = []);
    const merges = ((ws as unknown as { model?: { merges?: string[] } }).model?.merges ?? []).slice();
    grids.push({ sheetName: ws.name, origin: "A1", values, numberFormats, merges, hidden: ws.state !== "visible", file: file.name });
  });
  return grids;
}
