/**
 * .xlsx file → Grid[] (one per sheet) in Node (the CLI): the host-independent reader of ./parse.ts with
 * node:zlib's inflateRawSync. The task pane reads picked files with the same parser through ./browser.ts.
 * Read-only: the input file is never modified.
 *
 * Unreadable inputs (missing, a folder, corrupt, password-protected, .xls, .csv, not a spreadsheet) throw
 * PovertyError FILE_UNREADABLE with a Vietnamese and English reason.
 */
import { readFile } from "fs/promises";
import { inflateRawSync } from "zlib";
import type { Grid } from "../core/grid";
import { fileUnreadable, parseXlsxSync, type InflateRawSync } from "./parse";

/** Raw DEFLATE with node:zlib (synchronous: the fastest path for large rosters). */
export const nodeInflateRaw: InflateRawSync = (data) => inflateRawSync(data);

/**
 * Read an .xlsx held in memory. `file` names it in messages and in `Grid.file`.
 * @throws PovertyError FILE_UNREADABLE (corrupt, password-protected, .xls, .csv, not a workbook).
 */
export function readWorkbookBuffer(buf: Uint8Array, file = "workbook.xlsx"): Grid[] {
  return parseXlsxSync(buf, file, nodeInflateRaw);
}

/**
 * Read an .xlsx file into one Grid per sheet (hidden sheets included, flagged). Read-only.
 * @throws PovertyError FILE_UNREADABLE with a clear reason (missing file, .xls, .csv, password, corrupt).
 */
export async function readWorkbookFile(path: string): Promise<Grid[]> {
  let buf: Buffer;
  try {
    buf = await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return fileUnreadable(
      path,
      code === "ENOENT"
        ? { vi: "không tìm thấy tệp", en: "file not found" }
        : code === "EISDIR"
          ? { vi: "đây là thư mục", en: "this is a folder" }
          : { vi: `không mở được (${code ?? "lỗi"})`, en: `cannot open it (${code ?? "error"})` },
    );
  }
  return readWorkbookBuffer(buf, path);
}
