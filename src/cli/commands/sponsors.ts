/**
 * `poverty sponsors <register.xlsx> --roster <start.xlsx> [--roster-end <end.xlsx>] --period 2026-Q1 --out report.xlsx`
 * "Giúp hộ nghèo có địa chỉ": the organisations' sponsorship register (and its quota sheet, when the file has one)
 * checked against the start roster, then the period's report — households sponsored against quota, support by
 * kind and value, loans and interest collection, and with the end roster the outcomes of the sponsored households
 * beside those not sponsored. Composes src/xlsx and src/core (sheet, sponsors); no rules here.
 * Exit codes: 0 written, register clean; 1 written, the register has errors (rows left out, listed), or a roster
 * cannot be used (nothing written); 2 unreadable file or bad usage.
 */
import { basename, resolve } from "path";
import {
  computeSponsorship,
  detectRegister,
  formatNumber,
  formatPercent,
  isPovertyError,
  parsePeriod,
  pick,
  readQuotas,
  readRegister,
  readSheet,
  recognisedCategories,
  sortFindings,
  standardForYear,
  summarize,
  titleYear,
  type Finding,
  type Grid,
  type Lang,
  type RegisterRead,
  type QuotaRead,
  type RosterSnapshot,
  type SponsorshipResult,
} from "../../core";
import { buildSponsorTables } from "../../core/sponsors";
import { readWorkbookFile } from "../../xlsx/read";
import { writeTablesToBuffer } from "../../xlsx/write";
import { prepareOutput } from "../output";
import type { CliIO, Command } from "../command";
import { FRAME_SPEC, FRAME_USAGE, frameOptionsOf, pickSheet } from "../args";
import { printFindings, printSheetError } from "../findings-text";
import { withFile } from "../context";
import { opt, parseCommandLine, usageFail } from "../options";
import { textTable } from "../demo/print";

const USAGE = `poverty sponsors <so-do-dau.xlsx> --roster <danh-sach-dau-ky.xlsx> [--roster-end <danh-sach-cuoi-ky.xlsx>] --period 2026-Q1|2026-03|2026-H1|2026 [--year N] [--year-end N] [--sheet <tên trang>] [--target 0.99] [--lang vi|en] ${FRAME_USAGE} [--force] --out bao-cao.xlsx`;

const T = (lang: Lang, vi: string, en: string) => (lang === "vi" ? vi : en);

/** Options of `poverty sponsors` (one parser for every command: src/cli/options.ts). */
const SPONSORS_OPTIONS = {
  roster: opt.text("danh-sach-dau-ky.xlsx"),
  "roster-end": opt.text("danh-sach-cuoi-ky.xlsx"),
  period: opt.text("2026-Q1"),
  out: opt.text("bao-cao.xlsx"),
  lang: opt.lang(),
  sheet: opt.text("<tên trang>"),
  year: opt.year(),
  "year-end": opt.year(),
  target: opt.custom("0.99", (t, o) => {
    const n = /^\s*\d*[.,]?\d+\s*$/.test(t) ? Number(t.replace(",", ".")) : NaN;
    if (n > 0 && n <= 1) return n;
    return usageFail(`${o} là phân số trong (0; 1], ví dụ 0.99.`, `${o} is a fraction in (0, 1], e.g. 0.99.`, {
      option: o,
      value: t,
    });
  }),
  ...FRAME_SPEC,
  force: opt.flag(),
};

/** A roster file → households with their recognised categories, or an exit code after printing why not. */
async function loadRoster(
  io: CliIO,
  path: string,
  year: number | undefined,
): Promise<{ snapshot: RosterSnapshot; year: number } | number> {
  const grids = await readWorkbookFile(resolve(io.cwd, path)); // FILE_UNREADABLE → exit 2 (main)
  const file = basename(path);
  const grid = pickSheet(io, grids, file, undefined, ["roster"], {
    vi: "trang danh sách hộ (cần cột Mã hộ, Xã/phường, Phân loại hộ hoặc thu nhập và chỉ số thiếu hụt)",
    en: "household roster sheet (household id, unit, category or income and deprivations)",
  });
  if (!grid) return 2;
  const reviewYear = year ?? titleYear(grid);
  if (reviewYear === undefined) {
    io.err(`Không xác định được năm rà soát của ${file}: tiêu đề không ghi năm. Hãy thêm --year / --year-end.`);
    io.err(`Cannot tell the review year of ${file}: its title has no year. Add --year / --year-end.`);
    return 2;
  }
  const standard = standardForYear(reviewYear);
  const read = readSheet(grid, { file, standard, kind: "roster" });
  const errors = read.findings.filter((f) => f.severity === "error");
  const households = (read.roster ?? []).map((r) => r.household);
  if (errors.length || households.length === 0) {
    printFindings(io, errors);
    // Why nothing was written: in both languages, as every command's error lines.
    io.err(`Danh sách hộ ${file} có ${errors.length} lỗi hoặc không có hộ nào: không lập báo cáo.`);
    io.err(`The roster ${file} has ${errors.length} errors or no household: no report written.`);
    return 1;
  }
  try {
    return {
      snapshot: { households, categories: recognisedCategories(households, standard), name: file },
      year: reviewYear,
    };
  } catch (e) {
    if (!isPovertyError(e)) throw e;
    printSheetError(io, file, grid.sheetName, e);
    io.err("Cần cột Phân loại hộ, hoặc thu nhập và chỉ số thiếu hụt, cho mọi hộ.");
    io.err("Every household needs a category, or income and deprivations.");
    return 1;
  }
}

/** The register sheets (all of them: one organisation may keep its own) and quota sheets of a workbook. */
function registerSheets(
  grids: Grid[],
  file: string,
  sheet: string | undefined,
): { registers: RegisterRead[]; quotas: QuotaRead[] } {
  const registers: RegisterRead[] = [];
  const quotas: QuotaRead[] = [];
  for (const g of grids) {
    if (sheet !== undefined && g.sheetName !== sheet && g.sheetName.toLowerCase() !== sheet.toLowerCase()) continue;
    const d = detectRegister(g);
    if (d.kind === "register") registers.push(readRegister(g, { file, detection: d }));
    else if (d.kind === "quota") quotas.push(readQuotas(g, { file, detection: d }));
  }
  return { registers, quotas };
}

/** The outcome table on the terminal: per organisation and unit, and the plain comparison by unit. */
export function outcomeLines(result: SponsorshipResult, lang: Lang): string[] {
  const n = (v: number) => formatNumber(v, lang);
  const pct = (a: number, b: number) => (b > 0 ? formatPercent(a / b, lang, 1) : "–");
  const rows: (string | number)[][] = [];
  for (const o of result.organisations) {
    for (const c of o.cells) {
      const oc = c.outcome;
      rows.push([
        `${pick(o.label, lang)} · ${c.unit}`,
        n(c.households),
        c.quota === undefined ? "–" : n(c.quota),
        ...(oc
          ? [
              n(oc.poorStart),
              n(oc.toNearPoor),
              n(oc.escaped),
              n(oc.stayed),
              n(oc.fellBack),
              pct(oc.toNearPoor + oc.escaped, oc.poorStart),
            ]
          : []),
      ]);
    }
  }
  const withOutcomes = result.comparison !== undefined;
  const lines = textTable(
    [
      T(lang, "Tổ chức · đơn vị", "Organisation · unit"),
      T(lang, "Hộ đỡ đầu", "Sponsored"),
      T(lang, "Chỉ tiêu", "Quota"),
      ...(withOutcomes
        ? [
            T(lang, "Nghèo đầu kỳ", "Poor at start"),
            T(lang, "→ cận nghèo", "→ near-poor"),
            T(lang, "→ vượt CN", "→ above"),
            T(lang, "Còn nghèo", "Still poor"),
            T(lang, "Rơi xuống", "Fell back"),
            T(lang, "Tỷ lệ thoát", "Escape rate"),
          ]
        : []),
    ],
    rows,
  );
  if (result.comparison) {
    lines.push("");
    lines.push(
      T(
        lang,
        "  So sánh đơn thuần (không phải đánh giá tác động):",
        "  Plain comparison (not an estimate of the effect):",
      ),
    );
    lines.push(
      ...textTable(
        [
          T(lang, "Đơn vị", "Unit"),
          T(lang, "Đỡ đầu: nghèo", "Sponsored: poor"),
          T(lang, "thoát", "escaped"),
          T(lang, "tỷ lệ", "rate"),
          T(lang, "Không đỡ đầu: nghèo", "Not sponsored: poor"),
          T(lang, "thoát", "escaped"),
          T(lang, "tỷ lệ", "rate"),
        ],
        result.comparison.map((u) => {
          const s = u.sponsored;
          const x = u.notSponsored;
          return [
            u.unit,
            n(s.poorStart),
            n(s.toNearPoor + s.escaped),
            pct(s.toNearPoor + s.escaped, s.poorStart),
            n(x.poorStart),
            n(x.toNearPoor + x.escaped),
            pct(x.toNearPoor + x.escaped, x.poorStart),
          ];
        }),
      ),
    );
  }
  return lines;
}

export const sponsorsCommand: Command = {
  name: "sponsors",
  summaryVi:
    "Giúp hộ nghèo có địa chỉ: kiểm tra sổ đỡ đầu, báo cáo đỡ đầu, hỗ trợ, vay vốn và kết quả thoát nghèo theo tổ chức × đơn vị",
  summaryEn:
    "Sponsorship of named poor households: check the register; report sponsorship, support, loans and outcomes by organisation × unit",
  usage: USAGE,
  async run(args, io) {
    const { positional, values } = parseCommandLine(args, SPONSORS_OPTIONS, {
      min: 1,
      max: 1,
      what: { vi: "tệp sổ đỡ đầu", en: "the sponsorship register file" },
    });
    const { lang, out, year, target } = values;
    const startPath = values.roster;
    const endPath = values["roster-end"];
    const periodText = values.period;
    const yearEnd = values["year-end"];
    const frame = frameOptionsOf(values);
    if (!out) usageFail("Thiếu --out (tệp báo cáo).", "Missing --out (the report file).");
    if (!startPath)
      usageFail("Thiếu --roster (danh sách hộ đầu kỳ).", "Missing --roster (the start-of-period roster).");
    if (!periodText) usageFail("Thiếu --period (ví dụ 2026-Q1).", "Missing --period (e.g. 2026-Q1).");
    const period = parsePeriod(periodText); // INVALID_ARGUMENT → exit 2
    const input = positional[0];
    const output = prepareOutput({
      out,
      inputs: [input, startPath, ...(endPath ? [endPath] : [])],
      force: values.force,
      cwd: io.cwd,
    });

    const file = basename(input);
    const grids = await withFile(input, () => readWorkbookFile(resolve(io.cwd, input)));
    const { registers, quotas } = registerSheets(grids, file, values.sheet);
    if (registers.length === 0) {
      const names = grids.map((g) => `"${g.sheetName}"`).join(", ");
      io.err(
        `Không tìm thấy sổ đỡ đầu trong ${file} (cần cột Mã hộ và Tổ chức đỡ đầu / hình thức hỗ trợ / vay vốn…). Các trang: ${names}.`,
      );
      io.err(
        `No sponsorship register found in ${file} (needs a household id column and organisation / support / loan columns…). Sheets: ${names}.`,
      );
      return 2;
    }
    const start = await withFile(startPath, () => loadRoster(io, startPath, year));
    if (typeof start === "number") return start;
    const end = endPath
      ? await withFile(endPath, () => loadRoster(io, endPath, yearEnd ?? (year !== undefined ? year + 1 : undefined)))
      : undefined;
    if (typeof end === "number") return end;

    const result = computeSponsorship(registers, {
      period,
      start: start.snapshot,
      ...(end ? { end: end.snapshot } : {}),
      quotas: quotas.flatMap((q) => q.quotas),
      ...(target !== undefined ? { interestTarget: target } : {}),
    });
    const findings: Finding[] = sortFindings([...result.findings, ...quotas.flatMap((q) => q.findings)]);
    const tables = buildSponsorTables({ ...result, findings }, { lang, frame });
    await output.write(await writeTablesToBuffer(tables, { lang }));

    const s = summarize(findings);
    io.out(
      T(
        lang,
        `${period.label.vi} · sổ ${file} (${registers.map((r) => `"${r.sheet}"`).join(", ")}) · danh sách đầu kỳ ${start.snapshot.name} (năm ${start.year})${end ? ` · cuối kỳ ${end.snapshot.name} (năm ${end.year})` : ""}`,
        `${period.label.en} · register ${file} (${registers.map((r) => `"${r.sheet}"`).join(", ")}) · start roster ${start.snapshot.name} (${start.year})${end ? ` · end roster ${end.snapshot.name} (${end.year})` : ""}`,
      ),
    );
    io.out(
      T(
        lang,
        `${result.counted.length} dòng trong kỳ · ${result.distinctHouseholds} hộ khác nhau được đỡ đầu (${result.pairs} lượt theo tổ chức) · ${result.organisations.length} tổ chức`,
        `${result.counted.length} rows in the period · ${result.distinctHouseholds} distinct households sponsored (${result.pairs} household-organisation pairs) · ${result.organisations.length} organisations`,
      ),
    );
    for (const line of outcomeLines(result, lang)) io.out(line);
    if (findings.length) {
      io.err(
        T(
          lang,
          `Kiểm tra sổ đỡ đầu: ${s.errors} lỗi, ${s.warnings} cảnh báo, ${s.infos} thông tin`,
          `Register checks: ${s.errors} errors, ${s.warnings} warnings, ${s.infos} notices`,
        ),
      );
      printFindings(io, findings);
    }
    io.out(T(lang, `Đã ghi ${tables.length} biểu:`, `${tables.length} tables written:`));
    for (const t of tables) io.out(`  · ${pick(t.sheetName, lang)}`);
    io.out(`→ ${output.path}`);
    return s.errors > 0 ? 1 : 0;
  },
};
