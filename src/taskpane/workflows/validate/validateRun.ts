/**
 * The validate workflow without React: read the chosen sheets (chunked) and files (in memory), run the
 * core's validateWorkbooks, and produce the findings / consolidated sheets on request.
 */
import type { Grid } from "../../../core/grid";
import type { Finding } from "../../../core/findings";
import { validateWorkbooks, type ValidationReport } from "../../../core/validate";
import { isPovertyError } from "../../../core/errors";
import { CATEGORY_LABELS } from "../../../core/household";
import { bi, pick, type Lang } from "../../../core/i18n";
import type { SheetRead } from "../../../core/sheet";
import type { ResultTable } from "../../../core/tables";
import type { Standard } from "../../../core/standards";
import type { ExcelHost } from "../../../excel/host";
import { readSheetGrid } from "../../../excel/read";
import { throwIfAborted } from "../../../excel/errors";
import type { Progress } from "../common/operation";
import { translate } from "../../strings";
import { readXlsxFile } from "./files";

const PANE_YEAR = { vi: "năm chọn trong ngăn tác vụ", en: "year chosen in the task pane" };

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
  lang: Lang;
}

export interface ValidateOutcome {
  report: ValidationReport;
  findings: Finding[];
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
        onProgress: (p) =>
          report({
            text: t("common.reading", { sheet, done: p.rowsRead, total: p.totalRows }),
            value: p.totalRows ? p.rowsRead / p.totalRows : undefined,
          }),
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
  const result = validateWorkbooks(
    inputs.filter((i) => i.grids.length > 0),
    { year: req.year, yearOptionName: PANE_YEAR, today: new Date(), local: req.local },
  );
  const findings = [...result.files.flatMap((f) => f.findings), ...unreadable].map((f) =>
    f.file ? f : { ...f, file: undefined },
  );
  return { report: result, findings };
}

/** Rosters read during validation, merged into one table with a "Source" column (no rows dropped). */
export function consolidatedTable(reads: SheetRead[], lang: Lang): ResultTable | undefined {
  const rosters = reads.filter((r) => r.kind === "roster" && (r.roster?.length ?? 0) > 0);
  if (rosters.length < 2) return undefined;
  const tr = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
    bi(translate("vi", key, params), translate("en", key, params));
  const cols = [
    { key: "source", header: tr("validate.colSource"), format: "text" as const, width: 24 },
    { key: "id", header: bi("Mã hộ", "Household id"), format: "text" as const, width: 14 },
    { key: "head", header: bi("Họ tên chủ hộ", "Head of household"), format: "text" as const, width: 24 },
    { key: "unit", header: bi("Xã, phường", "Commune, ward"), format: "text" as const, width: 18 },
    { key: "village", header: bi("Thôn, tổ dân phố", "Village"), format: "text" as const, width: 16 },
    { key: "area", header: bi("Khu vực", "Area"), format: "text" as const, width: 12 },
    { key: "members", header: bi("Số nhân khẩu", "Members"), format: "integer" as const, width: 10 },
    {
      key: "income",
      header: bi("Thu nhập bình quân đầu người/tháng", "Income per capita per month"),
      format: "vnd" as const,
      width: 16,
    },
    { key: "dep", header: bi("Tổng số chỉ số thiếu hụt", "Deprivation count"), format: "integer" as const, width: 10 },
    { key: "category", header: bi("Phân loại hộ", "Category"), format: "text" as const, width: 18 },
  ];
  const rows = rosters.flatMap((r) =>
    (r.roster ?? []).map((row) => {
      const h = row.household;
      const source = `${r.file ? r.file + " / " : ""}${r.sheet}!${row.row0 + 1}`;
      const dep = h.deprivationFlags
        ? h.deprivationFlags.reduce<number>((a, b) => a + b, 0)
        : (h.deprivationCount ?? null);
      return {
        cells: [
          source,
          h.id,
          h.head ?? "",
          h.unit,
          h.village ?? "",
          lang === "vi" ? (h.area === "urban" ? "Thành thị" : "Nông thôn") : h.area,
          h.members ?? null,
          h.incomePerCapita ?? null,
          dep,
          h.declaredCategory ? pick(CATEGORY_LABELS[h.declaredCategory], lang) : "",
        ],
      };
    }),
  );
  return {
    id: "consolidated-roster",
    sheetName: tr("validate.consolidatedSheet"),
    title: [tr("validate.consolidatedTitle", { n: rosters.length })],
    headerRows: [cols.map((c) => ({ text: c.header }))],
    columns: cols,
    rows,
    notes: [],
    freezeColumns: 2,
    lang,
  };
}
