/**
 * Table arithmetic over Forms 1–4, target tables and year series (docs/domain.md §7.1–§7.4, §8).
 * Rates and percentage points are fractions (0.0797 = 7,97 %; 0.03 = 3 pp).
 */
import type { Finding } from "../finding";
import { finding } from "../catalogue";
import type { SheetRead, FormRow } from "../../sheet/read";
import { RATE_PARTS } from "../../sheet/read";
import { FIELD_BY_NAME, TRANSITION_DECREASES, TRANSITION_INCREASES, isDepField } from "../../sheet/fields";
import type { Standard } from "../../standards/schema";
import { standardForYear } from "../../standards/lookup";
import { impliedTotalRange } from "../../measures/rates";
import { isPovertyError } from "../../errors";
import { at, label, pct, related, unitsOff } from "./common";

/**
 * Rate = count ÷ total, compared at the column's precision (cell number format, else the most decimals among
 * the column's values). One unit off in the last decimal → RATE_ROUNDING (warning); more → RATE_MISMATCH (error).
 * Also ZERO_DENOMINATOR: total blank/0 with a non-zero count or rate.
 */
export function checkRates(read: SheetRead): Finding[] {
  const out: Finding[] = [];
  if (!read.table) return out;
  for (const [rateField, parts] of Object.entries(RATE_PARTS)) {
    if (!(rateField in read.columns) || !(parts.count in read.columns)) continue;
    const info = read.rates[rateField];
    if (!info) continue;
    for (const row of read.table) {
      const rate = row.values[rateField];
      const count = row.values[parts.count];
      const total = row.values[parts.total];
      if (rate === undefined || count === undefined) continue;
      if (!(parts.total in read.columns)) continue;
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
  ["average", "households"],
  ["poorMembers", "members"],
  ["nearPoorMembers", "members"],
  ["averageMembers", "members"],
  ["startCount", "households"],
  ["endCount", "households"],
  ["reduced", "startCount"],
];

/** COUNT_EXCEEDS_TOTAL, ZERO_DENOMINATOR (count > 0 with total 0) and POOR_NEAR_EXCEEDS_TOTAL. */
export function checkCounts(read: SheetRead): Finding[] {
  const out: Finding[] = [];
  if (!read.table) return out;
  const depCols = Object.keys(read.columns).filter(isDepField);
  for (const row of read.table) {
    for (const [sub, tot] of SUBSETS) {
      const s = row.values[sub];
      const t = row.values[tot];
      if (s === undefined || !(tot in read.columns)) continue;
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
 * TOTAL_ROW_MISMATCH, per measure (households / members) and count column:
 * a subtotal ("Cộng thành thị") = Σ body rows of its section (since the section heading or the previous subtotal);
 * the grand total ("Tổng cộng") = Σ subtotals + Σ body rows no subtotal covers (= Σ body rows when there are no
 * subtotals). Body rows between a subtotal and the next section ("trong đó …") are in no sum.
 * Reported on the subtotal/total cell that disagrees, with the expected value.
 */
export function checkTotalRows(read: SheetRead): Finding[] {
  const out: Finding[] = [];
  if (!read.table || read.kind === "plan") return out;
  const countFields = Object.keys(read.columns).filter(
    (f) => (FIELD_BY_NAME[f]?.type ?? (isDepField(f) ? "count" : "")) === "count",
  );
  const report = (
    row: FormRow,
    f: string,
    value: number,
    expected: number,
    kind: "subtotal" | "total",
    sumOf: typeof SUM_OF_ROWS,
  ) =>
    out.push(
      finding(
        "TOTAL_ROW_MISMATCH",
        at(read, row.row0, f),
        { field: label(f), value, expected, rowKind: kind === "subtotal" ? SUBTOTAL_ROW : TOTAL_ROW, sumOf },
        { field: f, value: String(value), expected: String(expected) },
      ),
    );
  for (const measure of ["households", "members"] as const) {
    const rows = read.table.filter((r) => r.measure === measure);
    if (!rows.some((r) => r.kind === "total" || r.kind === "subtotal")) continue;
    for (const f of countFields) {
      let section = 0; // Σ body rows of the open section
      let sectionN = 0;
      let closed = false; // after a subtotal, until the next section
      let uncovered = 0; // Σ body rows no subtotal covers
      let subtotals = 0;
      let parts = 0; // values in the grand sum
      let subtotalN = 0;
      for (const r of rows) {
        const v = r.values[f];
        if (r.kind === "section") {
          section = 0;
          sectionN = 0;
          closed = false;
        } else if (r.kind === "body") {
          if (closed || v === undefined) continue;
          section += v;
          sectionN++;
          uncovered += v;
          parts++;
        } else if (r.kind === "subtotal") {
          if (v !== undefined && sectionN > 0 && Math.abs(v - section) > 1e-9)
            report(r, f, v, section, "subtotal", SUM_OF_SECTION);
          uncovered -= section;
          parts -= sectionN;
          if (v !== undefined) {
            subtotals += v;
            parts++;
            subtotalN++;
          }
          section = 0;
          sectionN = 0;
          closed = true;
        } else if (v !== undefined && parts > 0) {
          const expected = uncovered + subtotals;
          if (Math.abs(v - expected) > 1e-9)
            report(r, f, v, expected, "total", subtotalN > 0 ? SUM_OF_SUBTOTALS : SUM_OF_ROWS);
        }
      }
    }
  }
  return out;
}

/** TRANSITION_IDENTITY: end = start − Σ decreases + Σ increases (Form 2/3: 9 = 1 − 2 − 3 − 4 + 5 + 6 + 7 + 8). */
export function checkTransitions(read: SheetRead): Finding[] {
  const out: Finding[] = [];
  if (read.kind !== "transition" || !read.table) return out;
  const decs = TRANSITION_DECREASES.filter((f) => f in read.columns);
  const incs = TRANSITION_INCREASES.filter((f) => f in read.columns);
  for (const row of read.table) {
    const start = row.values.start;
    const end = row.values.end;
    if (start === undefined || end === undefined) continue;
    let expected = start;
    const blanks: string[] = [];
    for (const f of decs) {
      const v = row.values[f];
      if (v === undefined) blanks.push(f);
      else expected -= v;
    }
    for (const f of incs) {
      const v = row.values[f];
      if (v === undefined) blanks.push(f);
      else expected += v;
    }
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

/** DEPRIV_TOTAL_MISMATCH (total = Σ indicator columns) and DEPRIV_BELOW_CUTOFF (total ≥ cutoff × poor). */
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
    if (standard && poor !== undefined && row.measure === "households") {
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

/**
 * Target rows (docs/domain.md §8.2–§8.3; "giảm từ X% trở lên" = at least X percentage points):
 * TARGET_END_COUNT (end = start − reduced), TARGET_RATE_MISSED (end rate ≤ start rate − X, one rounding
 * unit allowed), TARGET_REDUCED_VS_PP (reduced ≈ X × households, ±1), TARGET_TOTALS_INCONSISTENT
 * (households implied by count ÷ rate at start and end overlap, given the rates' rounding).
 */
export function checkTargets(read: SheetRead): Finding[] {
  const out: Finding[] = [];
  if (read.kind !== "target" || !read.table) return out;
  const dStart = read.rates.startRate?.decimals ?? 4;
  const dEnd = read.rates.endRate?.decimals ?? 4;
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
    if (v.startRate !== undefined && v.reductionPp !== undefined && v.endRate !== undefined) {
      const limit = v.startRate - v.reductionPp;
      const unit = Math.pow(10, -Math.max(dStart, dEnd));
      if (v.endRate - limit > unit + 1e-12) {
        out.push(
          finding(
            "TARGET_RATE_MISSED",
            at(read, row.row0, "endRate"),
            { value: pct(v.endRate, dEnd), expected: pct(limit, Math.max(dStart, dEnd)) },
            { field: "endRate", value: String(v.endRate), expected: `≤ ${limit}` },
          ),
        );
      }
    }
    if (v.reduced !== undefined && v.reductionPp !== undefined && v.households !== undefined) {
      const expected = v.reductionPp * v.households;
      if (Math.abs(v.reduced - expected) > 1 + 1e-9) {
        const d = read.rates.reductionPp?.decimals ?? 4;
        out.push(
          finding(
            "TARGET_REDUCED_VS_PP",
            at(read, row.row0, "reduced"),
            {
              value: v.reduced,
              pp: pct(v.reductionPp, d),
              households: v.households,
              expected: Math.round(expected * 10) / 10,
            },
            { field: "reduced", value: String(v.reduced), expected: String(expected) },
          ),
        );
      }
    }
    if (
      v.startCount !== undefined &&
      v.startRate !== undefined &&
      v.endCount !== undefined &&
      v.endRate !== undefined
    ) {
      const s = impliedRange(v.startCount, v.startRate, dStart);
      const e = impliedRange(v.endCount, v.endRate, dEnd);
      if (s && e && (s[1] < e[0] || e[1] < s[0])) {
        const show = (x: [number, number]) =>
          Number.isFinite(x[1]) ? `${Math.ceil(x[0])}–${Math.floor(x[1])}` : `≥ ${Math.ceil(x[0])}`;
        out.push(
          finding(
            "TARGET_TOTALS_INCONSISTENT",
            at(read, row.row0, "endRate"),
            { start: show(s), end: show(e) },
            { field: "endRate" },
          ),
        );
      }
    }
  }
  return out;
}

/** Households implied by a count and a rate published with `decimals` fraction decimals: [low, high] (core/measures). */
function impliedRange(count: number, rate: number, decimals: number): [number, number] | undefined {
  if (count <= 0) return undefined;
  try {
    const r = impliedTotalRange(count, rate, Math.max(0, decimals - 2));
    return [r.min, r.max ?? Infinity];
  } catch (e) {
    if (isPovertyError(e)) return undefined;
    throw e;
  }
}

/**
 * Year series (a summary whose rows are years): SERIES_JUMP when the rate moves > 5 pp or the poor count
 * by > 50 % between consecutive years under the same standard; SERIES_STANDARD_CHANGE (info) when the two
 * years use different standards (a change of standard explains a level shift).
 */
export const SERIES_RATE_JUMP = 0.05;
export const SERIES_COUNT_JUMP = 0.5;

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
      const ra =
        a.values.poorRate ??
        (a.values.poor !== undefined && a.values.households ? a.values.poor / a.values.households : undefined);
      const rb =
        b.values.poorRate ??
        (b.values.poor !== undefined && b.values.households ? b.values.poor / b.values.households : undefined);
      let sameStandard = true;
      try {
        sameStandard = standardForYear(a.year!).id === standardForYear(b.year!).id;
      } catch {
        sameStandard = true;
      }
      const field = "poorRate" in read.columns ? "poorRate" : "poor";
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
