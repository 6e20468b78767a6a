/**
 * Tables without a total-households column: the rules reason with the intervals of totals that each printed
 * (count, rate) pair allows (core/measures/intervals.ts).
 *
 * - TOTAL_IMPLIED_DISAGREE: the pairs of one row at one date (poor, near-poor, poor + near-poor, average; members
 *   separately) admit no common whole total.
 * - TOTAL_IMPLIED_SUM: a totals row's interval does not meet the sum of its rows' intervals (aggregates.ts).
 * - COMBINED_COUNT_MISMATCH / COMBINED_RATE_MISMATCH: "hộ nghèo và hộ cận nghèo" = poor + near-poor (counts
 *   exactly; rates at the printed precision).
 * - RATE_OUTSIDE_PARTS: the rate over all households lies between the urban and the rural rate.
 * Rows whose total is written (a households column with a value) are left to RATE_MISMATCH and TOTAL_ROW_MISMATCH.
 */
import type { Bilingual } from "../../i18n";
import { formatNumber } from "../../i18n";
import type { Finding } from "../../findings/finding";
import { finding } from "../../findings/catalogue";
import type { FormRow, SheetRead } from "../../sheet/read";
import {
  halfUnit,
  impliedTotalInterval,
  intersectIntervals,
  sumConsistent,
  sumIntervals,
  type TotalInterval,
} from "../../measures/intervals";
import { at, pct, related } from "./common";
import { aggregates } from "./aggregates";

/** A date of a table: the (count, rate) pairs that share one total, and the column holding that total if any. */
export interface DateGroup {
  id: "single" | "members" | "start" | "end";
  pairs: [count: string, rate: string][];
  total: string;
}

/** The dates of a sheet kind and the pairs each holds. */
export function dateGroups(kind: string): DateGroup[] {
  if (kind === "summary")
    return [
      {
        id: "single",
        pairs: [
          ["poor", "poorRate"],
          ["nearPoor", "nearPoorRate"],
          ["poorNear", "poorNearRate"],
          ["average", "averageRate"],
        ],
        total: "households",
      },
      {
        id: "members",
        pairs: [
          ["poorMembers", "poorMembersRate"],
          ["nearPoorMembers", "nearPoorMembersRate"],
          ["averageMembers", "averageMembersRate"],
        ],
        total: "members",
      },
    ];
  if (kind === "target")
    return [
      { id: "start", pairs: [["startCount", "startRate"]], total: "households" },
      { id: "end", pairs: [["endCount", "endRate"]], total: "households" },
    ];
  if (kind === "transition")
    return [
      { id: "start", pairs: [["start", "startRate"]], total: "households" },
      { id: "end", pairs: [["end", "endRate"]], total: "households" },
    ];
  return [];
}

export interface ImpliedPair {
  count: number;
  rate: number;
  /** Printed decimals of the rate (fraction). */
  decimals: number;
  /** The field whose cell the pair is reported on (the rate). */
  field: string;
  interval: TotalInterval | null;
}

/**
 * The pairs of a row in a date group, with their intervals. In a summary, a combined rate without its own count
 * pairs with poor + near-poor.
 */
export function rowPairs(read: SheetRead, row: FormRow, group: DateGroup): ImpliedPair[] {
  const out: ImpliedPair[] = [];
  for (const [c, r] of group.pairs) {
    let count = row.values[c];
    if (count === undefined && c === "poorNear" && row.values.poor !== undefined && row.values.nearPoor !== undefined)
      count = row.values.poor + row.values.nearPoor;
    const rate = row.values[r];
    const info = read.rates[r];
    if (count === undefined || rate === undefined || !info) continue;
    out.push({
      count,
      rate,
      decimals: info.decimals,
      field: r,
      interval: impliedTotalInterval(count, rate, info.decimals),
    });
  }
  return out;
}

/** The totals a row allows in a date group: the intersection of its pairs' intervals (null: none, or no pairs). */
export function rowInterval(read: SheetRead, row: FormRow, group: DateGroup): TotalInterval | null {
  const pairs = rowPairs(read, row, group);
  if (!pairs.length || pairs.some((p) => !p.interval)) return null;
  return intersectIntervals(pairs.map((p) => p.interval!));
}

const num = (v: number, d = 0): Bilingual => ({ vi: formatNumber(v, "vi", d), en: formatNumber(v, "en", d) });

/** "8.352–8.360" / "≥ 8.352" in both languages. */
export function intervalText(x: TotalInterval): Bilingual {
  if (!Number.isFinite(x.max)) return { vi: `≥ ${num(x.min).vi}`, en: `≥ ${num(x.min).en}` };
  if (x.min === x.max) return num(x.min);
  return { vi: `${num(x.min).vi}–${num(x.max).vi}`, en: `${num(x.min).en}–${num(x.max).en}` };
}

/** "13.342 hộ = 7,97 % ⇒ tổng 167.298–167.507 hộ" for one pair. */
export function pairText(p: ImpliedPair): Bilingual {
  const c = num(p.count);
  const r = pct(p.rate, p.decimals);
  if (!p.interval)
    return {
      vi: `${c.vi} hộ = ${r.vi} ⇒ không có tổng số hộ nào`,
      en: `${c.en} households = ${r.en} ⇒ no total fits`,
    };
  const t = intervalText(p.interval);
  return {
    vi: `${c.vi} hộ = ${r.vi} ⇒ tổng ${t.vi} hộ`,
    en: `${c.en} households = ${r.en} ⇒ total ${t.en}`,
  };
}

const join = (xs: Bilingual[]): Bilingual => ({
  vi: xs.map((x) => x.vi).join("; "),
  en: xs.map((x) => x.en).join("; "),
});

/** Does the row state its total (a households/members column with a value)? Then the count rules apply instead. */
const totalWritten = (read: SheetRead, row: FormRow, group: DateGroup) =>
  group.total in read.columns && row.values[group.total] !== undefined;

/** TOTAL_IMPLIED_DISAGREE, on the rate cell of the first pair that does not meet the pairs before it. */
export function checkImpliedTotals(read: SheetRead): Finding[] {
  const out: Finding[] = [];
  if (!read.table) return out;
  for (const group of dateGroups(read.kind)) {
    for (const row of read.table) {
      if (totalWritten(read, row, group)) continue;
      const pairs = rowPairs(read, row, group);
      if (!pairs.length) continue;
      let culprit: ImpliedPair | undefined = pairs.find((p) => !p.interval);
      if (!culprit) {
        let acc: TotalInterval | null = pairs[0].interval;
        for (const p of pairs.slice(1)) {
          acc = intersectIntervals([acc!, p.interval!]);
          if (!acc) {
            culprit = p;
            break;
          }
        }
      }
      if (!culprit) continue;
      out.push(
        finding(
          "TOTAL_IMPLIED_DISAGREE",
          at(read, row.row0, culprit.field),
          { unit: row.label || String(row.row0 + 1), pairs: join(pairs.map(pairText)) },
          { field: culprit.field, value: String(culprit.rate) },
        ),
      );
    }
  }
  return out;
}

const SUBTOTAL_ROW = { vi: "dòng cộng của mục", en: "subtotal row" };
const TOTAL_ROW = { vi: "dòng tổng", en: "totals row" };
const SUM_OF = {
  section: { vi: "các dòng của mục", en: "the section's rows" },
  subtotals: { vi: "các dòng cộng của mục", en: "the subtotals" },
  rows: { vi: "các dòng", en: "the rows" },
};

/**
 * TOTAL_IMPLIED_SUM, per (count, rate) column pair: the totals row's interval against the sum of its rows'
 * intervals for the same pair (a row without the pair — blank — leaves the check out for that pair).
 */
export function checkImpliedSums(read: SheetRead): Finding[] {
  const out: Finding[] = [];
  if (!read.table) return out;
  for (const group of dateGroups(read.kind)) {
    for (const pair of group.pairs) {
      const one: DateGroup = { ...group, pairs: [pair] };
      for (const measure of ["households", "members"] as const) {
        const aggs = aggregates(read.table.filter((r) => r.measure === measure));
        const partsOf = new Map(aggs.map((a) => [a.row, a.parts]));
        const intervalOf = (r: FormRow): TotalInterval | null => {
          const own = rowInterval(read, r, one);
          if (own) return own;
          const parts = partsOf.get(r);
          if (!parts || rowPairs(read, r, one).length) return null;
          const xs = parts.map(intervalOf);
          return xs.every((x) => x) ? sumIntervals(xs as TotalInterval[]) : null;
        };
        for (const ag of aggs) {
          if (totalWritten(read, ag.row, group)) continue;
          const [p] = rowPairs(read, ag.row, one);
          if (!p?.interval) continue;
          const xs = ag.parts.map(intervalOf);
          if (xs.some((x) => !x)) continue;
          const sum = sumIntervals(xs as TotalInterval[]);
          if (intersectIntervals([p.interval, sum])) continue;
          out.push(
            finding(
              "TOTAL_IMPLIED_SUM",
              at(read, ag.row.row0, p.field),
              {
                rowKind: ag.kind === "subtotal" ? SUBTOTAL_ROW : TOTAL_ROW,
                own: pairText(p),
                sumOf: SUM_OF[ag.sumOf],
                sum: intervalText(sum),
              },
              { field: p.field, expected: intervalText(sum).vi },
            ),
          );
        }
      }
    }
  }
  return out;
}

/** COMBINED_COUNT_MISMATCH and COMBINED_RATE_MISMATCH on a summary's poor + near-poor columns. */
export function checkCombined(read: SheetRead): Finding[] {
  const out: Finding[] = [];
  if (read.kind !== "summary" || !read.table) return out;
  for (const row of read.table) {
    const v = row.values;
    if (v.poorNear !== undefined && v.poor !== undefined && v.nearPoor !== undefined) {
      const expected = v.poor + v.nearPoor;
      if (v.poorNear !== expected)
        out.push(
          finding(
            "COMBINED_COUNT_MISMATCH",
            at(read, row.row0, "poorNear"),
            { value: v.poorNear, poor: v.poor, near: v.nearPoor, expected },
            { field: "poorNear", value: String(v.poorNear), expected: String(expected) },
          ),
        );
    }
    const rc = read.rates.poorNearRate;
    const rp = read.rates.poorRate;
    const rn = read.rates.nearPoorRate;
    if (
      v.poorNearRate !== undefined &&
      v.poorRate !== undefined &&
      v.nearPoorRate !== undefined &&
      rc &&
      rp &&
      rn &&
      !sumConsistent(v.poorNearRate, rc.decimals, [
        { value: v.poorRate, decimals: rp.decimals },
        { value: v.nearPoorRate, decimals: rn.decimals },
      ])
    ) {
      const d = Math.max(rp.decimals, rn.decimals);
      out.push(
        finding(
          "COMBINED_RATE_MISMATCH",
          at(read, row.row0, "poorNearRate"),
          {
            value: pct(v.poorNearRate, rc.decimals),
            poor: pct(v.poorRate, rp.decimals),
            near: pct(v.nearPoorRate, rn.decimals),
            expected: pct(v.poorRate + v.nearPoorRate, d),
          },
          { field: "poorNearRate", value: String(v.poorNearRate), expected: String(v.poorRate + v.nearPoorRate) },
        ),
      );
    }
  }
  return out;
}

/**
 * RATE_OUTSIDE_PARTS: a rate over all households lies between the rates of its parts (urban and rural): a
 * weighted average never leaves the range of what it averages. At the printed precision (half a unit of each).
 */
export function checkRateBetweenParts(read: SheetRead): Finding[] {
  const out: Finding[] = [];
  if (read.kind !== "summary" || !read.table) return out;
  const ro = read.rates.poorRate;
  const ru = read.rates.poorRateUrban;
  const rr = read.rates.poorRateRural;
  if (!ro || !ru || !rr) return out;
  const tol = halfUnit(ro.decimals) + Math.max(halfUnit(ru.decimals), halfUnit(rr.decimals)) + 1e-12;
  for (const row of read.table) {
    const v = row.values;
    if (v.poorRate === undefined || v.poorRateUrban === undefined || v.poorRateRural === undefined) continue;
    const lo = Math.min(v.poorRateUrban, v.poorRateRural);
    const hi = Math.max(v.poorRateUrban, v.poorRateRural);
    if (v.poorRate >= lo - tol && v.poorRate <= hi + tol) continue;
    out.push(
      finding(
        "RATE_OUTSIDE_PARTS",
        at(read, row.row0, "poorRate"),
        {
          value: pct(v.poorRate, ro.decimals),
          urban: pct(v.poorRateUrban, ru.decimals),
          rural: pct(v.poorRateRural, rr.decimals),
        },
        {
          field: "poorRate",
          value: String(v.poorRate),
          expected: `${lo}–${hi}`,
          related: [related(read, row.row0, "poorRateUrban"), related(read, row.row0, "poorRateRural")],
        },
      ),
    );
  }
  return out;
}
