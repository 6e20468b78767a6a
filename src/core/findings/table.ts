/**
 * Findings as a table, built once for every face: the CLI's findings workbook (`poverty validate --out`) and the
 * task pane's findings sheet ("KQ - Kiểm tra") are the same `ResultTable`, written by the table model's writers
 * (cached values, shared formats, LibreOffice recalculation tests). Severity labels live here too, once.
 *
 * Every user text (sheet, value, expected, message) is written as text; a finding's cell is a native HYPERLINK
 * formula (with its address as the cached value) when the face can say where the cell is — "#'Xã A'!B7" in the
 * open workbook, "xa-a.xlsx#'Xã A'!B7" for another file — else its address as text.
 */
import { quoteSheet } from "../address";
import { bi, formatPercent, pick, type Bilingual, type Lang } from "../i18n";
import { FIELD_BY_NAME } from "../sheet/fields";
import { formulaCell, type NumberFormatKind, type ResultTable, type TableCell, type TableRow } from "../tables/model";
import { sortFindings, type Finding, type Severity } from "./finding";

/** Severity labels: a symbol and a word, so a severity is never told by colour alone. */
export const SEVERITY_LABELS: Record<Severity, Bilingual & { symbol: string }> = {
  error: { vi: "Lỗi", en: "Error", symbol: "✖" },
  warning: { vi: "Cảnh báo", en: "Warning", symbol: "⚠" },
  info: { vi: "Thông tin", en: "Info", symbol: "ℹ" },
};

/** "✖ Lỗi" / "⚠ Warning". */
export function severityText(s: Severity, lang: Lang): string {
  return `${SEVERITY_LABELS[s].symbol} ${pick(SEVERITY_LABELS[s], lang)}`;
}

/** `HYPERLINK("<target>","<label>")` with both texts escaped for the formula's string literals. */
export function hyperlinkFormula(target: string, label: string): string {
  return `HYPERLINK("${target.replace(/"/g, '""')}","${label.replace(/"/g, '""')}")`;
}

/** The link target of a cell in the open workbook: "#'Xã A'!B7". */
export function cellTarget(sheet: string, cell: string, file = ""): string {
  return `${file}#${quoteSheet(sheet)}!${cell}`;
}

/**
 * Digits after the decimal point of a number written as text ("0.12345" → 5), ignoring the tail of a float sum
 * ("0.15000000000000002" → 2).
 */
function fractionDigits(s: string): number {
  const m = /\.(\d+)$/.exec(String(Math.round(Number(s) * 1e10) / 1e10));
  return m ? m[1].length : 0;
}

const NUMBER_RE = /^-?\d+(?:\.\d+)?$/;

/**
 * A finding's value or expected value as a cell. Rules keep what they found as text ("0.1211"), in the units of the
 * code: a rate or percentage points is a fraction. In a sheet a planner reads it as a percentage: a single number of
 * a rate/pp field becomes a number cell shown "12,11 %" (the cell keeps the exact fraction); a text holding several
 * (a range "0.05–0.12") has each number written as a percentage in the report's language. Anything else stays text.
 */
export function findingValueCell(
  f: Pick<Finding, "field">,
  text: string | undefined,
  lang: Lang,
): { cell: TableCell; format?: NumberFormatKind } {
  if (!text) return { cell: "" };
  const type = f.field ? FIELD_BY_NAME[f.field]?.type : undefined;
  if (type !== "rate" && type !== "pp") return { cell: text };
  const decimals = (s: string) => Math.min(4, Math.max(2, fractionDigits(s) - 2));
  if (NUMBER_RE.test(text)) {
    const n = Number(text);
    // Two decimals of a percentage show it exactly; finer rates are written as text so no digit is hidden.
    if (decimals(text) === 2) return { cell: n, format: "percent" };
    return { cell: formatPercent(n, lang, decimals(text)) };
  }
  return { cell: text.replace(/-?\d+(?:\.\d+)?(?:e-?\d+)?/g, (m) => formatPercent(Number(m), lang, decimals(m))) };
}

export interface FindingsTableOptions {
  lang: Lang;
  /** First title line (default "KẾT QUẢ KIỂM TRA HỒ SƠ" / "VALIDATION RESULTS"). */
  title?: Bilingual;
  /**
   * Where a finding's cell is, as a HYPERLINK target (see `cellTarget`), or undefined for the address as text.
   * Default: findings without a file (the open workbook) link to their cell.
   */
  link?: (f: Finding) => string | undefined;
}

/**
 * The findings as a table: severity (symbol + word), code, file, sheet, cell (a link where possible), the message
 * in the chosen language and in the other one, value, expected, related cells. Sorted like every list of findings.
 */
export function findingsTable(findings: readonly Finding[], options: FindingsTableOptions): ResultTable {
  const { lang } = options;
  const other: Lang = lang === "vi" ? "en" : "vi";
  const link = options.link ?? ((f: Finding) => (f.file ? undefined : cellTarget(f.sheet, f.cell)));
  const rows: TableRow[] = sortFindings([...findings]).map((f) => {
    const target = f.cell && f.sheet ? link(f) : undefined;
    const cell: TableCell = target ? formulaCell(hyperlinkFormula(target, f.cell), f.cell) : f.cell;
    const value = findingValueCell(f, f.value, lang);
    const expected = findingValueCell(f, f.expected, lang);
    const formats: (NumberFormatKind | undefined)[] = [];
    if (value.format) formats[7] = value.format;
    if (expected.format) formats[8] = expected.format;
    return {
      cells: [
        severityText(f.severity, lang),
        f.code,
        f.file ?? "",
        f.sheet,
        cell,
        lang === "vi" ? f.messageVi : f.messageEn,
        other === "vi" ? f.messageVi : f.messageEn,
        value.cell,
        expected.cell,
        (f.related ?? [])
          .map((r) => `${r.file && r.file !== f.file ? r.file + " › " : ""}${r.sheet}!${r.cell}`)
          .join("; "),
      ],
      ...(formats.length ? { formats } : {}),
    };
  });
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  const columns = [
    { key: "severity", header: bi("Mức độ", "Severity"), format: "text" as const, width: 12 },
    { key: "code", header: bi("Mã", "Code"), format: "text" as const, width: 22 },
    { key: "file", header: bi("Tệp", "File"), format: "text" as const, width: 18 },
    { key: "sheet", header: bi("Trang tính", "Sheet"), format: "text" as const, width: 16 },
    { key: "cell", header: bi("Ô", "Cell"), format: "text" as const, width: 8 },
    { key: "message", header: bi("Nội dung", "Message"), format: "text" as const, width: 60 },
    {
      key: "message2",
      // The other language's message, under a header in that language.
      header: bi("Message (English)", "Nội dung (tiếng Việt)"),
      format: "text" as const,
      width: 40,
    },
    { key: "value", header: bi("Giá trị", "Value"), format: "text" as const, width: 14 },
    { key: "expected", header: bi("Mong đợi", "Expected"), format: "text" as const, width: 14 },
    { key: "related", header: bi("Ô liên quan", "Related cells"), format: "text" as const, width: 24 },
  ];
  return {
    id: "findings",
    sheetName: bi("Kiểm tra", "Checks"),
    title: [
      options.title ?? bi("KẾT QUẢ KIỂM TRA HỒ SƠ", "VALIDATION RESULTS"),
      bi(
        `${counts.error} lỗi, ${counts.warning} cảnh báo, ${counts.info} thông tin`,
        `${counts.error} errors, ${counts.warning} warnings, ${counts.info} infos`,
      ),
    ],
    headerRows: [columns.map((c) => ({ text: c.header }))],
    columns,
    rows,
    notes: [bi("Bấm vào địa chỉ ô để đi tới ô có vấn đề.", "Select a cell address to go to the cell concerned.")],
    freezeColumns: 0,
    print: { landscape: true, repeatHeader: true },
    lang,
  };
}
