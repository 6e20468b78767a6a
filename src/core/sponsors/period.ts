/**
 * Reporting periods and dates of a sponsorship register. The organisations report to the steering committee
 * monthly and quarterly ("hàng tháng, quý tổng hợp, báo cáo", Thành ủy Hà Tĩnh, công văn 1197-CV/Th.U, 01/07/2019),
 * and yearly at the review. Dates are calendar days written "YYYY-MM-DD" (no time, no time zone): comparing two
 * of them as text compares the days.
 */
import { fail } from "../errors";
import { bi, type Bilingual } from "../i18n";
import { isCellError, type CellValue } from "../grid";

/** A calendar day "YYYY-MM-DD". */
export type IsoDate = string;

export interface Period {
  kind: "month" | "quarter" | "half" | "year";
  year: number;
  /** Month 1–12, quarter 1–4 or half 1–2; absent for a year. */
  index?: number;
  start: IsoDate;
  end: IsoDate;
  /** "Quý I năm 2026" / "Q1 2026". */
  label: Bilingual;
  /** As given on the command line: "2026-Q1", "2026-03", "2026-H1", "2026". */
  code: string;
}

const ROMAN = ["I", "II", "III", "IV"];
const MONTHS_EN = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** Last day of a month (1–12). */
function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

function valid(year: number, month: number, day: number): boolean {
  return year >= 1900 && year <= 2100 && month >= 1 && month <= 12 && day >= 1 && day <= lastDay(year, month);
}

function make(kind: Period["kind"], year: number, index: number | undefined): Period {
  let m0 = 1,
    m1 = 12;
  let label: Bilingual;
  let code: string;
  if (kind === "month") {
    m0 = m1 = index!;
    label = bi(`Tháng ${index} năm ${year}`, `${MONTHS_EN[index! - 1]} ${year}`);
    code = `${year}-${pad(index!)}`;
  } else if (kind === "quarter") {
    m0 = 3 * (index! - 1) + 1;
    m1 = m0 + 2;
    label = bi(`Quý ${ROMAN[index! - 1]} năm ${year}`, `Q${index} ${year}`);
    code = `${year}-Q${index}`;
  } else if (kind === "half") {
    m0 = index === 1 ? 1 : 7;
    m1 = m0 + 5;
    label = bi(index === 1 ? `6 tháng đầu năm ${year}` : `6 tháng cuối năm ${year}`, `H${index} ${year}`);
    code = `${year}-H${index}`;
  } else {
    label = bi(`Năm ${year}`, `Year ${year}`);
    code = String(year);
  }
  return {
    kind,
    year,
    ...(index !== undefined ? { index } : {}),
    start: isoDate(year, m0, 1),
    end: isoDate(year, m1, lastDay(year, m1)),
    label,
    code,
  };
}

/**
 * A reporting period: "2026-Q1" (also "Q1/2026", "Q1-2026", "quý 1/2026"), "2026-03" (also "03/2026", "tháng
 * 3/2026"), "2026-H1" (also "6 tháng đầu năm 2026"), "2026".
 * @throws PovertyError INVALID_ARGUMENT with the accepted forms, in Vietnamese and English.
 */
export function parsePeriod(text: string): Period {
  const t = text
    .trim()
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/\s+/g, " ");
  let m: RegExpExecArray | null;
  const year = (s: string) => Number(s);
  const ok = (y: number) => y >= 2000 && y <= 2100;
  if ((m = /^(\d{4})$/.exec(t)) && ok(year(m[1]))) return make("year", year(m[1]), undefined);
  if ((m = /^(\d{4})[-/ ]?q([1-4])$/.exec(t)) && ok(year(m[1]))) return make("quarter", year(m[1]), Number(m[2]));
  if ((m = /^(?:q|quy ?)([1-4]|i{1,3}|iv)[-/ ](?:nam )?(\d{4})$/.exec(t)) && ok(year(m[2]))) {
    const q = /^\d$/.test(m[1]) ? Number(m[1]) : ROMAN.indexOf(m[1].toUpperCase()) + 1;
    return make("quarter", year(m[2]), q);
  }
  if ((m = /^(\d{4})[-/ ]?h([12])$/.exec(t)) && ok(year(m[1]))) return make("half", year(m[1]), Number(m[2]));
  if ((m = /^6 thang (dau|cuoi) nam (\d{4})$/.exec(t)) && ok(year(m[2])))
    return make("half", year(m[2]), m[1] === "dau" ? 1 : 2);
  if ((m = /^(\d{4})-(\d{1,2})$/.exec(t)) && ok(year(m[1])) && Number(m[2]) >= 1 && Number(m[2]) <= 12)
    return make("month", year(m[1]), Number(m[2]));
  if (
    (m = /^(?:thang )?(\d{1,2})[-/ ](?:nam )?(\d{4})$/.exec(t)) &&
    ok(year(m[2])) &&
    Number(m[1]) >= 1 &&
    Number(m[1]) <= 12
  )
    return make("month", year(m[2]), Number(m[1]));
  return fail(
    "INVALID_ARGUMENT",
    `Không đọc được kỳ báo cáo "${text}": viết 2026-Q1 (quý), 2026-03 (tháng), 2026-H1 (6 tháng) hoặc 2026 (năm).`,
    `Cannot read the reporting period "${text}": write 2026-Q1 (quarter), 2026-03 (month), 2026-H1 (half year) or 2026 (year).`,
    { value: text },
  );
}

/** Excel's day 0 (serial numbers count days from 1899-12-30 in the 1900 date system). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY = 86_400_000;

/** Excel serial day number of a date (for writing dates into cells formatted dd/mm/yyyy). */
export function excelSerial(date: IsoDate): number {
  const [y, m, d] = date.split("-").map(Number);
  return Math.round((Date.UTC(y, m - 1, d) - EXCEL_EPOCH) / DAY);
}

/** The date of an Excel serial day number. */
export function fromExcelSerial(serial: number): IsoDate {
  const dt = new Date(EXCEL_EPOCH + Math.floor(serial) * DAY);
  return isoDate(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
}

export type DateParse =
  | {
      ok: true;
      date: IsoDate;
      /** "month" when only month and year were written (03/2026). */ precision: "day" | "month";
    }
  | { ok: false; problem: "blank" | "excelError" | "notDate"; text: string };

/** Serial numbers of plausible register dates: 01/01/2000 – 31/12/2100. */
const SERIAL_MIN = 36526;
const SERIAL_MAX = 73415;

/**
 * A date cell as planners write it: a date (the file reader gives Date objects for date-formatted cells), an Excel
 * serial number (Office.js gives numbers) — either between 2000 and 2100 —, or text "15/01/2026", "15-01-2026",
 * "15.01.2026", "2026-01-15", "01/2026" (month and year: `precision` "month", first or last day by `side`). Day
 * first, always: "03/04/2026" is 3 April. Never throws; a problem says why.
 */
export function parseDateCell(v: CellValue | undefined, side: "start" | "end" = "start"): DateParse {
  if (v === null || v === undefined) return { ok: false, problem: "blank", text: "" };
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return { ok: false, problem: "notDate", text: String(v) };
    const date = isoDate(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate());
    // The same plausible range as a serial number: a 0 in a date-formatted cell reads as 30/12/1899, not a date.
    if (v.getUTCFullYear() < 2000 || v.getUTCFullYear() > 2100)
      return { ok: false, problem: "notDate", text: formatDate(date) };
    return { ok: true, date, precision: "day" };
  }
  if (typeof v === "number") {
    if (Number.isFinite(v) && v >= SERIAL_MIN && v <= SERIAL_MAX)
      return { ok: true, date: fromExcelSerial(v), precision: "day" };
    return { ok: false, problem: "notDate", text: String(v) };
  }
  if (isCellError(v)) return { ok: false, problem: "excelError", text: v.error };
  if (typeof v !== "string") return { ok: false, problem: "notDate", text: String(v) };
  const t = v.trim();
  if (t === "" || t === "-" || t === "–") return { ok: false, problem: "blank", text: t };
  if (t.startsWith("#")) return { ok: false, problem: "excelError", text: t };
  let m: RegExpExecArray | null;
  if ((m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t))) {
    const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (valid(y, mo, d)) return { ok: true, date: isoDate(y, mo, d), precision: "day" };
  } else if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t))) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (valid(y, mo, d)) return { ok: true, date: isoDate(y, mo, d), precision: "day" };
  } else if ((m = /^(\d{1,2})[/.-](\d{4})$/.exec(t))) {
    const [mo, y] = [Number(m[1]), Number(m[2])];
    if (valid(y, mo, 1))
      return { ok: true, date: isoDate(y, mo, side === "start" ? 1 : lastDay(y, mo)), precision: "month" };
  }
  return { ok: false, problem: "notDate", text: t };
}

/** "15/01/2026" for messages and the terminal. */
export function formatDate(date: IsoDate): string {
  const [y, m, d] = date.split("-");
  return `${d}/${m}/${y}`;
}

/** Whether [start, end] (end absent = still running) meets the period. */
export function activeIn(start: IsoDate, end: IsoDate | undefined, period: Pick<Period, "start" | "end">): boolean {
  return start <= period.end && (end === undefined || end >= period.start);
}
