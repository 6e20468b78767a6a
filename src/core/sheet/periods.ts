/**
 * Dates written into headers. Planners name the date of a column in its header rather than in a separate
 * "đầu kỳ / cuối kỳ" column: the Đắk Nông 2023 plan (Kế hoạch 147/KH-UBND) has "Số hộ nghèo cuối năm 2022",
 * "Chỉ tiêu giảm tỷ lệ hộ nghèo năm 2023 (%)" and "Số hộ nghèo cuối năm 2023"; results tables put "Năm 2022" and
 * "Năm 2023" over two groups of columns.
 *
 * When the headers of a table name two or more years, the earliest is the start of the period and the latest its
 * end: "cuối năm 2022" is the start of a 2023 plan, "cuối năm 2023" its end. A header that names a change
 * ("giảm", "tăng", "thoát", "phát sinh"…) is about the whole period, so its year is dropped. With one year only,
 * "đầu năm Y" is the start and "cuối năm Y" the end; "năm Y" alone says nothing about the period.
 * The rewritten (normalised) headers use the words the field vocabulary knows: "đầu kỳ", "cuối kỳ".
 */
import { hasPhrase, normalizeHeader } from "./text";

export interface Periods {
  /** Normalised header per column with its date words rewritten ("… dau ky …", "… cuoi ky …"). */
  norms: string[];
  /** Per column: the period its header names, if any. */
  period: ("start" | "end" | undefined)[];
  /** The years the headers name, when there are at least two: start = earliest, end = latest. */
  years?: { start: number; end: number };
}

const YEAR = /(?<= )((?:19|20)\d\d)(?= )/g;
const CHANGE = [
  "giam",
  "tang",
  "thoat",
  "phat sinh",
  "tai ngheo",
  "tai can ngheo",
  "tro thanh",
  "chuyen",
  "muc giam",
  "reduction",
  "reduce",
  "decrease",
  "increase",
  "escaped",
  "new",
  "newly",
];

const yearsIn = (norm: string): number[] => [...norm.matchAll(YEAR)].map((m) => Number(m[1]));

/** Remove or replace the date phrase around `year` ("cuoi nam 2022", "dau nam 2022", "nam 2022", "2022"). */
function replaceDate(norm: string, year: number, by: string): string {
  const y = String(year);
  const re = new RegExp(
    ` (?:(?:tai |vao |den )?(?:thoi diem )?(?:(?:dau|cuoi) )?(?:nam|ky) |year |end of |start of )?${y} `,
    "g",
  );
  return (" " + norm.replace(re, ` ${by} `).trim().replace(/\s+/g, " ") + " ").replace(/^ {2,}/, " ");
}

/**
 * Read the dates of a table's headers (as detect() shows them: parent and child rows joined with " / ").
 * Headers without a year keep their words; "đầu kỳ"/"cuối kỳ"/"đầu năm"/"cuối năm" are already known words.
 */
export function readPeriods(headers: string[]): Periods {
  const base = headers.map((h) => (h ? normalizeHeader(h.replace(/ \/ /g, " ")) : " "));
  const distinct = new Set<number>();
  for (const n of base) {
    const ys = yearsIn(n);
    // "giai đoạn 2021–2025" names a range, and "giảm so với năm 2021" a change: neither is the date of a column.
    if (new Set(ys).size === 1 && !CHANGE.some((w) => hasPhrase(n, w))) distinct.add(ys[0]);
  }
  const sorted = [...distinct].sort((a, b) => a - b);
  const period: Periods["period"] = base.map(() => undefined);
  const norms = base.map((n, col) => {
    const ys = [...new Set(yearsIn(n))];
    if (ys.length === 0) {
      if (hasPhrase(n, "dau ky") || hasPhrase(n, "dau nam")) period[col] = "start";
      else if (hasPhrase(n, "cuoi ky") || hasPhrase(n, "cuoi nam")) period[col] = "end";
      return n;
    }
    let out = n;
    // A header that is only a year ("2016" over a column of a year-wide table) names no field.
    if (n.trim() === String(ys[0])) return n;
    if (ys.length > 1 || CHANGE.some((w) => hasPhrase(n, w))) {
      for (const y of ys) out = replaceDate(out, y, "");
      return out;
    }
    const y = ys[0];
    // "đầu năm Y" is a start whatever the other years are.
    if (new RegExp(` dau (?:nam|ky) ${y} `).test(n)) {
      period[col] = "start";
      return replaceDate(out, y, "dau ky");
    }
    if (sorted.length >= 2) {
      if (y === sorted[0]) {
        period[col] = "start";
        return replaceDate(out, y, "dau ky");
      }
      if (y === sorted[sorted.length - 1]) {
        period[col] = "end";
        return replaceDate(out, y, "cuoi ky");
      }
      return out;
    }
    if (new RegExp(` cuoi (?:nam|ky) ${y} `).test(n)) {
      period[col] = "end";
      return replaceDate(out, y, "cuoi ky");
    }
    return replaceDate(out, y, "");
  });
  const out: Periods = { norms, period };
  if (sorted.length >= 2) out.years = { start: sorted[0], end: sorted[sorted.length - 1] };
  return out;
}
