/**
 * docs/standards.md and the `poverty standards` text, generated from the standards data (src/core/standards):
 * nothing here states a line, a cutoff or an indicator — every value is read from a `Standard`.
 * Vietnamese first, then English. `null` values are shown as unknown, never guessed.
 */
import { formatNumber, listStandards, pick, type Lang, type Standard } from "../core";
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
  ];
  for (const s of standards) out.push(...standardMarkdown(s, "vi"));
  out.push("## English", "");
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
