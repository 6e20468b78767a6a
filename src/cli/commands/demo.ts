import { defaultReviewYear, parseReduction } from "../../core";
import type { Command } from "../command";
import { runDemo } from "../demo/run";
import { opt, parseCommandLine } from "../options";
import { FRAME_SPEC, FRAME_USAGE, frameOptionsOf } from "../args";

/** Options of `poverty demo` (add an option: one line here). */
const DEMO_OPTIONS = {
  out: opt.withDefault(opt.text("demo"), "demo"),
  seed: opt.withDefault(opt.int(0, 2 ** 31 - 1), 2026),
  year: opt.year(),
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
  usage: `poverty demo [--out demo] [--seed 2026] [--year <năm rà soát>] [--reduction 1,5] [--images] [--lang vi|en] ${FRAME_USAGE} [--force]`,
  async run(args, io) {
    const { values } = parseCommandLine(args, DEMO_OPTIONS, { max: 0 });
    const reviewYear = values.year ?? Math.min(defaultReviewYear(new Date()), 2026);
    const given = frameOptionsOf(values);
    await runDemo(
      {
        outDir: values.out,
        seed: values.seed,
        reviewYear,
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
