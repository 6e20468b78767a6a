/**
 * Reading the option-like arguments of POVERTY.* functions (year, area, line kind, method) and
 * handing them to the core. Interpretation of the values (which standard, which line) stays in the core.
 */
import { fail } from "../core/errors";
import { fold } from "../core/i18n";
import type { Area } from "../core/household";
import {
  parseArea,
  parseCategory,
  resolveReviewYear,
  type LineKind,
  type ResolvedReviewYear,
  type Standard,
} from "../core/standards";
import { excelErrorOf, firstCell, isBlank, optionalText, show, toNumberOrBlank } from "./normalize";

const L_YEAR = ["Năm rà soát", "The review year"] as const;

const YEAR_ARGUMENT = { vi: "đối số năm của công thức", en: "the formula's year argument" };

/**
 * The standard for an optional `year` argument, by the core's resolver (`resolveReviewYear`): the argument when
 * given; omitted (null, blank, or 0 — a blank cell on desktop) → the default review year on `today`, the latest
 * review whose results exist (cut-over month: the core's default, February). Returns the year used too (it is part
 * of a memo key) and the resolution with its reason.
 */
export function resolveStandard(
  yearArg: unknown,
  today?: Date,
): { year: number; standard: Standard; resolved: ResolvedReviewYear } {
  const n = toNumberOrBlank(firstCell(yearArg), { label: L_YEAR, zeroIsBlank: true });
  const resolved = resolveReviewYear({ option: n, optionName: YEAR_ARGUMENT, today: today ?? new Date() });
  return { year: resolved.year, standard: resolved.standard, resolved };
}

/** Area as the core reads it ("thành thị", "nông thôn", "urban", "NT" …). Blank (incl. 0) → MISSING_VALUE. */
export function areaOf(v: unknown): Area {
  if (isBlank(v) || v === 0) return fail("MISSING_VALUE", "Khu vực đang trống", "The area is blank");
  const err = excelErrorOf(v);
  if (err) {
    return fail("INVALID_ARGUMENT", `Khu vực chứa lỗi ${err}`, `The area contains the error ${err}`, {
      excelError: err,
    });
  }
  const a = parseArea(v);
  if (a) return a;
  return fail(
    "UNKNOWN_AREA",
    `Khu vực ${show(v)} không hợp lệ; dùng "thành thị" (đô thị) hoặc "nông thôn"`,
    `Area ${show(v)} is not valid; use "thành thị" (urban) or "nông thôn" (rural)`,
    { area: typeof v === "string" ? v : String(v) },
  );
}

/** A cached area reader for long columns: text values repeat, parse each distinct one once. */
export function areaReader(): (v: unknown) => Area {
  const cache = new Map<unknown, Area>();
  return (v) => {
    const hit = cache.get(v);
    if (hit) return hit;
    const a = areaOf(v);
    if (typeof v === "string") cache.set(v, a);
    return a;
  };
}

const KIND_BY_CATEGORY: Record<string, LineKind> = { poor: "poor", nearPoor: "near_poor", average: "average" };

/** Line kind: "poor" (default), "near_poor", "average", or the Vietnamese category words ("cận nghèo" …). */
export function lineKindOf(v: unknown): LineKind {
  const t = optionalText(v, ["Loại chuẩn", "The line kind"]);
  if (t === undefined) return "poor";
  const k = t.toLowerCase().replace(/[\s-]+/g, "_");
  if (k === "poor" || k === "near_poor" || k === "average") return k;
  const c = parseCategory(t);
  if (c && KIND_BY_CATEGORY[c]) return KIND_BY_CATEGORY[c];
  return fail(
    "INVALID_ARGUMENT",
    `Loại chuẩn ${show(t)} không hợp lệ; dùng "poor" (nghèo), "near_poor" (cận nghèo) hoặc "average" (trung bình)`,
    `Line kind ${show(t)} is not valid; use "poor", "near_poor" or "average"`,
    { kind: t },
  );
}

/** An option from a fixed list (case-insensitive), default when omitted. */
export function choiceOf<T extends string>(
  v: unknown,
  allowed: readonly T[],
  fallback: T,
  label: readonly [string, string],
): T {
  const t = optionalText(v, label);
  if (t === undefined) return fallback;
  const k = t.toLowerCase().replace(/[\s-]+/g, "_");
  const hit = allowed.find((a) => a.toLowerCase() === k);
  if (hit) return hit;
  return fail(
    "INVALID_ARGUMENT",
    `${label[0]} ${show(t)} không hợp lệ; dùng ${allowed.map((a) => `"${a}"`).join(", ")}`,
    `${label[1]} ${show(t)} is not valid; use ${allowed.map((a) => `"${a}"`).join(", ")}`,
    { value: t },
  );
}

const READINGS: Record<string, "auto" | "full" | "poorOnly"> = {
  auto: "auto",
  "tu dong": "auto",
  full: "full",
  "day du": "full",
  "danh sach day du": "full",
  poor_only: "poorOnly",
  "poor only": "poorOnly",
  poor: "poorOnly",
  ngheo: "poorOnly",
  "ngheo can ngheo": "poorOnly",
  "ho ngheo can ngheo": "poorOnly",
};

/**
 * TRANSITIONS' `reading`: how absence from a list is read (core/transitions `listReading`). Omitted → "auto";
 * "full" / "đầy đủ"; "poor_only" / "nghèo, cận nghèo"; "auto" / "tự động". Anything else is INVALID_ARGUMENT.
 */
export function listReadingOf(v: unknown): "auto" | "full" | "poorOnly" {
  const t = optionalText(v, ["Cách đọc danh sách", "The reading"]);
  if (t === undefined) return "auto";
  const key = fold(t)
    .replace(/[,;/]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  const hit = READINGS[key] ?? READINGS[key.replace(/ /g, "_")];
  if (hit) return hit;
  return fail(
    "INVALID_ARGUMENT",
    `Cách đọc danh sách ${show(t)} không hợp lệ; dùng "auto" (tự động), "full" (danh sách đầy đủ) hoặc "poor_only" (chỉ hộ nghèo, cận nghèo)`,
    `Reading ${show(t)} is not valid; use "auto", "full" or "poor_only"`,
    { value: t },
  );
}
