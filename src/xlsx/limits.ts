/**
 * Resource limits of the .xlsx reader (issue 13): a hostile or broken file costs bounded memory and time and
 * becomes a FILE_UNREADABLE finding that names the file and the limit; the batch goes on.
 *
 * Checked BEFORE inflating (declared sizes, compression ratio) and WHILE inflating (bytes actually produced,
 * streamed in chunks, so a part that lies about its size is stopped at the lie), and while building the grid
 * (cell slots, sheet size, text length). Why these values: docs/security.md.
 */
export interface ReadLimits {
  /** Uncompressed bytes of one package part. */
  entryBytes: number;
  /** Uncompressed bytes of the whole package. */
  totalBytes: number;
  /** Largest compression ratio (uncompressed ÷ compressed) of a part larger than `ratioFloorBytes`. */
  ratio: number;
  /** Parts smaller than this are not held to `ratio` (a tiny part may compress very well). */
  ratioFloorBytes: number;
  /** Bytes of a small part read whole (relationships, workbook, styles). */
  partBytes: number;
  /** Characters of one XML element held while streaming (a row, a shared string). */
  elementChars: number;
  /** Cell slots per file (values, blank slots before a value, empty rows before a row, merges, shared strings). */
  cells: number;
  /** … and no more than this many per byte of the file, but never fewer than `cellsFloor`. */
  cellsPerFileByte: number;
  cellsFloor: number;
  /** Characters of one text (Excel's limit for a cell). */
  stringChars: number;
  /** Excel's sheet size. */
  rows: number;
  columns: number;
  /** Sheets per workbook. */
  sheets: number;
  /** Size of the file itself. */
  fileBytes: number;
}

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

export const DEFAULT_LIMITS: Readonly<ReadLimits> = Object.freeze({
  entryBytes: 2 * GiB,
  totalBytes: 4 * GiB,
  ratio: 250,
  ratioFloorBytes: 16 * MiB,
  partBytes: 64 * MiB,
  elementChars: 8 * MiB,
  cells: 60_000_000,
  cellsPerFileByte: 4,
  cellsFloor: 2_000_000,
  stringChars: 32_767,
  rows: 1_048_576,
  columns: 16_384,
  sheets: 4_096,
  fileBytes: 2 * GiB - 1,
});

/** The cell budget for a file of `bytes` bytes. */
export function cellBudget(limits: ReadLimits, bytes: number): number {
  return Math.min(limits.cells, Math.max(limits.cellsFloor, Math.floor(bytes * limits.cellsPerFileByte)));
}

/** "1.234.567" / "1,234,567" (no core import needed here). */
export function groupDigits(n: number, lang: "vi" | "en"): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, lang === "vi" ? "." : ",");
}

/** Bytes as "2 GB" / "64 MB" / "123.456 byte". */
export function sizeText(bytes: number, lang: "vi" | "en"): string {
  if (bytes >= GiB && bytes % GiB === 0) return `${bytes / GiB} GB`;
  if (bytes >= MiB && bytes % MiB === 0) return `${bytes / MiB} MB`;
  return `${groupDigits(bytes, lang)} byte`;
}
