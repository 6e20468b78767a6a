/**
 * Reading a sponsorship register and its quota sheet into typed rows, with located findings for every cell that
 * cannot be read (never a silent zero or a guessed date).
 *
 * A register row is one sponsorship — or one act of support — of a named household by an organisation: who
 * (organisation, branch), whom (household id, head, unit, village), when (start, end: blank = still running),
 * what (kinds of support, value in VND, loan programme, amount, outstanding, interest due and collected).
 * Rows of the same household and organisation add up; a row counts in a reporting period when its dates meet
 * the period (./period.ts `activeIn`). See docs/reports.md, "Giúp hộ nghèo có địa chỉ".
 */
import type { CellValue, Grid } from "../grid";
import { fold, type Bilingual } from "../i18n";
import type { Finding } from "../findings/finding";
import { finding, type FindingCode, type Params } from "../findings/catalogue";
import { gridMerges, gridOffset } from "../sheet/detect";
import { parseFlag, parseNumberCell } from "../sheet/parse";
import { cellText } from "../sheet/text";
import { notesStartAt } from "../sheet/read";
import { isVoid } from "../sheet/extent";
import { detectRegister, REGISTER_FIELD_BY_NAME, type RegisterDetection } from "./detect";
import { formatDate, parseDateCell, type IsoDate } from "./period";
import {
  ORGANISATION_BY_CODE,
  organisationKey,
  parseLoanProgramme,
  parseOrganisation,
  parseSupportTypes,
  type LoanProgrammeCode,
  type SupportCode,
} from "./vocabulary";

export interface SponsorRecord {
  /** 0-based sheet row (absolute). */
  row0: number;
  /** Organisation as written, and its grouping key (a known code such as "women", or "~" + folded text). */
  organisationText: string;
  organisation: string;
  branch?: string;
  householdId: string;
  head?: string;
  /** Unit as written in the register ("" when the register has no unit column or the cell is blank). */
  unit: string;
  village?: string;
  /** Absent: no start date (counts in every period up to `end`). */
  start?: IsoDate;
  end?: IsoDate;
  support: SupportCode[];
  supportValue?: number;
  loanProgramme?: LoanProgrammeCode;
  loanProgrammeText?: string;
  loanAmount?: number;
  outstanding?: number;
  interestDue?: number;
  interestCollected?: number;
  notes?: string;
}

export interface RegisterRead {
  file?: string;
  sheet: string;
  /** 0-based sheet row (absolute) of the first header row. */
  headerRow0: number;
  detection: RegisterDetection;
  /** field → absolute 0-based column. */
  columns: Record<string, number>;
  /** Rows that can be counted (id, organisation and dates readable). */
  records: SponsorRecord[];
  findings: Finding[];
}

export interface QuotaEntry {
  row0: number;
  organisationText: string;
  organisation: string;
  /** "" when the sheet gives one quota per organisation for all units. */
  unit: string;
  quota: number;
}

export interface QuotaRead {
  file?: string;
  sheet: string;
  detection: RegisterDetection;
  columns: Record<string, number>;
  quotas: QuotaEntry[];
  findings: Finding[];
}

const TOTAL_ROW = /^(tong|cong|total|grand total|tong cong)\b/;

const label = (field: string): Bilingual => REGISTER_FIELD_BY_NAME[field]?.label ?? { vi: field, en: field };

interface Ctx {
  file?: string;
  sheet: string;
  off: { row0: number; col0: number };
  findings: Finding[];
}

function report(
  ctx: Ctx,
  code: FindingCode,
  r: number,
  c: number,
  field: string | undefined,
  params: Params = {},
  value?: string,
) {
  ctx.findings.push(
    finding(
      code,
      { file: ctx.file, sheet: ctx.sheet, row0: r + ctx.off.row0, col0: c + ctx.off.col0 },
      { ...(field ? { field: label(field) } : {}), ...params },
      { ...(field ? { field } : {}), ...(value !== undefined ? { value } : {}) },
    ),
  );
}

/** An amount cell (VND, or households for a quota; ≥ 0): blank → undefined; unreadable → a finding and undefined. */
function money(ctx: Ctx, row: CellValue[], r: number, c: number | undefined, field: string): number | undefined {
  if (c === undefined) return undefined;
  const p = parseNumberCell(row[c], "integer");
  if (!p.ok) {
    if (p.problem === "blank") return undefined;
    if (p.problem === "excelError") report(ctx, "VALUE_EXCEL_ERROR", r, c, field, { value: p.text }, p.text);
    else if (p.problem === "noCachedValue") report(ctx, "FORMULA_NO_CACHED_VALUE", r, c, field, {}, "");
    else if (p.problem === "ambiguous" && p.ambiguous) {
      const { intDigits: i, fracDigits: f } = p.ambiguous;
      report(
        ctx,
        "VALUE_AMBIGUOUS_NUMBER",
        r,
        c,
        field,
        { value: p.text, decimal: { vi: `${i},${f}`, en: `${i}.${f}` }, thousands: `${i}${f}` },
        p.text,
      );
    } else report(ctx, "VALUE_NOT_NUMBER", r, c, field, { value: p.text }, p.text);
    return undefined;
  }
  const v = p.n.value;
  if (v < 0) {
    report(ctx, "VALUE_NEGATIVE", r, c, field, { value: v }, String(v));
    return undefined;
  }
  return v;
}

interface ReadOptions {
  file?: string;
  detection?: RegisterDetection;
}

/**
 * What both readers start from: the detection (`detectRegister` unless given), the findings context, the mapped
 * columns as absolute indexes, and — when the sheet is of `kind` — the organisation its title names, with
 * SPONSOR_NO_ORGANISATION when neither a column nor the title names one.
 */
function begin(grid: Grid, opts: ReadOptions, kind: "register" | "quota") {
  const detection = opts.detection ?? detectRegister(grid);
  const file = opts.file ?? grid.file;
  const sheet = grid.sheetName;
  const off = gridOffset(grid);
  const ctx: Ctx = { file, sheet, off, findings: [] };
  const m = detection.byField;
  const columns: Record<string, number> = Object.fromEntries(Object.entries(m).map(([f, c]) => [f, c + off.col0]));
  const titleOrg = detection.kind === kind && detection.title ? parseOrganisation(detection.title) : undefined;
  if (detection.kind === kind && !("organisation" in m) && !titleOrg)
    ctx.findings.push(
      finding("SPONSOR_NO_ORGANISATION", { file, sheet, row0: detection.headerTop + off.row0, col0: off.col0 }),
    );
  return { detection, file, sheet, off, ctx, m, columns, titleOrg };
}

/**
 * Read a register sheet. `detection` defaults to `detectRegister(grid)`. Rows without any mapped value are
 * skipped; a totals row ("Tổng cộng") ends nothing but is not a household. The organisation of a row is its cell,
 * else the organisation the title names (a register kept by one organisation), else SPONSOR_NO_ORGANISATION.
 */
export function readRegister(grid: Grid, opts: ReadOptions = {}): RegisterRead {
  const { detection, file, sheet, off, ctx, m, columns, titleOrg } = begin(grid, opts, "register");
  const out: RegisterRead = {
    file,
    sheet,
    headerRow0: detection.headerTop + off.row0,
    detection,
    columns,
    records: [],
    findings: ctx.findings,
  };
  if (detection.kind !== "register") return out;

  const flagCols = Object.entries(m).filter(([f]) => f.startsWith("st.")) as [string, number][];
  const mapped = Object.values(m);
  const values = grid.values;
  const text = (row: CellValue[], f: string) => (f in m ? cellText(row[m[f]]) : "");
  const unknownOrgsSeen = new Set<string>();

  const firstCol = Math.min(...mapped);
  for (let r = detection.dataStart; r < values.length; r++) {
    const row = values[r] ?? [];
    if (notesStartAt(values, r, firstCol)) break; // footnotes, or the frame's place, date and signatures
    if (mapped.every((c) => isVoid(row[c]))) continue;
    const id = text(row, "id");
    const firstText = [text(row, "seq"), text(row, "organisation"), id, text(row, "head")].find((t) => t !== "") ?? "";
    if (!id && TOTAL_ROW.test(fold(firstText))) continue;
    // A row holding only a sequence number (a prepared template row) is not data.
    if (!id && mapped.filter((c) => !isVoid(row[c])).every((c) => c === m.seq)) continue;
    const idCol = m.id ?? mapped[0];
    if (!id) {
      report(ctx, "SPONSOR_MISSING_ID", r, idCol, "id");
      continue;
    }
    if (id.startsWith("#")) {
      report(ctx, "VALUE_EXCEL_ERROR", r, idCol, "id", { value: id }, id);
      continue;
    }
    let ok = true;
    let orgText = text(row, "organisation");
    if (!orgText && titleOrg) orgText = ORGANISATION_BY_CODE[titleOrg].label.vi;
    if (!orgText) {
      if ("organisation" in m)
        report(ctx, "SPONSOR_MISSING_ORGANISATION", r, m.organisation, "organisation", { id }, "");
      ok = false;
    } else if (!parseOrganisation(orgText) && "organisation" in m && !unknownOrgsSeen.has(fold(orgText))) {
      unknownOrgsSeen.add(fold(orgText));
      report(ctx, "SPONSOR_UNKNOWN_ORGANISATION", r, m.organisation, "organisation", { value: orgText }, orgText);
    }
    const date = (f: "start" | "end"): IsoDate | undefined | null => {
      if (!(f in m)) return undefined;
      const p = parseDateCell(row[m[f]], f);
      if (p.ok) return p.date;
      if (p.problem === "blank") return undefined;
      report(ctx, "SPONSOR_DATE_INVALID", r, m[f], f, { value: p.text }, p.text);
      return null;
    };
    const start = date("start");
    const end = date("end");
    if (start === null || end === null) ok = false;
    else if (start && end && end < start) {
      report(
        ctx,
        "SPONSOR_DATE_ORDER",
        r,
        m.end,
        "end",
        { id, value: formatDate(end), expected: formatDate(start) },
        end,
      );
      ok = false;
    } else if ("start" in m && !start) report(ctx, "SPONSOR_DATE_MISSING", r, m.start, "start", { id });

    const support: SupportCode[] = [];
    const supportText = text(row, "supportTypes");
    if (supportText) {
      const p = parseSupportTypes(supportText);
      support.push(...p.codes);
      for (const u of p.unknown)
        report(ctx, "SPONSOR_UNKNOWN_SUPPORT", r, m.supportTypes, "supportTypes", { value: u }, u);
    }
    const otherText = text(row, "supportOther");
    if (otherText) {
      // A column meant for "other support (specify)": kinds it names count as such, the rest as "other".
      const p = parseSupportTypes(otherText);
      for (const code of p.codes.length ? p.codes : ["other" as const]) if (!support.includes(code)) support.push(code);
    }
    for (const [f, c] of flagCols) {
      const v = parseFlag(row[c]);
      if (v === undefined) report(ctx, "VALUE_FLAG_INVALID", r, c, f, { value: cellText(row[c]) }, cellText(row[c]));
      else if (v === 1) {
        const code = f.slice(3) as SupportCode;
        if (!support.includes(code)) support.push(code);
      }
    }
    const rec: SponsorRecord = {
      row0: r + off.row0,
      organisationText: orgText,
      organisation: organisationKey(orgText),
      householdId: id,
      unit: text(row, "unit"),
      support,
    };
    const opt = (f: string) => text(row, f) || undefined;
    const branch = opt("branch"),
      head = opt("head"),
      village = opt("village"),
      notes = opt("notes"),
      programme = opt("loanProgramme");
    if (branch) rec.branch = branch;
    if (head) rec.head = head;
    if (village) rec.village = village;
    if (notes) rec.notes = notes;
    if (start) rec.start = start;
    if (end) rec.end = end;
    if (programme) {
      rec.loanProgrammeText = programme;
      rec.loanProgramme = parseLoanProgramme(programme);
    }
    for (const f of ["supportValue", "loanAmount", "outstanding", "interestDue", "interestCollected"] as const) {
      const v = money(ctx, row, r, m[f], f);
      if (v !== undefined) rec[f] = v;
    }
    if (rec.loanAmount !== undefined && rec.loanAmount > 0 && !support.includes("loan")) support.push("loan");
    if (ok) out.records.push(rec);
  }
  return out;
}

/** Read a quota sheet: organisation, unit (optional), quota (households, a whole number ≥ 0). */
export function readQuotas(grid: Grid, opts: ReadOptions = {}): QuotaRead {
  const { detection, file, sheet, ctx, m, columns, titleOrg } = begin(grid, opts, "quota");
  const out: QuotaRead = { file, sheet, detection, columns, quotas: [], findings: ctx.findings };
  if (detection.kind !== "quota") return out;
  const mapped = Object.values(m);
  const firstCol = Math.min(...mapped);
  // An organisation cell merged down over its units' rows ("Hội LHPN" over Xã A, Xã B) names each of them.
  const orgMerges =
    "organisation" in m ? gridMerges(grid).filter((g) => g.c0 <= m.organisation && m.organisation <= g.c1) : [];
  const orgCell = (r: number): CellValue => {
    const g = orgMerges.find((x) => x.r0 <= r && r <= x.r1);
    return g ? grid.values[g.r0]?.[g.c0] : grid.values[r]?.[m.organisation];
  };
  for (let r = detection.dataStart; r < grid.values.length; r++) {
    const row = grid.values[r] ?? [];
    if (notesStartAt(grid.values, r, firstCol)) break;
    if (mapped.every((c) => isVoid(row[c]))) continue;
    const org = "organisation" in m ? cellText(orgCell(r)) : titleOrg ? ORGANISATION_BY_CODE[titleOrg].label.vi : "";
    const unit = "unit" in m ? cellText(row[m.unit]) : "";
    const seq = "seq" in m ? cellText(row[m.seq]) : "";
    // A totals row ("Tổng cộng", "Cộng") is not a quota — but "Công đoàn" (the trade union) is an organisation.
    const first = [seq, org, unit].find((t) => t !== "") ?? "";
    if (TOTAL_ROW.test(fold(first)) && !parseOrganisation(first)) continue;
    if (!org) {
      // A quota or a unit without its organisation is nobody's quota: say so (a row holding only its number, as a
      // prepared template row does, stays silent). Without an organisation column, begin() has said it once.
      const quotaText = "quota" in m ? cellText(row[m.quota]) : "";
      if ("organisation" in m && (quotaText || unit)) {
        const vi: string[] = [];
        const en: string[] = [];
        if (unit) {
          vi.push(`xã, phường "${unit}"`);
          en.push(`commune/ward "${unit}"`);
        }
        if (quotaText) {
          vi.push(`chỉ tiêu ${quotaText}`);
          en.push(`quota ${quotaText}`);
        }
        report(
          ctx,
          "SPONSOR_QUOTA_NO_ORGANISATION",
          r,
          m.organisation,
          "organisation",
          { value: { vi: vi.join(", "), en: en.join(", ") } },
          "",
        );
      }
      continue;
    }
    // A quota is read as an amount is (an Excel error, a formula without its value, an ambiguous "1.234" each say
    // so), then must be a whole number of households.
    const quota = money(ctx, row, r, m.quota, "quota");
    if (quota === undefined) continue;
    if (!Number.isInteger(quota)) {
      report(ctx, "VALUE_NOT_INTEGER", r, m.quota, "quota", { value: quota }, String(quota));
      continue;
    }
    out.quotas.push({
      row0: r + ctx.off.row0,
      organisationText: org,
      organisation: organisationKey(org),
      unit,
      quota,
    });
  }
  return out;
}
