/**
 * Reading areas and categories as people type them in sheets: with or without diacritics, any case,
 * full names, short names and abbreviations. Matching is on whole folded values (never substrings), so
 * "cận nghèo" can never be read as "nghèo".
 */
import { fold } from "../i18n";
import { AVERAGE_UNCONFIRMED_LABEL, CATEGORY_LABELS, type Area, type Category } from "../household";

const AREA_WORDS: Record<string, Area> = {};
for (const w of ["thanh thi", "do thi", "khu vuc thanh thi", "khu vuc do thi", "urban", "urban area", "tt", "dt"])
  AREA_WORDS[w] = "urban";
for (const w of ["nong thon", "khu vuc nong thon", "rural", "rural area", "nt"]) AREA_WORDS[w] = "rural";

const squash = (s: string) =>
  fold(s)
    .replace(/[.\-_/()]/g, " ")
    .replace(/\s+/g, " ")
    .trim();

/**
 * Parse an area (khu vực): "thành thị", "thanh thi", "đô thị", "do thi", "khu vực thành thị", "urban", "TT",
 * "ĐT" → "urban"; "nông thôn", "nong thon", "khu vực nông thôn", "rural", "NT" → "rural". Any case,
 * with or without diacritics. Also the canonical codes "urban" / "rural".
 * Not accepted (returns undefined): numbers (1/2 codes differ between exports), blanks, anything else.
 * Unit types ("phường", "xã") are deliberately not read as areas: after the 2025 mergers a phường may include
 * former rural communes (after the 2025 mergers under Resolution 202/2025/QH15; uncertain), so area stays a per-household attribute.
 */
export function parseArea(value: unknown): Area | undefined {
  if (typeof value !== "string") return undefined;
  return AREA_WORDS[squash(value)];
}

const CATEGORY_WORDS: Record<string, Category> = {};
const addCat = (c: Category, words: string[]) => words.forEach((w) => (CATEGORY_WORDS[squash(w)] = c));
addCat("poor", ["poor", "hộ nghèo", "nghèo", "HN", "poor household", "ngheo"]);
addCat("nearPoor", [
  "nearPoor",
  "near poor",
  "near-poor",
  "near poor household",
  "hộ cận nghèo",
  "cận nghèo",
  "HCN",
  "CN",
]);
addCat("average", [
  "average",
  "average living standard",
  "average living standard household",
  "hộ có mức sống trung bình",
  "hộ mức sống trung bình",
  "có mức sống trung bình",
  "mức sống trung bình",
  "trung bình",
  "TB",
  "MSTB",
  "hộ MSTB",
]);
addCat("none", [
  "none",
  "not in any category",
  "non-poor",
  "not poor",
  "không thuộc diện",
  "không thuộc diện nào",
  "không",
  "không nghèo",
  "hộ không nghèo",
]);
addCat("average", [AVERAGE_UNCONFIRMED_LABEL.vi, AVERAGE_UNCONFIRMED_LABEL.en]);
for (const c of Object.keys(CATEGORY_LABELS) as Category[]) {
  CATEGORY_WORDS[squash(CATEGORY_LABELS[c].vi)] = c;
  CATEGORY_WORDS[squash(CATEGORY_LABELS[c].en)] = c;
}

/**
 * Parse a household category: "Hộ nghèo" / "nghèo" / "HN" / "poor" → "poor"; "Hộ cận nghèo" / "cận nghèo" /
 * "HCN" / "near-poor" / "nearPoor" → "nearPoor"; "Hộ có mức sống trung bình" / "trung bình" / "TB" /
 * "average" → "average"; "Không thuộc diện" / "không" / "none" / "not in any category" → "none".
 * Whole-value match after folding (case, diacritics, punctuation), so "cận nghèo" is never "poor".
 * Returns undefined for blanks and anything else (callers report it).
 */
export function parseCategory(value: unknown): Category | undefined {
  if (typeof value !== "string") return undefined;
  const key = squash(value);
  if (key === "") return undefined;
  return CATEGORY_WORDS[key];
}
