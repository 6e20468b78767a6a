/**
 * `poverty targets <units.xlsx> --reduction <r> [--method proportional|equal_rate|weighted|tiered]
 *   [--tiers a=4,b=1] [--years N] [--base-year Y] [--lang vi|en] [--sheet <name>] [--force] --out targets.xlsx`
 * A unit table (Biểu 1 summary or a target table: households and poor per unit) → the annual target table,
 * the allocation audit and (with --years) the multi-year path. The reduction is typed in percentage points of the
 * poverty rate ("1,5", "1.5", "1,5 điểm %", "1,5%" = a fall of 1,5 points = 0.015), read by the core's
 * `parseReduction` — the same reading as the task pane and the custom functions.
 * Composes src/xlsx and src/core (sheet, validate, tables); no rules here.
 * Exit codes: 0 written; 1 the table has errors or cannot be allocated (printed, nothing written); 2 bad usage/file.
 */
import { basename, resolve } from "path";
import {
  ALLOCATION_METHODS,
  allocationUnits,
  detect,
  formatNumber,
  formatReduction,
  isPovertyError,
  parseReduction,
  pick,
  readSheet,
  sortFindings,
  titleYear,
  validateSheet,
  type AllocationMethod,
  type Finding,
} from "../../core";
import { buildTargetTables, computeTargets, type TargetTablesInput } from "../../core/tables";
import { readWorkbookFile } from "../../xlsx/read";
import { writeTablesToBuffer } from "../../xlsx/write";
import { prepareOutput } from "../output";
import type { Command } from "../command";
import { allocationLines } from "../demo/print";
import {
  FRAME_OPTIONS,
  FRAME_USAGE,
  frameOptionsOf,
  langOf,
  parseArgs,
  pickSheet,
  parseTiers,
  printFindings,
  usageError,
  yearOption,
} from "../args";

const USAGE = `poverty targets <units.xlsx> --reduction <điểm %: 1,5 | 1.5 | "1,5 điểm %"> [--method proportional|equal_rate|weighted|tiered] [--tiers nhomA=4,nhomB=1] [--years N] [--base-year Y] [--lang vi|en] [--sheet <name>] ${FRAME_USAGE} [--force] --out targets.xlsx`;

export const targetsCommand: Command = {
  name: "targets",
  summaryVi: "Phân bổ chỉ tiêu giảm nghèo (điểm %) cho các đơn vị, kèm bảng kiểm tra làm tròn và lộ trình nhiều năm",
  summaryEn:
    "Allocate a poverty-reduction target (percentage points) to units, with the rounding audit and a multi-year path",
  usage: USAGE,
  async run(args, io) {
    const p = parseArgs(
      args,
      ["--reduction", "--method", "--tiers", "--years", "--base-year", "--lang", "--sheet", "--out", ...FRAME_OPTIONS],
      ["--force"],
    );
    const frame = frameOptionsOf((name) => p.options.get(name));
    const lang = langOf(p);
    const out = p.options.get("--out");
    const method = (p.options.get("--method") ?? "proportional") as AllocationMethod;
    const yearsText = p.options.get("--years");
    const years = yearsText === undefined ? 0 : /^\d{1,2}$/.test(yearsText) ? Number(yearsText) : NaN;
    const baseYearOpt = yearOption(p, "--base-year");
    if (p.positional.length !== 1 || !out || !lang || Number.isNaN(years) || Number.isNaN(baseYearOpt))
      return usageError(io, USAGE);
    if (!ALLOCATION_METHODS.includes(method))
      return usageError(
        io,
        USAGE,
        `Phương pháp không hợp lệ "${method}". Chọn: ${ALLOCATION_METHODS.join(", ")}.`,
        `Unknown method "${method}". Choose: ${ALLOCATION_METHODS.join(", ")}.`,
      );
    const reductionText = p.options.get("--reduction");
    const tiersText = p.options.get("--tiers");
    if (method === "tiered" && tiersText === undefined)
      return usageError(
        io,
        USAGE,
        "Phương pháp tiered cần --tiers (điểm %), ví dụ --tiers nhomA=4,nhomB=1.",
        "Method tiered needs --tiers (pp), e.g. --tiers tierA=4,tierB=1.",
      );
    if (method !== "tiered" && reductionText === undefined)
      return usageError(
        io,
        USAGE,
        "Thiếu --reduction (số điểm %, ví dụ --reduction 1,5 = giảm 1,5 điểm %).",
        "Missing --reduction (percentage points, e.g. --reduction 1.5 = a fall of 1.5 pp).",
      );
    const reduction = reductionText === undefined ? undefined : parseReduction(reductionText); // INVALID_ARGUMENT → exit 2
    const tierReductions = tiersText === undefined ? undefined : parseTiers(tiersText);
    const input = p.positional[0];
    const output = prepareOutput({ out, inputs: [input], force: p.flags.has("--force"), cwd: io.cwd });
    const target = output.path;

    const grids = await readWorkbookFile(resolve(io.cwd, input)); // FILE_UNREADABLE → exit 2
    const file = basename(input);
    const grid = pickSheet(io, grids, file, p.options.get("--sheet"), ["summary", "target"], {
      vi: "bảng đơn vị (cần cột Đơn vị, Tổng số hộ, Số hộ nghèo)",
      en: "unit table (columns unit, total households, poor households)",
    });
    if (!grid) return 2;
    const baseYear = baseYearOpt ?? titleYear(grid);
    if (baseYear === undefined) {
      io.err(
        `Không xác định được năm của số liệu đầu kỳ: tiêu đề trang "${grid.sheetName}" không ghi năm. Hãy thêm --base-year Y (ví dụ --base-year 2025; năm kế hoạch là Y + 1).`,
      );
      io.err(
        `Cannot tell the year of the start counts: the title of sheet "${grid.sheetName}" has no year. Add --base-year Y (e.g. --base-year 2025; the plan year is Y + 1).`,
      );
      return 2;
    }

    const detection = detect(grid, { file });
    const read = readSheet(grid, {
      file,
      ...(detection.kind === "summary" || detection.kind === "target" ? {} : { kind: "summary" as const }),
    });
    const { units, findings: missing } = allocationUnits(grid, read, {
      tier: method === "tiered",
      weight: method === "weighted",
    });
    const blocking: Finding[] = sortFindings(
      [...read.findings, ...validateSheet(read), ...missing].filter((f) => f.severity === "error"),
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
    const T = (vi: string, en: string) => (lang === "vi" ? vi : en);
    const households = units.reduce((a, u) => a + u.households, 0);
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
  },
};
