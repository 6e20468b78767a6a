import { parseArgs } from "util";
import { defaultReviewYear, isPovertyError, parseReduction, type Lang } from "../../core";
import { FRAME_USAGE, frameOptionsOf } from "../args";
import type { Command } from "../command";
import { runDemo } from "../demo/run";

/** `poverty demo` — the main job on built-in sample data. */
export const demoCommand: Command = {
  name: "demo",
  summaryVi: "Chạy toàn bộ quy trình trên dữ liệu mẫu có sẵn (ghi vào thư mục demo/)",
  summaryEn: "Run the whole workflow on built-in sample data (writes to demo/)",
  usage: `poverty demo [--out demo] [--seed 2026] [--year <năm rà soát>] [--reduction 1,5] [--images] [--lang vi|en] ${FRAME_USAGE} [--force]`,
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: {
        out: { type: "string", default: "demo" },
        seed: { type: "string", default: "2026" },
        year: { type: "string" },
        reduction: { type: "string", default: "1.5" },
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
    let reduction: number;
    try {
      reduction = parseReduction(values.reduction); // percentage points, read like the pane and `poverty targets`
    } catch (e) {
      if (!isPovertyError(e)) throw e;
      io.err(e.messageVi);
      io.err(e.messageEn);
      return 2;
    }
    const lang = values.lang === "en" ? "en" : ("vi" as Lang);
    const reviewYear = values.year ? Number(values.year) : Math.min(defaultReviewYear(new Date()), 2026);
    if (!Number.isInteger(seed) || !Number.isInteger(reviewYear)) {
      io.err("Tham số không hợp lệ: --seed là số nguyên, --year là năm.");
      io.err("Invalid options: --seed is an integer, --year a year.");
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
