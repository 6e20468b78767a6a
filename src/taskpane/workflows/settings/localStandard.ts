/**
 * The local-standard form of Cài đặt, without React: the fields a planner fills (province, the decision that sets
 * the standard, its date, the review years, the income lines by area, the deprivation cutoff) ⇄ the JSON document the core reads
 * (`parseLocalStandard`, which checks it: lines only raised, years inside the national standard's, …). The form
 * never decides what is valid: it builds the document, asks the core, and places the core's messages next to the
 * fields they concern (by their path, "lines.rural.poverty").
 * Fields of a saved document that the form does not show (name, notes, uncertain) are kept as they are.
 */
import { isPovertyError } from "../../../core/errors";
import { fold, formatNumber, type Lang } from "../../../core/i18n";
import {
  englishDocumentName,
  parseLocalStandard,
  standardForYear,
  type LocalStandardInput,
  type Standard,
  type StandardIssue,
} from "../../../core/standards";
import { parseNumberText } from "../../../core/values";

export type AreaKey = "rural" | "urban";
export type LineKey = "poverty" | "nearPoverty" | "averageCeiling";
export const AREAS: readonly AreaKey[] = ["rural", "urban"];
export const LINES: readonly LineKey[] = ["poverty", "nearPoverty", "averageCeiling"];

/** What the planner types (text, as typed). */
export interface LocalForm {
  province: string;
  /** The decision or resolution that sets the standard, e.g. "Quyết định 13/2021/QĐ-UBND". */
  document: string;
  /** Its date, "YYYY-MM-DD" (an <input type="date">). */
  issued: string;
  /** Review years it applies to. */
  from: string;
  to: string;
  /** VND per person per month; "" = the national value. */
  lines: Record<AreaKey, Record<LineKey, string>>;
  /** Deprivations that make a household poor ("từ … chỉ số trở lên"); "" = the national value. */
  cutoff: string;
}

export interface LocalCheck {
  /** The document to save (JSON text) when the core accepts it. */
  json?: string;
  standard?: Standard;
  /** The core's messages, with their paths ("lines.rural.poverty", "reviewYears", "citation.document", …). */
  issues: StandardIssue[];
}

const emptyLines = (): LocalForm["lines"] => ({
  rural: { poverty: "", nearPoverty: "", averageCeiling: "" },
  urban: { poverty: "", nearPoverty: "", averageCeiling: "" },
});

/** An empty form for a review year (the national standard of that year is the one raised). */
export function emptyForm(year: number): LocalForm {
  const national = standardForYear(year);
  return {
    province: "",
    document: "",
    issued: "",
    from: String(Math.max(year, national.reviewYears.from)),
    to: String(national.reviewYears.to),
    lines: emptyLines(),
    cutoff: "",
  };
}

/** The form for a saved document (fields the form does not show are kept by `checkForm` through `base`). */
export function formFromInput(input: LocalStandardInput, lang: Lang): LocalForm {
  const lines = emptyLines();
  for (const a of AREAS)
    for (const k of LINES) {
      const v = input.lines?.[a]?.[k];
      lines[a][k] = v === undefined ? "" : formatNumber(v, lang);
    }
  return {
    province: input.province ?? "",
    document: input.citation?.document ?? "",
    issued: input.citation?.issued ?? "",
    from: input.reviewYears ? String(input.reviewYears.from) : "",
    to: input.reviewYears ? String(input.reviewYears.to) : "",
    lines,
    cutoff: input.deprivationCutoff === undefined ? "" : String(input.deprivationCutoff),
  };
}

/** The national standard a local one raises: the one in force in its first review year (undefined if none). */
export function nationalFor(form: LocalForm): Standard | undefined {
  const from = Number(form.from);
  if (!Number.isInteger(from)) return undefined;
  try {
    const s = standardForYear(from);
    return s.scope === "national" ? s : undefined;
  } catch {
    return undefined;
  }
}

const dmy = (iso: string) => iso.split("-").reverse().join("/");

/** An ASCII id for the document: "LOCAL-HA-NOI-2022". */
function localId(form: LocalForm): string {
  const place = fold(form.province)
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return `LOCAL-${place || "TINH"}-${form.from || "0"}`;
}

/**
 * Build the document from the form (over `base`, a saved document whose other fields are kept) and ask the core.
 * Form-level problems (a year or an amount that is not a number) are issues with the same paths as the core's.
 */
export function checkForm(form: LocalForm, base?: LocalStandardInput): LocalCheck {
  const issues: StandardIssue[] = [];
  const national = nationalFor(form);
  const year = (text: string, path: string): number | undefined => {
    const n = Number(text.trim());
    if (text.trim() !== "" && Number.isInteger(n)) return n;
    issues.push({ path, vi: "cần một năm, ví dụ 2026", en: "a year is needed, e.g. 2026" });
    return undefined;
  };
  const from = year(form.from, "reviewYears");
  const to = year(form.to, "reviewYears");
  if (!national && from !== undefined)
    issues.push({
      path: "reviewYears",
      vi: `không có chuẩn quốc gia cho năm ${from}`,
      en: `there is no national standard for ${from}`,
    });
  if (!form.province.trim())
    issues.push({ path: "province", vi: "cần tên tỉnh, thành phố", en: "the province is needed" });
  if (!form.document.trim())
    issues.push({
      path: "citation.document",
      vi: "cần số hiệu văn bản, ví dụ Quyết định 13/2021/QĐ-UBND",
      en: "the document number is needed, as printed in Vietnamese, e.g. “Quyết định 13/2021/QĐ-UBND”",
    });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.issued))
    issues.push({ path: "citation.issued", vi: "cần ngày ban hành", en: "the date of issue is needed" });
  const lines: NonNullable<LocalStandardInput["lines"]> = {};
  for (const a of AREAS)
    for (const k of LINES) {
      const text = form.lines[a][k].trim();
      if (!text) continue;
      const n = parseNumberText(text, "integer");
      if (!n || n.ambiguous || !Number.isInteger(n.value) || n.value <= 0) {
        issues.push({
          path: `lines.${a}.${k}`,
          vi: `“${text}” không phải số đồng (ví dụ 2.500.000)`,
          en: `“${text}” is not an amount in VND (e.g. 2,500,000)`,
        });
        continue;
      }
      lines[a] = { ...(lines[a] ?? {}), [k]: n.value };
    }
  const cutoffText = form.cutoff.trim();
  const cutoff = cutoffText === "" ? undefined : Number(cutoffText);
  if (cutoff !== undefined && (!Number.isInteger(cutoff) || cutoff < 1))
    issues.push({
      path: "deprivationCutoff",
      vi: `“${cutoffText}” không phải số chỉ số (một số nguyên từ 1, ví dụ 3)`,
      en: `“${cutoffText}” is not a number of indicators (a whole number from 1, e.g. 3)`,
    });
  if (issues.length || !national || from === undefined || to === undefined) return { issues };
  const province = form.province.trim();
  const document = form.document.trim();
  // A cutoff the planner cleared goes back to the national one (not the one of a saved or imported document).
  const kept: Partial<LocalStandardInput> = { ...(base ?? {}) };
  delete kept.deprivationCutoff;
  const input: LocalStandardInput = {
    ...kept,
    ...(cutoff !== undefined ? { deprivationCutoff: cutoff } : {}),
    id: base?.id ?? localId(form),
    basedOn: national.id,
    province,
    citation: {
      vi: `${document} ngày ${dmy(form.issued)} (${province})`,
      en: `${englishDocumentName(document)} of ${dmy(form.issued)} (${province})`,
      document,
      issued: form.issued,
    },
    reviewYears: { from, to },
    lines,
  };
  try {
    const standard = parseLocalStandard(input);
    return { json: JSON.stringify(input, null, 2), standard, issues: [] };
  } catch (e) {
    if (isPovertyError(e) && Array.isArray(e.details.issues)) return { issues: e.details.issues as StandardIssue[] };
    throw e;
  }
}

/**
 * A JSON text (import) → the document and its form, or the core's issues. The core reads it exactly as it would
 * when saved, so an accepted import is a valid standard.
 */
export function importJson(
  text: string,
  lang: Lang,
): { input?: LocalStandardInput; form?: LocalForm; issues: StandardIssue[] } {
  try {
    parseLocalStandard(text);
  } catch (e) {
    if (isPovertyError(e) && Array.isArray(e.details.issues)) return { issues: e.details.issues as StandardIssue[] };
    throw e;
  }
  const input = JSON.parse(text) as LocalStandardInput;
  return { input, form: formFromInput(input, lang), issues: [] };
}
