/**
 * docs/standards.md and the `poverty standards` text, generated from the standards data (src/core/standards):
 * nothing here states a line, a cutoff or an indicator — every value is read from a `Standard`.
 * Vietnamese first, then English. `null` values are shown as unknown, never guessed.
 */
import {
  citationDocument,
  DEFAULT_CUTOVER_MONTH,
  defaultReviewYear,
  FIRST_REVIEW_YEAR,
  formatNumber,
  LAST_REVIEW_YEAR,
  legalBasis,
  listStandards,
  pick,
  standardForYear,
  TITLE_YEAR_FORMS,
  type Lang,
  type Standard,
} from "../core";
import { textTable } from "./demo/print";

const T = (lang: Lang, vi: string, en: string) => (lang === "vi" ? vi : en);

/** Wording of the classification rule shapes (schema.ts `RuleSchema`). */
const RULE_TEXT: Record<Standard["rule"], { vi: string; en: string }> = {
  band: {
    vi: "“dải” — hộ nghèo: thu nhập ≤ chuẩn nghèo, hoặc thu nhập ≤ chuẩn cận nghèo và số chỉ số thiếu hụt ≥ ngưỡng; hộ cận nghèo: chuẩn nghèo < thu nhập ≤ chuẩn cận nghèo và thiếu hụt < ngưỡng",
    en: "“band” — poor: income ≤ poverty line, or income ≤ near-poverty line and deprivations ≥ cutoff; near-poor: poverty line < income ≤ near-poverty line and deprivations < cutoff",
  },
  and: {
    vi: "“và” — hộ nghèo: thu nhập ≤ chuẩn nghèo và số chỉ số thiếu hụt ≥ ngưỡng; hộ cận nghèo: thu nhập ≤ chuẩn nghèo và thiếu hụt < ngưỡng",
    en: "“and” — poor: income ≤ poverty line and deprivations ≥ cutoff; near-poor: income ≤ poverty line and deprivations < cutoff",
  },
};

/** Wording of `averageAgriculturalOnly` (schema.ts). */
const AGRI_TEXT: Record<string, { vi: string; en: string }> = {
  true: {
    vi: "chỉ hộ làm nông nghiệp, lâm nghiệp, ngư nghiệp, diêm nghiệp (cột “Hộ NLNDN” của danh sách); thiếu thông tin này thì công cụ ghi rõ là chưa xác định, không tính mọi hộ trong khoảng thu nhập",
    en: "agriculture, forestry, fishery and salt households only (the roster's “agricultural household” column); without it the tool says the category is not determined instead of counting every household in the income band",
  },
  false: {
    vi: "không giới hạn: mọi hộ có thu nhập trong khoảng",
    en: "none: every household in the income band",
  },
  null: { vi: "chưa rõ", en: "unknown" },
};

/**
 * How the review year — and so the standard — is chosen, from the core's constants (src/core/standards/year.ts):
 * precedence, the default with its cut-over month, the title forms read, and the legal basis of each year.
 */
export function yearResolutionMarkdown(lang: Lang): string[] {
  const out: string[] = [];
  const example = (d: Date) => {
    const y = defaultReviewYear(d);
    const day = `${String(d.getDate()).padStart(2, "0")}/${String(d.getMonth() + 1).padStart(2, "0")}/${d.getFullYear()}`;
    return `| ${day} | ${y} | ${pick(citationDocument(standardForYear(y).citation), lang)} |`;
  };
  out.push(`### ${T(lang, "Năm rà soát và chuẩn áp dụng", "Review year and the standard used")}`, "");
  out.push(
    T(
      lang,
      "Mọi phần của công cụ (hàm Excel, ngăn tác vụ, dòng lệnh) chọn năm rà soát theo cùng một thứ tự, và luôn ghi năm, chuẩn và lý do ở đầu kết quả:",
      "Every face of the tool (Excel functions, task pane, command line) picks the review year in the same order and always states the year, the standard and why at the top of its output:",
    ),
    "",
    T(
      lang,
      "1. năm người dùng chọn (tùy chọn `--year`, đối số năm của hàm, năm chọn trong ngăn tác vụ);",
      "1. the year the user chose (the `--year` option, a function's year argument, the year chosen in the pane);",
    ),
    T(lang, "2. năm rà soát ghi trong tiêu đề của trang tính;", "2. the review year in the sheet's title;"),
    T(
      lang,
      "3. năm rà soát ghi trong tiêu đề một trang khác của cùng tệp (ví dụ trang bìa);",
      "3. the review year in the title of another sheet of the same workbook (e.g. a cover sheet);",
    ),
    T(
      lang,
      `4. năm mặc định: năm rà soát gần nhất đã có kết quả. Rà soát định kỳ năm N diễn ra từ 01/09 đến 14/12 năm N (Quyết định 24/2021/QĐ-TTg, Điều 4); kết quả cả nước được công bố cuối tháng 1 – đầu tháng 2 năm N + 1 (Quyết định 71/QĐ-LĐTBXH ngày 19/01/2023, 134/QĐ-BLĐTBXH ngày 31/01/2024, 217/QĐ-BLĐTBXH ngày 04/02/2025). Vì vậy từ **tháng chuyển** (mặc định tháng ${DEFAULT_CUTOVER_MONTH}) của năm C, năm mặc định là C − 1; trước tháng đó là C − 2. Tháng chuyển là một tùy chọn (\`--cutover-month\` ở dòng lệnh; cài đặt của ngăn tác vụ).`,
      `4. the default: the latest review whose results exist. The periodic review of year N runs from 1 September to 14 December of N (Decision 24/2021/QĐ-TTg, Art. 4); the national results are published in late January – early February of N + 1 (Decisions 71/QĐ-LĐTBXH of 19/01/2023, 134/QĐ-BLĐTBXH of 31/01/2024, 217/QĐ-BLĐTBXH of 04/02/2025). So from the **cut-over month** (default month ${DEFAULT_CUTOVER_MONTH}) of year C the default is C − 1, and before it C − 2. The cut-over month is a setting (\`--cutover-month\` on the command line; a pane setting).`,
    ),
    "",
    T(lang, "| Ngày | Năm rà soát mặc định | Chuẩn |", "| Date | Default review year | Standard |"),
    "|---|---:|---|",
    ...[
      new Date(2026, 11, 4),
      new Date(2027, 0, 15),
      new Date(2027, 1, 1),
      new Date(2027, 7, 31),
      new Date(2028, 1, 1),
    ].map(example),
    "",
    T(
      lang,
      "Tiêu đề được đọc theo các dạng sau, dạng trên mạnh hơn dạng dưới; khoảng thời gian (“giai đoạn 2021–2025”, “2022-2025”, “2021 - 2025”), ngày tháng, số hiệu văn bản (“07/2021/NĐ-CP”) và mốc “đến năm 2030” không bao giờ là năm rà soát:",
      "Titles are read in these forms, stronger first; period spans (“giai đoạn 2021–2025”, “2022-2025”, “2021 - 2025”), dates, document numbers (“07/2021/NĐ-CP”) and horizons (“đến năm 2030”) are never a review year:",
    ),
    "",
    T(lang, "| Dạng | Ví dụ |", "| Form | Examples |"),
    "|---|---|",
    ...TITLE_YEAR_FORMS.map((f) => `| ${cell(pick(f, lang))} | ${f.examples.map((e) => `“${cell(e)}”`).join("; ")} |`),
    "",
    T(
      lang,
      `Năm ngoài ${FIRST_REVIEW_YEAR}–${LAST_REVIEW_YEAR} không thuộc chuẩn nào: công cụ báo lỗi, nói năm đó lấy từ đâu.`,
      `A year outside ${FIRST_REVIEW_YEAR}–${LAST_REVIEW_YEAR} has no standard: the tool says so, and where the year came from.`,
    ),
    "",
    T(lang, "| Năm rà soát | Chuẩn | Căn cứ |", "| Review year | Standard | Legal basis |"),
    "|---|---|---|",
  );
  for (const s of listStandards())
    for (const b of s.yearBasis ?? [])
      out.push(
        `| ${b.from === b.to ? b.from : `${b.from}–${b.to}`} | \`${s.id}\` | ${cell(pick(legalBasis(b.from), lang))} |`,
      );
  out.push("");
  return out;
}

const unknown = (lang: Lang) => T(lang, "chưa rõ", "unknown");
const vnd = (v: number | null, lang: Lang) =>
  v === null ? unknown(lang) : `${formatNumber(v, lang)} ${T(lang, "đ", "VND")}`;
const num = (v: number | null, lang: Lang) =>
  v === null ? unknown(lang) : formatNumber(v, lang, Number.isInteger(v) ? 0 : 2);
const date = (iso: string | null | undefined, lang: Lang) => {
  if (!iso) return unknown(lang);
  const [y, m, d] = iso.split("-");
  return lang === "vi" ? `${d}/${m}/${y}` : iso;
};
const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

function indicatorTable(list: NonNullable<Standard["indicators"]>, standard: Standard, lang: Lang): string[] {
  const service = (id: string) => {
    const s = standard.services.find((x) => x.id === id);
    return s ? pick(s.name, lang) : id;
  };
  return [
    T(lang, "| # | Mã | Chỉ số | Dịch vụ xã hội cơ bản |", "| # | Id | Indicator | Basic social service |"),
    "|---|---|---|---|",
    ...list.map(
      (ind, j) => `| ${j + 1} | \`${ind.id}\` | ${cell(pick(ind.name, lang))} | ${cell(service(ind.service))} |`,
    ),
  ];
}

/** One standard as markdown in one language (a level-3 section). */
export function standardMarkdown(s: Standard, lang: Lang): string[] {
  const out: string[] = [];
  out.push(`### ${pick(s.name, lang)} (\`${s.id}\`)`, "");
  out.push(`- ${T(lang, "Văn bản", "Legal source")}: ${pick(s.citation, lang)}`);
  out.push(
    `- ${T(lang, "Ban hành", "Issued")}: ${date(s.citation.issued, lang)}; ${T(lang, "hiệu lực", "in force")}: ${date(s.citation.effective, lang)}`,
  );
  if (s.citation.note) out.push(`- ${T(lang, "Ghi chú văn bản", "Note")}: ${pick(s.citation.note, lang)}`);
  out.push(`- ${T(lang, "Năm rà soát", "Review years")}: ${s.reviewYears.from}–${s.reviewYears.to}`);
  for (const b of s.yearBasis ?? [])
    out.push(`  - ${b.from === b.to ? b.from : `${b.from}–${b.to}`}: ${pick(b, lang)}`);
  out.push(`- ${T(lang, "Quy tắc phân loại", "Classification rule")}: ${pick(RULE_TEXT[s.rule], lang)}`);
  out.push(
    `- ${T(lang, "Ngưỡng thiếu hụt", "Deprivation cutoff")}: ≥ ${s.deprivationCutoff} ${T(lang, "chỉ số", "indicators")}`,
  );
  out.push("");
  out.push(`#### ${T(lang, "Chuẩn thu nhập (đồng/người/tháng)", "Income lines (VND per person per month)")}`, "");
  out.push(
    T(
      lang,
      "| Khu vực | Chuẩn nghèo | Chuẩn cận nghèo | Cận trên mức sống trung bình |",
      "| Area | Poverty line | Near-poverty line | Average-living ceiling |",
    ),
    "|---|---:|---:|---:|",
  );
  for (const area of ["rural", "urban"] as const) {
    const l = s.lines[area];
    out.push(
      `| ${pick(s.areaNames[area], lang)} | ${vnd(l.poverty, lang)} | ${vnd(l.nearPoverty, lang)} | ${vnd(l.averageCeiling, lang)} |`,
    );
  }
  out.push("");
  out.push(`#### ${T(lang, "Chỉ số thiếu hụt", "Deprivation indicators")}`, "");
  if (s.indicators) out.push(...indicatorTable(s.indicators, s, lang));
  else
    out.push(
      T(
        lang,
        "Chưa có danh sách chỉ số chính thức: mọi phép tính cần danh sách này sẽ báo lỗi thay vì đoán.",
        "The official indicator list is not known: every calculation that needs it fails instead of guessing.",
      ),
    );
  if (s.draftIndicators) {
    out.push(
      "",
      T(
        lang,
        "Danh sách dự thảo (chỉ để tham khảo, không dùng để tính):",
        "Draft list (for information only, never used for calculation):",
      ),
      "",
    );
    out.push(...indicatorTable(s.draftIndicators, s, lang));
  }
  out.push("");
  out.push(`#### ${T(lang, "Điểm phiếu B1/B2", "Scores (forms B1/B2)")}`, "");
  out.push(
    `- ${T(lang, "Ngưỡng điểm A (B1)", "Score A (B1) threshold")}: ${pick(s.areaNames.rural, lang)} ${num(s.scores.aThreshold.rural, lang)}; ${pick(s.areaNames.urban, lang)} ${num(s.scores.aThreshold.urban, lang)}`,
  );
  out.push(
    `- ${T(lang, "Điểm B (B2) mỗi chỉ số thiếu hụt", "Score B (B2) per deprivation")}: ${num(s.scores.bPerDeprivation, lang)}; ${T(lang, "ngưỡng điểm B", "score B cutoff")}: ${num(s.scores.bCutoff, lang)}`,
  );
  if (s.averageCategoryNote)
    out.push(
      `- ${T(lang, "Hộ có mức sống trung bình", "Average living standard")}: ${pick(s.averageCategoryNote, lang)}`,
    );
  out.push(
    `- ${T(lang, "Điều kiện ngành nghề của hộ có mức sống trung bình", "Trade condition of the average-living category")}: ${pick(AGRI_TEXT[String(s.averageAgriculturalOnly)], lang)}`,
  );
  out.push("");
  if (s.notes?.length) {
    out.push(`#### ${T(lang, "Ghi chú", "Notes")}`, "");
    for (const n of s.notes) out.push(`- ${pick(n, lang)}`);
    out.push("");
  }
  out.push(`#### ${T(lang, "Giá trị chưa chắc chắn", "Uncertain values")}`, "");
  if (s.uncertain.length) {
    out.push(T(lang, "| Vị trí trong dữ liệu | Ghi chú |", "| Where in the data | Note |"), "|---|---|");
    for (const u of s.uncertain) out.push(`| \`${u.path}\` | ${cell(pick(u.note, lang))} |`);
  } else out.push(T(lang, "Không có.", "None."));
  out.push("");
  return out;
}

/** The whole of docs/standards.md: every national standard, Vietnamese first, then English. */
export function standardsMarkdown(standards: readonly Standard[] = listStandards()): string {
  const out: string[] = [
    "# Chuẩn nghèo / Poverty standards",
    "",
    "<!-- Tệp sinh tự động từ src/core/standards — không sửa tay. Generated from src/core/standards — do not edit. -->",
    "<!-- node bin/poverty.js standards --markdown > docs/standards.md -->",
    "",
    "Số liệu dưới đây là dữ liệu mà công cụ dùng để phân loại hộ, lấy theo năm rà soát. “chưa rõ” = văn bản chưa cho giá trị: công cụ báo lỗi thay vì đoán.",
    "",
    "The values below are the data the tool classifies with, selected by review year. “unknown” = the law gives no value yet: the tool fails instead of guessing.",
    "",
    "## Tiếng Việt",
    "",
    ...yearResolutionMarkdown("vi"),
  ];
  for (const s of standards) out.push(...standardMarkdown(s, "vi"));
  out.push("## English", "", ...yearResolutionMarkdown("en"));
  for (const s of standards) out.push(...standardMarkdown(s, "en"));
  return out.join("\n").replace(/\n+$/, "") + "\n";
}

/** Plain text of one standard for the terminal (markdown tables become aligned columns). */
export function standardText(s: Standard, lang: Lang): string[] {
  const out: string[] = [];
  let table: string[][] = [];
  const flush = () => {
    if (table.length)
      out.push(
        ...textTable(
          table[0],
          table.slice(1),
          table[0].map(() => "l"),
        ).map((l) => l.trimEnd()),
      );
    table = [];
  };
  for (const line of standardMarkdown(s, lang)) {
    if (/^\|[-:|]+\|$/.test(line)) continue;
    const row = /^\| (.*) \|$/.exec(line);
    if (row) {
      table.push(row[1].split(" | ").map((c) => c.replace(/`/g, "").replace(/\\\|/g, "|")));
      continue;
    }
    flush();
    out.push(line.replace(/^#{3,4} /, "").replace(/`/g, ""));
  }
  flush();
  return out;
}
