/**
 * What a sheet was read as, said to the planner: its kind, where its header is, which column was read as which
 * field (with the confidence of the match and how the column's words were read: a movement's direction, a rate's
 * scale and printed precision, a date in the header), and the columns left unread. One description for every face:
 * `poverty validate` prints it (one line per sheet; every column with --explain) and puts it in its JSON; the task
 * pane's mapping view shows the same (`describeRead`, `explainLines`).
 */
import type { Bilingual, Lang } from "../i18n";
import { bi, formatNumber, pick } from "../i18n";
import { FIELD_BY_NAME, INDICATOR_PHRASES, SHEET_KIND_LABELS, type SheetKind } from "./fields";
import { movementOf, MOVEMENT_FIELDS } from "./movement";
import type { SheetRead } from "./read";
import { sheetCell } from "./transpose";
import { a1 } from "../address";

export interface ColumnDescription {
  /** Column letters on the sheet ("D"). */
  column: string;
  header: string;
  field: string;
  fieldLabel: Bilingual;
  /** 0..1 (1 = certain); the pane asks for a review below 0.9. */
  confidence: number;
  /** How the column's words or values were read, when there is more to say than the field. */
  reading?: Bilingual;
}

export interface SheetDescription {
  file?: string;
  sheet: string;
  kind: SheetKind | "unknown";
  kindLabel: Bilingual;
  /** 1-based sheet rows of the header block, and of the first data row. */
  headerRows?: { from: number; to: number };
  dataStart?: number;
  /** Data rows read (households of a roster, rows of a table). */
  rows: number;
  columns: ColumnDescription[];
  unmapped: { column: string; header: string }[];
  /** What else the reader decided for the whole sheet. */
  notes: Bilingual[];
}

const UNKNOWN = bi("Không nhận ra", "Not recognised");

function fieldLabel(field: string): Bilingual {
  const def = FIELD_BY_NAME[field];
  if (def) return def.label;
  if (field.startsWith("dep#")) return bi(`Chỉ số thiếu hụt ${field.slice(4)}`, `Deprivation ${field.slice(4)}`);
  if (field.startsWith("dep."))
    return INDICATOR_PHRASES.find((i) => i.ids.includes(field.slice(4)))?.label ?? bi(field, field);
  return bi(field, field);
}

const pctDecimals = (fractionDecimals: number) => Math.max(0, fractionDecimals - 2);

/** Describe a read sheet (see the module comment). Pure: the same input gives the same description. */
export function describeRead(read: SheetRead): SheetDescription {
  const det = read.detection;
  const rowsRead = read.roster?.length ?? read.table?.length ?? 0;
  const out: SheetDescription = {
    sheet: read.sheet,
    kind: read.kind,
    kindLabel: read.kind === "unknown" ? UNKNOWN : SHEET_KIND_LABELS[read.kind],
    rows: rowsRead,
    columns: [],
    unmapped: det.mapping.unmapped.map((u) => ({ column: place(read, u.col, u.letter), header: u.header })),
    notes: [],
  };
  if (read.file !== undefined) out.file = read.file;
  if (read.kind === "unknown") return out;
  // The header block is stored grid-relative.
  const rowOff = read.offset?.row0 ?? 0;
  const t = read.transposition;
  out.headerRows = t
    ? { from: t.headerRow0 + 1, to: t.headerRow0 + 1 }
    : { from: det.mapping.headerTop + rowOff + 1, to: det.mapping.headerBottom + rowOff + 1 };
  out.dataStart = t ? t.headerRow0 + 2 : det.mapping.dataStart + rowOff + 1;
  const subject = det.subject ?? "poor";
  for (const c of det.mapping.columns) {
    const d: ColumnDescription = {
      column: place(read, c.col, c.letter),
      header: c.header,
      field: c.field,
      fieldLabel: fieldLabel(c.field),
      confidence: c.confidence,
    };
    if (MOVEMENT_FIELDS.has(c.field)) {
      const m = movementOf(c.header, subject);
      if (m) d.reading = m.reading;
    }
    const rate = read.rates[c.field];
    if (rate) {
      const p = pctDecimals(rate.decimals);
      const half = formatNumber(0.5 * 10 ** -p, "vi", p + 1);
      const halfEn = formatNumber(0.5 * 10 ** -p, "en", p + 1);
      d.reading =
        rate.scale === "percent"
          ? bi(
              `số phần trăm (7,97 = 7,97 %), in với ${p} chữ số thập phân (± ${half} điểm %)`,
              `percent numbers (7.97 = 7.97%), printed with ${p} decimal${p === 1 ? "" : "s"} (± ${halfEn} pp)`,
            )
          : bi(
              `phân số (0,0797 = 7,97 %), in với ${p} chữ số thập phân của % (± ${half} điểm %)`,
              `fractions (0.0797 = 7.97%), printed with ${p} decimal${p === 1 ? "" : "s"} of the % (± ${halfEn} pp)`,
            );
    }
    out.columns.push(d);
  }
  if (t)
    out.notes.push(
      bi(
        "Bảng theo năm (năm ở các cột, chỉ tiêu ở các dòng): đọc như chuỗi năm, mỗi cột năm là một dòng; các chỉ tiêu ghi theo ô nhãn của dòng.",
        "A year-wide table (years in columns, indicators in rows): read as a series, each year's column a row; indicators are given by their label cell.",
      ),
    );
  if (read.kind === "transition")
    out.notes.push(
      subject === "nearPoor"
        ? bi(
            "Bảng diễn biến hộ cận nghèo: chiều của mỗi cột đọc từ thứ tự các chữ trong tiêu đề.",
            "Movement table of near-poor households: each column's direction is read from the order of its words.",
          )
        : bi(
            "Bảng diễn biến hộ nghèo: chiều của mỗi cột đọc từ thứ tự các chữ trong tiêu đề.",
            "Movement table of poor households: each column's direction is read from the order of its words.",
          ),
    );
  if (det.periodYears)
    out.notes.push(
      bi(
        `Năm trong tiêu đề cột: ${det.periodYears.start} là đầu kỳ, ${det.periodYears.end} là cuối kỳ.`,
        `Years in the headers: ${det.periodYears.start} is the start, ${det.periodYears.end} the end.`,
      ),
    );
  if (read.kind === "target")
    out.notes.push(
      det.planned
        ? bi(
            "Bảng kế hoạch: tỷ lệ đầu kỳ và cuối kỳ dùng chung một tổng số hộ; mức giảm là điểm phần trăm.",
            "A plan: the start and end rates share one total; the reduction is in percentage points.",
          )
        : bi(
            "Bảng kết quả hai thời điểm: tổng số hộ có thể khác nhau giữa đầu kỳ và cuối kỳ.",
            "Results at two dates: the total may differ between the start and the end.",
          ),
    );
  if (
    (read.kind === "summary" || read.kind === "target" || read.kind === "transition") &&
    !("households" in read.columns)
  )
    out.notes.push(
      bi(
        "Không có cột tổng số hộ: tổng số hộ của mỗi dòng là khoảng mà (số hộ, tỷ lệ) cho phép ở độ chính xác đã in.",
        "No total-households column: each row's total is the interval its (count, rate) pairs allow at the printed precision.",
      ),
    );
  return out;
}

/** Where a read column is on the sheet: its letters, or — for a year-wide table — the indicator's label cell. */
function place(read: SheetRead, col: number, letter: string): string {
  const t = read.transposition;
  if (!t) return letter;
  const c = sheetCell(t, t.titleRows, col);
  return a1(c.row0, t.labelCol0);
}

/** The description as text lines: one headline, then (with `columns`) one line per column and the notes. */
export function explainLines(d: SheetDescription, lang: Lang, columns = true): string[] {
  const T = (x: Bilingual) => pick(x, lang);
  const lines: string[] = [];
  const where = d.headerRows
    ? lang === "vi"
      ? `tiêu đề dòng ${d.headerRows.from === d.headerRows.to ? d.headerRows.from : `${d.headerRows.from}–${d.headerRows.to}`}, dữ liệu từ dòng ${d.dataStart}, ${d.rows} dòng`
      : `header row${d.headerRows.from === d.headerRows.to ? ` ${d.headerRows.from}` : `s ${d.headerRows.from}–${d.headerRows.to}`}, data from row ${d.dataStart}, ${d.rows} rows`
    : "";
  lines.push(
    lang === "vi"
      ? `Trang "${d.sheet}" đọc là: ${T(d.kindLabel)}${where ? ` (${where})` : ""}`
      : `Sheet "${d.sheet}" read as: ${T(d.kindLabel)}${where ? ` (${where})` : ""}`,
  );
  if (!columns) return lines;
  for (const c of d.columns) {
    const conf = formatNumber(c.confidence, lang, 2);
    lines.push(
      `  ${c.column.padEnd(3)} ${T(c.fieldLabel)} ← "${c.header}" (${lang === "vi" ? "độ tin cậy" : "confidence"} ${conf})${c.reading ? ` — ${T(c.reading)}` : ""}`,
    );
  }
  for (const u of d.unmapped)
    lines.push(`  ${u.column.padEnd(3)} ${lang === "vi" ? "không đọc" : "not read"}: "${u.header}"`);
  for (const n of d.notes) lines.push(`  ${T(n)}`);
  return lines;
}
