/**
 * The rule runner: grids of one or more workbooks → findings per file, sorted, with a summary.
 * Pure: takes grids (from src/xlsx or src/excel), returns plain data.
 */
import type { Grid } from "../grid";
import type { Bilingual } from "../i18n";
import { isPovertyError } from "../errors";
import type { Standard } from "../standards/schema";
import { standardForYear } from "../standards/lookup";
import { resolveReviewYear, reviewYearInText, type YearClue, type YearSource } from "../standards/year";
import { readDetectedSheet as readDetected, type ReadOptions, type SheetRead } from "../sheet/read";
import { detect, gridOffset, type DetectOptions, type Detection } from "../sheet/detect";
import { finding } from "../findings/catalogue";
import { sortFindings, summarize, uniqueFindings, type Finding } from "../findings/finding";
import {
  checkCounts,
  checkDeprivations,
  checkRates,
  checkSeries,
  checkTargets,
  checkTotalRows,
  checkTransitions,
} from "./rules/tables";
import { checkCategories, checkDeprivationCounts, checkPoorDeprivations } from "./rules/household";
import {
  checkDuplicateIds,
  checkFormsAgree,
  checkParentChild,
  checkRosterYears,
  checkSummaryVsRosters,
} from "./rules/cross";
import { checkPlan } from "./rules/plan";
import { checkCombined, checkImpliedSums, checkImpliedTotals, checkRateBetweenParts } from "./rules/implied";

export interface ValidateOptions {
  /**
   * Review year (năm rà soát) the user chose: selects the standard of every sheet. Without it each sheet's year is
   * resolved by the core's resolver: the sheet's title > another sheet's title in the same workbook > the default
   * review year on `today` (see `resolveReviewYear`).
   */
  year?: number;
  /** How the user gave `year`, for the reason ("--year", "năm chọn trong ngăn tác vụ"). */
  yearOptionName?: Bilingual;
  /** Today, for the default review year (the core never reads the clock). Without it a sheet with no year gets none. */
  today?: Date;
  /** Cut-over month of the default review year (1–12, default February; see `defaultReviewYear`). */
  cutoverMonth?: number;
  /** A provincial standard, used for the years it covers (see `standardForYear`). */
  local?: Standard;
  /** A standard to use for every sheet instead of the one of its year (overrides `local`). */
  standard?: Standard;
  /** Explicit column mappings / kinds per sheet name. */
  sheets?: Record<string, DetectOptions>;
  /** Reading options for every sheet (e.g. the largest household size, `maxMembers`). */
  read?: Pick<ReadOptions, "maxMembers">;
}

export interface WorkbookInput {
  file: string;
  grids: Grid[];
}

export interface FileReport {
  file: string;
  findings: Finding[];
}

export interface ValidationSummary {
  errors: number;
  warnings: number;
  infos: number;
}

/** The review year and standard one sheet was checked with, and why (plain data: JSON, pane, report). */
export interface SheetReviewYear {
  file: string;
  sheet: string;
  /** Undefined when no year could be used (then no household rule ran). */
  year?: number;
  standardId?: string;
  /** The standard's document ("Quyết định 59/2015/QĐ-TTg"). */
  standardDocument?: string;
  source?: YearSource;
  /** Why this year (or why none), without a trailing period. */
  reason: Bilingual;
}

export interface ValidationReport {
  files: FileReport[];
  summary: ValidationSummary;
  /** The sheets as read (kinds, mappings, typed rows) — for the task pane and consolidation. */
  sheets: SheetRead[];
  /** The review year and standard of every recognised sheet, in reading order. */
  years: SheetReviewYear[];
  /** The standard of the first sheet that had one (undefined when no year was known). */
  standardId?: string;
}

/** The rows above a sheet's header (its title block), or the first 6 rows when no header was found. */
function titleRows(grid: Grid, detection?: Detection): unknown[][] {
  const top = detection && detection.kind !== "unknown" ? detection.mapping.headerTop : 6;
  return grid.values.slice(0, Math.min(Math.max(top, 0), 12));
}

/**
 * The review year a sheet's title names (`reviewYearInText` over the texts above the header): "…GIAI ĐOẠN
 * 2021 - 2025 (KẾT QUẢ RÀ SOÁT NĂM 2023)" → 2023. Detects the header when `detection` is not given.
 */
export function titleClue(grid: Grid, detection?: Detection): YearClue | undefined {
  const det = detection ?? detect(grid);
  const text = titleRows(grid, det)
    .flat()
    .filter((v): v is string => typeof v === "string" && v.trim() !== "")
    .join(" | ");
  const clue = reviewYearInText(text);
  return clue ? { ...clue, sheet: grid.sheetName } : undefined;
}

/** The review year of a sheet's title, or undefined (see `titleClue`). */
export function titleYear(grid: Grid, detection?: Detection): number | undefined {
  return titleClue(grid, detection)?.year;
}

/**
 * One line for the top of a report: the year and standard of every checked sheet, and why. All sheets on one year
 * and reason → "Năm rà soát 2019 · chuẩn Quyết định 59/2015/QĐ-TTg · năm rà soát 2019 đọc từ tiêu đề …"; several
 * years → "Năm rà soát theo từng trang: 2019 (Quyết định 59/2015/QĐ-TTg): 1 trang; 2023 (…): 2 trang".
 */
export function reviewYearsHeadline(years: readonly SheetReviewYear[]): Bilingual {
  const known = years.filter((y) => y.year !== undefined);
  if (!known.length) {
    const why = years[0]?.reason;
    return {
      vi: `Không xác định được năm rà soát: không kiểm tra phân loại hộ theo chuẩn nghèo${why ? ` (${why.vi})` : ""}`,
      en: `No review year could be used: households were not checked against a standard${why ? ` (${why.en})` : ""}`,
    };
  }
  const keys = [...new Set(known.map((y) => `${y.year}|${y.standardDocument}`))];
  if (keys.length === 1) {
    const y = known[0];
    const sameReason = known.every((k) => k.reason.vi === y.reason.vi);
    const why = sameReason
      ? y.reason
      : { vi: "theo tiêu đề từng trang (xem dưới)", en: "from each sheet's title (see below)" };
    const missing = known.length < years.length;
    return {
      vi: `Năm rà soát ${y.year} · chuẩn ${y.standardDocument} · ${why.vi}${missing ? "; một số trang không có năm (xem dưới)" : ""}`,
      en: `Review year ${y.year} · standard ${y.standardDocument} · ${why.en}${missing ? "; some sheets have no year (see below)" : ""}`,
    };
  }
  const parts = keys.map((k) => {
    const [year, doc] = k.split("|");
    const n = known.filter((y) => `${y.year}|${y.standardDocument}` === k).length;
    return { vi: `${year} (${doc}): ${n} trang`, en: `${year} (${doc}): ${n} sheet${n === 1 ? "" : "s"}` };
  });
  return {
    vi: `Năm rà soát theo từng trang: ${parts.map((p) => p.vi).join("; ")}`,
    en: `Review year per sheet: ${parts.map((p) => p.en).join("; ")}`,
  };
}

/**
 * Rules that look at one sheet. `grid` is the sheet the read came from: the plan-indicator rules read the columns
 * the reader does not map (direction, baseline, % achieved, status) from it.
 */
export function validateSheet(read: SheetRead, standard?: Standard, grid?: Grid): Finding[] {
  const out: Finding[] = [];
  if (read.roster) {
    out.push(...checkDeprivationCounts(read));
    if (standard) {
      out.push(...checkPoorDeprivations(read, standard));
      out.push(...checkCategories(read, standard));
    }
  }
  if (read.table) {
    out.push(...checkRates(read), ...checkCounts(read), ...checkTotalRows(read), ...checkTransitions(read));
    out.push(...checkDeprivations(read, standard), ...checkTargets(read), ...checkSeries(read));
    out.push(...checkPlan(read, grid));
    out.push(...checkImpliedTotals(read), ...checkImpliedSums(read), ...checkCombined(read));
    out.push(...checkRateBetweenParts(read));
  }
  return out;
}

/** Rules across all sheets of a submission (ids unique across wards, summary vs rosters, forms agree, sub-units vs parent). */
export function validateAcross(reads: SheetRead[]): Finding[] {
  return [
    ...checkDuplicateIds(reads),
    ...checkSummaryVsRosters(reads),
    ...checkFormsAgree(reads),
    ...checkRosterYears(reads),
    ...checkParentChild(reads),
  ];
}

/** The standard and review year of one sheet (`sheetReviewYears`). */
export interface SheetStandard {
  /** Undefined when no year could be used. */
  standard?: Standard;
  year: SheetReviewYear;
  /** YEAR_UNSUPPORTED when the title names a year outside every standard. */
  finding?: Finding;
}

/** The cell of the title block that holds the clue's words (for YEAR_UNSUPPORTED), if found. */
function clueCell(grid: Grid, detection: Detection | undefined, clue: YearClue): { row0: number; col0: number } {
  const off = gridOffset(grid);
  const rows = titleRows(grid, detection);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v === "string" && v.includes(String(clue.year))) return { row0: r + off.row0, col0: c + off.col0 };
    }
  }
  return { row0: off.row0, col0: off.col0 };
}

/**
 * The review year and standard of every sheet of one workbook, by the core's resolver: `opts.year` > the sheet's
 * title > the first other sheet of the workbook whose title names a year > the default on `opts.today`. Used by
 * validation and consolidation so both read a sheet with the same standard. `detections` (same order as the grids)
 * avoids detecting twice.
 * @throws PovertyError UNKNOWN_YEAR when `opts.year` is outside every standard; INVALID_ARGUMENT for a bad
 *   `today` or `cutoverMonth`.
 */
export function sheetReviewYears(
  input: WorkbookInput,
  opts: ValidateOptions = {},
  detections?: readonly Detection[],
): SheetStandard[] {
  const dets =
    detections ?? input.grids.map((g) => detect(g, { ...(opts.sheets?.[g.sheetName] ?? {}), file: input.file }));
  const clues = input.grids.map((g, i) => titleClue(g, dets[i]));
  return input.grids.map((grid, i) => {
    const clue = clues[i];
    const workbook = clue ? undefined : clues.find((c) => c !== undefined);
    try {
      const r = resolveReviewYear({
        option: opts.year,
        ...(opts.yearOptionName ? { optionName: opts.yearOptionName } : {}),
        sheet: clue,
        workbook,
        today: opts.today,
        cutoverMonth: opts.cutoverMonth,
        local: opts.local,
      });
      const standard = opts.standard ?? r.standard;
      return {
        standard,
        year: {
          file: input.file,
          sheet: grid.sheetName,
          year: r.year,
          standardId: standard.id,
          standardDocument: standard.citation.document,
          source: r.source,
          reason: r.reason,
        },
      };
    } catch (e) {
      if (!isPovertyError(e)) throw e;
      // a bad --year or cut-over month fails the whole run; a title year outside every standard is a finding
      if ((e.code === "UNKNOWN_YEAR" && opts.year !== undefined) || e.code === "INVALID_ARGUMENT") throw e;
      const year: SheetReviewYear = {
        file: input.file,
        sheet: grid.sheetName,
        reason: { vi: e.messageVi, en: e.messageEn },
      };
      const from = clue ?? workbook;
      if (e.code !== "UNKNOWN_YEAR" || !from) return { year };
      const where = from === clue ? clueCell(grid, dets[i], from) : {};
      return {
        year,
        finding: finding(
          "YEAR_UNSUPPORTED",
          { file: input.file, sheet: grid.sheetName, ...where },
          { year: String(from.year), text: from.text ?? "" },
        ),
      };
    }
  });
}

/**
 * Validate workbooks: read every sheet, run the per-sheet rules with the standard of the sheet's review year, then
 * the cross-sheet rules over all of them. The year of each sheet: `opts.year` > the sheet's title > another sheet's
 * title in the same workbook > the default on `opts.today` (`resolveReviewYear`); `report.years` says which and
 * why. A title year outside every standard gives YEAR_UNSUPPORTED and no household rule for that sheet.
 * Findings are grouped by file and sorted (sheet, row, column).
 * @throws PovertyError UNKNOWN_YEAR when `opts.year` is outside every standard.
 */
export function validateWorkbooks(inputs: WorkbookInput[], opts: ValidateOptions = {}): ValidationReport {
  if (opts.year !== undefined) standardForYear(opts.year); // a bad --year fails the whole run
  const reads: SheetRead[] = [];
  const years: SheetReviewYear[] = [];
  const perFile = new Map<string, Finding[]>();
  let used: Standard | undefined;
  for (const input of inputs) {
    const list: Finding[] = [];
    perFile.set(input.file, list);
    const detections = input.grids.map((g) => detect(g, { ...(opts.sheets?.[g.sheetName] ?? {}), file: input.file }));
    const resolved = sheetReviewYears(input, opts, detections);
    input.grids.forEach((grid, i) => {
      const { standard, year, finding: yearFinding } = resolved[i];
      if (yearFinding) list.push(yearFinding);
      used ??= standard;
      const read = readDetected(grid, detections[i], {
        ...opts.read,
        ...(opts.sheets?.[grid.sheetName] ?? {}),
        file: input.file,
        standard,
      });
      reads.push(read);
      if (read.kind !== "unknown") years.push(year);
      list.push(...read.findings, ...validateSheet(read, standard, grid));
    });
  }
  for (const f of validateAcross(reads)) {
    const key = f.file ?? inputs[0]?.file ?? "";
    (perFile.get(key) ?? perFile.set(key, []).get(key)!).push(f);
  }
  const files: FileReport[] = inputs.map((i) => ({
    file: i.file,
    findings: sortFindings(uniqueFindings(perFile.get(i.file) ?? [])),
  }));
  const all = files.flatMap((f) => f.findings);
  const report: ValidationReport = { files, summary: summarize(all), sheets: reads, years };
  if (used) report.standardId = used.id;
  return report;
}

/** A file whose checking failed unexpectedly, and the error (for a --debug stack trace). */
export interface CheckFailure {
  file: string;
  error: unknown;
}

/** Why checking a file failed, in both languages: a core error's own message, else "an unexpected defect". */
function failureReason(error: unknown): { vi: string; en: string } {
  if (isPovertyError(error)) return { vi: error.messageVi, en: error.messageEn };
  return {
    vi: "lỗi ngoài dự kiến của chương trình khi kiểm tra tệp này (xin báo lại kèm tệp; chạy lại với --debug để xem chi tiết)",
    en: "an unexpected defect of the program while checking this file (please report it with the file; run again with --debug for details)",
  };
}

/**
 * validateWorkbooks with each file isolated: an error while checking one file becomes a
 * FILE_CHECK_FAILED finding for that file and every other file is still checked (the cross-file rules run over
 * the files that could be checked). A bad `opts.year` is the run's error, not a file's: it still throws.
 * @throws PovertyError UNKNOWN_YEAR when `opts.year` is outside every standard.
 */
export function validateEachWorkbook(
  inputs: WorkbookInput[],
  opts: ValidateOptions = {},
): { report: ValidationReport; failures: CheckFailure[] } {
  if (opts.year !== undefined) standardForYear(opts.year); // a bad --year fails the whole run, not a file
  try {
    return { report: validateWorkbooks(inputs, opts), failures: [] };
  } catch {
    // Find the file(s) that fail on their own, then check the others together.
    const failures: CheckFailure[] = [];
    let ok: WorkbookInput[] = [];
    for (const input of inputs) {
      try {
        validateWorkbooks([input], opts);
        ok.push(input);
      } catch (error) {
        failures.push({ file: input.file, error });
      }
    }
    let report: ValidationReport;
    try {
      report = validateWorkbooks(ok, opts);
    } catch (error) {
      // Only the rules across files fail: every remaining file is reported as not checked.
      failures.push(...ok.map((i) => ({ file: i.file, error })));
      ok = [];
      report = validateWorkbooks([], opts);
    }
    const failed = new Map(failures.map((f) => [f.file, f.error]));
    const files: FileReport[] = inputs.map((i) =>
      failed.has(i.file)
        ? {
            file: i.file,
            findings: [
              finding(
                "FILE_CHECK_FAILED",
                { file: i.file, sheet: "" },
                { file: i.file, reason: failureReason(failed.get(i.file)) },
              ),
            ],
          }
        : (report.files.find((f) => f.file === i.file) ?? { file: i.file, findings: [] }),
    );
    return { report: { ...report, files, summary: summarize(files.flatMap((f) => f.findings)) }, failures };
  }
}

/** A FILE_UNREADABLE finding for a file an adapter could not open (the CLI adds it to the report). */
export function unreadableFinding(file: string, reason: { vi: string; en: string }): Finding {
  return finding("FILE_UNREADABLE", { file, sheet: "" }, { file, reason });
}
