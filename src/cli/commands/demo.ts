import { parseArgs } from "util";
import { defaultReviewYear, type Lang } from "../../core";
import { FRAME_USAGE, frameOptionsOf } from "../args";
import type { Command } from "../command";
import { runDemo } from "../demo/run";

/** `poverty demo` — the main job on built-in sample data. */
export const demoCommand: Command = {
  name: "demo",
  summaryVi: "Chạy toàn bộ quy trình trên dữ liệu mẫu có sẵn (ghi vào thư mục demo/)",
  summaryEn: "Run the whole workflow on built-in sample data (writes to demo/)",
  usage: `poverty demo [--out demo] [--seed 2026] [--year <năm rà soát>] [--reduction 0.015] [--images] [--lang vi|en] ${FRAME_USAGE} [--force]`,
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: {
        out: { type: "string", default: "demo" },
        seed: { type: "string", default: "2026" },
        year: { type: "string" },
        reduction: { type: "string", default: "0.015" },
        images: { type: "boolean", default: false },
        force: { type: "boolean", default: false },
        lang: { type: "string", default: "vi" },
        unit: { type: "string" },
        parent: { type: "string" },
        place: { type: "string" },
        date: { type: "string" },
      },
      allowPositionals: false,
    });
    const given = frameOptionsOf((name) => values[name.slice(2) as "unit" | "parent" | "place" | "date"]);
    const seed = Number(values.seed);
    const reduction = Number(values.reduction);
    const lang = values.lang === "en" ? "en" : ("vi" as Lang);
    const reviewYear = values.year ? Number(values.year) : Math.min(defaultReviewYear(new Date()), 2026);
    if (!Number.isInteger(seed) || !(reduction >= 0 && reduction < 1) || !Number.isInteger(reviewYear)) {
      io.err("Tham số không hợp lệ: --seed là số nguyên, --reduction là phân số (0.015 = 1,5 điểm %), --year là năm.");
      io.err("Invalid options: --seed is an integer, --reduction a fraction (0.015 = 1.5 pp), --year a year.");
      return 2;
    }
    await runDemo(
      {
        outDir: values.out as string,
        seed,
        reviewYear,
        reduction,
        images: Boolean(values.images),
        lang,
        force: Boolean(values.force),
        frame: Object.keys(given).length > 0 ? given : undefined,
      },
      io,
    );
    return 0;
  },
};
