/**
 * The classify workflow without React: read the sheet (chunked, cancellable), read the roster with the
 * core's sheet reader, classify household by household in slices (the pane stays responsive), and write
 * the classified copy + Form 1 (summary by unit, with a native chart of rates). All rules are the core's.
 */
import type { CellValue, Grid } from "../../../core/grid";
import { isCellError } from "../../../core/grid";
import { fail, isPovertyError, type PovertyError } from "../../../core/errors";
import type { Category, Household } from "../../../core/household";
import { CATEGORY_LABELS } from "../../../core/household";
import { bi, pick, type Lang } from "../../../core/i18n";
import { parseA1 } from "../../../core/address";
import { readSheet, cellText, type SheetRead } from "../../../core/sheet";
import { standardForYear, type Standard } from "../../../core/standards";
import { buildForm1, classifyRoster, type FrameOptions, type ResultTable, type TableCell } from "../../../core/tables";
import type { ExcelHost } from "../../../excel/host";
import { readSheetGrid } from "../../../excel/read";
import { writeResultTables, type WrittenSheet } from "../../../excel/write";
import { throwIfAborted } from "../../../excel/errors";
import { yieldToUi, type Progress } from "../common/operation";
import { translate } from "../../strings";
import { readingProgress, writingProgress } from "../common/progress";

export interface ClassifyRequest {
  sheet: string;
  year: number;
  mapping: Record<string, string>;
  local?: Standard;
  lang: Lang;
  /** The "Đơn vị" details of Cài đặt for the frame of Form 1. */
  frame?: FrameOptions;
}

export interface ClassifySummary {
  counts: Record<Category | "invalid", number>;
  total: number;
  written: WrittenSheet[];
  standardName: string;
}

const SLICE = 2000;

function toTableCell(v: CellValue | undefined): TableCell {
  if (v === undefined || v === null) return null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (isCellError(v)) return v.error;
  return v;
}

/** The classified copy: every column of the source rows, plus the computed category and a note. */
export function classifiedCopyTable(
  grid: Grid,
  read: SheetRead,
  categories: (Category | undefined)[],
  notes: string[],
  req: ClassifyRequest,
  standard: Standard,
): ResultTable {
  const { lang } = req;
  const tr = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
    bi(translate("vi", key, params), translate("en", key, params));
  const m = read.detection.mapping;
  const o = parseA1(grid.origin) ?? { row0: 0, col0: 0 };
  const width = Math.max(
    0,
    ...grid.values.slice(m.headerTop, m.headerBottom + 1).map((r) => r.length),
    ...grid.values.slice(m.dataStart, m.dataStart + 50).map((r) => r.length),
  );
  const headerTexts = Array.from({ length: width }, (_, c) => {
    const parts = grid.values
      .slice(m.headerTop, m.headerBottom + 1)
      .map((r) => cellText(r[c] ?? null))
      .filter(Boolean);
    return [...new Set(parts)].join(" / ") || `(${c + 1})`;
  });
  const cat = tr("classify.colCategory");
  const note = tr("classify.colNote");
  const rows = (read.roster ?? []).map((r, i) => {
    const src = grid.values[r.row0 - o.row0] ?? [];
    const cells: TableCell[] = Array.from({ length: width }, (_, c) => toTableCell(src[c]));
    const c = categories[i];
    cells.push(c ? pick(CATEGORY_LABELS[c], lang) : "", notes[i] ?? "");
    return { cells };
  });
  return {
    id: "classified-roster",
    sheetName: tr("classify.copySheet"),
    title: [
      tr("classify.copyTitle", { year: String(req.year) }),
      bi(
        translate("vi", "classify.copySource", { sheet: req.sheet, standard: standard.name.vi }),
        translate("en", "classify.copySource", { sheet: req.sheet, standard: standard.name.en }),
      ),
    ],
    headerRows: [[...headerTexts.map((h) => ({ text: bi(h, h) })), { text: cat }, { text: note }]],
    columns: [
      ...headerTexts.map((h, i) => ({
        key: `c${i}`,
        header: bi(h, h),
        format: "text" as const,
        width: Math.min(30, Math.max(8, h.length + 2)),
      })),
      { key: "category", header: cat, format: "text", width: 22 },
      { key: "note", header: note, format: "text", width: 40 },
    ],
    rows,
    notes: [bi(standard.citation.vi, standard.citation.en)],
    freezeColumns: 2,
    lang,
  };
}

/**
 * Classify household by household (core classifyRoster on each), in slices so the pane stays responsive;
 * a household with missing/invalid data gets no category, its message as a note and its error.
 */
export async function classifyHouseholds(
  households: Household[],
  standard: Standard,
  lang: Lang,
  signal: AbortSignal,
  report: (p: Progress) => void,
): Promise<{ categories: (Category | undefined)[]; notes: string[]; errors: (PovertyError | undefined)[] }> {
  const categories: (Category | undefined)[] = new Array(households.length);
  const notes: string[] = new Array(households.length).fill("");
  const errors: (PovertyError | undefined)[] = new Array(households.length);
  for (let i = 0; i < households.length; i += SLICE) {
    throwIfAborted(signal);
    for (let j = i; j < Math.min(households.length, i + SLICE); j++) {
      try {
        categories[j] = classifyRoster([households[j]], standard)[0];
      } catch (e) {
        if (!isPovertyError(e)) throw e;
        notes[j] = e.messageIn(lang);
        errors[j] = e;
      }
    }
    report({
      text: translate(lang, "common.processing", {
        done: Math.min(households.length, i + SLICE),
        total: households.length,
      }),
      value: Math.min(1, (i + SLICE) / households.length),
    });
    await yieldToUi();
  }
  return { categories, notes, errors };
}

export async function runClassify(
  req: ClassifyRequest,
  host: ExcelHost,
  signal: AbortSignal,
  report: (p: Progress) => void,
): Promise<ClassifySummary> {
  const standard = standardForYear(req.year, { local: req.local });
  const grid = await readSheetGrid(req.sheet, {
    host,
    signal,
    onProgress: readingProgress(req.lang, req.sheet, report),
  });
  const read = readSheet(grid, { kind: "roster", mapping: req.mapping, standard });
  if (read.kind !== "roster" || !read.roster || read.roster.length === 0) {
    fail("MISSING_VALUE", translate("vi", "classify.noRoster"), translate("en", "classify.noRoster"), {
      sheet: req.sheet,
    });
  }
  const households: Household[] = read.roster.map((r) => r.household);
  const { categories, notes } = await classifyHouseholds(households, standard, req.lang, signal, report);
  const counts: Record<Category | "invalid", number> = { poor: 0, nearPoor: 0, average: 0, none: 0, invalid: 0 };
  for (const c of categories) counts[c ?? "invalid"]++;
  const valid = households.filter((_, i) => categories[i] !== undefined);
  const validCats = categories.filter((c): c is Category => c !== undefined);
  const tables: ResultTable[] = [classifiedCopyTable(grid, read, categories, notes, req, standard)];
  if (valid.length > 0)
    tables.push(
      buildForm1(
        { households: valid, categories: validCats, standard, reviewYear: req.year },
        { lang: req.lang, frame: req.frame },
      ),
    );
  throwIfAborted(signal);
  const written = await writeResultTables(tables, {
    host,
    signal,
    lang: req.lang,
    charts: [
      {
        tableId: "form1-results",
        title: bi(translate("vi", "classify.chartTitle"), translate("en", "classify.chartTitle")),
        categoryColumn: "unit",
        valueColumns: ["h_poor_r", "h_nearPoor_r"],
      },
    ],
    onProgress: writingProgress(req.lang, report),
  });
  return { counts, total: households.length, written, standardName: pick(standard.name, req.lang) };
}
