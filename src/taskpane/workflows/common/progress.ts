/**
 * The progress lines every workflow shows while it reads a sheet or writes its result sheets, and the message when
 * the sheets are written: one wording for all, in the pane's language.
 */
import type { Lang } from "../../../core/i18n";
import type { ReadProgress } from "../../../excel/read";
import type { WriteProgress, WrittenSheet } from "../../../excel/write";
import { translate } from "../../strings";
import type { Progress } from "./operation";

/** `onProgress` for reading `sheet`: "Đang đọc …" with the share of rows read. */
export function readingProgress(lang: Lang, sheet: string, report: (p: Progress) => void) {
  return (p: ReadProgress) =>
    report({
      text: translate(lang, "common.reading", { sheet, done: p.rowsRead, total: p.totalRows }),
      value: p.totalRows ? p.rowsRead / p.totalRows : undefined,
    });
}

/** `onProgress` for writing result sheets: "Đang ghi …" with the share of rows written. */
export function writingProgress(lang: Lang, report: (p: Progress) => void) {
  return (p: WriteProgress) =>
    report({
      text: translate(lang, "common.writing", { done: p.rowsWritten, total: p.totalRows }),
      value: p.totalRows ? p.rowsWritten / p.totalRows : undefined,
    });
}

/** "Đã ghi n trang: …" naming the sheets written. */
export function writtenMessage(lang: Lang, written: readonly Pick<WrittenSheet, "sheetName">[]): string {
  return translate(lang, "common.written", { n: written.length, sheets: written.map((w) => w.sheetName).join(", ") });
}
