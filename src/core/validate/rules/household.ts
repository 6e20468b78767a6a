/**
 * Household consistency rules over a roster (docs/domain.md §7.4): deprivation count vs flags,
 * "poor" below the deprivation cutoff (only under the "and" rule), and the declared category vs the category
 * recomputed by core/classify under the standard of the review year (never a line written here).
 */
import type { Finding } from "../../findings/finding";
import { finding } from "../../findings/catalogue";
import type { SheetRead } from "../../sheet/read";
import { rosterAreaKnown } from "../../sheet/read";
import type { Standard } from "../../standards/schema";
import { citationDocument } from "../../standards/document";
import { CATEGORY_LABELS, type Category } from "../../household";
import { CATEGORY_CODE, CODE_CATEGORY, classifyColumns, classifyHousehold, type Classification } from "../../classify";
import type { Area } from "../../household";
import { isPovertyError } from "../../errors";
import { at } from "./common";

/** HH_DEP_COUNT_MISMATCH: the count column equals the number of flags set on the row. */
export function checkDeprivationCounts(read: SheetRead): Finding[] {
  const out: Finding[] = [];
  for (const r of read.roster ?? []) {
    if (r.flagsSet === undefined || r.declaredCount === undefined || r.flagsSet === r.declaredCount) continue;
    out.push(
      finding(
        "HH_DEP_COUNT_MISMATCH",
        at(read, r.row0, "depTotal"),
        { value: r.declaredCount, expected: r.flagsSet },
        { field: "depTotal", value: String(r.declaredCount), expected: String(r.flagsSet) },
      ),
    );
  }
  return out;
}

/** HH_POOR_FEW_DEPRIVATIONS: under the "and" rule (2022+) a poor household has ≥ cutoff deprivations. */
export function checkPoorDeprivations(read: SheetRead, standard: Standard): Finding[] {
  const out: Finding[] = [];
  if (standard.rule !== "and") return out;
  for (const r of read.roster ?? []) {
    const h = r.household;
    if (
      h.declaredCategory !== "poor" ||
      h.deprivationCount === undefined ||
      h.deprivationCount >= standard.deprivationCutoff
    )
      continue;
    out.push(
      finding(
        "HH_POOR_FEW_DEPRIVATIONS",
        at(read, r.row0, "category"),
        {
          value: h.deprivationCount,
          expected: standard.deprivationCutoff,
          standard: citationDocument(standard.citation),
        },
        { field: "category", value: String(h.deprivationCount), expected: `≥ ${standard.deprivationCutoff}` },
      ),
    );
  }
  return out;
}

/**
 * Declared and computed categories that do not contradict each other: equal, or declared "none" for a household
 * whose income is in the average band but that is not flagged agricultural (the average category needs the separate
 * identification of Decision 24/2021/QĐ-TTg). Declared "average" with a computed "none" is a mismatch — the income
 * is above the ceiling, or the household is known not to be agricultural — unless the average category could not
 * be evaluated at all (`averageNotEvaluated`).
 */
const equivalent = (declared: Category, computed: Category, agricultural: boolean | undefined) =>
  declared === computed || (declared === "none" && computed === "average" && agricultural !== true);

/** Declared "average" where the standard cannot tell: classified by score, or the ceiling is not known (2027+). */
const averageNotEvaluated = (declared: Category, c: Classification, standard: Standard, area: Area) =>
  declared === "average" &&
  c.category === "none" &&
  (c.reason.basis === "score" || standard.lines[area].averageCeiling === null);

/**
 * HH_CATEGORY_MISMATCH: declared category vs classifyHousehold / classifyColumns (income, or score A and B)
 * under `standard`. "Average" needs the separate agricultural identification, so declared "none" for a
 * household the income puts in the average band is not an error unless it is flagged agricultural; declared
 * "average" above the ceiling (rural 5,000,000 đ under Decree 07/2021: ceiling 2,250,000) is.
 * Rows that cannot be recomputed are summarised in one HH_CANNOT_CLASSIFY info per sheet.
 */
export function checkCategories(read: SheetRead, standard: Standard): Finding[] {
  const out: Finding[] = [];
  const rows = (read.roster ?? []).filter((r) => r.household.declaredCategory !== undefined);
  if (!rows.length) return out;
  let cannot = 0;
  let firstCannot: { row0: number; reason: { vi: string; en: string } } | undefined;
  const noteCannot = (row0: number, reason: { vi: string; en: string }) => {
    cannot++;
    if (!firstCannot) firstCannot = { row0, reason };
  };
  // Fast path: income rows with a known area and count, classified in one columnar pass.
  const fast: typeof rows = [];
  const slow: typeof rows = [];
  for (const r of rows)
    (r.household.incomePerCapita !== undefined && r.household.deprivationCount !== undefined && rosterAreaKnown(r)
      ? fast
      : slow
    ).push(r);
  let codes: Uint8Array | undefined;
  if (fast.length) {
    try {
      codes = classifyColumns(
        {
          income: Float64Array.from(fast, (r) => r.household.incomePerCapita!),
          deprivations: Uint8Array.from(fast, (r) => Math.min(255, r.household.deprivationCount!)),
          area: Uint8Array.from(fast, (r) => (r.household.area === "urban" ? 1 : 0)),
          agricultural: Uint8Array.from(fast, (r) => (r.household.agricultural === false ? 0 : 1)),
        },
        standard,
        { unknownAverage: "none" },
      );
    } catch (e) {
      if (!isPovertyError(e)) throw e;
      slow.push(...fast);
      fast.length = 0;
    }
  }
  const mismatch = (r: (typeof rows)[number]) => {
    const h = r.household;
    try {
      const c = classifyHousehold(
        {
          incomePerCapita: h.incomePerCapita,
          scoreA: h.incomePerCapita === undefined ? h.scoreA : undefined,
          deprivations: h.deprivationCount ?? 0,
          area: h.area,
          agricultural: h.agricultural,
        },
        standard,
        { unknownAverage: "none" },
      );
      if (equivalent(h.declaredCategory!, c.category, h.agricultural)) return;
      if (averageNotEvaluated(h.declaredCategory!, c, standard, h.area)) return;
      out.push(
        finding(
          "HH_CATEGORY_MISMATCH",
          at(read, r.row0, "category"),
          {
            value: CATEGORY_LABELS[h.declaredCategory!],
            expected: CATEGORY_LABELS[c.category],
            standard: citationDocument(standard.citation),
            reason: { vi: c.reason.textVi.replace(/\.$/, ""), en: c.reason.textEn.replace(/\.$/, "") },
          },
          { field: "category", value: h.declaredCategory, expected: c.category },
        ),
      );
    } catch (e) {
      if (!isPovertyError(e)) throw e;
      noteCannot(r.row0, { vi: e.messageVi, en: e.messageEn });
    }
  };
  fast.forEach((r, i) => {
    const code = codes![i];
    const cat = CODE_CATEGORY[code];
    if (cat && equivalent(r.household.declaredCategory!, cat, r.household.agricultural)) return;
    if (code === CATEGORY_CODE[r.household.declaredCategory!]) return;
    mismatch(r); // recompute one row with its reason (or its error)
  });
  for (const r of slow) {
    const h = r.household;
    if (h.incomePerCapita === undefined && h.scoreA === undefined) {
      noteCannot(r.row0, { vi: "thiếu thu nhập và điểm B1", en: "no income and no score A" });
      continue;
    }
    if (h.deprivationCount === undefined) {
      noteCannot(r.row0, { vi: "thiếu số chỉ số thiếu hụt", en: "no deprivation count" });
      continue;
    }
    if (!rosterAreaKnown(r)) {
      noteCannot(r.row0, { vi: "thiếu khu vực (thành thị/nông thôn)", en: "no area (urban/rural)" });
      continue;
    }
    mismatch(r);
  }
  if (firstCannot) {
    const more =
      cannot > 1 ? { vi: ` và ${cannot - 1} dòng khác`, en: ` and ${cannot - 1} more rows` } : { vi: "", en: "" };
    out.push(
      finding(
        "HH_CANNOT_CLASSIFY",
        at(read, firstCannot.row0, "category"),
        { reason: { vi: firstCannot.reason.vi + more.vi, en: firstCannot.reason.en + more.en } },
        { field: "category" },
      ),
    );
  }
  return out;
}
