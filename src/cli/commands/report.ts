/**
 * `poverty report <roster.xlsx> [--year N] [--cutover-month M] [--list-reading auto|full|poor-only] [--lang vi|en] [--sheet <name>] [--force] --out report.xlsx`
 * Roster file → the official report set (Form 1, transitions when start categories exist, deprivation tables,
 * Alkire–Foster, breakdowns). Composes src/xlsx (read, write) and src/core (sheet, tables); no rules here.
 * Exit codes: 0 written; 1 the roster has errors (printed, nothing written); 2 unreadable file or bad usage.
 */
import { basename, resolve } from "path";
import {
  averageConfirmed,
  formatNumber,
  isPovertyError,
  pick,
  readSheet,
  recordedTargetGroups,
  reportRoster,
  reviewYearsHeadline,
  sheetReviewYears,
} from "../../core";
import { buildReportTables, classifyRoster } from "../../core/tables";
import { readWorkbookFile } from "../../xlsx/read";
import { writeTablesToBuffer } from "../../xlsx/write";
import { prepareOutput } from "../output";
import type { Command } from "../command";
import { FRAME_SPEC, FRAME_USAGE, frameOptionsOf, pickSheet, YEAR_OPTION_NAME } from "../args";
import { printFindings, printSheetError } from "../findings-text";
import { opt, parseCommandLine, usageFail } from "../options";
import { withFile } from "../context";

/** Options of `poverty report` (add an option: one line here). */
const REPORT_OPTIONS = {
  year: opt.year(),
  "cutover-month": opt.int(1, 12),
  "list-reading": opt.withDefault(opt.choice(["auto", "full", "poor-only"] as const), "auto"),
  "max-members": opt.int(1, 1000),
  lang: opt.lang(),
  sheet: opt.text("<tên trang|sheet name>"),
  out: opt.text("report.xlsx"),
  ...FRAME_SPEC,
  force: opt.flag(),
};

const USAGE = `poverty report <roster.xlsx> [--year N] [--cutover-month M] [--list-reading auto|full|poor-only] [--max-members 50] [--lang vi|en] [--sheet <tên trang|sheet name>] ${FRAME_USAGE} [--force] --out report.xlsx`;

export const reportCommand: Command = {
  name: "report",
  summaryVi: "Lập các biểu báo cáo kết quả rà soát (Biểu 1, diễn biến, thiếu hụt, MPI) từ danh sách hộ",
  summaryEn: "Build the review report forms (Form 1, transitions, deprivations, MPI) from a household roster",
  usage: USAGE,
  async run(args, io) {
    const { positional, values } = parseCommandLine(args, REPORT_OPTIONS, {
      min: 1,
      max: 1,
      what: { vi: "tệp danh sách hộ", en: "the roster file" },
    });
    const listReading = ({ auto: "auto", full: "full", "poor-only": "poorOnly" } as const)[values["list-reading"]];
    const { lang, out, year } = values;
    const frame = frameOptionsOf(values);
    if (!out) usageFail("Thiếu --out (tệp báo cáo).", "Missing --out (the report file).");
    const input = positional[0];
    const output = prepareOutput({ out, inputs: [input], force: values.force, cwd: io.cwd });
    const target = output.path;

    // Everything about this file is reported with its name, even a defect of ours (main prints it).
    return withFile(input, async () => {
      const grids = await readWorkbookFile(resolve(io.cwd, input)); // PovertyError FILE_UNREADABLE → exit 2 (main)
      const file = basename(input);
      const grid = pickSheet(io, grids, file, values.sheet, ["roster"], {
        vi: "trang danh sách hộ (cần cột Mã hộ, thu nhập/điểm, chỉ số thiếu hụt…)",
        en: "household roster sheet (household id, income/score, deprivation columns…)",
      });
      if (!grid) return 2;

      // The core's resolver: --year > the sheet's title > another sheet's title > the latest review with results.
      const resolved = sheetReviewYears(
        { file, grids },
        {
          year,
          yearOptionName: YEAR_OPTION_NAME,
          today: new Date(),
          cutoverMonth: values["cutover-month"],
        },
      )[grids.indexOf(grid)]; // UNKNOWN_YEAR (--year) / INVALID_ARGUMENT → exit 2
      const standard = resolved.standard;
      const reviewYear = resolved.year.year;
      if (!standard || reviewYear === undefined) {
        io.err(resolved.year.reason.vi);
        io.err(resolved.year.reason.en);
        io.err("Hãy thêm --year N. / Add --year N.");
        return 2;
      }

      const read = readSheet(grid, {
        file,
        standard,
        kind: "roster",
        ...(values["max-members"] !== undefined ? { maxMembers: values["max-members"] } : {}),
      });
      // The core decides what stops a report (the pane's Reports workflow asks the same question).
      const { households, blocking } = reportRoster(read);
      if (households.length === 0 && blocking.length === 0) {
        io.err(`Trang "${grid.sheetName}" không có hộ nào.`);
        io.err(`Sheet "${grid.sheetName}" has no households.`);
        return 1;
      }
      if (blocking.length) {
        printFindings(io, blocking);
        io.err(`Không lập báo cáo: danh sách hộ có ${blocking.length} lỗi. Sửa các ô trên rồi chạy lại.`);
        io.err(`No report written: the roster has ${blocking.length} errors. Fix the cells above and run again.`);
        return 1;
      }

      let categories;
      try {
        categories = classifyRoster(households, standard);
      } catch (e) {
        // A value the standard needs for this household (e.g. a score threshold it does not know).
        if (!isPovertyError(e)) throw e;
        printSheetError(io, file, grid.sheetName, e);
        return 1;
      }
      const tables = buildReportTables(households, standard, {
        reviewYear,
        categories,
        lang,
        scopeName: grid.sheetName,
        frame,
        reviewYearReason: resolved.year.reason,
        transitionOptions: { listReading },
        recordedGroups: recordedTargetGroups(read),
      });
      await output.write(await writeTablesToBuffer(tables, { lang }));

      const count = (c: string) => categories.filter((x) => x === c).length;
      // Average-living households identified as such (Decree 07/2021: agriculture, forestry, fishery, salt only).
      const avgOk = households.filter(
        (h, i) => categories[i] === "average" && averageConfirmed(standard, h.agricultural),
      );
      const avgUnconfirmed = count("average") - avgOk.length;
      const unconfirmedText = avgUnconfirmed
        ? {
            vi: ` (và ${formatNumber(avgUnconfirmed, "vi")} hộ có thu nhập trong khoảng này chưa rõ có làm nông, lâm, ngư, diêm nghiệp)`,
            en: ` (and ${formatNumber(avgUnconfirmed, "en")} households in that income band whose agricultural status is not given)`,
          }
        : { vi: "", en: "" };
      const n = (v: number) => formatNumber(v, lang);
      const warnings = read.findings.filter((f) => f.severity === "warning").length;
      if (lang === "vi") {
        io.out(`${reviewYearsHeadline([resolved.year]).vi} · trang "${grid.sheetName}"`);
        io.out(
          `${n(households.length)} hộ: ${n(count("poor"))} hộ nghèo, ${n(count("nearPoor"))} hộ cận nghèo, ${n(avgOk.length)} hộ có mức sống trung bình${unconfirmedText.vi}`,
        );
        io.out(`Đã ghi ${tables.length} biểu:`);
      } else {
        io.out(`${reviewYearsHeadline([resolved.year]).en} · sheet "${grid.sheetName}"`);
        io.out(
          `${n(households.length)} households: ${n(count("poor"))} poor, ${n(count("nearPoor"))} near-poor, ${n(avgOk.length)} average living standard${unconfirmedText.en}`,
        );
        io.out(`${tables.length} tables written:`);
      }
      for (const t of tables) io.out(`  · ${pick(t.sheetName, lang)}`);
      io.out(`→ ${target}`);
      if (warnings)
        io.out(
          lang === "vi"
            ? `${warnings} cảnh báo khi đọc; xem: poverty validate ${input}`
            : `${warnings} warnings while reading; see: poverty validate ${input}`,
        );
      return 0;
    });
  },
};
