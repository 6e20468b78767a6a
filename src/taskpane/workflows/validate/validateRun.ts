/**
 * The validate workflow without React: read the chosen sheets (chunked) and files (in memory), run the
 * core's validateWorkbooks, and produce the findings / consolidated sheets on request.
 */
import type { Grid } from "../../../core/grid";
import type { Finding } from "../../../core/findings";
import { validateWorkbooks, type ValidationReport, type WorkbookInput } from "../../../core/validate";
import { consolidateWorkbooks } from "../../../core/consolidate";
import { isPovertyError } from "../../../core/errors";
import type { Lang } from "../../../core/i18n";
import type { ResultTable } from "../../../core/tables";
import type { Standard } from "../../../core/standards";
import type { ExcelHost } from "../../../excel/host";
import { readSheetGrid } from "../../../excel/read";
import { throwIfAborted } from "../../../excel/errors";
import type { Progress } from "../common/operation";
import { translate } from "../../strings";
import { readXlsxFile } from "./files";
import { readingProgress } from "../common/progress";
import { PANE_CHOICE } from "../common/year";

/** Findings located in this workbook carry no `file`. */
export const THIS_WORKBOOK = "";

export interface PickedFile {
  name: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface ValidateRequest {
  sheets: string[];
  files: PickedFile[];
  year?: number;
  local?: Standard;
  /** The cut-over month saved in Cài đặt (the automatic year of a sheet without a year in its title). */
  cutoverMonth?: number;
  lang: Lang;
}

export interface ValidateOutcome {
  report: ValidationReport;
  findings: Finding[];
  /** The workbooks read (this workbook's chosen sheets and the picked files), for consolidation. */
  inputs: WorkbookInput[];
  year?: number;
  local?: Standard;
  cutoverMonth?: number;
}

export async function runValidate(
  req: ValidateRequest,
  host: ExcelHost,
  signal: AbortSignal,
  report: (p: Progress) => void,
): Promise<ValidateOutcome> {
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
    translate(req.lang, key, params);
  const grids: Grid[] = [];
  for (const sheet of req.sheets) {
    throwIfAborted(signal);
    grids.push(
      await readSheetGrid(sheet, {
        host,
        signal,
        onProgress: readingProgress(req.lang, sheet, report),
      }),
    );
  }
  const inputs = [{ file: THIS_WORKBOOK, grids }];
  const unreadable: Finding[] = [];
  for (const f of req.files) {
    throwIfAborted(signal);
    report({ text: t("validate.reading", { file: f.name }) });
    try {
      inputs.push({ file: f.name, grids: await readXlsxFile(f) });
    } catch (e) {
      if (!isPovertyError(e)) throw e;
      unreadable.push({
        code: "FILE_UNREADABLE",
        severity: "error",
        file: f.name,
        sheet: "",
        cell: "",
        row: 0,
        column: 0,
        messageVi: e.messageVi,
        messageEn: e.messageEn,
      });
    }
  }
  throwIfAborted(signal);
  report({ text: t("common.working") });
  // The year of each sheet (the planner's choice, else its title, else the default on today's date) and the local
  // standard for the years it covers are the core's rules (resolveReviewYear, standardForYear).
  const read = inputs.filter((i) => i.grids.length > 0);
  const result = validateWorkbooks(read, {
    year: req.year,
    yearOptionName: PANE_CHOICE,
    today: new Date(),
    cutoverMonth: req.cutoverMonth,
    local: req.local,
  });
  const findings = [...result.files.flatMap((f) => f.findings), ...unreadable].map((f) =>
    f.file ? f : { ...f, file: undefined },
  );
  return {
    report: result,
    findings,
    inputs: read,
    year: req.year,
    local: req.local,
    cutoverMonth: req.cutoverMonth,
  };
}

/**
 * The rosters read during validation merged by the core's consolidation service (the same contract as
 * `poverty consolidate`: the first roster's columns after a source column, refused on blocking errors), with its
 * per-source summary. `tables` is empty when refused (`blocking` errors) or when fewer than two rosters were read.
 */
export function consolidatedTables(outcome: ValidateOutcome, lang: Lang): { tables: ResultTable[]; blocking: number } {
  const rosters = outcome.report.sheets.filter((r) => r.kind === "roster" && (r.roster?.length ?? 0) > 0).length;
  if (rosters < 2) return { tables: [], blocking: 0 };
  const result = consolidateWorkbooks(
    outcome.inputs,
    {
      year: outcome.year,
      yearOptionName: PANE_CHOICE,
      today: new Date(),
      cutoverMonth: outcome.cutoverMonth,
      local: outcome.local,
    },
    lang,
  );
  return { tables: result.tables, blocking: result.summary.errors };
}
