/**
 * `poverty consolidate <files or folders...> --out merged.xlsx`: ward rosters → one roster with a source column and
 * a per-source summary, by the core's consolidation service (`Consolidation`, the same contract as the task pane).
 * Province scale: files are read one at a time and each roster's rows are streamed into the output's temporary
 * file as soon as it is checked (src/xlsx/stream-write.ts), so memory is that of one file. When anything blocks
 * (reading errors, duplicate ids, incompatible columns, a file without a roster, a file that cannot be read or
 * checked) nothing is written: the temporary file is removed and the findings are printed (exit 1, or 2 when a
 * file could not be read or checked). An input is never overwritten (prepareOutput).
 */
import {
  Consolidation,
  CONSOLIDATED_SHEET,
  CONSOLIDATED_SUMMARY_SHEET,
  consolidationSummaryTable,
  FIELD_BY_NAME,
  pick,
  reviewYearsHeadline,
  SOURCE_HEADER,
} from "../../core";
import { planSheet } from "../../core/tables";
import { XlsxStreamWriter } from "../../xlsx/stream-write";
import type { Command } from "../command";
import { YEAR_OPTION_NAME } from "../args";
import { debugStack } from "../context";
import { opt, parseCommandLine, usageFail } from "../options";
import { prepareOutput } from "../output";
import { collectFiles, readInputs, textReport } from "./validate";

/** Options of `poverty consolidate` (add an option: one line here). */
const CONSOLIDATE_OPTIONS = {
  out: opt.text("merged.xlsx"),
  year: opt.year(),
  "cutover-month": opt.int(1, 12),
  "max-members": opt.int(1, 1000),
  lang: opt.lang(),
  force: opt.flag(),
};

export const consolidateCommand: Command = {
  name: "consolidate",
  summaryVi: "Gộp danh sách hộ của các xã, phường thành một danh sách (cột nguồn + bảng tổng hợp theo đơn vị)",
  summaryEn: "Merge ward rosters into one roster (source column + per-ward summary)",
  usage:
    "poverty consolidate <tệp hoặc thư mục|files or folders...> --out merged.xlsx [--year N] [--cutover-month M] [--max-members 50] [--lang vi|en] [--force]",
  async run(args, io) {
    const { positional, values } = parseCommandLine(args, CONSOLIDATE_OPTIONS, {
      min: 1,
      what: { vi: "danh sách hộ cần gộp", en: "rosters to merge" },
    });
    const { lang, out } = values;
    if (!out) usageFail("Thiếu --out (tệp kết quả).", "Missing --out (the output file).");
    const files = collectFiles(positional, io.cwd);
    if (!files.length) usageFail("Không tìm thấy tệp .xlsx nào.", "No .xlsx files found.");
    const output = prepareOutput({ out, inputs: files, force: values.force, cwd: io.cwd });
    // Each sheet's standard (it orders the deprivation flags) by the core's resolver, as `poverty validate`.
    const consolidation = new Consolidation({
      year: values.year,
      yearOptionName: YEAR_OPTION_NAME,
      today: new Date(),
      cutoverMonth: values["cutover-month"],
      ...(values["max-members"] !== undefined ? { read: { maxMembers: values["max-members"] } } : {}),
    });

    const stream = output.open();
    let writer: XlsxStreamWriter | undefined;
    let written = 0;
    let expected = 0;
    try {
      for (const file of files) {
        // One file at a time: its grids are dropped once its rows are written.
        const read = await readInputs([file], io.cwd, io);
        for (const u of read.unreadable) consolidation.unreadable(u.file, u.findings);
        for (const input of read.inputs) {
          const part = consolidation.add({ file: input.file, grids: input.grids });
          if (!consolidation.ok) continue;
          expected += part.households;
          if (!writer) {
            writer = new XlsxStreamWriter(stream);
            writer.beginSheet(pick(CONSOLIDATED_SHEET, lang), [
              { header: pick(SOURCE_HEADER, lang), width: 36, text: true },
              ...consolidation.columns.map((c) => ({
                header: c.header,
                width: Math.min(40, Math.max(8, c.header.length + 2)),
                text: FIELD_BY_NAME[c.field]?.type === "text",
              })),
            ]);
          }
          for (const row of part.rows()) {
            writer.row(row);
            written++;
          }
        }
      }
      const result = consolidation.finish();
      for (const f of result.failures) debugStack(io, f.file, f.error);
      if (!result.ok || !writer) {
        stream.abort();
        for (const l of textReport({ files: result.files, summary: result.summary, years: result.years }, lang))
          io.out(l);
        io.err(
          lang === "vi"
            ? "Không gộp: hãy sửa các lỗi trên rồi chạy lại. Không có tệp nào được ghi."
            : "Not merged: fix the errors above and run again. Nothing was written.",
        );
        const couldNotRead = result.files.some((f) =>
          f.findings.some((x) => x.code === "FILE_UNREADABLE" || x.code === "FILE_CHECK_FAILED"),
        );
        return couldNotRead ? 2 : 1;
      }
      // Every data row the reader found is in the file.
      if (written !== expected || written !== result.households)
        throw new Error(`internal: wrote ${written} of ${result.households} rows`);
      writer.endSheet();
      writer.planSheet(
        pick(CONSOLIDATED_SUMMARY_SHEET, lang),
        planSheet(consolidationSummaryTable(result, lang), lang),
      );
      writer.finish();
      stream.commit();
      io.out(pick(reviewYearsHeadline(result.years), lang));
      io.out(
        lang === "vi"
          ? `Đã gộp ${result.households} hộ từ ${result.sources.length} danh sách vào ${output.path}`
          : `Merged ${result.households} households from ${result.sources.length} rosters into ${output.path}`,
      );
      return 0;
    } catch (e) {
      stream.abort();
      throw e;
    }
  },
};
