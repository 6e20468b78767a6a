import { existsSync, readdirSync, statSync } from "fs";
import { extname, join, relative, resolve } from "path";
import type { Command, CliIO } from "../command";
import type { Grid } from "../../core/grid";
import { isPovertyError } from "../../core/errors";
import { sortFindings, summarize } from "../../core/findings";
import { reviewYearsHeadline, unreadableFinding, validateEachWorkbook, type FileReport } from "../../core/validate";
import { YEAR_OPTION_NAME } from "../args";
import { describeRead } from "../../core/sheet";
import { findingsWorkbookBuffer, textReport } from "../findings-text";
import { debugStack } from "../context";
import { opt, parseCommandLine, usageFail } from "../options";
import { readWorkbookFile } from "../../xlsx/read";
import { prepareOutput } from "../output";

/** Spreadsheet-looking files found in a folder (non-.xlsx ones are reported as unreadable, not skipped). */
const CANDIDATE_EXT = new Set([".xlsx", ".xlsm", ".xls", ".csv", ".ods"]);

/** Expand files and folders (one level) into a sorted list of files; missing paths are kept (reported later). */
export function collectFiles(paths: string[], cwd: string, exclude: string[] = []): string[] {
  const out: string[] = [];
  const skip = new Set(exclude.map((p) => resolve(cwd, p)));
  for (const p of paths) {
    const abs = resolve(cwd, p);
    if (existsSync(abs) && statSync(abs).isDirectory()) {
      for (const f of readdirSync(abs).sort()) {
        const full = join(abs, f);
        if (f.startsWith("~$") || f.startsWith(".") || skip.has(full)) continue;
        if (CANDIDATE_EXT.has(extname(f).toLowerCase()) && statSync(full).isFile()) out.push(full);
      }
    } else if (!skip.has(abs)) out.push(abs);
  }
  return [...new Set(out)];
}

export interface ReadInputs {
  inputs: { file: string; path: string; grids: Grid[] }[];
  unreadable: FileReport[];
}

/**
 * Read every file; an unreadable one becomes a FILE_UNREADABLE finding and the others are still read — whatever
 * the error (issue 13: one bad file never aborts the batch; an unexpected error is named with its file).
 */
export async function readInputs(files: string[], cwd: string, io?: CliIO): Promise<ReadInputs> {
  const res: ReadInputs = { inputs: [], unreadable: [] };
  const names = displayNames(files, cwd);
  for (let i = 0; i < files.length; i++) {
    try {
      const grids = await readWorkbookFile(files[i]);
      for (const g of grids) g.file = names[i];
      res.inputs.push({ file: names[i], path: files[i], grids });
    } catch (e) {
      let reason: { vi: string; en: string };
      if (isPovertyError(e)) {
        const d = e.details as { reasonVi?: string; reasonEn?: string };
        reason = { vi: d.reasonVi ?? e.messageVi, en: d.reasonEn ?? e.messageEn };
      } else {
        if (io) debugStack(io, names[i], e);
        reason = {
          vi: "lỗi ngoài dự kiến của chương trình khi đọc tệp này (xin báo lại kèm tệp; chạy lại với --debug để xem chi tiết)",
          en: "an unexpected defect of the program while reading this file (please report it with the file; run again with --debug for details)",
        };
      }
      res.unreadable.push({ file: names[i], findings: [unreadableFinding(names[i], reason)] });
    }
  }
  return res;
}

/** Names shown in reports: relative to the working folder when inside it. */
function displayNames(files: string[], cwd: string): string[] {
  return files.map((f) => {
    const r = relative(cwd, f);
    return r && !r.startsWith("..") ? r : f;
  });
}

/** Options of `poverty validate` (add an option: one line here). */
const VALIDATE_OPTIONS = {
  year: opt.year(),
  "cutover-month": opt.int(1, 12),
  "max-members": opt.int(1, 1000),
  format: opt.withDefault(opt.choice(["text", "json"] as const), "text"),
  explain: opt.flag(),
  out: opt.text("report.xlsx"),
  lang: opt.lang(),
  force: opt.flag(),
};

/**
 * `poverty validate <files or folders...> [--year N] [--cutover-month M] [--format text|json] [--explain] [--out report.xlsx]
 * [--lang vi|en]`. The review year of each sheet: --year > the sheet's title > another sheet's title > the default
 * (the latest review with results; --cutover-month, default February). The first line (text) or `reviewYear`
 * (JSON) says which year and standard were used and why.
 */
export const validateCommand: Command = {
  name: "validate",
  summaryVi: "Kiểm tra danh sách hộ và biểu tổng hợp (.xlsx) của các xã, phường; báo lỗi kèm ô",
  summaryEn: "Check ward/commune household rosters and summary forms (.xlsx); report every problem with its cell",
  usage:
    "poverty validate <tệp hoặc thư mục|files or folders...> [--year N] [--cutover-month M] [--max-members 50] [--format text|json] [--explain] [--out report.xlsx] [--force] [--lang vi|en]",
  async run(args, io) {
    const { positional, values } = parseCommandLine(args, VALIDATE_OPTIONS, {
      min: 1,
      what: { vi: "tệp cần kiểm tra", en: "files to check" },
    });
    const { lang, format, out, year } = values;
    // Every file of the folders is an input, the --out path included: it is never dropped from the inputs, so an
    // output inside a scanned folder is refused (issue 13: `validate DIR --out DIR/roster.xlsx` overwrote a roster).
    const files = collectFiles(positional, io.cwd);
    if (!files.length) usageFail("Không tìm thấy tệp .xlsx nào.", "No .xlsx files found.");
    const output = out ? prepareOutput({ out, inputs: files, force: values.force, cwd: io.cwd }) : undefined;

    const read = await readInputs(files, io.cwd, io);
    // Each file isolated: an error while checking one is a FILE_CHECK_FAILED finding for it; the others are checked.
    const { report, failures } = validateEachWorkbook(
      read.inputs.map((i) => ({ file: i.file, grids: i.grids })),
      {
        year,
        yearOptionName: YEAR_OPTION_NAME,
        today: new Date(),
        cutoverMonth: values["cutover-month"],
        ...(values["max-members"] !== undefined ? { read: { maxMembers: values["max-members"] } } : {}),
      },
    );
    for (const f of failures) debugStack(io, f.file, f.error);
    const byFile = new Map<string, FileReport>([...report.files, ...read.unreadable].map((f) => [f.file, f]));
    const names = displayNames(files, io.cwd);
    const ordered: FileReport[] = names
      .map((n) => byFile.get(n) ?? { file: n, findings: [] })
      .map((f) => ({ file: f.file, findings: sortFindings(f.findings) }));
    const summary = summarize(ordered.flatMap((f) => f.findings));

    const reviewYear = { headline: reviewYearsHeadline(report.years), sheets: report.years };
    // What each sheet was read as (kind, header rows, column → field with confidence): always in the JSON, one
    // line per sheet in the text, every column with --explain.
    const sheets = report.sheets.map(describeRead);
    const explain = values.explain;
    if (format === "json") io.out(JSON.stringify({ reviewYear, files: ordered, summary, sheets }, null, 2));
    else for (const l of textReport({ files: ordered, summary, years: report.years, sheets, explain }, lang)) io.out(l);

    if (out && output) {
      await output.write(await findingsWorkbookBuffer(ordered, out, io.cwd, lang));
      io.err(lang === "vi" ? `Đã ghi báo cáo: ${output.path}` : `Report written: ${output.path}`);
    }
    if (read.unreadable.length || failures.length) return 2;
    return summary.errors > 0 ? 1 : 0;
  },
};

/** The text report of `validate` / `consolidate` (src/cli/findings-text.ts). */
export { textReport };
