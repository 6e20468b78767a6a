import {
  SAMPLE_STANDARD,
  citationDocument,
  parseReduction,
  resolveReviewYear,
  type Bilingual,
  type ResolvedReviewYear,
} from "../../core";
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

/**
 * The demo's review year: the resolved one, except that a default year after the last review year of the sample's
 * standard (`SAMPLE_STANDARD`, from the standards data) is held at that year, and the reason says so. A year the
 * user chose is kept as chosen.
 */
export function demoReviewYear(resolved: ResolvedReviewYear): { reviewYear: number; why: Bilingual } {
  const last = SAMPLE_STANDARD.reviewYears.to;
  if (resolved.source !== "default" || resolved.year <= last)
    return { reviewYear: resolved.year, why: resolved.reason };
  const doc = citationDocument(SAMPLE_STANDARD.citation);
  return {
    reviewYear: last,
    why: {
      vi: `${resolved.reason.vi}; dữ liệu mẫu được lập cho chuẩn nghèo của ${doc.vi} (năm rà soát ${SAMPLE_STANDARD.reviewYears.from}–${last}) nên chạy thử dùng năm ${last} (chọn năm khác bằng --year)`,
      en: `${resolved.reason.en}; the sample data is drawn for the poverty standard of ${doc.en} (review years ${SAMPLE_STANDARD.reviewYears.from}–${last}), so the demo uses ${last} (choose another with --year)`,
    },
  };
}

/** `poverty demo` — the main job on built-in sample data. */
export const demoCommand: Command = {
  name: "demo",
  summaryVi: "Chạy toàn bộ quy trình trên dữ liệu mẫu có sẵn (ghi vào thư mục demo/)",
  summaryEn: "Run the whole workflow on built-in sample data (writes to demo/)",
  usage: `poverty demo [--out demo] [--seed 2026] [--year <năm rà soát>] [--cutover-month M] [--reduction 1,5] [--images] [--lang vi|en] ${FRAME_USAGE} [--force]`,
  async run(args, io) {
    const { values } = parseCommandLine(args, DEMO_OPTIONS, { max: 0 });
    // The year and why, as every command says it (core resolveReviewYear), held to the sample's standard.
    const resolved = resolveReviewYear({
      option: values.year,
      optionName: { vi: "tùy chọn --year", en: "the --year option" },
      today: new Date(),
      cutoverMonth: values["cutover-month"],
    });
    const { reviewYear, why } = demoReviewYear(resolved);
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
