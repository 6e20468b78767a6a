/**
 * The canonical household record (one row of a roster, danh sách hộ), as the sheet reader produces it
 * and the classifier, measures, transitions and validators consume it.
 */
import { fail } from "./errors";

export type Area = "urban" | "rural";

/** Household categories: hộ nghèo / hộ cận nghèo / hộ có mức sống trung bình / không thuộc diện. */
export type Category = "poor" | "nearPoor" | "average" | "none";

export const CATEGORIES: readonly Category[] = ["poor", "nearPoor", "average", "none"];

/** Throws UNKNOWN_AREA unless `area` is "urban" or "rural" (callers parse user text first: standards `parseArea`). */
export function checkArea(area: unknown): asserts area is Area {
  if (area !== "urban" && area !== "rural") {
    fail(
      "UNKNOWN_AREA",
      `Khu vực "${String(area)}" không hợp lệ; dùng thành thị (đô thị) hoặc nông thôn.`,
      `Area "${String(area)}" is not valid; use urban or rural.`,
      { area },
    );
  }
}

/** Throws UNKNOWN_CATEGORY unless `category` (of the 0-based row `i`) is one of the four categories. */
export function checkCategory(category: unknown, i: number): asserts category is Category {
  if (typeof category !== "string" || !(CATEGORIES as readonly string[]).includes(category)) {
    fail(
      "UNKNOWN_CATEGORY",
      `Dòng ${i + 1}: loại hộ không hợp lệ "${String(category)}" (${CATEGORIES.join(", ")}).`,
      `Row ${i + 1}: unknown category "${String(category)}" (${CATEGORIES.join(", ")}).`,
      { row: i + 1, value: category },
    );
  }
}

export const CATEGORY_LABELS: Record<Category, { vi: string; en: string }> = {
  poor: { vi: "Hộ nghèo", en: "Poor" },
  nearPoor: { vi: "Hộ cận nghèo", en: "Near-poor" },
  average: { vi: "Hộ có mức sống trung bình", en: "Average living standard" },
  none: { vi: "Không thuộc diện", en: "Not in any category" },
};

/**
 * The label of a household whose income is in the average-living band when the standard limits that category to
 * agriculture, forestry, fishery and salt households (Decree 07/2021/NĐ-CP; Decision 24/2021/QĐ-TTg) and the
 * household's trade is not given: it is not an identified "Hộ có mức sống trung bình" (POVERTY.CLASSIFY returns this
 * label; report forms leave such households out of the average column with a note). Read back as "average".
 */
export const AVERAGE_UNCONFIRMED_LABEL = {
  vi: "Thu nhập mức sống trung bình (chưa rõ hộ NLNDN)",
  en: "Average-living income (agri status not given)",
} as const;

export interface Household {
  /** Household code (mã hộ), unique per commune and year. */
  id: string;
  /** Head of household (chủ hộ) — personal data, never leaves the machine. */
  head?: string;
  /** Administrative unit: xã / phường / đặc khu. */
  unit: string;
  /** Village / residential group: thôn, tổ dân phố, bản, buôn, ấp. */
  village?: string;
  area: Area;
  /** Number of members (nhân khẩu). */
  members?: number;
  /** Estimated per-capita monthly income, VND/person/month. */
  incomePerCapita?: number;
  /** Phiếu B1 score (income proxy). */
  scoreA?: number;
  /** Phiếu B2 score (10 × deprivations). */
  scoreB?: number;
  /** Deprivation flags in the order of the standard's indicators (12 or 10), 1 = deprived. */
  deprivationFlags?: (0 | 1)[];
  /** Deprivation count when only the count is given. */
  deprivationCount?: number;
  /** Category declared in the submission. */
  declaredCategory?: Category;
  /** Category at the start of the period (đầu kỳ), for transitions. */
  startCategory?: Category;
  /** Ethnic-minority household (DTTS). */
  ethnicMinority?: boolean;
  /** Agriculture/forestry/fishery/salt household (for the average-living category). */
  agricultural?: boolean;
  /** Target-group flags: "noLabour" | "meritorious" | "socialProtection" … */
  targetGroups?: string[];
  /** Cause of poverty (free text or code). */
  povertyCause?: string;
  /** 1-based sheet row it came from (for findings). */
  sourceRow?: number;
}
