/**
 * `poverty standards [--year N] [--lang vi|en]` prints the poverty standard of a review year;
 * `poverty standards --markdown [--year N]` prints docs/standards.md (all standards, or the year's).
 * Everything comes from src/core/standards (see ../standards-doc.ts).
 */
import { defaultReviewYear, standardForYear } from "../../core";
import type { Command } from "../command";
import { opt, parseCommandLine } from "../options";
import { standardMarkdown, standardsMarkdown, standardText } from "../standards-doc";

const USAGE = "poverty standards [--year N] [--lang vi|en] [--markdown]";

export const standardsCommand: Command = {
  name: "standards",
  summaryVi:
    "In chuẩn nghèo của một năm rà soát (chuẩn thu nhập, chỉ số thiếu hụt, căn cứ pháp lý), hoặc docs/standards.md",
  summaryEn:
    "Print the poverty standard of a review year (income lines, indicators, legal source), or docs/standards.md",
  usage: USAGE,
  async run(args, io) {
    const { values } = parseCommandLine(args, { year: opt.year(), lang: opt.lang(), markdown: opt.flag() }, { max: 0 });
    const { lang, year } = values;
    if (values.markdown) {
      if (year === undefined) io.out(standardsMarkdown().replace(/\n$/, ""));
      else {
        const s = standardForYear(year);
        for (const line of [...standardMarkdown(s, "vi"), ...standardMarkdown(s, "en")]) io.out(line);
      }
      return 0;
    }
    const y = year ?? defaultReviewYear(new Date());
    const s = standardForYear(y); // UNKNOWN_YEAR → exit 2
    io.out(lang === "vi" ? `Năm rà soát ${y}:` : `Review year ${y}:`);
    for (const line of standardText(s, lang)) io.out(line);
    return 0;
  },
};
