/**
 * `poverty targets <units.xlsx> --reduction <r> [--method proportional|equal_rate|weighted|tiered]
 *   [--tiers a=4,b=1] [--years N] [--base-year Y] [--lang vi|en] [--sheet <name>] [--force] --out targets.xlsx`
 * A unit table (Biểu 1 summary, a planner's table of counts and rates without a total column — the total is implied
 * by count ÷ rate —, or a target table like Kế hoạch 147/KH-UBND's) → the annual target table,
 * the allocation audit and (with --years) the multi-year path. The reduction is typed in percentage points of the
 * poverty rate ("1,5", "1.5", "1,5 điểm %", "1,5%" = a fall of 1,5 points = 0.015), read by the core's
 * `parseReduction` — the same reading as the task pane and the custom functions.
 * Composes src/xlsx and src/core (sheet, validate, tables); no rules here.
 * Exit codes: 0 written; 1 the table has errors or cannot be allocated (printed, nothing written); 2 bad usage/file.
 */
import { basename, resolve } from "path";
import {
  ALLOCATION_METHODS,
  defaultReviewYear,
  defaultYearReason,
  formatNumber,
  formatReduction,
  isPovertyError,
  parseReduction,
  pick,
  targetFeasibility,
  targetUnits,
  titleYear,
  type AllocationMethod,
} from "../../core";
import { buildTargetTables, computeTargets, type TargetTablesInput } from "../../core/tables";
import { readWorkbookFile } from "../../xlsx/read";
import { writeTablesToBuffer } from "../../xlsx/write";
import { prepareOutput } from "../output";
import type { Command } from "../command";
import { allocationLines } from "../demo/print";
import { FRAME_SPEC, FRAME_USAGE, frameOptionsOf, pickSheet, parseTiers } from "../args";
import { printFindings } from "../findings-text";
import { opt, parseCommandLine, usageFail } from "../options";
import { withFile } from "../context";

/** Options of `poverty targets` (add an option: one line here). */
const TARGETS_OPTIONS = {
  reduction: opt.custom("1,5", (t) => parseReduction(t)),
  method: opt.withDefault(opt.choice(ALLOCATION_METHODS), "proportional" as AllocationMethod),
  tiers: opt.custom("nhomA=4,nhomB=1", (t) => parseTiers(t)),
  years: opt.withDefault(opt.int(0, 99), 0),
  "base-year": opt.year(),
  lang: opt.lang(),
  sheet: opt.text("<tên trang|sheet name>"),
  out: opt.text("targets.xlsx"),
  ...FRAME_SPEC,
  force: opt.flag(),
};

const USAGE = `poverty targets <units.xlsx> --reduction <điểm %: 1,5 | 1.5 | "1,5 điểm %"> [--method proportional|equal_rate|weighted|tiered] [--tiers nhomA=4,nhomB=1] [--years N] [--base-year Y] [--lang vi|en] [--sheet <name>] ${FRAME_USAGE} [--force] --out targets.xlsx`;

export const targetsCommand: Command = {
  name: "targets",
  summaryVi: "Phân bổ chỉ tiêu giảm nghèo (điểm %) cho các đơn vị, kèm bảng kiểm tra làm tròn và lộ trình nhiều năm",
  summaryEn:
    "Allocate a poverty-reduction target (percentage points) to units, with the rounding audit and a multi-year path",
  usage: USAGE,
  async run(args, io) {
    const { positional, values } = parseCommandLine(args, TARGETS_OPTIONS, {
      min: 1,
      max: 1,
      what: { vi: "tệp bảng đơn vị", en: "the unit table file" },
    });
    const frame = frameOptionsOf(values);
    const { lang, out, method, years, reduction, tiers: tierReductions } = values;
    const baseYearOpt = values["base-year"];
    if (!out) usageFail("Thiếu --out (tệp kết quả).", "Missing --out (the output file).");
    if (method === "tiered" && tierReductions === undefined)
      usageFail(
        "Phương pháp tiered cần --tiers (điểm %), ví dụ --tiers nhomA=4,nhomB=1.",
        "Method tiered needs --tiers (pp), e.g. --tiers tierA=4,tierB=1.",
      );
    if (method !== "tiered" && reduction === undefined)
      usageFail(
        "Thiếu --reduction (số điểm %, ví dụ --reduction 1,5 = giảm 1,5 điểm %).",
        "Missing --reduction (percentage points, e.g. --reduction 1.5 = a fall of 1.5 pp).",
      );
    const input = positional[0];
    const output = prepareOutput({ out, inputs: [input], force: values.force, cwd: io.cwd });
    const target = output.path;

    // Everything about this file is reported with its name, even a defect of ours (main prints it).
    return withFile(input, async () => {
      const grids = await readWorkbookFile(resolve(io.cwd, input)); // FILE_UNREADABLE → exit 2
      const file = basename(input);
      const grid = pickSheet(io, grids, file, values.sheet, ["summary", "target"], {
        vi: "bảng đơn vị (cần cột Đơn vị, Tổng số hộ, Số hộ nghèo)",
        en: "unit table (columns unit, total households, poor households)",
      });
      if (!grid) return 2;
      // The core reads the unit table and decides what stops the allocation (the pane's Targets workflow asks the
      // same question): only errors in what the allocation reads; the table's other columns (its own plan, a stated
      // reduction) are checked by `poverty validate` and said here in one line.
      const {
        read,
        units,
        rows: unitRows,
        implied,
        blocking,
        otherErrors: others,
      } = targetUnits(grid, { file, method });
      // The year of the start counts: --base-year, else the table's own dates ("cuối năm 2022" … "năm 2023": 2022),
      // else the sheet title, else the default review year — said in the output, never a refusal.
      const T = (vi: string, en: string) => (lang === "vi" ? vi : en);
      const tableYear = read.detection.periodYears?.start ?? titleYear(grid);
      const baseYear = baseYearOpt ?? tableYear ?? defaultReviewYear(new Date());
      if (baseYearOpt === undefined && tableYear === undefined)
        io.out(
          T(
            `Bảng không ghi năm của số liệu đầu kỳ: dùng năm rà soát mặc định ${baseYear} (${pick(defaultYearReason(new Date()), lang)}); kế hoạch năm ${baseYear + 1}. Thêm --base-year Y để chọn năm khác.`,
            `The table does not say the year of its start counts: the default review year ${baseYear} is used (${pick(defaultYearReason(new Date()), lang)}); plan year ${baseYear + 1}. Add --base-year Y to choose another.`,
          ),
        );
      if (others > 0 && blocking.length === 0)
        io.out(
          T(
            `Các cột khác của bảng có ${others} lỗi (không dùng để giao chỉ tiêu; xem: poverty validate ${input}).`,
            `The table's other columns have ${others} errors (not used for the targets; see: poverty validate ${input}).`,
          ),
        );
      if (blocking.length) {
        printFindings(io, blocking);
        io.err(`Không lập bảng chỉ tiêu: bảng đơn vị có ${blocking.length} lỗi. Sửa các ô trên rồi chạy lại.`);
        io.err(
          `No target table written: the unit table has ${blocking.length} errors. Fix the cells above and run again.`,
        );
        return 1;
      }
      if (units.length === 0) {
        io.err(`Trang "${grid.sheetName}" không có đơn vị nào.`);
        io.err(`Sheet "${grid.sheetName}" has no units.`);
        return 1;
      }
      // A reduction beyond the poor households is an error finding with the poor count (the core decides).
      const impossible = targetFeasibility(
        { read, units, rows: unitRows },
        { method, ...(reduction !== undefined ? { reduction } : {}), ...(tierReductions ? { tierReductions } : {}) },
      );
      if (impossible.length) {
        printFindings(io, impossible);
        io.err(
          `Không lập bảng chỉ tiêu: mức giảm vượt số hộ nghèo (${impossible.length} lỗi). Giảm mức giảm rồi chạy lại.`,
        );
        io.err(
          `No target table written: the reduction exceeds the poor households (${impossible.length} errors). Lower it and run again.`,
        );
        return 1;
      }

      const tablesInput: TargetTablesInput = {
        units,
        method,
        baseYear,
        years,
        ...(reduction !== undefined ? { reduction } : {}),
        ...(tierReductions ? { tierReductions } : {}),
      };
      let computed;
      let tables;
      try {
        computed = computeTargets(tablesInput);
        tables = buildTargetTables(tablesInput, { lang, scopeName: grid.sheetName, frame });
      } catch (e) {
        if (!isPovertyError(e)) throw e;
        io.err(`Lỗi [${e.code}]: ${e.messageVi}`);
        io.err(`Error [${e.code}]: ${e.messageEn}`);
        return 1;
      }
      await output.write(await writeTablesToBuffer(tables, { lang }));

      const { allocation } = computed;
      const households = units.reduce((a, u) => a + u.households, 0);
      if (implied.length) {
        io.out(
          T(
            `Không có cột Tổng số hộ: tổng số hộ của ${implied.length} đơn vị suy ra từ số hộ nghèo và tỷ lệ đầu kỳ (khoảng ở độ chính xác đã in → giá trị dùng, giữa khoảng):`,
            `No total-households column: the totals of ${implied.length} units are implied by their poor count and start rate (interval at the printed precision → value used, its middle):`,
          ),
        );
        for (const x of implied)
          io.out(
            `  ${x.unit}: ${x.min === x.max ? formatNumber(x.min, lang) : `${formatNumber(x.min, lang)}–${formatNumber(x.max, lang)}`} → ${formatNumber(x.used, lang)}`,
          );
      }
      if (reduction !== undefined)
        io.out(
          T(
            `Năm ${baseYear + 1}: giảm ${formatReduction(reduction, lang)} tỷ lệ hộ nghèo trên ${formatNumber(households, lang)} hộ = giảm ${formatNumber(allocation.total, lang)} hộ nghèo · phương pháp ${method}`,
            `${baseYear + 1}: reduce the poverty rate by ${formatReduction(reduction, lang)} over ${formatNumber(households, lang)} households = ${formatNumber(allocation.total, lang)} fewer poor households · method ${method}`,
          ),
        );
      else
        io.out(
          T(
            `Năm ${baseYear + 1}: phân bổ theo nhóm = giảm ${formatNumber(allocation.total, lang)} hộ nghèo`,
            `${baseYear + 1}: tiered allocation = ${formatNumber(allocation.total, lang)} fewer poor households`,
          ),
        );
      for (const line of allocationLines(allocation, lang)) io.out(line);
      io.out(
        T(
          `Đã ghi ${tables.length} bảng: ${tables.map((t) => pick(t.sheetName, lang)).join(", ")}`,
          `${tables.length} tables written: ${tables.map((t) => pick(t.sheetName, lang)).join(", ")}`,
        ),
      );
      io.out(`→ ${target}`);
      return 0;
    });
  },
};
