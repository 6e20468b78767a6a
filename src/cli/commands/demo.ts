import { parseReduction, resolveReviewYear, type Bilingual } from "../../core";
import type { Command } from "../command";
import { runDemo } from "../demo/run";
import { opt, parseCommandLine } from "../options";
import { FRAME_SPEC, FRAME_USAGE, frameOptionsOf } from "../args";

/** Options of `poverty demo` (add an option: one line here). */
const DEMO_OPTIONS = {
  out: opt.withDefault(opt.text("demo"), "demo"),
  seed: opt.withDefault(opt.int(0, 2 ** 31 - 1), 2026),
  year: opt.year(),
  "cutover-month": opt.int(1, 12),
  // percentage points, read like the pane and `poverty targets` (core parseReduction)
  reduction: opt.withDefault(
    opt.custom("1,5", (t) => parseReduction(t)),
    parseReduction("1.5"),
  ),
  images: opt.flag(),
  lang: opt.lang(),
  ...FRAME_SPEC,
  force: opt.flag(),
};

/** `poverty demo` — the main job on built-in sample data. */
export const demoCommand: Command = {
  name: "demo",
  summaryVi: "Chạy toàn bộ quy trình trên dữ liệu mẫu có sẵn (ghi vào thư mục demo/)",
  summaryEn: "Run the whole workflow on built-in sample data (writes to demo/)",
  usage: `poverty demo [--out demo] [--seed 2026] [--year <năm rà soát>] [--cutover-month M] [--reduction 1,5] [--images] [--lang vi|en] ${FRAME_USAGE} [--force]`,
  async run(args, io) {
    const { values } = parseCommandLine(args, DEMO_OPTIONS, { max: 0 });
    // The year and why, as every command says it (core resolveReviewYear). The sample households are drawn for the
    // 2021–2025 standard (Decree 07/2021): a later default year is held at its last review year, 2026, and said so.
    const resolved = resolveReviewYear({
      option: values.year,
      optionName: { vi: "tùy chọn --year", en: "the --year option" },
      today: new Date(),
      cutoverMonth: values["cutover-month"],
    });
    const SAMPLE_LAST_YEAR = 2026;
    const reviewYear = resolved.source === "default" ? Math.min(resolved.year, SAMPLE_LAST_YEAR) : resolved.year;
    const why: Bilingual =
      reviewYear === resolved.year
        ? resolved.reason
        : {
            vi: `${resolved.reason.vi}; dữ liệu mẫu được lập cho chuẩn giai đoạn 2021–2025 nên chạy thử dùng năm ${reviewYear} (chọn năm khác bằng --year)`,
            en: `${resolved.reason.en}; the sample data is drawn for the 2021–2025 standard, so the demo uses ${reviewYear} (choose another with --year)`,
          };
    const given = frameOptionsOf(values);
    await runDemo(
      {
        outDir: values.out,
        seed: values.seed,
        reviewYear,
        yearReason: why,
        reduction: values.reduction,
        images: values.images,
        lang: values.lang,
        force: values.force,
        frame: Object.keys(given).length > 0 ? given : undefined,
      },
      io,
    );
    return 0;
  },
};
