/**
 * Table arithmetic over Forms 1–4, target tables and year series (docs/domain.md §7.1–§7.4, §8).
 * Rates and percentage points are fractions (0.0797 = 7,97 %; 0.03 = 3 pp).
 */
import type { Finding } from "../../findings/finding";
import { finding } from "../../findings/catalogue";
import type { SheetRead, FormRow } from "../../sheet/read";
import { rateParts } from "../../sheet/readers/table";
import { FIELD_BY_NAME, TRANSITION_DECREASES, TRANSITION_INCREASES, isDepField } from "../../sheet/fields";
import type { Standard } from "../../standards/schema";
import { standardForYear } from "../../standards/lookup";
import type { Bilingual } from "../../i18n";
import { formatNumber } from "../../i18n";
import { differenceConsistent, halfUnit, impliedTotalInterval, intersectIntervals } from "../../measures/intervals";
import { intervalText } from "./implied";
import { at, label, pct, related, unitsOff } from "./common";
import { aggregates } from "./aggregates";

/**
 * Rate = count ÷ total, compared at the column's precision (cell number format, else the most decimals among
 * the column's values). One unit off in the last decimal → RATE_ROUNDING (warning); more → RATE_MISMATCH (error).
 * Also ZERO_DENOMINATOR: total 0 — or blank in a total column the table otherwise fills — with a non-zero count
 * or rate. A total column filled only on some rows (a province row with its total, districts without) leaves the
 * blank rows to the implied-total rules (rules/implied.ts).
 */
export function checkRates(read: SheetRead): Finding[] {
  const out: Finding[] = [];
  const missing = blankIsMissing(read);
  if (!read.table) return out;
  for (const [rateField, parts] of Object.entries(rateParts(read.kind))) {
    if (!(rateField in read.columns) || !(parts.count in read.columns)) continue;
    const info = read.rates[rateField];
    if (!info) continue;
    for (const row of read.table) {
      const rate = row.values[rateField];
      const count = row.values[parts.count];
      const total = row.values[parts.total];
      if (rate === undefined || count === undefined) continue;
      if (!(parts.total in read.columns)) continue;
      if (total === undefined && !missing(parts.total)) continue;
      if (total === undefined || total === 0) {
        if (count > 0 || rate > 0) {
          out.push(
            finding(
              "ZERO_DENOMINATOR",
              at(read, row.row0, parts.total),
              { field: label(parts.count), value: count },
              { field: parts.total, value: total === undefined ? "" : "0" },
            ),
          );
        }
        continue;
      }
      const expected = count / total;
      const off = unitsOff(rate, expected, info.decimals);
      if (off === 0) continue;
      const code = off === 1 ? "RATE_ROUNDING" : "RATE_MISMATCH";
      out.push(
        finding(
          code,
          at(read, row.row0, rateField),
          { value: pct(rate, info.decimals), count, total, expected: pct(expected, info.decimals) },
          {
            field: rateField,
            value: String(rate),
            expected: String(Math.round(expected * 10 ** info.decimals) / 10 ** info.decimals),
            related: [related(read, row.row0, parts.count), related(read, row.row0, parts.total)],
          },
        ),
      );
    }
  }
  return out;
}

const SUBSETS: [string, string][] = [
  ["poor", "households"],
  ["nearPoor", "households"],
  ["poorNear", "households"],
  ["average", "households"],
  ["poorMembers", "members"],
  ["nearPoorMembers", "members"],
  ["averageMembers", "members"],
  ["startCount", "households"],
  ["endCount", "households"],
  ["reduced", "startCount"],
];

/**
 * A blank total stands for a missing value when the table fills that column on most of its rows; when the column
 * is mostly blank (only the province row has its total), a blank is "not published".
 */
function blankIsMissing(read: SheetRead): (field: string) => boolean {
  const memo = new Map<string, boolean>();
  return (field) => {
    let v = memo.get(field);
    if (v === undefined) {
      const rows = (read.table ?? []).filter((r) => r.kind === "body");
      const filled = rows.filter((r) => r.values[field] !== undefined).length;
      v = rows.length > 0 && filled * 2 >= rows.length;
      memo.set(field, v);
    }
    return v;
  };
}

/** COUNT_EXCEEDS_TOTAL, ZERO_DENOMINATOR (count > 0 with total 0) and POOR_NEAR_EXCEEDS_TOTAL. */
export function checkCounts(read: SheetRead): Finding[] {
  const out: Finding[] = [];
  if (!read.table) return out;
  const missing = blankIsMissing(read);
  const depCols = Object.keys(read.columns).filter(isDepField);
  for (const row of read.table) {
    for (const [sub, tot] of SUBSETS) {
      const s = row.values[sub];
      const t = row.values[tot];
      if (s === undefined || !(tot in read.columns)) continue;
      if (t === undefined && !missing(tot)) continue;
      if (t === undefined || t === 0) {
        if (s > 0) {
          out.push(
            finding("ZERO_DENOMINATOR", at(read, row.row0, tot), { field: label(sub), value: s }, { field: tot }),
          );
        }
        continue;
      }
      if (s > t)
        out.push(
          finding(
            "COUNT_EXCEEDS_TOTAL",
            at(read, row.row0, sub),
            { field: label(sub), value: s, expected: t },
            { field: sub, value: String(s), expected: `≤ ${t}`, related: [related(read, row.row0, tot)] },
          ),
        );
    }
    const p = row.values.poor,
      n = row.values.nearPoor,
      h = row.values.households;
    if (p !== undefined && n !== undefined && h !== undefined && p <= h && n <= h && p + n > h) {
      out.push(
        finding(
          "POOR_NEAR_EXCEEDS_TOTAL",
          at(read, row.row0, "nearPoor"),
          { value: p + n, expected: h },
          { field: "nearPoor", value: String(p + n), expected: `≤ ${h}` },
        ),
      );
    }
    // Form 4: an indicator count cannot exceed the poor households of the row.
    if (read.kind === "deprivation" && p !== undefined) {
      for (const f of depCols) {
        const v = row.values[f];
        if (v !== undefined && v > p)
          out.push(
            finding(
              "COUNT_EXCEEDS_TOTAL",
              at(read, row.row0, f),
              { field: label(f), value: v, expected: p },
              { field: f, value: String(v), expected: `≤ ${p}` },
            ),
          );
      }
    }
  }
  return out;
}

const SUBTOTAL_ROW = { vi: "dòng cộng của mục", en: "subtotal row" };
const TOTAL_ROW = { vi: "dòng tổng", en: "totals row" };
const SUM_OF_SECTION = { vi: "tổng các dòng của mục", en: "the sum of the section's rows" };
const SUM_OF_SUBTOTALS = { vi: "tổng các dòng cộng của mục", en: "the sum of the subtotals" };
const SUM_OF_ROWS = { vi: "tổng các dòng", en: "the sum of the rows" };

/**
 * TOTAL_ROW_MISMATCH, per measure (households / members) and count column: a subtotal ("Cộng thành thị", or a
 * section heading that carries numbers) = Σ body rows of its section; the grand total ("Tổng cộng", "Toàn tỉnh",
 * "Cả nước" — below or above its rows) = Σ subtotals + Σ body rows no subtotal covers (see aggregates.ts).
 * A blank subtotal counts as the sum of its own rows. Reported on the cell that disagrees, with the expected value.
 */
export function checkTotalRows(read: SheetRead): Finding[] {
  const out: Finding[] = [];
  if (!read.table || read.kind === "plan") return out;
  const countFields = Object.keys(read.columns).filter(
    (f) => (FIELD_BY_NAME[f]?.type ?? (isDepField(f) ? "count" : "")) === "count",
  );
  const SUM_OF = { section: SUM_OF_SECTION, subtotals: SUM_OF_SUBTOTALS, rows: SUM_OF_ROWS };
  for (const measure of ["households", "members"] as const) {
    const aggs = aggregates(read.table.filter((r) => r.measure === measure));
    const partsOf = new Map(aggs.map((a) => [a.row, a.parts]));
    const valueOf = (r: FormRow, f: string): number | undefined => {
      const v = r.values[f];
      if (v !== undefined) return v;
      const parts = partsOf.get(r);
      if (!parts) return undefined;
      let sum = 0;
      let n = 0;
      for (const p of parts) {
        const x = valueOf(p, f);
        if (x !== undefined) {
          sum += x;
          n++;
        }
      }
      return n ? sum : undefined;
    };
    for (const ag of aggs) {
      for (const f of countFields) {
        const v = ag.row.values[f];
        if (v === undefined) continue;
        if (ag.parts.some((p) => p.unread?.includes(f))) continue;
        let sum = 0;
        let n = 0;
        for (const p of ag.parts) {
          const x = valueOf(p, f);
          if (x === undefined) continue;
          sum += x;
          n++;
        }
        if (n === 0 || Math.abs(v - sum) <= 1e-9) continue;
        out.push(
          finding(
            "TOTAL_ROW_MISMATCH",
            at(read, ag.row.row0, f),
            {
              field: label(f),
              value: v,
              expected: sum,
              rowKind: ag.kind === "subtotal" ? SUBTOTAL_ROW : TOTAL_ROW,
              sumOf: SUM_OF[ag.sumOf],
            },
            { field: f, value: String(v), expected: String(sum) },
          ),
        );
      }
    }
  }
  return out;
}

/**
 * Movement tables (Biểu 2/3, Mẫu số 3, provincial movement tables): TRANSITION_IDENTITY end = start − decreases +
 * increases (Biểu 2/3: 9 = 1 − 2 − 3 − 4 + 5 + 6 + 7 + 8), each column's direction read from its words
 * (sheet/movement.ts); a "total decrease/increase" column stands for its group when the group has no breakdown,
 * and MOVEMENT_PARTS_MISMATCH checks it against the breakdown when it has one; REDUCTION_PP_MISMATCH for a stated
 * reduction of the rate.
 */
export function checkTransitions(read: SheetRead): Finding[] {
  const out: Finding[] = [];
  if (read.kind !== "transition" || !read.table) return out;
  const decs = TRANSITION_DECREASES.filter((f) => f in read.columns);
  const incs = TRANSITION_INCREASES.filter((f) => f in read.columns);
  for (const row of read.table) {
    const groups: { total: "decTotal" | "incTotal"; parts: readonly string[]; sign: number }[] = [
      { total: "decTotal", parts: decs, sign: -1 },
      { total: "incTotal", parts: incs, sign: 1 },
    ];
    let expected = row.values.start;
    const blanks: string[] = [];
    for (const g of groups) {
      const stated = g.total in read.columns ? row.values[g.total] : undefined;
      let sum = 0;
      let any = false;
      const gaps: string[] = [];
      for (const f of g.parts) {
        const v = row.values[f];
        if (v === undefined) gaps.push(f);
        else {
          sum += v;
          any = true;
        }
      }
      if (stated !== undefined && any && Math.abs(stated - sum) > 1e-9)
        out.push(
          finding(
            "MOVEMENT_PARTS_MISMATCH",
            at(read, row.row0, g.total),
            { field: label(g.total), value: stated, expected: sum },
            {
              field: g.total,
              value: String(stated),
              expected: String(sum),
              related: g.parts.filter((f) => row.values[f] !== undefined).map((f) => related(read, row.row0, f)),
            },
          ),
        );
      if (stated !== undefined) {
        if (expected !== undefined) expected += g.sign * stated;
      } else {
        blanks.push(...gaps);
        if (expected !== undefined) expected += g.sign * sum;
      }
    }
    const pp = checkReduction(read, row);
    if (pp) out.push(pp);
    const end = row.values.end;
    if (expected === undefined || end === undefined) continue;
    // A flow the reader could not read (already reported on its cell) is not a blank: no identity then.
    if (
      row.unread?.some(
        (f) =>
          f === "start" ||
          f === "end" ||
          decs.includes(f as never) ||
          incs.includes(f as never) ||
          f === "decTotal" ||
          f === "incTotal",
      )
    )
      continue;
    if (Math.abs(expected - end) < 1e-9) continue;
    const note = blanks.length
      ? {
          vi: `; ô trống tính là 0: ${blanks.map((f) => label(f).vi).join(", ")}`,
          en: `; blank cells counted as 0: ${blanks.map((f) => label(f).en).join(", ")}`,
        }
      : "";
    out.push(
      finding(
        "TRANSITION_IDENTITY",
        at(read, row.row0, "end"),
        { value: end, expected, note },
        { field: "end", value: String(end), expected: String(expected), related: [related(read, row.row0, "start")] },
      ),
    );
  }
  return out;
}

/**
 * DEPRIV_TOTAL_MISMATCH (total = Σ indicator columns) and DEPRIV_BELOW_CUTOFF (total ≥ cutoff × poor). The lower
 * bound holds only under the "and" rule (Decree 07/2021/NĐ-CP, 2022+: every poor household has ≥ cutoff
 * deprivations); under the band rule (Decision 59/2015/QĐ-TTg Art. 2, review years 2015–2021) a household with income
 * ≤ the poverty line is poor whatever its deprivations, so the total has no lower bound and the rule does not apply.
 */
export function checkDeprivations(read: SheetRead, standard?: Standard): Finding[] {
  const out: Finding[] = [];
  if (read.kind !== "deprivation" || !read.table) return out;
  const depCols = Object.keys(read.columns).filter(isDepField);
  for (const row of read.table) {
    const total = row.values.depTotal;
    let sum = 0;
    for (const f of depCols) sum += row.values[f] ?? 0;
    if (total !== undefined && Math.abs(total - sum) > 1e-9) {
      out.push(
        finding(
          "DEPRIV_TOTAL_MISMATCH",
          at(read, row.row0, "depTotal"),
          { value: total, expected: sum },
          { field: "depTotal", value: String(total), expected: String(sum) },
        ),
      );
    }
    const poor = row.values.poor;
    const t = total ?? sum;
    if (standard && standard.rule === "and" && poor !== undefined && row.measure === "households") {
      const need = standard.deprivationCutoff * poor;
      if (t < need) {
        out.push(
          finding(
            "DEPRIV_BELOW_CUTOFF",
            at(read, row.row0, total !== undefined ? "depTotal" : "poor"),
            { value: t, cutoff: standard.deprivationCutoff, poor, expected: need },
            { field: "depTotal", value: String(t), expected: `≥ ${need}` },
          ),
        );
      }
    }
  }
  return out;
}

/** A rate as a percent number without the sign ("4,32"); a stated reduction as typed ("1", not "1,0"). */
function percentNumber(v: number, fractionDecimals: number, trimZeros = true): Bilingual {
  const d = Math.max(0, fractionDecimals - 2);
  const trim = (x: string) => (trimZeros && (x.includes(",") || x.includes(".")) ? x.replace(/[.,]?0+$/, "") : x);
  const vi = formatNumber(v * 100, "vi", d);
  const en = formatNumber(v * 100, "en", d);
  return { vi: trim(vi) || "0", en: trim(en) || "0" };
}

/**
 * REDUCTION_PP_MISMATCH: the stated reduction ("Giảm X%", percentage points) against start rate − end rate, at the
 * printed precision (core/measures/intervals differenceConsistent). Target and movement tables. A plan lifts whole
 * households out of poverty, so its rates may differ from the target by up to one household (`allowance` = 1 ÷ the
 * unit's households), as TARGET_REDUCED_VS_PP allows.
 */
function checkReduction(read: SheetRead, row: FormRow, allowance = 0): Finding | undefined {
  const v = row.values;
  const rs = read.rates.startRate;
  const re = read.rates.endRate;
  const rp = read.rates.reductionPp;
  if (v.startRate === undefined || v.endRate === undefined || v.reductionPp === undefined || !rs || !re || !rp)
    return undefined;
  const tolerance = halfUnit(rs.decimals) + halfUnit(re.decimals) + halfUnit(rp.decimals) + allowance;
  if (differenceConsistent(v.startRate, v.endRate, v.reductionPp, tolerance)) return undefined;
  const d = Math.max(rs.decimals, re.decimals);
  const diff = v.startRate - v.endRate;
  return finding(
    "REDUCTION_PP_MISMATCH",
    at(read, row.row0, "reductionPp"),
    {
      start: percentNumber(v.startRate, rs.decimals, false),
      end: percentNumber(v.endRate, re.decimals, false),
      diff: {
        vi: formatNumber(diff * 100, "vi", Math.max(0, d - 2)),
        en: formatNumber(diff * 100, "en", Math.max(0, d - 2)),
      },
      value: percentNumber(v.reductionPp, rp.decimals),
    },
    {
      field: "reductionPp",
      value: String(v.reductionPp),
      expected: String(Math.round(diff * 10 ** d) / 10 ** d),
      related: [related(read, row.row0, "startRate"), related(read, row.row0, "endRate")],
    },
  );
}

/**
 * Target rows (docs/domain.md §8.2–§8.3; "giảm từ X% trở lên" = at least X percentage points):
 * TARGET_END_COUNT (end = start − reduced); REDUCTION_PP_MISMATCH (X = start rate − end rate at the printed
 * precision); and, in a plan — whose start and end rates share one denominator —, TARGET_REDUCED_VS_PP (reduced ≈
 * X × households, the households written or implied by the start count and rate) and TARGET_TOTALS_INCONSISTENT
 * (the totals implied at start and at end overlap). A table of results over a year need not keep its total.
 */
export function checkTargets(read: SheetRead): Finding[] {
  const out: Finding[] = [];
  if (read.kind !== "target" || !read.table) return out;
  const planned = read.detection.planned === true;
  const dStart = read.rates.startRate?.decimals ?? 4;
  const dEnd = read.rates.endRate?.decimals ?? 4;
  const dPp = read.rates.reductionPp?.decimals ?? 4;
  for (const row of read.table) {
    const v = row.values;
    if (
      v.startCount !== undefined &&
      v.reduced !== undefined &&
      v.endCount !== undefined &&
      v.endCount !== v.startCount - v.reduced
    ) {
      out.push(
        finding(
          "TARGET_END_COUNT",
          at(read, row.row0, "endCount"),
          { value: v.endCount, expected: v.startCount - v.reduced },
          { field: "endCount", value: String(v.endCount), expected: String(v.startCount - v.reduced) },
        ),
      );
    }
    const written = v.households;
    const startTotals =
      written !== undefined
        ? { min: written, max: written }
        : v.startCount !== undefined && v.startRate !== undefined
          ? impliedTotalInterval(v.startCount, v.startRate, dStart)
          : null;
    const pp = checkReduction(read, row, planned && startTotals && startTotals.min > 0 ? 1 / startTotals.min : 0);
    if (pp) out.push(pp);
    if (!planned) continue;
    if (v.reduced !== undefined && v.reductionPp !== undefined && startTotals && Number.isFinite(startTotals.max)) {
      const h = written !== undefined ? 0 : halfUnit(dPp);
      const lo = (v.reductionPp - h) * startTotals.min - 1 - 1e-9;
      const hi = (v.reductionPp + h) * startTotals.max + 1 + 1e-9;
      if (v.reduced < lo || v.reduced > hi) {
        const mid = (v.reductionPp * (startTotals.min + startTotals.max)) / 2;
        out.push(
          finding(
            "TARGET_REDUCED_VS_PP",
            at(read, row.row0, "reduced"),
            {
              value: v.reduced,
              pp: pct(v.reductionPp, dPp),
              households:
                written !== undefined
                  ? written
                  : {
                      vi: `${intervalText(startTotals).vi} (ngầm định từ số hộ và tỷ lệ đầu kỳ)`,
                      en: `${intervalText(startTotals).en} (implied by the start count and rate)`,
                    },
              expected: Math.round(mid * 10) / 10,
            },
            { field: "reduced", value: String(v.reduced), expected: String(mid) },
          ),
        );
      }
    }
    if (
      written === undefined &&
      v.startCount !== undefined &&
      v.startRate !== undefined &&
      v.endCount !== undefined &&
      v.endRate !== undefined
    ) {
      const s = impliedTotalInterval(v.startCount, v.startRate, dStart);
      const e = impliedTotalInterval(v.endCount, v.endRate, dEnd);
      if (s && e && !intersectIntervals([s, e])) {
        out.push(
          finding(
            "TARGET_TOTALS_INCONSISTENT",
            at(read, row.row0, "endRate"),
            { unit: row.label || String(row.row0 + 1), start: intervalText(s), end: intervalText(e) },
            { field: "endRate" },
          ),
        );
      }
    }
  }
  return out;
}

/**
 * Year series (a summary whose rows are years), compared year by year — consecutive years, not consecutive rows:
 * SERIES_JUMP when the rate moves > 5 pp or the poor count by > 50 % from year Y to year Y + 1 under the same
 * standard; SERIES_STANDARD_CHANGE (info, never a jump) when such a move is between two years under different
 * standards (a change of standard explains a level shift), even with years missing between them. Years with a gap
 * under one standard are not compared (2016 → 2021 is five years of reduction, not a jump), nor years outside every
 * standard (2015–2030).
 */
export const SERIES_RATE_JUMP = 0.05;
export const SERIES_COUNT_JUMP = 0.5;

/** The standard's id of a review year, or undefined outside the supported years. */
function standardIdOf(year: number): string | undefined {
  try {
    return standardForYear(year).id;
  } catch {
    return undefined;
  }
}

export function checkSeries(read: SheetRead): Finding[] {
  const out: Finding[] = [];
  if (!read.table || !("year" in read.columns)) return out;
  const groups = new Map<string, FormRow[]>();
  for (const r of read.table) {
    if (r.year === undefined || r.kind !== "body" || r.measure !== "households") continue;
    const k = r.texts.unit ?? "";
    (groups.get(k) ?? groups.set(k, []).get(k)!).push(r);
  }
  const d = read.rates.poorRate?.decimals ?? 4;
  for (const rows of groups.values()) {
    rows.sort((a, b) => a.year! - b.year!);
    for (let i = 1; i < rows.length; i++) {
      const a = rows[i - 1],
        b = rows[i];
      const sa = standardIdOf(a.year!);
      const sb = standardIdOf(b.year!);
      if (sa === undefined || sb === undefined || a.year === b.year) continue;
      const sameStandard = sa === sb;
      if (sameStandard && b.year !== a.year! + 1) continue;
      const ra =
        a.values.poorRate ??
        (a.values.poor !== undefined && a.values.households ? a.values.poor / a.values.households : undefined);
      const rb =
        b.values.poorRate ??
        (b.values.poor !== undefined && b.values.households ? b.values.poor / b.values.households : undefined);
      // The rate cell when the year's rate is written; a rate worked out from the counts points at the poor count.
      const field = b.values.poorRate !== undefined ? "poorRate" : "poor";
      if (ra !== undefined && rb !== undefined && Math.abs(rb - ra) > SERIES_RATE_JUMP) {
        out.push(
          finding(
            sameStandard ? "SERIES_JUMP" : "SERIES_STANDARD_CHANGE",
            at(read, b.row0, field),
            {
              field: { vi: "tỷ lệ hộ nghèo", en: "poverty rate" },
              from: pct(ra, d),
              year1: String(a.year),
              value: pct(rb, d),
              year2: String(b.year),
            },
            { field },
          ),
        );
        continue;
      }
      const pa = a.values.poor,
        pb = b.values.poor;
      if (pa !== undefined && pb !== undefined && pa > 0 && Math.abs(pb - pa) / pa > SERIES_COUNT_JUMP) {
        out.push(
          finding(
            sameStandard ? "SERIES_JUMP" : "SERIES_STANDARD_CHANGE",
            at(read, b.row0, "poor"),
            {
              field: { vi: "số hộ nghèo", en: "poor households" },
              from: pa,
              year1: String(a.year),
              value: pb,
              year2: String(b.year),
            },
            { field: "poor" },
          ),
        );
      }
    }
  }
  return out;
}
