/**
 * Findings on the terminal, ONE printer for every command: the report of `poverty validate` / `consolidate`
 * (grouped by file and sheet, on stdout) and the blocking findings of `report` / `targets` / `sponsors` (both
 * languages, on stderr); and the findings workbook of `validate --out`, which is the core's findings table (the
 * same table the task pane writes), written by the table model's writer. Severity labels: the core's.
 */
import { relative, resolve } from "path";
import {
  cellTarget,
  explainLines,
  findingsTable,
  pick,
  reviewYearsHeadline,
  SEVERITY_LABELS,
  summarize,
  type FileReport,
  type Finding,
  type Lang,
  type PovertyError,
  type SheetDescription,
  type SheetReviewYear,
} from "../core";
import { writeTablesToBuffer } from "../xlsx/write";
import type { CliIO } from "./command";

/** "file › Sheet!E9" (just the sheet when the finding has no cell). */
function place(f: Finding): string {
  return `${f.file ? f.file + " › " : ""}${f.sheet}${f.cell ? "!" + f.cell : ""}`;
}

/**
 * Print findings, located and in both languages:
 * `Lỗi/Error [CODE] file › Sheet!E9` then the Vietnamese and the English message. At most `limit` are shown.
 */
export function printFindings(io: CliIO, findings: readonly Finding[], limit = 50): void {
  for (const f of findings.slice(0, limit)) {
    const sev = SEVERITY_LABELS[f.severity];
    io.err(`${sev.vi}/${sev.en} [${f.code}] ${place(f)}`);
    io.err(`  ${f.messageVi}`);
    io.err(`  ${f.messageEn}`);
  }
  if (findings.length > limit) {
    io.err(`… và ${findings.length - limit} mục khác (xem đầy đủ: poverty validate <tệp>).`);
    io.err(`… and ${findings.length - limit} more (full list: poverty validate <file>).`);
  }
}

/**
 * An error that stopped the work on one sheet (e.g. a household the standard cannot classify), on stderr in the
 * shape of a finding: `Lỗi/Error [CODE] file › Sheet (dòng/row N)` then the Vietnamese and the English message.
 */
export function printSheetError(io: CliIO, file: string, sheet: string, e: PovertyError): void {
  const sev = SEVERITY_LABELS.error;
  const row = typeof e.details.row === "number" ? ` (dòng/row ${e.details.row})` : "";
  io.err(`${sev.vi}/${sev.en} [${e.code}] ${file} › ${sheet}${row}`);
  io.err(`  ${e.messageVi}`);
  io.err(`  ${e.messageEn}`);
}

/**
 * Text report grouped by file then sheet; one line per finding: cell, severity, code, message. With `years`, the
 * first line says which review year and standard were used and why (`reviewYearsHeadline`); when sheets differ,
 * each file lists its sheets' years.
 */
export function textReport(
  report: {
    files: FileReport[];
    summary: ReturnType<typeof summarize>;
    years?: readonly SheetReviewYear[];
    /** What each sheet was read as: one line per sheet, every column with `explain`. */
    sheets?: readonly SheetDescription[];
    explain?: boolean;
  },
  lang: Lang,
): string[] {
  const lines: string[] = [];
  const years = report.years;
  const perSheet =
    years !== undefined && new Set(years.map((y) => `${y.year}|${y.standardDocument}|${y.reason.vi}`)).size > 1;
  if (years) lines.push(pick(reviewYearsHeadline(years), lang));
  for (const f of report.files) {
    lines.push(`${lang === "vi" ? "Tệp" : "File"}: ${f.file}`);
    if (perSheet)
      for (const y of years!.filter((x) => x.file === f.file))
        lines.push(
          y.year === undefined
            ? `  ${lang === "vi" ? "Trang" : "Sheet"} "${y.sheet}": ${pick(y.reason, lang)}`
            : `  ${lang === "vi" ? `Trang "${y.sheet}": năm rà soát ${y.year} · ${y.standardDocument}` : `Sheet "${y.sheet}": review year ${y.year} · ${y.standardDocumentEn ?? y.standardDocument}`} · ${pick(y.reason, lang)}`,
        );
    for (const d of report.sheets?.filter((x) => x.file === f.file) ?? [])
      for (const l of explainLines(d, lang, report.explain === true)) lines.push(`  ${l}`);
    if (!f.findings.length) {
      lines.push(lang === "vi" ? "  Không có phát hiện nào." : "  No findings.");
      continue;
    }
    let sheet: string | undefined;
    for (const x of f.findings) {
      if (x.sheet !== sheet) {
        sheet = x.sheet;
        if (sheet) lines.push(`  ${lang === "vi" ? "Trang" : "Sheet"} "${sheet}"`);
      }
      const msg = lang === "vi" ? x.messageVi : x.messageEn;
      lines.push(
        `    ${(x.cell || "-").padEnd(6)} ${pick(SEVERITY_LABELS[x.severity], lang).toLocaleUpperCase(lang).padEnd(9)} ${x.code.padEnd(26)} ${msg}`,
      );
    }
  }
  const s = report.summary;
  lines.push("");
  lines.push(
    lang === "vi"
      ? `Tổng cộng: ${s.errors} lỗi, ${s.warnings} cảnh báo, ${s.infos} thông tin trong ${report.files.length} tệp.`
      : `Total: ${s.errors} errors, ${s.warnings} warnings, ${s.infos} infos in ${report.files.length} files.`,
  );
  return lines;
}

/**
 * The findings workbook (`validate --out`): the core's findings table; each cell a HYPERLINK to `file#'Sheet'!E9`,
 * the file relative to the report's folder; every user text written as text (never a formula).
 */
export async function findingsWorkbookBuffer(
  files: FileReport[],
  reportPath: string,
  cwd: string,
  lang: Lang,
): Promise<Uint8Array> {
  const reportDir = resolve(cwd, reportPath, "..");
  const findings = files.flatMap((f) => f.findings.map((x) => ({ ...x, file: x.file ?? f.file })));
  const table = findingsTable(findings, {
    lang,
    link: (f) => {
      if (!f.file) return undefined;
      const target = relative(reportDir, resolve(cwd, f.file)).split("\\").join("/");
      return cellTarget(f.sheet, f.cell, encodeURI(target));
    },
  });
  return writeTablesToBuffer([table], { lang });
}
