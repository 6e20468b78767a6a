/**
 * The administrative frame of a generated form: what makes a table a Vietnamese administrative document that a
 * commune can sign and send. Layout (both writers render it from the sheet plan, ./plan.ts):
 *
 *   PARENT BODY (cơ quan chủ quản)               CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
 *   ISSUING BODY (đơn vị báo cáo)                  Độc lập – Tự do – Hạnh phúc
 *   Biểu PP-01 (form number and where it comes from)
 *                           TITLE (the table's title rows)
 *                                                              Đơn vị tính: …
 *   [the table]
 *   notes (wrapped inside the printed width)
 *                                              <place>, ngày … tháng … năm …
 *   NGƯỜI LẬP BIỂU                                 THỦ TRƯỞNG ĐƠN VỊ
 *   (Ký, ghi rõ họ tên)                  (Ký, ghi rõ họ tên, đóng dấu)
 *
 * The national motto block follows the presentation rules for administrative documents (Decree 30/2020/NĐ-CP on
 * office work, Appendix I: "Quốc hiệu và Tiêu ngữ"). The planner's own details (issuing body, place, date, signers)
 * are `FrameOptions`: from the pane's "Đơn vị" setting or the CLI's `--unit` / `--place`. Anything not given prints
 * as a dotted line to fill in by hand, so the frame always has the same rows and formulas never move.
 * Pure: no Office, DOM or Node.
 */
import { fail } from "../errors";
import type { Bilingual } from "../i18n";

/**
 * The planner's details printed in the frame of every generated form. All optional; blanks print as dotted lines.
 * Stored by the task pane (document settings) and given by the CLI (`--unit`, `--place`, …).
 */
export interface FrameOptions {
  /** Issuing (reporting) body, e.g. "UBND xã Bình Điền" or "Ban Chỉ đạo giảm nghèo xã". Printed upper-case, bold. */
  issuer?: string;
  /** The body above it (cơ quan chủ quản), e.g. "UBND tỉnh Quảng Trị". Printed upper-case above the issuer. */
  parent?: string;
  /** Place of the place-and-date line, e.g. "Bình Điền" → "Bình Điền, ngày 15 tháng 12 năm 2026". */
  place?: string;
  /** Date of the document as "YYYY-MM-DD"; absent → "ngày … tháng … năm …" to fill in by hand. */
  date?: string;
  /** Name of the person who prepared the form (người lập biểu), printed under the signature space. */
  preparer?: string;
  /** Name of the head of the unit (thủ trưởng đơn vị), printed under the signature space. */
  head?: string;
  /**
   * Title of the head's signature block, default "THỦ TRƯỞNG ĐƠN VỊ"; a commune People's Committee may write
   * "TM. ỦY BAN NHÂN DÂN" with "CHỦ TỊCH" on a second line ("\n").
   */
  headTitle?: string;
}

/** Longest text accepted for one frame field (characters). */
export const FRAME_FIELD_MAX = 120;

const FIELD_LABEL: Record<keyof FrameOptions, { vi: string; en: string }> = {
  issuer: { vi: "Đơn vị báo cáo", en: "Issuing body" },
  parent: { vi: "Cơ quan chủ quản", en: "Parent body" },
  place: { vi: "Địa danh", en: "Place" },
  date: { vi: "Ngày ký", en: "Date" },
  preparer: { vi: "Người lập biểu", en: "Prepared by" },
  head: { vi: "Thủ trưởng đơn vị", en: "Head of unit" },
  headTitle: { vi: "Chức danh ký", en: "Signature title" },
};

/** True for a real calendar date written "YYYY-MM-DD". */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

/**
 * Check and tidy frame options from a setting or the command line: every field a string of at most
 * FRAME_FIELD_MAX characters without control characters (a "\n" is allowed in `headTitle` only), trimmed; blank
 * fields dropped; `date` a real "YYYY-MM-DD" date. Unknown keys are refused so a typo is not silently ignored.
 * @throws PovertyError INVALID_ARGUMENT naming the field, in Vietnamese and English.
 */
export function parseFrameOptions(input: unknown): FrameOptions {
  if (input === undefined || input === null) return {};
  if (typeof input !== "object" || Array.isArray(input))
    fail(
      "INVALID_ARGUMENT",
      "Thông tin đơn vị trên biểu phải là một bảng các trường (đơn vị, địa danh, ngày…).",
      "Form frame details must be an object of fields (issuer, place, date…).",
    );
  const out: FrameOptions = {};
  for (const [key, value] of Object.entries(input as Record<string, unknown>)) {
    if (!(key in FIELD_LABEL))
      fail("INVALID_ARGUMENT", `Trường không hợp lệ: "${key}".`, `Unknown field: "${key}".`, { field: key });
    const label = FIELD_LABEL[key as keyof FrameOptions];
    if (value === undefined || value === null) continue;
    if (typeof value !== "string")
      fail("INVALID_ARGUMENT", `${label.vi} phải là chữ.`, `${label.en} must be text.`, { field: key, value });
    const text = value.trim();
    if (text === "") continue;
    if (text.length > FRAME_FIELD_MAX)
      fail(
        "INVALID_ARGUMENT",
        `${label.vi} dài quá ${FRAME_FIELD_MAX} ký tự.`,
        `${label.en} is longer than ${FRAME_FIELD_MAX} characters.`,
        { field: key, length: text.length },
      );
    const allowed = key === "headTitle" ? "\n" : "";
    const hasControl = [...text].some((ch) => (ch < " " || ch === "\u007f") && !allowed.includes(ch));
    if (hasControl)
      fail("INVALID_ARGUMENT", `${label.vi} chứa ký tự điều khiển.`, `${label.en} contains control characters.`, {
        field: key,
      });
    if (key === "date" && !isIsoDate(text))
      fail(
        "INVALID_ARGUMENT",
        `${label.vi} không hợp lệ: "${text}" (cần dạng năm-tháng-ngày, ví dụ 2026-12-15).`,
        `${label.en} is invalid: "${text}" (expected year-month-day, e.g. 2026-12-15).`,
        { field: key, value: text },
      );
    out[key as keyof FrameOptions] = text;
  }
  return out;
}

/** The fields of FrameOptions in the order a settings form shows them. */
export const FRAME_FIELDS: readonly (keyof FrameOptions)[] = [
  "parent",
  "issuer",
  "place",
  "date",
  "preparer",
  "headTitle",
  "head",
];

/** Vietnamese and English label of each frame field (for a settings form and messages). */
export const FRAME_FIELD_LABELS: Readonly<Record<keyof FrameOptions, { vi: string; en: string }>> = FIELD_LABEL;

/** A form's number and where it comes from. */
export interface FormIdentity {
  /** The number as printed: "Biểu số 01" for a form a legal text defines, else the product's own "Biểu PP-01". */
  number: Bilingual;
  /** Where the number comes from: the circular and its appendix, or a line saying it is the product's numbering. */
  source: Bilingual;
  /** True only when a legal text defines this form number. */
  official: boolean;
}

/** The administrative frame of one table: its form identity and unit of measure, and the planner's details. */
export interface TableFrame {
  form: FormIdentity;
  /** What goes after "Đơn vị tính:", e.g. "hộ, người, %". */
  unitOfMeasure: Bilingual;
  /** Issuing body, place, date, signers (from settings or the command line); absent → dotted lines. */
  document?: FrameOptions;
}

/**
 * The product's own form numbers, by table id. The report forms of the 2022–2025 review (Circular
 * 07/2021/TT-BLĐTBXH as amended, consolidated text 1315/VBHN-BLĐTBXH) are not reproduced in this repository,
 * so no generated table claims an official number: each is labelled as the product's numbering. Numbers 01–05
 * follow the order of the national review system's report set (results, poor and near-poor changes,
 * deprivations of the poor and of the near-poor). A new generator adds its id here.
 */
export const PRODUCT_FORM_NUMBERS: Readonly<Record<string, string>> = {
  "form1-results": "01",
  "form2-poor-transitions": "02",
  "form3-nearpoor-transitions": "03",
  "form4-poor": "04",
  "form5-nearpoor": "05",
  "deprivation-rates": "06",
  "af-units": "07",
  "af-indicators": "08",
  "breakdown-ethnicity": "09",
  "breakdown-target-groups": "10",
  "breakdown-causes": "11",
  targets: "12",
  "targets-audit": "13",
  "targets-path": "14",
  "plan-tracking": "15",
  roster: "16",
  "template-roster": "17",
  "template-summary": "18",
  "exclusion-by-unit": "19",
  "exclusion-zero": "20",
  "sponsors-support": "21",
  "sponsors-loans": "22",
  "sponsors-outcomes": "23",
  "sponsors-comparison": "24",
  "template-sponsor-register": "25",
  "template-sponsor-quota": "26",
  "sponsor-register": "27",
  "sponsor-quota": "28",
};

/** The identity of one of the product's own forms: "Biểu PP-01", labelled as the product's numbering. */
export function productForm(tableId: string): FormIdentity {
  const n = PRODUCT_FORM_NUMBERS[tableId];
  if (n === undefined)
    throw new Error(`tables: no form number for table "${tableId}" (add it to PRODUCT_FORM_NUMBERS)`);
  return {
    number: { vi: `Biểu PP-${n}`, en: `Form PP-${n}` },
    source: {
      vi: "(số biểu của Poverty Planner, không phải số hiệu biểu ban hành kèm văn bản)",
      en: "(Poverty Planner's own numbering, not a form number issued with a legal text)",
    },
    official: false,
  };
}
