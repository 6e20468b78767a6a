/**
 * Movement columns (diễn biến) read from their words, in order.
 *
 * A movement table (Biểu 2 hộ nghèo / Biểu 3 hộ cận nghèo of Circular 07/2021/TT-BLĐTBXH as consolidated by
 * 1315/VBHN-BLĐTBXH; Mẫu số 3 of Circular 17/2016/TT-BLĐTBXH; the tables provinces publish) has a start column,
 * flows out and in, and an end column: end = start − outflows + inflows. Which way a column flows depends on the
 * order of its words and on the table's subject: "Số hộ cận nghèo trở thành hộ nghèo" is an inflow to the poor
 * (Biểu 2, column 5) but an outflow from the near-poor (Biểu 3, column 3). So the direction is never read from a
 * single word: a transfer is parsed as FROM … (trở thành | chuyển sang | sang | thành | xuống | lên) … TO, and the
 * sign follows from which side the subject is on.
 *
 * Two-row headers are read child first ("Giảm trong năm / Khác": the child says "other", the parent says
 * "decrease"). `MOVEMENT_PHRASES` lists every supported wording with its field and sign (docs and tests use it).
 */
import type { Bilingual } from "../i18n";
import { bi } from "../i18n";
import { hasPhrase, normalizeHeader } from "./text";

/** The subject of a movement table: poor households (Biểu 2) or near-poor households (Biểu 3). */
export type MovementSubject = "poor" | "nearPoor";

/** The movement fields of fields.ts. Decreases flow out of the subject, increases into it. */
export type MovementField =
  | "decToNear"
  | "decAbove"
  | "decToPoor"
  | "decOther"
  | "decTotal"
  | "incFromNear"
  | "incFromPoor"
  | "incRe"
  | "incNew"
  | "incOther"
  | "incTotal";

/** Every movement field (detection maps them with movementOf, not with the phrase lists of fields.ts). */
export const MOVEMENT_FIELDS: ReadonlySet<string> = new Set<MovementField>([
  "decToNear",
  "decAbove",
  "decToPoor",
  "decOther",
  "decTotal",
  "incFromNear",
  "incFromPoor",
  "incRe",
  "incNew",
  "incOther",
  "incTotal",
]);

export interface MovementReading {
  field: MovementField;
  /** −1 = out of the subject (decrease), +1 = into it (increase). */
  sign: -1 | 1;
  /** What the words said, for the explanation of the mapping. */
  reading: Bilingual;
}

type Status = "poor" | "nearPoor" | "above" | "gone";

const STATUS_LABEL: Record<Status, Bilingual> = {
  poor: bi("hộ nghèo", "poor"),
  nearPoor: bi("hộ cận nghèo", "near-poor"),
  above: bi("trên chuẩn cận nghèo", "above the near-poor line"),
  gone: bi("ra khỏi danh sách (chết, chuyển đi, tách/nhập hộ)", "left the list (died, moved away, split/merged)"),
};

/** Transfer connectors between a FROM and a TO status (folded, whole words). */
const CONNECTORS = [
  "tro thanh",
  "chuyen thanh",
  "chuyen sang",
  "chuyen xuong",
  "chuyen len",
  "roi xuong",
  "xuong",
  "sang",
  "thanh",
  "len",
  "ve",
  "to",
  "into",
  "became",
  "become",
];

/** Words that say the column is a rate, not a count of households moving. */
const RATE_WORDS = ["ty le", "%", "rate", "diem"];

/** Status mentions in order of position: "cận nghèo" before the bare "nghèo" it contains. */
function statuses(norm: string): { status: "poor" | "nearPoor"; at: number; end: number }[] {
  const out: { status: "poor" | "nearPoor"; at: number; end: number }[] = [];
  const taken: [number, number][] = [];
  const scan = (phrase: string, status: "poor" | "nearPoor") => {
    let i = norm.indexOf(" " + phrase + " ");
    while (i >= 0) {
      const a = i + 1;
      const b = a + phrase.length;
      if (!taken.some(([x, y]) => a < y && b > x)) {
        taken.push([a, b]);
        out.push({ status, at: a, end: b });
      }
      i = norm.indexOf(" " + phrase + " ", i + 1);
    }
  };
  scan("near poor", "nearPoor");
  scan("can ngheo", "nearPoor");
  scan("poor", "poor");
  scan("ngheo", "poor");
  return out.sort((x, y) => x.at - y.at);
}

function connectorBetween(norm: string, from: number, to: number): string | undefined {
  const mid = " " + norm.slice(from, to).trim() + " ";
  return CONNECTORS.find((c) => mid.includes(" " + c + " "));
}

/** The field of a transfer between the two categories, seen from the subject. */
function transferField(from: "poor" | "nearPoor", to: "poor" | "nearPoor", subject: MovementSubject): MovementField {
  if (subject === "poor") return from === "poor" ? "decToNear" : "incFromNear";
  return from === "nearPoor" ? "decToPoor" : "incFromPoor";
}

const signOf = (f: MovementField): -1 | 1 => (f.startsWith("dec") ? -1 : 1);

function movement(field: MovementField, from: Status, to: Status): MovementReading {
  return {
    field,
    sign: signOf(field),
    reading: {
      vi: `${STATUS_LABEL[from].vi} → ${STATUS_LABEL[to].vi} (${signOf(field) < 0 ? "giảm" : "tăng"})`,
      en: `${STATUS_LABEL[from].en} → ${STATUS_LABEL[to].en} (${signOf(field) < 0 ? "decrease" : "increase"})`,
    },
  };
}

const other = (s: "poor" | "nearPoor"): "poor" | "nearPoor" => (s === "poor" ? "nearPoor" : "poor");

const has = (norm: string, ...phrases: string[]) => phrases.some((p) => hasPhrase(norm, p));

const DECREASE = ["giam", "decrease", "decreases", "decreased", "ra khoi", "out", "outflow", "outflows"];
const INCREASE = ["tang", "increase", "increases", "increased", "bo sung", "them", "inflow", "inflows"];
const GONE_OUT = ["chet", "qua doi", "chuyen di", "di cu", "xuat cu", "died", "moved away", "moved out"];
const GONE_IN = ["chuyen den", "nhap cu", "moved in"];

/**
 * One header part (normalised). `context` is the sign a parent header gives (−1 under "Giảm…", +1 under "Tăng…").
 * Undefined when the part says nothing about a movement.
 */
function readPart(norm: string, subject: MovementSubject, context: -1 | 1 | 0): MovementReading | undefined {
  if (has(norm, ...RATE_WORDS)) return undefined;
  // 1. A transfer between the two categories, in word order.
  const st = statuses(norm);
  for (let i = 0; i + 1 < st.length; i++) {
    const a = st[i];
    const b = st[i + 1];
    if (a.status === b.status) continue;
    if (connectorBetween(norm, a.end, b.at))
      return movement(transferField(a.status, b.status, subject), a.status, b.status);
  }
  // "từ hộ nghèo" / "from poor": from the other category into the subject.
  for (const s of st) {
    const before = norm.slice(0, s.at);
    if (/ (tu|from) (ho )?$/.test(before) && s.status !== subject)
      return movement(transferField(s.status, subject, subject), s.status, subject);
  }
  // "chuyển sang hộ cận nghèo", "rơi xuống nghèo": only the destination is written.
  for (const s of st) {
    const before = norm.slice(0, s.at);
    if (CONNECTORS.some((c) => before.endsWith(" " + c + " ") || before.endsWith(" " + c + " ho "))) {
      const from = s.status === subject ? other(subject) : subject;
      return movement(transferField(from, s.status, subject), from, s.status);
    }
  }
  // 2. Escaped above the near-poor line.
  const escapedPoor = has(norm, "thoat ngheo", "escaped poverty", "out of poverty");
  const escapedNear = has(norm, "thoat can ngheo", "escaped near poverty");
  if (
    has(norm, "thoat tinh trang ngheo", "vuot chuan can ngheo", "tren chuan can ngheo", "above the near poor line") ||
    (subject === "poor" && escapedPoor) ||
    (subject === "nearPoor" && escapedNear) ||
    has(norm, "thoat", "escaped", "vuot", "above")
  )
    return movement("decAbove", subject, "above");
  // 3. Re-entered, newly poor / near-poor.
  if (has(norm, "tai ngheo", "tai can ngheo", "re poor", "re near poor", "re entered", "reentered", "fell back"))
    return movement("incRe", "above", subject);
  // "mới" alone is not enough: "theo chuẩn mới" is a new standard, "hộ mới thoát nghèo" an escape.
  if (has(norm, "phat sinh", "ngheo moi", "can ngheo moi", "new", "newly")) return movement("incNew", "above", subject);
  // 4. Other decreases and increases: deaths and moves, split or merged households, "khác".
  if (has(norm, ...GONE_OUT)) return movement("decOther", subject, "gone");
  if (has(norm, ...GONE_IN)) return movement("incOther", "gone", subject);
  const dec = has(norm, ...DECREASE);
  const inc = has(norm, ...INCREASE);
  const otherWord = has(norm, "khac", "other", "tach nhap ho", "tach ho", "nhap ho");
  if (otherWord && (dec || (!inc && context < 0))) return movement("decOther", subject, "gone");
  if (otherWord && (inc || context > 0)) return movement("incOther", "gone", subject);
  // 5. A net decrease or increase ("Số hộ giảm", "Tổng tăng").
  if (dec && !inc) return { field: "decTotal", sign: -1, reading: bi("tổng số giảm", "total decrease") };
  if (inc && !dec) return { field: "incTotal", sign: 1, reading: bi("tổng số tăng", "total increase") };
  return undefined;
}

/**
 * A child header that is the total of its group: "Tổng số", "Cộng", "Tổng", "Total". ("Số hộ" under a movement is
 * that movement's count, beside its "Tỷ lệ %", as in Mẫu số 3 of Circular 17/2016/TT-BLĐTBXH.)
 */
const TOTAL_CHILD = /^(tong so|tong cong|tong|cong|total|sum)$/;

/** Start and end columns are not movements ("Số hộ nghèo đầu kỳ", "cuối năm"). */
const STOCK_WORDS = ["dau ky", "cuoi ky", "dau nam", "cuoi nam", "start", "end", "hien co"];

/**
 * The movement a header names, for a table whose subject is `subject`; undefined when the header is not a
 * movement count (a stock, a rate, a unit name…). `header` is the header as detect() shows it: parent and child
 * rows joined with " / ". The child is read first; a child without direction words takes its parent's sign.
 */
export function movementOf(header: string, subject: MovementSubject): MovementReading | undefined {
  const text = header.replace(/→|->|=>/g, " sang ");
  const parts = text
    .split(" / ")
    .map((p) => normalizeHeader(p))
    .filter((p) => p.trim() !== "");
  if (!parts.length) return undefined;
  const whole = normalizeHeader(text.replace(/ \/ /g, " "));
  if (has(whole, ...RATE_WORDS)) return undefined;
  // The parents' sign, for a child such as "Khác" or "Chết, chuyển đi".
  let context: -1 | 1 | 0 = 0;
  for (const p of parts.slice(0, -1)) {
    const m = readPart(p, subject, 0);
    if (m) context = m.sign;
  }
  // "Tổng số" / "Cộng" under a movement group is the group's total.
  const last = parts[parts.length - 1];
  if (parts.length > 1 && context !== 0 && TOTAL_CHILD.test(last.trim()))
    return context < 0
      ? { field: "decTotal", sign: -1, reading: bi("tổng số giảm", "total decrease") }
      : { field: "incTotal", sign: 1, reading: bi("tổng số tăng", "total increase") };
  for (let i = parts.length - 1; i >= 0; i--) {
    const p = parts[i];
    if (i === parts.length - 1 && has(p, ...STOCK_WORDS) && !has(p, ...DECREASE, ...INCREASE)) return undefined;
    const m = readPart(p, subject, i === parts.length - 1 ? context : 0);
    if (!m) continue;
    // A parent group total ("Số hộ giảm") above a child that says nothing more is the group's total.
    return m;
  }
  return undefined;
}

/** The subject of a movement table from its title and start/end headers (near-poor when they say "cận nghèo"). */
export function movementSubject(title: string, headers: string[]): MovementSubject {
  const t = normalizeHeader(title);
  const withoutNear = t.replace(/ can ngheo /g, " ");
  if (hasPhrase(t, "can ngheo") && !hasPhrase(withoutNear, "ho ngheo")) return "nearPoor";
  for (const h of headers) {
    const n = normalizeHeader(h);
    if (!has(n, ...STOCK_WORDS)) continue;
    if (hasPhrase(n, "can ngheo") || hasPhrase(n, "near poor")) return "nearPoor";
    if (hasPhrase(n, "ngheo") || hasPhrase(n, "poor")) return "poor";
  }
  return "poor";
}

export interface MovementPhrase {
  /** A header as planners write it. */
  header: string;
  subject: MovementSubject;
  field: MovementField;
  sign: -1 | 1;
}

/**
 * Every wording the reader supports, with the field and sign it gets (the test reads each one; the rules page
 * lists them). Subject "poor" = a table of poor households, "nearPoor" = of near-poor households.
 */
export const MOVEMENT_PHRASES: readonly MovementPhrase[] = [
  // transfers between the categories, in word order
  { header: "Số hộ nghèo trở thành hộ cận nghèo", subject: "poor", field: "decToNear", sign: -1 },
  { header: "Số hộ cận nghèo trở thành hộ nghèo", subject: "poor", field: "incFromNear", sign: 1 },
  { header: "Số hộ cận nghèo trở thành hộ nghèo", subject: "nearPoor", field: "decToPoor", sign: -1 },
  { header: "Số hộ nghèo trở thành hộ cận nghèo", subject: "nearPoor", field: "incFromPoor", sign: 1 },
  { header: "Từ hộ nghèo chuyển sang hộ cận nghèo", subject: "poor", field: "decToNear", sign: -1 },
  { header: "Từ hộ cận nghèo chuyển sang hộ nghèo", subject: "poor", field: "incFromNear", sign: 1 },
  { header: "Hộ nghèo chuyển thành hộ cận nghèo", subject: "nearPoor", field: "incFromPoor", sign: 1 },
  { header: "Hộ cận nghèo xuống hộ nghèo", subject: "nearPoor", field: "decToPoor", sign: -1 },
  { header: "Hộ nghèo lên hộ cận nghèo", subject: "poor", field: "decToNear", sign: -1 },
  { header: "Giảm trong năm / Chuyển sang hộ cận nghèo", subject: "poor", field: "decToNear", sign: -1 },
  { header: "Giảm trong năm / Rơi xuống nghèo", subject: "nearPoor", field: "decToPoor", sign: -1 },
  { header: "Tăng trong năm / Từ hộ cận nghèo", subject: "poor", field: "incFromNear", sign: 1 },
  { header: "Tăng trong năm / Từ hộ nghèo", subject: "nearPoor", field: "incFromPoor", sign: 1 },
  { header: "Poor → near-poor", subject: "poor", field: "decToNear", sign: -1 },
  { header: "Near-poor became poor", subject: "poor", field: "incFromNear", sign: 1 },
  // escaped above the near-poor line
  { header: "Số hộ thoát nghèo", subject: "poor", field: "decAbove", sign: -1 },
  { header: "Số hộ thoát cận nghèo", subject: "nearPoor", field: "decAbove", sign: -1 },
  { header: "Thoát tình trạng nghèo, cận nghèo", subject: "poor", field: "decAbove", sign: -1 },
  { header: "Vượt chuẩn cận nghèo", subject: "nearPoor", field: "decAbove", sign: -1 },
  { header: "Escaped poverty", subject: "poor", field: "decAbove", sign: -1 },
  // re-entered, newly poor
  { header: "Số hộ tái nghèo", subject: "poor", field: "incRe", sign: 1 },
  { header: "Số hộ tái cận nghèo", subject: "nearPoor", field: "incRe", sign: 1 },
  { header: "Số hộ nghèo phát sinh", subject: "poor", field: "incNew", sign: 1 },
  { header: "Hộ cận nghèo phát sinh mới", subject: "nearPoor", field: "incNew", sign: 1 },
  { header: "Re-poor", subject: "poor", field: "incRe", sign: 1 },
  { header: "Newly poor", subject: "poor", field: "incNew", sign: 1 },
  // other decreases and increases
  { header: "Giảm khác", subject: "poor", field: "decOther", sign: -1 },
  { header: "Tăng khác", subject: "poor", field: "incOther", sign: 1 },
  { header: "Giảm trong năm / Khác", subject: "nearPoor", field: "decOther", sign: -1 },
  { header: "Tăng trong năm / Khác", subject: "nearPoor", field: "incOther", sign: 1 },
  { header: "Do chết, chuyển đi nơi khác, tách nhập hộ", subject: "poor", field: "decOther", sign: -1 },
  { header: "Chuyển đến", subject: "poor", field: "incOther", sign: 1 },
  { header: "Other decrease", subject: "poor", field: "decOther", sign: -1 },
  { header: "Other increase", subject: "poor", field: "incOther", sign: 1 },
  // net totals
  { header: "Số hộ giảm", subject: "poor", field: "decTotal", sign: -1 },
  { header: "Số hộ nghèo giảm trong năm", subject: "poor", field: "decTotal", sign: -1 },
  { header: "Số hộ tăng", subject: "poor", field: "incTotal", sign: 1 },
  { header: "Tổng số giảm", subject: "nearPoor", field: "decTotal", sign: -1 },
  { header: "Số hộ thoát nghèo / Tổng số", subject: "poor", field: "decTotal", sign: -1 },
  { header: "Tăng trong năm / Cộng", subject: "poor", field: "incTotal", sign: 1 },
  { header: "Số hộ thoát cận nghèo / Số hộ", subject: "nearPoor", field: "decAbove", sign: -1 },
  { header: "Số hộ cận nghèo phát sinh / Số hộ", subject: "nearPoor", field: "incNew", sign: 1 },
];
