/**
 * Reading sheets into grids.
 *
 * `readSheetGrid` loads the used range's extent first (one small sync), then reads the cells in row
 * blocks with `getRangeByIndexes`, ONE sync per block, each block sized so that the response stays well
 * under Excel on the web's 5 MB payload limit and the 5,000,000-cell read limit:
 *
 *   rows per block = clamp( floor(budgetBytes / (columns × bytesPerCell)), 1, maxRows ),  cells ≤ maxCells
 *
 * `bytesPerCell` starts from an estimate (values + valueTypes + numberFormat as JSON) and is re-measured
 * after each block (×1.25 safety). On RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded
 * the block is halved and retried; a single row that is still too large is a real error.
 * Errors are told apart from text with `valueTypes` ("Error" → { error: "#N/A" }), blanks become null.
 */
import { a1 } from "../core/address";
import type { CellValue, Grid } from "../core/grid";
import type { ExcelHost } from "./host";
import { officeHost } from "./host";
import type { ExcelContextLike, RangeLike, WorksheetLike } from "./office";
import { ExcelGatewayError, isOfficeError, mapOfficeError, throwIfAborted } from "./errors";
import { loadSheetsWithMarkers } from "./marker";

export interface ReadProgress {
  rowsRead: number;
  totalRows: number;
}

export interface ReadOptions {
  onProgress?: (p: ReadProgress) => void;
  signal?: AbortSignal;
  /** Also read number formats (needed by rate-precision rules). Default true. */
  numberFormats?: boolean;
  /** Read at most this many rows from the top of the used range (previews, header detection). */
  maxRows?: number;
  host?: ExcelHost;
  /** Chunk tuning (tests). */
  chunk?: Partial<ChunkPolicy>;
}

export interface ChunkPolicy {
  /** Target response size per block, bytes. Default 2 MB (the web limit is 5 MB). */
  budgetBytes: number;
  /** Initial estimate of JSON bytes per cell for values + valueTypes (+ numberFormat). */
  bytesPerCell: number;
  /** Upper bounds per block. */
  maxRows: number;
  maxCells: number;
}

export const DEFAULT_CHUNK: ChunkPolicy = {
  budgetBytes: 2 * 1024 * 1024,
  bytesPerCell: 48,
  maxRows: 20_000,
  maxCells: 1_000_000,
};

/** Rows per block for a sheet of `columns` columns under the policy (pure, unit-tested). */
export function rowsPerBlock(columns: number, bytesPerCell: number, policy: ChunkPolicy): number {
  const cols = Math.max(1, columns);
  const byBytes = Math.floor(policy.budgetBytes / (cols * Math.max(1, bytesPerCell)));
  const byCells = Math.floor(policy.maxCells / cols);
  return Math.max(1, Math.min(policy.maxRows, byBytes, byCells));
}

export function isPayloadError(e: unknown): boolean {
  return (
    isOfficeError(e) && (e.code === "RequestPayloadSizeLimitExceeded" || e.code === "ResponsePayloadSizeLimitExceeded")
  );
}

/** Office `values` + `valueTypes` cell → CellValue. */
export function toCellValue(value: unknown, type: string | undefined): CellValue {
  if (type === "Empty" || value === "" || value === null || value === undefined) return null;
  if (type === "Error") return { error: String(value) };
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "string") return value;
  return String(value);
}

export interface SheetInfo {
  name: string;
  visible: boolean;
  /** A sheet this add-in wrote (marked with the generated-sheet name); never proposed as input. */
  generated: boolean;
  position: number;
}

/** All sheets of the workbook with their visibility and whether this add-in generated them. 2 syncs. */
export async function listSheets(host: ExcelHost = officeHost): Promise<SheetInfo[]> {
  try {
    return await host.run(async (ctx) => {
      const { sheets, generated } = await loadSheetsWithMarkers(ctx, "items/name, items/visibility");
      return sheets.map((s, i) => ({
        name: s.name,
        visible: s.visibility === "Visible",
        generated: generated[i],
        position: i,
      }));
    });
  } catch (e) {
    throw mapOfficeError(e);
  }
}

/** The name of the active sheet. */
export async function activeSheetName(host: ExcelHost = officeHost): Promise<string> {
  try {
    return await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getActiveWorksheet();
      s.load("name");
      await ctx.sync();
      return s.name;
    });
  } catch (e) {
    throw mapOfficeError(e);
  }
}

async function usedExtent(
  ctx: ExcelContextLike,
  sheetName: string,
): Promise<{ sheet: WorksheetLike; used: RangeLike | null; hidden: boolean }> {
  const sheet = ctx.workbook.worksheets.getItemOrNullObject(sheetName);
  sheet.load("isNullObject, visibility");
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("isNullObject, rowIndex, columnIndex, rowCount, columnCount");
  try {
    await ctx.sync();
  } catch (e) {
    // A missing sheet makes the used-range proxy fail too: report the sheet.
    if (isOfficeError(e) && e.code === "ItemNotFound") throw sheetNotFound(sheetName);
    throw e;
  }
  if (sheet.isNullObject) throw sheetNotFound(sheetName);
  return { sheet, used: used.isNullObject ? null : used, hidden: sheet.visibility !== "Visible" };
}

function sheetNotFound(name: string): ExcelGatewayError {
  return new ExcelGatewayError(
    "SHEET_NOT_FOUND",
    `Không tìm thấy trang tính “${name}”.`,
    `Sheet “${name}” was not found.`,
    { details: { sheet: name } },
  );
}

/**
 * Read a sheet's used range (values only) as a Grid, in blocks. Blank sheet → a grid with no rows.
 * Progress is reported after every block; `signal` cancels between blocks (ExcelGatewayError CANCELLED).
 */
export async function readSheetGrid(sheetName: string, options: ReadOptions = {}): Promise<Grid> {
  const host = options.host ?? officeHost;
  const policy: ChunkPolicy = { ...DEFAULT_CHUNK, ...options.chunk };
  const withFormats = options.numberFormats ?? true;
  throwIfAborted(options.signal);
  try {
    return await host.run(async (ctx) => {
      const { sheet, used, hidden } = await usedExtent(ctx, sheetName);
      if (!used) {
        options.onProgress?.({ rowsRead: 0, totalRows: 0 });
        return { sheetName, origin: "A1", values: [], numberFormats: withFormats ? [] : undefined, hidden };
      }
      const top = used.rowIndex;
      const left = used.columnIndex;
      const cols = used.columnCount;
      const totalRows = Math.min(used.rowCount, options.maxRows ?? Infinity);
      const values: CellValue[][] = [];
      const formats: (string | null)[][] = [];
      let bytesPerCell = withFormats ? policy.bytesPerCell : Math.ceil(policy.bytesPerCell * 0.7);
      let block = rowsPerBlock(cols, bytesPerCell, policy);
      let row = 0;
      options.onProgress?.({ rowsRead: 0, totalRows });
      while (row < totalRows) {
        throwIfAborted(options.signal);
        const n = Math.min(block, totalRows - row);
        const range = sheet.getRangeByIndexes(top + row, left, n, cols);
        range.load(withFormats ? "values, valueTypes, numberFormat" : "values, valueTypes");
        try {
          await ctx.sync();
        } catch (e) {
          if (isPayloadError(e) && n > 1) {
            block = Math.max(1, Math.floor(n / 2));
            bytesPerCell *= 2;
            continue; // retry the same rows with a smaller block
          }
          throw e;
        }
        const v = range.values;
        const t = range.valueTypes;
        if (!v || !t) {
          // Excel returns null instead of throwing past its cell limit.
          throw new ExcelGatewayError(
            "TOO_LARGE",
            "Vùng dữ liệu quá lớn để đọc một lần.",
            "The range is too large to read at once.",
            {
              details: { rows: n, columns: cols },
            },
          );
        }
        const nf = withFormats ? (range.numberFormat as unknown[][]) : undefined;
        for (let r = 0; r < v.length; r++) {
          const out: CellValue[] = new Array(cols);
          for (let c = 0; c < cols; c++) out[c] = toCellValue(v[r][c], t[r][c]);
          values.push(out);
          if (nf) formats.push(nf[r].map((f) => (typeof f === "string" && f !== "General" ? f : null)));
        }
        // Re-measure: the next block is sized from what this one actually cost.
        const measured = JSON.stringify(v).length + JSON.stringify(t).length + (nf ? JSON.stringify(nf).length : 0);
        bytesPerCell = Math.max(8, (measured / (n * cols)) * 1.25);
        block = rowsPerBlock(cols, bytesPerCell, policy);
        row += n;
        options.onProgress?.({ rowsRead: row, totalRows });
      }
      return {
        sheetName,
        origin: a1(top, left),
        values,
        numberFormats: withFormats ? formats : undefined,
        hidden,
      };
    });
  } catch (e) {
    throw mapOfficeError(e);
  }
}
