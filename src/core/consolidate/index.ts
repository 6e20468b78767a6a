/**
 * Consolidation: ward rosters → one roster with a source column, and a per-source summary. ONE service, one
 * contract, for the CLI (`poverty consolidate`, streaming a province's rosters file by file) and the task pane
 * (the validate workflow's "consolidate" action):
 *
 * - the merged roster has the first roster's columns, in its order and with its headers, after a source column
 *   ("file › sheet"); every value is copied as the file holds it (text stays text, never a formula);
 * - it is refused — findings, nothing merged — when a roster has reading errors, when household ids repeat
 *   (HH_DUPLICATE_ID, HH_DUPLICATE_ID_ACROSS), when a roster's columns differ from the first one's
 *   (CONSOLIDATE_INCOMPATIBLE), when a file has no roster (CONSOLIDATE_NO_ROSTER), or when a file could not be
 *   read or checked (FILE_UNREADABLE from the adapter, FILE_CHECK_FAILED);
 * - each sheet is read with the standard of its review year (the core's resolver, as `validateWorkbooks`), and
 *   the table ends where the core's reader says, the same for validation and consolidation;
 * - every data row the reader finds is merged (the count is checked).
 *
 * Incremental: `add` takes one workbook, checks it against the ones before and hands back its merged rows
 * lazily; only ids, counts and findings are kept between files, so memory stays that of one file.
 */
import { columnLetters } from "../address";
import { isPovertyError } from "../errors";
import { isCellError, type CellValue, type Grid } from "../grid";
import { CATEGORY_LABELS, type Category } from "../household";
import { bi, pick, type Bilingual, type Lang } from "../i18n";
import { finding, sortFindings, summarize, uniqueFindings, type Finding } from "../findings";
import { FIELD_BY_NAME, gridOffset, read as readDetected, detect, type SheetRead } from "../sheet";
import { DuplicateIds } from "../validate/rules/cross";
import {
  sheetReviewYears,
  type CheckFailure,
  type FileReport,
  type SheetReviewYear,
  type ValidateOptions,
  type WorkbookInput,
} from "../validate/run";
import {
  formulaCell,
  tableLayout,
  type NumberFormatKind,
  type ResultTable,
  type TableCell,
  type TableRow,
} from "../tables/model";

/** Options: the year resolution of `validateWorkbooks` and the reading options. */
export type ConsolidateOptions = Pick<
  ValidateOptions,
  "year" | "yearOptionName" | "today" | "cutoverMonth" | "local" | "standard" | "sheets" | "read"
>;

/** One column of the merged roster (after the source column). */
export interface MergedColumn {
  field: string;
  /** The header as the first roster writes it. */
  header: string;
}

/** What one roster contributed. */
export interface RosterSource {
  file: string;
  sheet: string;
  /** "file › sheet", the text of the source column. */
  source: string;
  households: number;
  members: number;
  counts: Record<Category | "unknown", number>;
}

/** One workbook added: its findings and (when nothing blocks so far) its merged rows. */
export interface ConsolidatedPart {
  file: string;
  findings: Finding[];
  /** Merged rows of this workbook's rosters: [source, ...values of `columns`]. Empty when something blocks. */
  rows(): Iterable<CellValue[]>;
  households: number;
}

export interface ConsolidationResult {
  /** True when nothing blocks and at least one roster was found: the merged roster may be written. */
  ok: boolean;
  files: FileReport[];
  summary: { errors: number; warnings: number; infos: number };
  failures: CheckFailure[];
  years: SheetReviewYear[];
  columns: MergedColumn[];
  sources: RosterSource[];
  households: number;
}

const CATEGORIES: (Category | "unknown")[] = ["poor", "nearPoor", "average", "none", "unknown"];

/** Field set of a roster, for compatibility (the sequence number column does not matter). */
const fieldSet = (r: SheetRead) =>
  Object.keys(r.columns)
    .filter((f) => f !== "seq")
    .sort();

/** A cell as merged: errors as their text, dates as ISO dates (yyyy-mm-dd), everything else as it is. */
function mergedValue(v: CellValue | undefined): CellValue {
  if (v === undefined || v === null) return null;
  if (isCellError(v)) return v.error;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString().slice(0, 10);
  return v;
}

/** "file › sheet" (just the sheet for a sheet of the open workbook, whose file is ""). */
function sourceText(file: string | undefined, sheet: string): string {
  return file ? `${file} › ${sheet}` : sheet;
}

function failureReason(error: unknown): Bilingual {
  if (isPovertyError(error)) return { vi: error.messageVi, en: error.messageEn };
  return {
    vi: "lỗi ngoài dự kiến của chương trình khi kiểm tra tệp này (xin báo lại kèm tệp; chạy lại với --debug để xem chi tiết)",
    en: "an unexpected defect of the program while checking this file (please report it with the file; run again with --debug for details)",
  };
}

/** The consolidation of workbooks added one by one (see the module comment). */
export class Consolidation {
  private readonly ids = new DuplicateIds();
  private readonly reports = new Map<string, Finding[]>();
  private readonly order: string[] = [];
  private first?: SheetRead;
  private firstFields?: string[];
  private blocked = false;
  readonly failures: CheckFailure[] = [];
  readonly years: SheetReviewYear[] = [];
  readonly sources: RosterSource[] = [];
  columns: MergedColumn[] = [];

  constructor(private readonly opts: ConsolidateOptions = {}) {}

  /** Nothing blocks so far (rows of the next workbook will be handed out). */
  get ok(): boolean {
    return !this.blocked;
  }

  private list(file: string): Finding[] {
    let l = this.reports.get(file);
    if (!l) {
      l = [];
      this.reports.set(file, l);
      this.order.push(file);
    }
    return l;
  }

  /** A file the adapter could not read (its FILE_UNREADABLE finding). Blocks the consolidation. */
  unreadable(file: string, findings: Finding[]): void {
    this.list(file).push(...findings);
    this.blocked = true;
  }

  /**
   * Add one workbook: read its sheets, check its rosters against the first roster and every id seen before.
   * Never throws for the workbook's content: an unexpected error is a FILE_CHECK_FAILED finding for it.
   * @throws PovertyError UNKNOWN_YEAR when `opts.year` is outside every standard (the run's error, not a file's).
   */
  add(input: WorkbookInput): ConsolidatedPart {
    const list = this.list(input.file);
    let rosters: { read: SheetRead; grid: Grid }[];
    try {
      rosters = this.readRosters(input, list);
    } catch (error) {
      if (isPovertyError(error) && error.code === "UNKNOWN_YEAR" && this.opts.year !== undefined) throw error;
      this.failures.push({ file: input.file, error });
      list.length = 0;
      list.push(
        finding(
          "FILE_CHECK_FAILED",
          { file: input.file, sheet: "" },
          { file: input.file, reason: failureReason(error) },
        ),
      );
      this.blocked = true;
      return { file: input.file, findings: list, rows: () => [], households: 0 };
    }
    if (list.some((f) => f.severity === "error")) this.blocked = true;
    const blocked = this.blocked;
    const columns = this.columns;
    const households = rosters.reduce((a, r) => a + (r.read.roster?.length ?? 0), 0);
    return {
      file: input.file,
      findings: list,
      households,
      rows: function* () {
        if (blocked) return;
        for (const { read, grid } of rosters) {
          const off = gridOffset(grid);
          const source = sourceText(read.file, read.sheet);
          const at = columns.map((c) => read.columns[c.field] - off.col0);
          for (const row of read.roster ?? []) {
            const values = grid.values[row.row0 - off.row0] ?? [];
            const out: CellValue[] = [source];
            for (const c of at) out.push(mergedValue(values[c]));
            yield out;
          }
        }
      },
    };
  }

  private readRosters(input: WorkbookInput, list: Finding[]): { read: SheetRead; grid: Grid }[] {
    const opts = this.opts;
    const detections = input.grids.map((g) => detect(g, { ...(opts.sheets?.[g.sheetName] ?? {}), file: input.file }));
    const standards = sheetReviewYears(input, opts, detections);
    const found: { read: SheetRead; grid: Grid }[] = [];
    input.grids.forEach((grid, i) => {
      if (detections[i].kind !== "roster") return;
      const read = readDetected(grid, detections[i], {
        ...opts.read,
        ...(opts.sheets?.[grid.sheetName] ?? {}),
        file: input.file,
        standard: standards[i].standard,
      });
      if (read.kind !== "roster") return;
      this.years.push(standards[i].year);
      found.push({ read, grid });
    });
    if (!found.length) {
      list.push(finding("CONSOLIDATE_NO_ROSTER", { file: input.file, sheet: "" }, { file: input.file }));
      return found;
    }
    for (const { read } of found) {
      list.push(...read.findings.filter((f) => f.severity === "error"));
      if (!this.first) {
        this.first = read;
        this.firstFields = fieldSet(read);
        this.columns = Object.entries(read.columns)
          .sort((a, b) => a[1] - b[1])
          .map(([field]) => ({
            field,
            header: read.detection.mapping.columns.find((c) => c.field === field)?.header ?? field,
          }));
      } else {
        const ref = this.firstFields!;
        const fs = fieldSet(read);
        const missing = ref.filter((f) => !fs.includes(f));
        const extra = fs.filter((f) => !ref.includes(f));
        if (missing.length || extra.length) {
          const name = (f: string) => FIELD_BY_NAME[f]?.label ?? { vi: f, en: f };
          const part = (lang: Lang) =>
            [
              missing.length
                ? `${lang === "vi" ? "thiếu" : "missing"}: ${missing.map((f) => pick(name(f), lang)).join(", ")}`
                : "",
              extra.length
                ? `${lang === "vi" ? "thừa" : "extra"}: ${extra.map((f) => pick(name(f), lang)).join(", ")}`
                : "",
            ]
              .filter(Boolean)
              .join("; ");
          list.push(
            finding(
              "CONSOLIDATE_INCOMPATIBLE",
              { file: read.file, sheet: read.sheet },
              { sheet: read.sheet, detail: { vi: part("vi"), en: part("en") } },
            ),
          );
        }
      }
      list.push(...this.ids.add(read));
      const src: RosterSource = {
        file: input.file,
        sheet: read.sheet,
        source: sourceText(read.file, read.sheet),
        households: 0,
        members: 0,
        counts: { poor: 0, nearPoor: 0, average: 0, none: 0, unknown: 0 },
      };
      for (const row of read.roster ?? []) {
        src.households++;
        src.members += row.household.members ?? 0;
        src.counts[row.household.declaredCategory ?? "unknown"]++;
      }
      this.sources.push(src);
    }
    return found;
  }

  /** The outcome: findings per file (in the order added), whether the merged roster may be written. */
  finish(): ConsolidationResult {
    const files: FileReport[] = this.order.map((file) => ({
      file,
      findings: sortFindings(uniqueFindings(this.reports.get(file) ?? [])),
    }));
    const summary = summarize(files.flatMap((f) => f.findings));
    return {
      ok: !this.blocked && summary.errors === 0 && this.sources.length > 0,
      files,
      summary,
      failures: this.failures,
      years: this.years,
      columns: this.columns,
      sources: this.sources,
      households: this.sources.reduce((a, s) => a + s.households, 0),
    };
  }
}

/** Sheet names of the two tables (also used by the streaming file writer). */
export const CONSOLIDATED_SHEET: Bilingual = bi("Danh sách gộp", "Merged roster");
export const CONSOLIDATED_SUMMARY_SHEET: Bilingual = bi("Tổng hợp theo đơn vị", "Per-source summary");
/** Header of the source column. */
export const SOURCE_HEADER: Bilingual = bi("Nguồn (tệp › trang)", "Source (file › sheet)");

/** The per-source summary: households, members and declared categories per roster, totals as SUM formulas. */
export function consolidationSummaryTable(result: ConsolidationResult, lang: Lang): ResultTable {
  const cols = [
    { key: "source", header: bi("Nguồn", "Source"), format: "text" as const, width: 40 },
    { key: "households", header: bi("Số hộ", "Households"), format: "integer" as const, width: 12 },
    { key: "members", header: bi("Số nhân khẩu", "Members"), format: "integer" as const, width: 12 },
    ...CATEGORIES.map((c) => ({
      key: c,
      header: c === "unknown" ? bi("Chưa phân loại", "Not classified") : CATEGORY_LABELS[c],
      format: "integer" as const,
      width: 14,
    })),
  ];
  const rows: TableRow[] = result.sources.map((s) => ({
    cells: [s.source, s.households, s.members, ...CATEGORIES.map((c) => s.counts[c])],
  }));
  const n = rows.length;
  const title = [bi(`TỔNG HỢP ${n} DANH SÁCH HỘ ĐÃ GỘP`, `SUMMARY OF ${n} MERGED ROSTERS`)];
  const headerRows = [cols.map((c) => ({ text: c.header }))];
  // Totals: SUM over the body rows of each column, where the table model places them.
  const first = tableLayout({ title, headerRows, rows: [] }).firstBodyRow;
  const sums = [
    result.sources.reduce((a, s) => a + s.households, 0),
    result.sources.reduce((a, s) => a + s.members, 0),
    ...CATEGORIES.map((c) => result.sources.reduce((a, s) => a + s.counts[c], 0)),
  ];
  const total: TableCell[] = [
    pick(bi("Tổng cộng", "Total"), lang),
    ...sums.map((v, i) =>
      formulaCell(`SUM(${columnLetters(i + 1)}${first}:${columnLetters(i + 1)}${first + n - 1})`, v),
    ),
  ];
  return {
    id: "consolidated-summary",
    sheetName: CONSOLIDATED_SUMMARY_SHEET,
    title,
    headerRows,
    columns: cols,
    rows: [...rows, { kind: "total", cells: total }],
    notes: [],
    lang,
  };
}

/**
 * The merged roster as a table (the task pane writes it to a new sheet; the CLI streams the same rows to a file
 * instead, for province-size rosters). `rows` are the parts' rows.
 */
export function consolidatedRosterTable(
  result: ConsolidationResult,
  rows: Iterable<CellValue[]>,
  lang: Lang,
): ResultTable {
  const cols = [
    { key: "source", header: SOURCE_HEADER, format: "text" as const, width: 30 },
    ...result.columns.map((c) => ({
      key: c.field,
      header: bi(c.header, c.header),
      format: columnFormat(c.field),
      width: Math.min(30, Math.max(8, c.header.length)),
    })),
  ];
  const body: TableRow[] = [];
  for (const r of rows)
    body.push({
      cells: r.map((v): TableCell =>
        typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? v : null,
      ),
    });
  return {
    id: "consolidated-roster",
    sheetName: CONSOLIDATED_SHEET,
    title: [
      bi(
        `DANH SÁCH HỘ GỘP TỪ ${result.sources.length} DANH SÁCH (${result.households} HỘ)`,
        `HOUSEHOLD ROSTER MERGED FROM ${result.sources.length} ROSTERS (${result.households} HOUSEHOLDS)`,
      ),
    ],
    headerRows: [cols.map((c) => ({ text: c.header }))],
    columns: cols,
    rows: body,
    notes: [],
    freezeColumns: 1,
    lang,
  };
}

/** Number format of a merged column, from its field's type (values are copied as the file holds them). */
function columnFormat(field: string): NumberFormatKind {
  switch (FIELD_BY_NAME[field]?.type) {
    case "count":
      return "integer";
    case "money":
      return "vnd";
    case "score":
    case "number":
      return "decimal";
    default:
      return "text";
  }
}

/** All at once (the task pane): the result, and the merged roster and summary tables when `ok`. */
export function consolidateWorkbooks(
  inputs: WorkbookInput[],
  opts: ConsolidateOptions,
  lang: Lang,
): ConsolidationResult & { tables: ResultTable[] } {
  const c = new Consolidation(opts);
  const parts = inputs.map((i) => c.add(i));
  const result = c.finish();
  if (!result.ok) return { ...result, tables: [] };
  const rows = parts.flatMap((p) => [...p.rows()]);
  return {
    ...result,
    tables: [consolidatedRosterTable(result, rows, lang), consolidationSummaryTable(result, lang)],
  };
}
