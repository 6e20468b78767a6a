/**
 * .xlsx files picked from disk → Grid[] inside the pane. Nothing is uploaded: the File's bytes are read in
 * memory and parsed by the same reader as the CLI (src/xlsx/parse.ts), here with the browser's
 * DecompressionStream("deflate-raw") as the inflater (src/xlsx/browser.ts). Unreadable files (.xls, CSV,
 * password-protected, truncated, corrupt) throw the same FILE_UNREADABLE messages as `poverty validate`.
 */
import type { Grid } from "../../../core/grid";
import { readWorkbookBytes } from "../../../xlsx/browser";

export async function readXlsxFile(file: { name: string; arrayBuffer(): Promise<ArrayBuffer> }): Promise<Grid[]> {
  return readWorkbookBytes(await file.arrayBuffer(), file.name);
}
