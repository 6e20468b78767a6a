/**
 * Which review year (năm rà soát) — and so which standard — a calculation uses, and why. One resolver for every
 * face (custom functions, task pane, command line):
 *
 *   explicit option  >  the sheet's review year (its title)  >  the workbook's (another sheet's title)  >  the default
 *
 * The default is the latest review whose results exist on `today`. A periodic review runs from 1 September to
 * 14 December of year Y (Decision 24/2021/QĐ-TTg, Art. 4); communes recognise the lists in December and the ministry
 * publishes the national results in late January or early February of Y + 1 (Decisions 71/QĐ-LĐTBXH of 19/01/2023,
 * 134/QĐ-BLĐTBXH of 31/01/2024, 217/QĐ-BLĐTBXH of 04/02/2025). So from the cut-over month (default February) of
 * year C the default is review year C − 1, and before it C − 2: on 04/12/2026 it is 2025 (Decree 07/2021/NĐ-CP),
 * and the lists of the 2026 review (still Decree 07/2021) stay the default through January 2028.
 *
 * Every result carries its source and a bilingual reason, so each output can say which year and standard it used.
 * The core never reads the clock: callers pass `today`.
 */
import { fail } from "../errors";
import type { Bilingual } from "../i18n";
import type { Standard } from "./schema";
import { FIRST_REVIEW_YEAR, LAST_REVIEW_YEAR, standardForYear, standardById, unknownYearMessage } from "./lookup";

// -------------------------------------------------------------------------------------------------
// The default review year
// -------------------------------------------------------------------------------------------------

/**
 * Default cut-over month (1 = January … 12 = December): from this month of year C, the results of review year C − 1
 * are taken as published. February: national results have come out between 19 January and 4 February.
 */
export const DEFAULT_CUTOVER_MONTH = 2;

export interface DefaultYearOptions {
  /** Month (1–12) from which last year's review counts as published; default `DEFAULT_CUTOVER_MONTH` (2). */
  cutoverMonth?: number;
}

function checkToday(today: unknown): Date {
  const t = today instanceof Date ? today.getTime() : NaN;
  if (!Number.isFinite(t)) {
    fail("INVALID_ARGUMENT", "Ngày hiện tại không hợp lệ.", "The current date is not valid.", { today });
  }
  return today as Date;
}

function checkCutover(month: unknown): number {
  const m = month ?? DEFAULT_CUTOVER_MONTH;
  if (typeof m !== "number" || !Number.isInteger(m) || m < 1 || m > 12) {
    fail(
      "INVALID_ARGUMENT",
      `Tháng chuyển năm rà soát mặc định "${String(month)}" không hợp lệ: cần số nguyên 1–12.`,
      `Cut-over month "${String(month)}" is not valid: a whole number 1–12 is needed.`,
      { cutoverMonth: month },
    );
  }
  return m;
}

/**
 * The default review year on `today` (local time): the latest review whose results exist. From the cut-over month
 * (default February) of year C it is C − 1; before it, C − 2. Clamped into the supported years (2015–2030).
 * Examples with the default cut-over: 04/12/2026 → 2025; 15/01/2027 → 2025; 01/02/2027 → 2026.
 * @throws PovertyError INVALID_ARGUMENT for an invalid Date or cut-over month.
 */
export function defaultReviewYear(today: Date, opts: DefaultYearOptions = {}): number {
  const d = checkToday(today);
  const cutover = checkCutover(opts.cutoverMonth);
  const y = d.getFullYear() - (d.getMonth() + 1 >= cutover ? 1 : 2);
  return Math.min(LAST_REVIEW_YEAR, Math.max(FIRST_REVIEW_YEAR, y));
}

const pad2 = (n: number) => String(n).padStart(2, "0");
const dmy = (d: Date) => `${pad2(d.getDate())}/${pad2(d.getMonth() + 1)}/${d.getFullYear()}`;

/** Why `defaultReviewYear(today)` is what it is, in words. */
export function defaultYearReason(today: Date, opts: DefaultYearOptions = {}): Bilingual {
  const d = checkToday(today);
  const cutover = checkCutover(opts.cutoverMonth);
  const y = defaultReviewYear(d, opts);
  const raw = d.getFullYear() - (d.getMonth() + 1 >= cutover ? 1 : 2);
  const clamp =
    raw === y
      ? { vi: "", en: "" }
      : {
          vi: ` (năm ${raw} nằm ngoài các năm có chuẩn ${FIRST_REVIEW_YEAR}–${LAST_REVIEW_YEAR})`,
          en: ` (year ${raw} is outside the supported ${FIRST_REVIEW_YEAR}–${LAST_REVIEW_YEAR})`,
        };
  return {
    vi: `mặc định: năm rà soát gần nhất đã có kết quả tính đến ngày ${dmy(d)} là ${y}${clamp.vi} (kết quả rà soát năm N được tính là đã công bố từ tháng ${cutover} năm N + 1)`,
    en: `default: the latest review with published results on ${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())} is ${y}${clamp.en} (the results of review year N count as published from month ${cutover} of N + 1)`,
  };
}

// -------------------------------------------------------------------------------------------------
// The review year written in a title
// -------------------------------------------------------------------------------------------------

/** How a title names its review year, strongest first. */
export type TitleYearForm = "reviewYear" | "reviewOfYear" | "yearWord" | "bareYear";

/**
 * The title forms `reviewYearInText` recognises, strongest first, with examples (tested one by one). Period spans
 * ("giai đoạn 2021–2025", "2022-2025", "2021 - 2025", "từ năm 2021 đến năm 2025"), dates ("ngày 17 tháng 12 năm
 * 2021", "15/3/2023"), document numbers ("07/2021/NĐ-CP") and horizons ("đến năm 2030") are never a review year.
 */
export const TITLE_YEAR_FORMS: readonly { form: TitleYearForm; vi: string; en: string; examples: string[] }[] = [
  {
    form: "reviewYear",
    vi: "“năm rà soát Y”",
    en: "“năm rà soát Y” (review year Y)",
    examples: ["Năm rà soát: 2024", "DANH SÁCH HỘ NGHÈO (NĂM RÀ SOÁT 2023)", "Review year 2022"],
  },
  {
    form: "reviewOfYear",
    vi: "“(kết quả) rà soát / điều tra … năm Y”",
    en: "“(kết quả) rà soát / điều tra … năm Y” (results of the review of year Y)",
    examples: [
      "THEO CHUẨN NGHÈO ĐA CHIỀU GIAI ĐOẠN 2021 - 2025 (KẾT QUẢ RÀ SOÁT NĂM 2023)",
      "Theo kết quả điều tra, rà soát hộ nghèo cuối năm 2022",
      "TỔNG HỢP KẾT QUẢ RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO NĂM 2024 GIAI ĐOẠN 2022-2025",
      "Results of the 2023 review",
    ],
  },
  {
    form: "yearWord",
    vi: "“năm Y”",
    en: "“năm Y” (year Y)",
    examples: ["DANH SÁCH HỘ NGHÈO NĂM 2019", "Hộ cận nghèo cuối năm 2021 (chuẩn giai đoạn 2016–2020)"],
  },
  {
    form: "bareYear",
    vi: "một năm đứng riêng",
    en: "a year on its own",
    examples: ["Danh sách hộ 2024 — phường A"],
  },
];

/** A review year found in a title, with where it came from. */
export interface YearClue {
  year: number;
  /** How the text named it (absent when the year came from elsewhere, e.g. a pane setting). */
  form?: TitleYearForm;
  /** The words that named it, as written ("KẾT QUẢ RÀ SOÁT NĂM 2023"). */
  text?: string;
  /** The sheet whose title it is. */
  sheet?: string;
}

const Y = "((?:19|20)\\d\\d)(?!\\d)";

/**
 * Lower case without diacritics (đ → d), one character for one character, so positions in the folded text are
 * positions in the original.
 */
function foldSameLength(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    let f = ch
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase();
    if (f === "đ") f = "d";
    if (f.length !== 1) f = f.length ? f[0] : " ";
    out += f;
  }
  return out;
}

const MASKS: RegExp[] = [
  // dates: "ngày 17 tháng 12 năm 2021", "tháng 3 năm 2023", "15/3/2023", "15-03-2023", "2023-03-15"
  /ngay\s+\d{1,2}\s+thang\s+\d{1,2}\s+nam\s+(?:19|20)\d\d/g,
  /thang\s+\d{1,2}\s*(?:nam\s+|[/.-]\s*)(?:19|20)\d\d/g,
  /\b\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*(?:19|20)\d\d\b/g,
  /\b(?:19|20)\d\d-\d\d-\d\d\b/g,
  // document numbers: "07/2021/NĐ-CP", "Nghị định 351/2025"
  /\b\d{1,5}\s*\/\s*(?:19|20)\d\d\b(?:\s*\/\s*[a-z0-9-]+)?/g,
  // spans: "2021–2025", "2021 - 2025", "2016 – 2020", "2021 đến năm 2025", "2021 to 2025"
  /\b(?:19|20)\d\d\s*(?:-|–|—|~|den|toi|to)\s*(?:nam\s+)?(?:19|20)\d\d\b/g,
  // horizons: "đến năm 2030", "định hướng đến năm 2030", "đến cuối năm 2025" (a target date, not the data's year)
  /\b(?:den|toi)\s+(?:het\s+|cuoi\s+)?nam\s+(?:19|20)\d\d\b/g,
];

const PLACE_BEFORE_NAM = /(?:viet|ha|quang|mien|phuong|dong|tay)\s+$/;

function findAll(re: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  const g = new RegExp(re.source, "g");
  let m: RegExpExecArray | null;
  while ((m = g.exec(text)) !== null) {
    out.push(m);
    if (m[0] === "") g.lastIndex++;
  }
  return out;
}

const PATTERNS: { form: TitleYearForm; re: RegExp }[] = [
  { form: "reviewYear", re: new RegExp(`\\bnam\\s+ra\\s+soat\\s*[:\\-–]?\\s*${Y}`) },
  { form: "reviewYear", re: new RegExp(`\\breview\\s+year\\s*[:\\-–]?\\s*${Y}`) },
  {
    form: "reviewOfYear",
    re: new RegExp(`(?:\\bket\\s+qua\\s+)?\\b(?:ra\\s+soat|dieu\\s+tra)\\b[^0-9]{0,80}?\\bnam\\s+${Y}`),
  },
  { form: "reviewOfYear", re: new RegExp(`\\b${Y}\\s+(?:poverty\\s+)?(?:review|census)\\b`) },
  { form: "reviewOfYear", re: new RegExp(`\\breview\\s+(?:of|for)\\s+(?:the\\s+)?(?:year\\s+)?${Y}`) },
  { form: "yearWord", re: new RegExp(`\\bnam\\s+${Y}`) },
  { form: "yearWord", re: new RegExp(`\\byear\\s+${Y}`) },
  { form: "bareYear", re: new RegExp(`\\b${Y}\\b`) },
];
const RANK: Record<TitleYearForm, number> = { reviewYear: 0, reviewOfYear: 1, yearWord: 2, bareYear: 3 };

/**
 * The review year a title names, or undefined. Forms (`TITLE_YEAR_FORMS`), strongest first: "năm rà soát Y";
 * "(kết quả) rà soát / điều tra … năm Y"; "năm Y"; a bare year. Within a form the first occurrence wins.
 * Period spans, dates, document numbers and horizons are ignored, so "…GIAI ĐOẠN 2021 - 2025 (KẾT QUẢ RÀ SOÁT NĂM
 * 2023)" gives 2023. Any case, with or without diacritics.
 */
export function reviewYearInText(text: string): YearClue | undefined {
  if (typeof text !== "string" || text === "") return undefined;
  const original = text.normalize("NFC");
  let folded = foldSameLength(original);
  for (const re of MASKS) folded = folded.replace(re, (m) => " ".repeat(m.length));
  let best: { rank: number; index: number; year: number; start: number; end: number; form: TitleYearForm } | undefined;
  for (const p of PATTERNS) {
    for (const m of findAll(p.re, folded)) {
      if (p.form === "yearWord" && PLACE_BEFORE_NAM.test(folded.slice(Math.max(0, m.index - 8), m.index))) continue;
      const rank = RANK[p.form];
      if (!best || rank < best.rank || (rank === best.rank && m.index < best.index)) {
        best = {
          rank,
          index: m.index,
          year: Number(m[1]),
          start: m.index,
          end: m.index + m[0].length,
          form: p.form,
        };
      }
    }
  }
  if (!best) return undefined;
  const quote = original.slice(best.start, best.end).replace(/\s+/g, " ").trim();
  return { year: best.year, form: best.form, text: quote };
}

// -------------------------------------------------------------------------------------------------
// The resolver
// -------------------------------------------------------------------------------------------------

/** Where the review year came from, in order of precedence. */
export type YearSource = "option" | "sheet" | "workbook" | "default";

export interface ReviewYearInput {
  /** A year the user chose (a `--year` option, a formula's year argument, the pane's year). */
  option?: number | null;
  /** How the user chose it, for the reason ("--year", "đối số năm của công thức" …). Default "tùy chọn năm". */
  optionName?: Bilingual;
  /** The review year of the sheet itself (its title). */
  sheet?: YearClue;
  /** The workbook's review year (another sheet's title, a cover sheet). */
  workbook?: YearClue;
  /** Today, for the default; without it, a missing year is an error. */
  today?: Date;
  /** Cut-over month of the default (see `defaultReviewYear`). */
  cutoverMonth?: number;
  /** A provincial standard, used inside its review years (see `standardForYear`). */
  local?: Standard;
}

export interface ResolvedReviewYear {
  year: number;
  standard: Standard;
  source: YearSource;
  /** Why this year, in words (no trailing period): "năm rà soát 2023 đọc từ tiêu đề trang …". */
  reason: Bilingual;
  /** The clue used (sheet or workbook sources). */
  clue?: YearClue;
  /** Lower-precedence sources that named a different year (mentioned in the reason). */
  overridden: { source: YearSource; year: number; clue?: YearClue }[];
}

const OPTION_NAME: Bilingual = { vi: "tùy chọn năm", en: "year option" };

function clueText(c: YearClue): Bilingual {
  const where =
    c.sheet !== undefined ? { vi: ` trang "${c.sheet}"`, en: ` of sheet "${c.sheet}"` } : { vi: "", en: "" };
  const words = c.text ? `: “${c.text}”` : "";
  return { vi: `tiêu đề${where.vi}${words}`, en: `the title${where.en}${words}` };
}

function unsupported(year: number, source: YearSource, clue?: YearClue): never {
  const from = clue ? clueText(clue) : source === "option" ? OPTION_NAME : undefined;
  const m = unknownYearMessage(year, from);
  return fail("UNKNOWN_YEAR", m.vi, m.en, {
    year,
    source,
    ...(clue?.sheet !== undefined ? { sheet: clue.sheet } : {}),
  });
}

const supported = (y: number) => Number.isInteger(y) && y >= FIRST_REVIEW_YEAR && y <= LAST_REVIEW_YEAR;

/**
 * The review year and standard to use, and why: explicit option > the sheet's review year > the workbook's > the
 * default (`defaultReviewYear(today)`). A year from a higher-precedence source is used even when a lower one says
 * otherwise; the reason mentions the other year.
 * @throws PovertyError UNKNOWN_YEAR when the year chosen is outside 2015–2030 (the message says where it came from);
 *   MISSING_VALUE when no source gives a year and `today` is not given; INVALID_ARGUMENT for a bad date or month.
 */
export function resolveReviewYear(input: ReviewYearInput): ResolvedReviewYear {
  if (input.cutoverMonth !== undefined) checkCutover(input.cutoverMonth); // a bad setting fails even when unused
  const candidates: { source: YearSource; year: number; clue?: YearClue }[] = [];
  if (input.option !== undefined && input.option !== null) candidates.push({ source: "option", year: input.option });
  if (input.sheet) candidates.push({ source: "sheet", year: input.sheet.year, clue: input.sheet });
  if (input.workbook) candidates.push({ source: "workbook", year: input.workbook.year, clue: input.workbook });
  let chosen = candidates[0];
  let reasonHead: Bilingual;
  if (!chosen) {
    if (input.today === undefined) {
      fail(
        "MISSING_VALUE",
        "Không xác định được năm rà soát: không có tùy chọn năm và tiêu đề không ghi năm.",
        "The review year is not known: no year option and no year in the title.",
      );
    }
    const year = defaultReviewYear(input.today, { cutoverMonth: input.cutoverMonth });
    chosen = { source: "default", year };
    reasonHead = defaultYearReason(input.today, { cutoverMonth: input.cutoverMonth });
  } else if (chosen.source === "option") {
    const name = input.optionName ?? OPTION_NAME;
    reasonHead = {
      vi: `năm rà soát ${chosen.year} do người dùng chọn (${name.vi})`,
      en: `review year ${chosen.year} chosen by the user (${name.en})`,
    };
  } else {
    const c = clueText(chosen.clue!);
    reasonHead =
      chosen.source === "sheet"
        ? { vi: `năm rà soát ${chosen.year} đọc từ ${c.vi}`, en: `review year ${chosen.year} read from ${c.en}` }
        : {
            vi: `năm rà soát ${chosen.year} đọc từ ${c.vi} (tiêu đề trang đang xét không ghi năm)`,
            en: `review year ${chosen.year} read from ${c.en} (the sheet's own title names no year)`,
          };
  }
  if (typeof chosen.year !== "number" || !supported(chosen.year)) unsupported(chosen.year, chosen.source, chosen.clue);
  const overridden = candidates.slice(1).filter((c) => c.year !== chosen.year);
  let reason = reasonHead;
  if (overridden.length) {
    const o = overridden[0];
    const what: Bilingual = o.clue ? clueText(o.clue) : OPTION_NAME;
    reason = {
      vi: `${reason.vi}; ${what.vi} ghi năm ${o.year} nhưng không được dùng`,
      en: `${reason.en}; ${what.en} says ${o.year} but is not used`,
    };
  }
  const standard = standardForYear(chosen.year, input.local ? { local: input.local } : undefined);
  return {
    year: chosen.year,
    standard,
    source: chosen.source,
    reason,
    ...(chosen.clue ? { clue: chosen.clue } : {}),
    overridden,
  };
}

/**
 * One line that says which year and standard were used and why, for the first line of a CLI report, a JSON header,
 * a pane banner or a report note: "Năm rà soát 2019 · Quyết định 59/2015/QĐ-TTg · năm rà soát 2019 đọc từ …".
 */
export function describeReviewYear(r: ResolvedReviewYear): Bilingual {
  return {
    vi: `Năm rà soát ${r.year} · chuẩn ${r.standard.citation.document} · ${r.reason.vi}`,
    en: `Review year ${r.year} · standard ${r.standard.citation.document} · ${r.reason.en}`,
  };
}

// -------------------------------------------------------------------------------------------------
// Legal basis of a review year
// -------------------------------------------------------------------------------------------------

/**
 * The legal basis of the standard for a review year, one sentence in each language, from the standards data
 * (`yearBasis`): e.g. 2026 → "Nghị định 07/2021/NĐ-CP: chuẩn giai đoạn 2022–2025 tiếp tục áp dụng cho năm rà soát
 * 2026, năm chuyển tiếp theo Nghị định 351/2025/NĐ-CP." With a local standard covering the year: the province's
 * citation, then the national basis it raises.
 * @throws PovertyError UNKNOWN_YEAR for a year outside 2015–2030.
 */
export function legalBasis(year: number, opts: { local?: Standard } = {}): Bilingual {
  const standard = standardForYear(year, opts.local ? { local: opts.local } : undefined);
  const national = standard.scope === "local" ? standardById(standard.basedOn ?? "") : standard;
  const entry = national?.yearBasis?.find((b) => year >= b.from && year <= b.to);
  const base: Bilingual = entry
    ? { vi: entry.vi, en: entry.en }
    : { vi: `${standardForYear(year).citation.vi}.`, en: `${standardForYear(year).citation.en}.` };
  if (standard.scope !== "local") return base;
  const where = standard.province
    ? { vi: ` (${standard.province})`, en: ` (${standard.province})` }
    : { vi: "", en: "" };
  return {
    vi: `Chuẩn nghèo địa phương${where.vi}: ${standard.citation.vi}; nâng mức của chuẩn quốc gia — ${base.vi}`,
    en: `Local poverty standard${where.en}: ${standard.citation.en}; raising the national standard — ${base.en}`,
  };
}
