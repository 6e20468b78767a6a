/**
 * Selecting a standard by review year and reading values from it. Every reader that needs a value the
 * standard does not know (null) throws `PovertyError` UNKNOWN_VALUE instead of guessing.
 */
import { fail } from "../errors";
import { formatNumber, type Bilingual } from "../i18n";
import { checkArea, type Area } from "../household";
import type { Indicator, Standard } from "./schema";
import { NATIONAL_STANDARDS } from "./data";
import { citationDocument } from "./document";

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as Record<string, unknown>)) deepFreeze(v);
  }
  return value;
}
NATIONAL_STANDARDS.forEach(deepFreeze);

/**
 * First supported review year, from the standards data: the first review year of the oldest national standard (the
 * end-2015 census under Decision 59/2015/QĐ-TTg, the 2016 baseline of the 2016–2020 period; results approved by
 * Decision 1095/QĐ-LĐTBXH of 22/08/2016).
 */
export const FIRST_REVIEW_YEAR = Math.min(...NATIONAL_STANDARDS.map((s) => s.reviewYears.from));
/** Last supported review year, from the standards data: the last review year of the newest national standard. */
export const LAST_REVIEW_YEAR = Math.max(...NATIONAL_STANDARDS.map((s) => s.reviewYears.to));

/** "2015–2021: Quyết định 59/2015/QĐ-TTg; 2022–2026: …": the review years of each national standard, from the data. */
function supportedSpans(): Bilingual {
  const spans = NATIONAL_STANDARDS.map((s) => {
    const years =
      s.reviewYears.from === s.reviewYears.to ? `${s.reviewYears.from}` : `${s.reviewYears.from}–${s.reviewYears.to}`;
    const doc = citationDocument(s.citation);
    return { vi: `${years}: ${doc.vi}`, en: `${years}: ${doc.en}` };
  });
  return { vi: spans.map((x) => x.vi).join("; "), en: spans.map((x) => x.en).join("; ") };
}

/**
 * All national standards, oldest first (Decision 59/2015, Decree 07/2021, Decree 351/2025).
 * The objects are frozen; copy before editing.
 */
export function listStandards(): Standard[] {
  return [...NATIONAL_STANDARDS];
}

/** Find a national standard by id ("QD59-2015", "ND07-2021", "ND351-2025"); undefined when unknown. */
export function standardById(id: string): Standard | undefined {
  return NATIONAL_STANDARDS.find((s) => s.id === id);
}

/**
 * The UNKNOWN_YEAR message for a review year no standard covers: a whole number outside 2015–2030 is named; any
 * other value (a fraction, NaN, Infinity) is said not to be a year, never printed as "NaN". `from` says where the
 * year came from ("tùy chọn năm", a sheet's title).
 */
export function unknownYearMessage(year: unknown, from?: Bilingual): Bilingual {
  const where = from?.vi ? { vi: ` (${from.vi})`, en: ` (${from.en})` } : { vi: "", en: "" };
  const head =
    typeof year === "number" && Number.isInteger(year)
      ? {
          vi: `Năm rà soát ${year}${where.vi} không thuộc chuẩn nghèo nào.`,
          en: `Review year ${year}${where.en} is not covered by any poverty standard.`,
        }
      : {
          vi: `Năm rà soát${where.vi} không phải là một năm (cần một số nguyên, ví dụ 2024).`,
          en: `The review year${where.en} is not a year (a whole number such as 2024 is needed).`,
        };
  const spans = supportedSpans();
  return {
    vi: `${head.vi} Các năm được hỗ trợ: ${FIRST_REVIEW_YEAR}–${LAST_REVIEW_YEAR} (${spans.vi}).`,
    en: `${head.en} Supported years: ${FIRST_REVIEW_YEAR}–${LAST_REVIEW_YEAR} (${spans.en}).`,
  };
}

/**
 * The standard in force for a review year (năm rà soát).
 * - 2015–2021 → Decision 59/2015/QĐ-TTg (2015: the census that gave the 2016 baseline; 2021 by Decree 07/2021 Art. 2);
 * - 2022–2026 → Decree 07/2021/NĐ-CP (2026 = transition year under Decree 351/2025);
 * - 2027–2030 → Decree 351/2025/NĐ-CP.
 * With `opts.local` (see `parseLocalStandard`), the local standard is returned when its `reviewYears` cover the
 * year; otherwise the national one (a local standard never extends beyond its own years).
 * Which year to use when a sheet or an option does not say: `resolveReviewYear` (./year).
 * @throws PovertyError UNKNOWN_YEAR for a non-integer or a year outside 2015–2030.
 */
export function standardForYear(year: number, opts?: { local?: Standard }): Standard {
  if (typeof year !== "number" || !Number.isInteger(year) || year < FIRST_REVIEW_YEAR || year > LAST_REVIEW_YEAR) {
    const m = unknownYearMessage(year);
    fail("UNKNOWN_YEAR", m.vi, m.en, { year, supported: { from: FIRST_REVIEW_YEAR, to: LAST_REVIEW_YEAR } });
  }
  const local = opts?.local;
  if (local && year >= local.reviewYears.from && year <= local.reviewYears.to) return local;
  const found = NATIONAL_STANDARDS.find((s) => year >= s.reviewYears.from && year <= s.reviewYears.to);
  /* istanbul ignore next -- the national table covers every supported year (tested) */
  if (!found) return fail("UNKNOWN_YEAR", `Không có chuẩn cho năm ${year}.`, `No standard for ${year}.`, { year });
  return found;
}

/** Which line `incomeLine` returns: poverty line, near-poverty line, or average-living ceiling. */
export type LineKind = "poor" | "near_poor" | "average";

const KIND_TEXT: Record<LineKind, { vi: string; en: string }> = {
  poor: { vi: "chuẩn nghèo", en: "poverty line" },
  near_poor: { vi: "chuẩn cận nghèo", en: "near-poverty line" },
  average: { vi: "mức trần hộ có mức sống trung bình", en: "average-living-standard ceiling" },
};

/**
 * An income line of a standard, VND/person/month.
 * - "poor": chuẩn nghèo (band rule: income ≤ it is poor regardless of deprivations; "and" rule: the single line);
 * - "near_poor": chuẩn cận nghèo (band rule: upper line; "and" rule: the same single line);
 * - "average": ceiling of the average-living-standard category.
 * Source: the standard's citation (Decision 59/2015/QĐ-TTg Art. 2; Decree 07/2021/NĐ-CP Art. 3; Decree 351/2025/NĐ-CP).
 * @throws UNKNOWN_AREA for a bad area; UNKNOWN_VALUE when the standard does not know the value (e.g. the
 *   2027+ average ceiling); INVALID_ARGUMENT for a bad kind.
 */
export function incomeLine(standard: Standard, area: Area, kind: LineKind): number {
  checkArea(area);
  const lines = standard.lines[area];
  let value: number | null;
  if (kind === "poor") value = lines.poverty;
  else if (kind === "near_poor") value = standard.rule === "and" ? lines.poverty : lines.nearPoverty;
  else if (kind === "average") value = lines.averageCeiling;
  else {
    return fail(
      "INVALID_ARGUMENT",
      `Loại chuẩn "${String(kind)}" không hợp lệ (poor, near_poor, average).`,
      `Line kind "${String(kind)}" is not valid (poor, near_poor, average).`,
      { kind },
    );
  }
  if (value === null) {
    const k = KIND_TEXT[kind];
    const areaName = standard.areaNames[area];
    fail(
      "UNKNOWN_VALUE",
      `Chuẩn ${standard.id} (${standard.citation.document}) chưa có ${k.vi} cho ${areaName.vi}: giá trị này chưa được xác nhận, công cụ không tự đoán.`,
      `Standard ${standard.id} (${standard.citation.documentEn}) has no known ${k.en} for the ${areaName.en}: the value is not confirmed and the tool does not guess.`,
      { standard: standard.id, area, kind },
    );
  }
  return value;
}

/**
 * The indicator list of a standard, in flag-column order.
 * @throws UNKNOWN_VALUE when the final list is unknown (Decree 351/2025, 2027+).
 */
export function requireIndicators(standard: Standard): readonly Indicator[] {
  if (standard.indicators === null) {
    fail(
      "UNKNOWN_VALUE",
      `Chuẩn ${standard.id} (${standard.citation.document}) chưa có danh sách chỉ số thiếu hụt chính thức (chỉ có dự thảo); không thể tính toán cần danh sách hoặc số chỉ số.`,
      `Standard ${standard.id} (${standard.citation.documentEn}) has no confirmed list of deprivation indicators (only a draft); a calculation that needs the list or its count cannot run.`,
      { standard: standard.id, field: "indicators" },
    );
  }
  return standard.indicators;
}

/** Number of deprivation indicators (10 for 2016–2021, 12 for 2022–2026). @throws UNKNOWN_VALUE for 2027+. */
export function indicatorCount(standard: Standard): number {
  return requireIndicators(standard).length;
}

/**
 * Score-A threshold (phiếu B1) per area: A ≤ threshold ≈ income ≤ line (Circular 07/2021: 140 rural ≈ 1,500,000;
 * 175 urban ≈ 2,000,000). Points, not VND.
 * @throws UNKNOWN_VALUE for standards whose thresholds are unknown (2016–2021, 2027+).
 */
export function scoreThreshold(standard: Standard, area: Area): number {
  checkArea(area);
  const v = standard.scores.aThreshold[area];
  if (v === null) {
    const areaName = standard.areaNames[area];
    fail(
      "UNKNOWN_VALUE",
      `Chuẩn ${standard.id} (${standard.citation.document}) chưa có ngưỡng điểm A (phiếu B1) cho ${areaName.vi}; hãy nhập thu nhập bình quân đầu người thay cho điểm.`,
      `Standard ${standard.id} (${standard.citation.documentEn}) has no known score-A (form B1) threshold for the ${areaName.en}; enter per-capita income instead of the score.`,
      { standard: standard.id, area, field: "scores.aThreshold" },
    );
  }
  return v;
}

/** "1.500.000 đồng" / "1,500,000 VND" — for messages. */
export function formatVnd(value: number): { vi: string; en: string } {
  return { vi: `${formatNumber(value, "vi")} đồng`, en: `${formatNumber(value, "en")} VND` };
}
