/**
 * The rule runner: grids of one or more workbooks → findings per file, sorted, with a summary.
 * Pure: takes grids (from src/xlsx or src/excel), returns plain data.
 */
import type { Grid } from "../grid";
import type { Standard } from "../standards/schema";
import { standardForYear } from "../standards/lookup";
import { readSheet, type SheetRead } from "../sheet/read";
import type { DetectOptions } from "../sheet/detect";
import { finding } from "./catalogue";
import { sortFindings, summarize, type Finding } from "./finding";
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
import { checkCombined, checkImpliedSums, checkImpliedTotals } from "./rules/implied";

export interface ValidateOptions {
  /** Review year (năm rà soát): selects the standard. Falls back to a year in a sheet title. */
  year?: number;
  /** A standard to use instead of the national one for the year (e.g. a provincial standard). */
  standard?: Standard;
  /** Explicit column mappings / kinds per sheet name. */
  sheets?: Record<string, DetectOptions>;
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

export interface ValidationReport {
  files: FileReport[];
  summary: ValidationSummary;
  /** The sheets as read (kinds, mappings, typed rows) — for the task pane and consolidation. */
  sheets: SheetRead[];
  /** The standard the household rules used (undefined when no year was known). */
  standardId?: string;
}

function standardFor(opts: ValidateOptions, hint?: number): Standard | undefined {
  if (opts.standard) return opts.standard;
  const year = opts.year ?? hint;
  if (year === undefined) return undefined;
  return standardForYear(year);
}

/** A review year written in the first rows ("DANH SÁCH HỘ NGHÈO NĂM 2024"). */
export function titleYear(grid: Grid): number | undefined {
  const text = grid.values
    .slice(0, 6)
    .flat()
    .filter((v) => typeof v === "string")
    .join(" ");
  const m = /\b(20\d\d)\b/.exec(text);
  return m ? Number(m[1]) : undefined;
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

/** Remove exact repeats (same code and cell), keeping the first. */
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const k = `${f.code}|${f.file ?? ""}|${f.sheet}|${f.cell}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * Validate workbooks: read every sheet, run the per-sheet rules with the review year's standard, then the
 * cross-sheet rules over all of them. Findings are grouped by file and sorted (sheet, row, column).
 * @throws PovertyError UNKNOWN_YEAR when `opts.year` is outside every standard.
 */
export function validateWorkbooks(inputs: WorkbookInput[], opts: ValidateOptions = {}): ValidationReport {
  const fixed = opts.standard ?? (opts.year !== undefined ? standardForYear(opts.year) : undefined);
  const reads: SheetRead[] = [];
  const perFile = new Map<string, Finding[]>();
  let used: Standard | undefined = fixed;
  for (const input of inputs) {
    const list: Finding[] = [];
    perFile.set(input.file, list);
    for (const grid of input.grids) {
      const sheetOpts = opts.sheets?.[grid.sheetName] ?? {};
      // The flag order needs the standard before reading: use the fixed one, or a title year.
      let standard = fixed;
      if (!standard) {
        try {
          standard = standardFor(opts, titleYear(grid));
        } catch {
          standard = undefined;
        }
      }
      used ??= standard;
      const read = readSheet(grid, { ...sheetOpts, file: input.file, standard });
      reads.push(read);
      list.push(...read.findings, ...validateSheet(read, standard, grid));
    }
  }
  for (const f of validateAcross(reads)) {
    const key = f.file ?? inputs[0]?.file ?? "";
    (perFile.get(key) ?? perFile.set(key, []).get(key)!).push(f);
  }
  const files: FileReport[] = inputs.map((i) => ({
    file: i.file,
    findings: sortFindings(dedupe(perFile.get(i.file) ?? [])),
  }));
  const all = files.flatMap((f) => f.findings);
  const report: ValidationReport = { files, summary: summarize(all), sheets: reads };
  if (used) report.standardId = used.id;
  return report;
}

/** A FILE_UNREADABLE finding for a file an adapter could not open (the CLI adds it to the report). */
export function unreadableFinding(file: string, reason: { vi: string; en: string }): Finding {
  return finding("FILE_UNREADABLE", { file, sheet: "" }, { file, reason });
}
