/**
 * The form reader (Biểu 1–4, target tables, year series): unit rows with counts, rates and percentage points.
 * Rate columns are read per column: scale (fractions or percent numbers) and printed precision.
 */
import type { CellValue, Grid } from "../../grid";
import type { Bilingual } from "../../i18n";
import { fold, formatPercent } from "../../i18n";
import { columnLetters } from "../../address";
import { finding } from "../../findings/catalogue";
import { FIELD_BY_NAME, isDepField, type ValueType } from "../fields";
import { gridMerges, type Detection } from "../detect";
import { formatPrecision, parseNumberCell, type ParsedNumber } from "../parse";
import { cellText } from "../text";
import { looksLikeNote, scanRow, type ScanState } from "../extent";
import { isOfWhich, rowKindOf } from "../rows";
import type { FormRow, RateColumn } from "../read";
import { checkNumber, numberHint, report, reportProblem, reportStray, type Ctx } from "./common";
import { readPlanCell, unitHint } from "./plan";

/** RATE_SCALE: one info per sheet listing the rate columns and the scale chosen (grouped when they differ). */
function reportScales(choices: { col: number; why: Bilingual }[], det: Detection, ctx: Ctx): void {
  // A year-wide table's rate "columns" are rows of the sheet: its scales are in the sheet's description instead.
  if (!choices.length || ctx.transposed) return;
  choices.sort((a, b) => a.col - b.col);
  const groups: { cols: string[]; why: Bilingual }[] = [];
  for (const x of choices) {
    const g = groups.find((y) => y.why.en === x.why.en);
    if (g) g.cols.push(columnLetters(x.col));
    else groups.push({ cols: [columnLetters(x.col)], why: x.why });
  }
  const scale: Bilingual =
    groups.length === 1
      ? groups[0].why
      : {
          vi: groups.map((g) => `${g.cols.join(", ")}: ${g.why.vi}`).join("; "),
          en: groups.map((g) => `${g.cols.join(", ")}: ${g.why.en}`).join("; "),
        };
  ctx.findings.push(
    finding(
      "RATE_SCALE",
      { file: ctx.file, sheet: ctx.sheet, row0: det.mapping.headerTop + ctx.off.row0, col0: choices[0].col },
      { columns: choices.map((x) => columnLetters(x.col)).join(", "), scale },
    ),
  );
}

/**
 * Row kinds that need the whole table: a totals row followed by another section closes its section (subtotal).
 * STRUCT_DATA_BELOW_TOTAL: a body row below the grand total (rows between a subtotal and the next section are
 * legitimate; footnotes were already cut off by the reader).
 */
function settleTotals(rows: FormRow[], ctx: Ctx): void {
  let sectionAfter = false;
  for (let i = rows.length - 1; i >= 0; i--) {
    const k = rows[i].kind;
    if (k === "section") sectionAfter = true;
    else if (k === "total" && sectionAfter) rows[i].kind = "subtotal";
  }
  const total = rows.find((x) => x.kind === "total");
  if (!total) return;
  // "Cả nước" / "Toàn tỉnh" above its units (national and provincial results often start with the total).
  const firstBody = rows.find((x) => x.kind === "body");
  if (firstBody && total.row0 < firstBody.row0 && !rows.some((x) => x.kind === "total" && x !== total)) return;
  const below = rows.find((x) => x.row0 > total.row0 && x.kind === "body" && !isOfWhich(x.label));
  if (below)
    ctx.findings.push(
      finding(
        "STRUCT_DATA_BELOW_TOTAL",
        { file: ctx.file, sheet: ctx.sheet, ...ctx.cell(below.row0 - ctx.off.row0, 0) },
        { totalRow: total.row0 + 1 },
      ),
    );
}

interface RawRate {
  r: number;
  c: number;
  n: ParsedNumber;
  text: boolean;
}

/** A cell of the row that holds a value the reader reported and could not use: the rules leave it out. */
function unread(tr: FormRow, f: string): void {
  (tr.unread ??= []).push(f);
}

/** Denominator and numerator of each rate field (for the scale cross-check and RATE_MISMATCH). */
export const RATE_PARTS: Record<string, { count: string; total: string }> = {
  poorRate: { count: "poor", total: "households" },
  nearPoorRate: { count: "nearPoor", total: "households" },
  poorNearRate: { count: "poorNear", total: "households" },
  averageRate: { count: "average", total: "households" },
  poorMembersRate: { count: "poorMembers", total: "members" },
  nearPoorMembersRate: { count: "nearPoorMembers", total: "members" },
  averageMembersRate: { count: "averageMembers", total: "members" },
  startRate: { count: "startCount", total: "households" },
  endRate: { count: "endCount", total: "households" },
  poorSocialProtectionRate: { count: "poorSocialProtection", total: "households" },
  poorNetRate: { count: "poorNet", total: "households" },
};

/** RATE_PARTS of a sheet kind: in a movement table the start and end counts are "start" and "end". */
export function rateParts(kind: string): Record<string, { count: string; total: string }> {
  if (kind !== "transition") return RATE_PARTS;
  return {
    startRate: { count: "start", total: "households" },
    endRate: { count: "end", total: "households" },
  };
}

/** Words of a note written into a data cell: "Như cột 4", "Ghi chú: …", "(*)", "Xem …", "Không có số liệu". */
const NOTE_TEXT =
  /^(nhu cot|nhu tren|nhu dong|ghi chu|chu thich|xem |theo |chua co|khong co so lieu|khong phat sinh|\(\*+\)|\*|same as|see |note)|\(\*+\)/;

/** Is the text of a numeric cell plainly a note (see NOTE_TEXT)? */
export function isNoteText(text: string): boolean {
  return NOTE_TEXT.test(fold(text).trim());
}

/**
 * The scale of one rate (or percentage-point) column and why: a % number format → fractions; a value above 1 →
 * percent numbers; only "7,97 %" texts → fractions; else whichever of the two matches count ÷ total (when the sheet
 * has both); else (no evidence) the header's "(%)" or fractions — which the caller may replace by the scale of the
 * sheet's other rate columns.
 */
function decideScale(
  f: string,
  raws: RawRate[],
  fmtInfo: { percent: boolean } | undefined,
  sheet: ScaleContext,
): { scale: RateColumn["scale"]; why: Bilingual; evidence: boolean } {
  const numeric = raws.filter((x) => !x.n.percent);
  if (fmtInfo?.percent)
    return {
      scale: "fraction",
      why: {
        vi: "phân số theo định dạng % của ô (0,0797 hiển thị 7,97 %)",
        en: "fractions, from the cells' % number format (0.0797 shows as 7.97 %)",
      },
      evidence: true,
    };
  if (numeric.some((x) => Math.abs(x.n.value) > 1))
    return {
      scale: "percent",
      why: {
        vi: "số phần trăm (7,97 = 7,97 %) vì có giá trị lớn hơn 1",
        en: "percent numbers (7.97 = 7.97 %) because some values exceed 1",
      },
      evidence: true,
    };
  if (numeric.length === 0)
    return {
      scale: "fraction",
      why: { vi: "phần trăm có ký hiệu % trong ô", en: "percent text with a % sign" },
      evidence: raws.length > 0,
    };
  const parts = sheet.parts[f];
  let errF = 0;
  let errP = 0;
  let compared = 0;
  if (parts) {
    for (const x of numeric) {
      const tr = sheet.rowByR.get(x.r);
      const cnt = tr?.values[parts.count];
      const tot = tr?.values[parts.total];
      if (cnt === undefined || !tot) continue;
      const e = cnt / tot;
      errF += Math.abs(x.n.value - e);
      errP += Math.abs(x.n.value / 100 - e);
      compared++;
    }
  }
  if (compared > 0) {
    const scale = errP < errF ? "percent" : "fraction";
    return {
      scale,
      why:
        scale === "percent"
          ? {
              vi: "số phần trăm (7,97 = 7,97 %), khớp với số hộ ÷ tổng số hộ",
              en: "percent numbers (7.97 = 7.97 %), matching count ÷ total",
            }
          : {
              vi: "phân số (0,0797 = 7,97 %), khớp với số hộ ÷ tổng số hộ",
              en: "fractions (0.0797 = 7.97 %), matching count ÷ total",
            },
      evidence: true,
    };
  }
  if (/%/.test(sheet.header(f)))
    return {
      scale: "percent",
      why: { vi: "số phần trăm vì tiêu đề cột ghi (%)", en: "percent numbers because the header says (%)" },
      evidence: false,
    };
  return {
    scale: "fraction",
    why: { vi: "phân số (mọi giá trị ≤ 1)", en: "fractions (all values ≤ 1)" },
    evidence: false,
  };
}

/** What decideScale needs from the sheet being read. */
interface ScaleContext {
  parts: Record<string, { count: string; total: string }>;
  rowByR: Map<number, FormRow>;
  header: (f: string) => string;
}

export function readTable(
  grid: Grid,
  det: Detection,
  ctx: Ctx,
): { rows: FormRow[]; rates: Record<string, RateColumn>; prepared: number; end: number } {
  const values = grid.values;
  const m = det.mapping.byField;
  const fields = Object.keys(m);
  const cUnit = m.unit ?? -1;
  const cSeq = m.seq ?? -1;
  const cYear = m.year ?? -1;
  const rows: FormRow[] = [];
  const rawRates: Record<string, RawRate[]> = {};
  const rateFields = fields.filter((f) => {
    const t = FIELD_BY_NAME[f]?.type;
    return t === "rate" || t === "pp";
  });
  for (const f of rateFields) rawRates[f] = [];
  const merges = gridMerges(grid);
  const masterOf = (r: number, c: number): CellValue => {
    for (const mg of merges)
      if (r >= mg.r0 && r <= mg.r1 && c >= mg.c0 && c <= mg.c1) return values[mg.r0]?.[mg.c0] ?? null;
    return values[r]?.[c] ?? null;
  };
  const firstCol = Math.min(...Object.values(m));
  const mapped = new Set(Object.values(m));
  /**
   * Text in a numeric column that is plainly a note — merged over several rows, or "Như cột 4", "Ghi chú…",
   * "(*)" — is reported as read as a note (info), not as a bad number; the rest of the row is still read.
   */
  const readAsNote = (tr: FormRow, r: number, c: number, f: string, problem: string, text: string): boolean => {
    if (problem !== "notNumber" || !text) return false;
    const mergedRows = merges.some((mg) => mg.r0 === r && mg.c0 <= c && c <= mg.c1 && mg.r1 > mg.r0);
    if (!mergedRows && !isNoteText(text)) return false;
    tr.texts[f] = text;
    report(ctx, "VALUE_READ_AS_NOTE", r, c, f, { value: text }, text);
    return true;
  };
  const scan: ScanState = { prevBlank: false, prepared: 0 };
  const fieldCols = fields.map((f) => m[f]);
  let end = values.length;

  for (let r = det.mapping.dataStart; r < values.length; r++) {
    const step = scanRow(values, r, fieldCols, firstCol, scan);
    if (step === "skip") continue;
    if (step === "end") {
      end = r;
      reportStray(ctx, scan);
      break;
    }
    const row = values[r];
    let label = cUnit >= 0 ? cellText(masterOf(r, cUnit)) : "";
    const seq = cSeq >= 0 ? cellText(masterOf(r, cSeq)) : "";
    let year: number | undefined;
    if (cYear >= 0) {
      const p = parseNumberCell(row[cYear]);
      if (p.ok && Number.isInteger(p.n.value)) year = p.n.value;
      if (!label && year !== undefined) label = String(year);
    }
    // Text cells outside the mapped numeric columns: row labels such as "Hộ" / "Nhân khẩu".
    let measure: FormRow["measure"] = "households";
    for (let c = 0; c < row.length; c++) {
      const v = mapped.has(c) && c !== cUnit && c !== m.rowLabel ? null : row[c];
      if (typeof v !== "string") continue;
      const f = fold(v);
      if (/(^| )(nhan khau|khau|members|persons)( |$)/.test(f)) measure = "members";
      if (!label && f && !/^(ho|households?)$/.test(f) && measure === "households") label = v.trim();
    }
    if (!label) label = seq;
    const prevRow = rows[rows.length - 1];
    let kind = rowKindOf(label, seq);
    if (!label && measure === "members" && prevRow && prevRow.row0 === r - 1 + ctx.off.row0) {
      kind = prevRow.kind;
      label = prevRow.label;
    }
    const tr: FormRow = { row0: r + ctx.off.row0, label, key: fold(label), kind, measure, values: {}, texts: {} };
    if (year !== undefined) tr.year = year;
    const planHint =
      det.kind === "plan" && m.unitOfMeasure !== undefined ? unitHint(cellText(row[m.unitOfMeasure])) : undefined;
    for (const f of fields) {
      const def = FIELD_BY_NAME[f];
      const type: ValueType = def ? def.type : isDepField(f) ? "count" : "number";
      const c = m[f];
      if (type === "text" || type === "year") {
        const t = cellText(row[c]);
        if (t) tr.texts[f] = t;
        continue;
      }
      const v = row[c];
      if (det.kind === "plan") {
        readPlanCell(ctx, tr, r, c, f, v, type === "rate" ? "decimal" : planHint);
        continue;
      }
      if (type === "rate" || type === "pp") {
        const p = parseNumberCell(v, "decimal");
        if (p.ok) rawRates[f].push({ r, c, n: p.n, text: typeof v === "string" });
        else if (!readAsNote(tr, r, c, f, p.problem, p.text)) {
          reportProblem(ctx, r, c, f, p.problem, p.text, p.ambiguous);
          if (p.problem !== "blank") unread(tr, f);
        }
        continue;
      }
      if (typeof v === "number" && Number.isFinite(v)) {
        const x = checkNumber(ctx, r, c, f, type, v);
        if (x !== undefined) tr.values[f] = x;
        else unread(tr, f);
        continue;
      }
      const p = parseNumberCell(v, numberHint(type));
      if (!p.ok) {
        if (!readAsNote(tr, r, c, f, p.problem, p.text)) {
          reportProblem(ctx, r, c, f, p.problem, p.text, p.ambiguous);
          if (p.problem !== "blank") unread(tr, f);
        }
        continue;
      }
      const x = checkNumber(ctx, r, c, f, type, p.n.value);
      if (x !== undefined) tr.values[f] = x;
      else unread(tr, f);
    }
    // A row holding only a text (in whichever column) and no number is a heading: "Theo chuẩn nghèo giai đoạn
    // 2016 – 2020", "Khu vực thành thị".
    if (tr.kind === "body" && !Object.keys(tr.values).length && !tr.unread && tr.year === undefined) {
      const text = row.find((v) => typeof v === "string" && v.trim() !== "");
      if (typeof text === "string" && !/^\d/.test(text.trim()) && !looksLikeNote(text)) {
        tr.kind = "section";
        if (!tr.label) {
          tr.label = text.trim();
          tr.key = fold(tr.label);
        }
      }
    }
    rows.push(tr);
  }
  settleTotals(rows, ctx);

  // Rate columns: decide the scale per column, then convert to fractions.
  const rates: Record<string, RateColumn> = {};
  const rowByR = new Map(rows.map((x) => [x.row0 - ctx.off.row0, x]));
  const scaleChoices: { col: number; why: Bilingual }[] = [];
  const order = rateFields
    .filter((x) => FIELD_BY_NAME[x].type === "rate")
    .concat(rateFields.filter((x) => FIELD_BY_NAME[x].type === "pp"));
  const decided = new Map<string, { scale: RateColumn["scale"]; why: Bilingual; evidence: boolean }>();
  const fmtOf = (f: string) => {
    for (const x of rawRates[f]) {
      const p = formatPrecision(grid.numberFormats?.[x.r]?.[m[f]]);
      if (p) return p;
    }
    return undefined;
  };
  const sheet: ScaleContext = {
    parts: rateParts(det.kind),
    rowByR,
    header: (f) => det.mapping.columns.find((x) => x.field === f)?.header ?? "",
  };
  for (const f of order) decided.set(f, decideScale(f, rawRates[f], fmtOf(f), sheet));
  // A column without evidence of its own (every value ≤ 1, nothing to compare with) is written like the sheet's
  // other rate columns: "0,57" next to columns of "4,32" and "25,68" is 0,57 %.
  const evidenced = [...decided.values()].filter((d) => d.evidence).map((d) => d.scale);
  const sheetScale = evidenced.length && evidenced.every((x) => x === evidenced[0]) ? evidenced[0] : undefined;
  for (const f of order) {
    const d = decided.get(f)!;
    if (!d.evidence && sheetScale && rawRates[f].some((x) => !x.n.percent)) {
      d.scale = sheetScale;
      d.why =
        sheetScale === "percent"
          ? {
              vi: "số phần trăm như các cột tỷ lệ khác của bảng (1,5 = 1,5 %)",
              en: "percent numbers like the table's other rate columns (1.5 = 1.5%)",
            }
          : { vi: "phân số như các cột tỷ lệ khác của bảng", en: "fractions like the table's other rate columns" };
    }
  }
  for (const f of order) {
    const raws = rawRates[f];
    const c = m[f];
    const fmtInfo = fmtOf(f);
    const { scale, why } = decided.get(f)!;
    // Precision in fraction terms.
    let decimals: number;
    if (fmtInfo) decimals = fmtInfo.decimals + (fmtInfo.percent || scale === "percent" ? 2 : 0);
    else {
      decimals = 0;
      for (const x of raws) {
        const d = x.n.percent ? x.n.decimals : x.n.decimals + (scale === "percent" ? 2 : 0);
        if (d > decimals) decimals = d;
      }
      decimals = Math.min(decimals, 12);
    }
    rates[f] = { scale, decimals };
    if (raws.length) scaleChoices.push({ col: c + ctx.off.col0, why });
    for (const x of raws) {
      const value = x.n.percent ? x.n.value : scale === "percent" ? x.n.value / 100 : x.n.value;
      const tr = rowByR.get(x.r);
      if (!tr) continue;
      const isRate = FIELD_BY_NAME[f].type === "rate";
      if ((isRate && (value < -1e-12 || value > 1 + 1e-12)) || (!isRate && Math.abs(value) > 1 + 1e-12)) {
        report(
          ctx,
          "VALUE_RATE_RANGE",
          x.r,
          x.c,
          f,
          { value: { vi: formatPercent(value, "vi"), en: formatPercent(value, "en") } },
          String(value),
        );
        unread(tr, f);
        continue;
      }
      tr.values[f] = value;
    }
  }
  reportScales(scaleChoices, det, ctx);
  return { rows, rates, prepared: scan.prepared, end };
}
