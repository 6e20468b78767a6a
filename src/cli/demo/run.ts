/**
 * `poverty demo`: the product's main job, end to end, on built-in sample data —
 * sample rosters → validation of ward submissions (with planted mistakes) → classification from the file
 * → rates by unit, deprivations and MPI → transitions → official report forms → targets → the organisations'
 * sponsorship register (planted mistakes) and its outcomes → blank templates.
 * Everything is computed by src/core and written by src/xlsx; this file only composes and prints.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "fs";
import { isAbsolute, join, relative, resolve } from "path";
import {
  alkireFoster,
  computeTransitions,
  countsBy,
  deprivationHeadcounts,
  formatNumber,
  formatReduction,
  formatPercent,
  generateSampleRosters,
  pick,
  requireIndicators,
  standardForYear,
  type Bilingual,
  type Category,
  type Household,
  type FrameOptions,
  type Lang,
} from "../../core";
import {
  buildReportTables,
  buildRosterTable,
  buildRosterTemplate,
  buildSummaryTemplate,
  buildTargetTables,
  classifyRoster,
  type ResultTable,
} from "../../core/tables";
import { renderFirstPages } from "../../xlsx/images";
import { writeTablesToBuffer } from "../../xlsx/write";
import { fail } from "../../core/errors";
import { prepareOutput } from "../output";
import type { CliIO } from "../command";
import { validateCommand } from "../commands/validate";
import { sponsorsCommand } from "../commands/sponsors";
import {
  buildQuotaTable,
  buildRegisterTable,
  buildRegisterTemplate,
  generateSampleRegister,
  ORGANISATION_BY_CODE,
  type OrganisationCode,
  type SponsorRecord,
} from "../../core/sponsors";
import { allocationLines, textTable } from "./print";
import { buildSubmissions } from "./submissions";

export interface DemoOptions {
  outDir: string;
  seed: number;
  reviewYear: number;
  /** Why the run uses its review year (core resolveReviewYear reason); printed under the standard. */
  yearReason?: Bilingual;
  /** Reduction of the poverty rate for next year's plan, in percentage points as a fraction. */
  reduction: number;
  images: boolean;
  lang: Lang;
  /** Write into an --out folder that holds files the demo did not write. */
  force?: boolean;
  /** The forms' issuing body, place and date (default: DEMO_FRAME, clearly sample names). */
  frame?: FrameOptions;
}

/** The sample frame of the demo's forms: names that say they are samples. */
export const DEMO_FRAME: FrameOptions = { parent: "UBND tỉnh Mẫu", issuer: "UBND xã Mẫu", place: "Mẫu" };

export interface DemoResult {
  files: string[];
  images: string[];
}

const T = (lang: Lang, vi: string, en: string) => (lang === "vi" ? vi : en);

/** Marker file: this folder was written by `poverty demo`, so a re-run replaces its files. */
const DEMO_MARK = ".poverty-demo";

/**
 * The demo's output folder: created when missing; an existing folder is used only when it is empty, was written
 * by an earlier demo (its marker file), or with --force. File names alone never make a folder the demo's: a
 * planner's own "bao-cao-2025.xlsx" or "ho-so-nop/" looks exactly like the demo's. The marker is written only in a
 * folder the demo owns (created, empty or already marked), so one --force never lets later runs replace files.
 * @throws PovertyError OUTPUT_REFUSED.
 */
export function claimDemoFolder(out: string, force: boolean): void {
  if (existsSync(out)) {
    let entries: string[];
    try {
      entries = readdirSync(out);
    } catch {
      return fail("OUTPUT_REFUSED", `Không dùng được thư mục ${out}: đây không phải thư mục.`, `Cannot use ${out}: it is not a folder.`, { path: out });
    }
    const ours = entries.length === 0 || entries.includes(DEMO_MARK);
    if (!ours) {
      if (force) return;
      fail(
        "OUTPUT_REFUSED",
        `Thư mục ${out} đã có tệp không do lệnh demo tạo ra; chọn --out khác hoặc dùng --force.`,
        `The folder ${out} holds files the demo did not write; choose another --out or use --force.`,
        { path: out },
      );
    }
  } else mkdirSync(out, { recursive: true });
  writeFileSync(join(out, DEMO_MARK), "poverty demo\n");
}

export async function runDemo(opts: DemoOptions, io: CliIO): Promise<DemoResult> {
  const { lang, reviewYear } = opts;
  const frame = opts.frame ?? DEMO_FRAME;
  const out = resolve(io.cwd, opts.outDir);
  claimDemoFolder(out, opts.force ?? false);
  // Every file goes through the one output check (a folder the demo owns: its own files are replaced).
  const writeTablesToFile = async (tables: readonly ResultTable[], file: string, o: { lang?: Lang } = {}) =>
    prepareOutput({ out: file, inputs: [], force: true, cwd: io.cwd }).write(await writeTablesToBuffer(tables, o));
  const files: string[] = [];
  // A path under the working folder is shown relative to it; one elsewhere in full (not "../../../tmp/…").
  const rel = (p: string) => {
    const r = relative(io.cwd, p);
    return r === "" ? p : r.startsWith("..") || isAbsolute(r) ? p : r;
  };
  const n = (x: number) => formatNumber(x, lang);
  const standard = standardForYear(reviewYear);
  const previousStandard = standardForYear(reviewYear - 1);
  const heading = (n: number, vi: string, en: string) => {
    io.out("");
    io.out(`${n}. ${T(lang, vi, en)}`);
  };

  io.out(T(lang, "GIẢM NGHÈO – KẾ HOẠCH & KIỂM TRA · chạy thử trên dữ liệu mẫu", "POVERTY PLANNER · demo on sample data"));
  io.out(T(lang, `Năm rà soát ${reviewYear} · ${standard.citation.vi}`, `Review year ${reviewYear} · ${standard.citation.en}`));
  if (opts.yearReason) io.out(`(${pick(opts.yearReason, lang)})`);

  // 1. Sample data ---------------------------------------------------------------------------------
  const sample = generateSampleRosters({ seed: opts.seed });
  // The counts come from the data: the sample's units and the indicators of the standard in force.
  const unitCount = new Set(sample.current.map((h) => h.unit)).size;
  const indicatorCount = requireIndicators(standard).length;
  heading(
    1,
    `Dữ liệu mẫu (${unitCount} đơn vị, hộ thành thị và nông thôn, ${indicatorCount} chỉ số thiếu hụt)`,
    `Sample data (${unitCount} units, urban and rural households, ${indicatorCount} deprivation indicators)`,
  );
  const previousCategories = classifyRoster(sample.previous, previousStandard);
  const currentCategories = classifyRoster(sample.current, standard);
  const previousFile = join(out, `danh-sach-ho-${reviewYear - 1}.xlsx`);
  const currentFile = join(out, `danh-sach-ho-${reviewYear}.xlsx`);
  await writeTablesToFile([buildRosterTable(sample.previous, previousStandard, { categories: previousCategories, reviewYear: reviewYear - 1, lang, frame })], previousFile);
  await writeTablesToFile([buildRosterTable(sample.current, standard, { categories: currentCategories, reviewYear, lang, frame })], currentFile);
  files.push(previousFile, currentFile);
  io.out(T(lang, `   ${n(sample.current.length)} hộ năm ${reviewYear}, ${n(sample.previous.length)} hộ năm ${reviewYear - 1} (hạt giống ${opts.seed})`, `   ${n(sample.current.length)} households in ${reviewYear}, ${n(sample.previous.length)} in ${reviewYear - 1} (seed ${opts.seed})`));
  io.out(`   → ${rel(previousFile)}`);
  io.out(`   → ${rel(currentFile)}`);

  // 2. Validation of ward submissions ------------------------------------------------------------------
  heading(2, "Kiểm tra hồ sơ các đơn vị gửi lên (2 hồ sơ có lỗi cài sẵn, 1 hồ sơ sạch)", "Checking the units' submissions (2 with planted mistakes, 1 clean)");
  const submissionsDir = join(out, "ho-so-nop");
  mkdirSync(submissionsDir, { recursive: true });
  const submissions = buildSubmissions(sample.current, currentCategories, standard, reviewYear, lang);
  for (const s of submissions) {
    const file = join(submissionsDir, s.file);
    await writeTablesToFile(s.tables, file, { lang });
    files.push(file);
    io.out(`   ${rel(file)}${s.planted.length ? T(lang, ` — lỗi cài sẵn: ${s.planted.map((p) => p.vi).join("; ")}`, ` — planted: ${s.planted.map((p) => p.en).join("; ")}`) : T(lang, " — không có lỗi cài sẵn", " — nothing planted")}`);
  }
  const findingsFile = join(out, "ket-qua-kiem-tra.xlsx");
  io.out(T(lang, `   $ poverty validate ${rel(submissionsDir)} --year ${reviewYear} --out ${rel(findingsFile)}`, `   $ poverty validate ${rel(submissionsDir)} --year ${reviewYear} --out ${rel(findingsFile)} --lang en`));
  const indented: CliIO = { ...io, out: (l) => io.out(`   ${l}`), err: (l) => io.out(`   ${l}`) };
  const validateExit = await validateCommand.run([submissionsDir, "--year", String(reviewYear), "--out", findingsFile, "--lang", lang, "--force"], indented);
  files.push(findingsFile);
  io.out(T(lang, `   (mã thoát ${validateExit}: 0 = không có lỗi, 1 = có lỗi cần sửa)`, `   (exit code ${validateExit}: 0 = no errors, 1 = errors to fix)`));

  // 3. Classification and rates by unit --------------------------------------------------------------
  heading(3, `Phân loại hộ và tỷ lệ theo đơn vị (${standard.citation.document})`, `Classification and rates by unit (${standard.citation.documentEn})`);
  const households: Household[] = sample.current;
  const categories: Category[] = currentCategories;
  const byUnit = countsBy(
    households.map((h, i) => ({ h, c: categories[i] })),
    (r) => r.h.unit,
    (r) => r.c,
  );
  const rows = byUnit.groups.map((g) => [g.key, n(g.total), n(g.poor), formatPercent(g.poorRate, lang), n(g.nearPoor), formatPercent(g.nearPoorRate, lang), n(g.average)]);
  const t = byUnit.total;
  rows.push([T(lang, "Tổng cộng", "Total"), n(t.total), n(t.poor), formatPercent(t.poorRate, lang), n(t.nearPoor), formatPercent(t.nearPoorRate, lang), n(t.average)]);
  for (const line of textTable(
    [T(lang, "Đơn vị", "Unit"), T(lang, "Tổng số hộ", "Households"), T(lang, "Hộ nghèo", "Poor"), T(lang, "Tỷ lệ", "Rate"), T(lang, "Cận nghèo", "Near-poor"), T(lang, "Tỷ lệ", "Rate"), T(lang, "Mức sống TB", "Average")],
    rows,
  ))
    io.out(line);

  // 4. Deprivations and Alkire–Foster ---------------------------------------------------------------
  heading(4, "Thiếu hụt dịch vụ xã hội cơ bản của hộ nghèo và chỉ số nghèo đa chiều (Alkire–Foster)", "Deprivations of poor households and the multidimensional index (Alkire–Foster)");
  const indicators = requireIndicators(standard);
  const flags = households.map((h) => h.deprivationFlags ?? []);
  const dep = deprivationHeadcounts(flags, { categories });
  const poorGroup = dep.poor!;
  const top = indicators
    .map((ind, j) => ({ name: pick(ind.name, lang), count: poorGroup.counts[j], rate: poorGroup.rates ? poorGroup.rates[j] : 0 }))
    .sort((a, b) => b.count - a.count)
    .slice(0, 5);
  for (const line of textTable(
    [T(lang, "Chỉ số (5 chỉ số thiếu hụt nhiều nhất)", "Indicator (top 5)"), T(lang, "Số hộ nghèo", "Poor hh"), T(lang, "Tỷ lệ", "Rate")],
    top.map((x) => [x.name, n(x.count), formatPercent(x.rate, lang)]),
  ))
    io.out(line);
  const af = alkireFoster(flags, { k: standard.deprivationCutoff / indicators.length });
  io.out(
    T(
      lang,
      `   H = ${formatPercent(af.H, lang)} (hộ thiếu hụt ≥ ${standard.deprivationCutoff}/${indicators.length} chỉ số) · A = ${formatPercent(af.A, lang)} · M0 = H × A = ${formatNumber(af.M0, lang, 4)}`,
      `   H = ${formatPercent(af.H, lang)} (households deprived in ≥ ${standard.deprivationCutoff}/${indicators.length}) · A = ${formatPercent(af.A, lang)} · M0 = H × A = ${formatNumber(af.M0, lang, 4)}`,
    ),
  );

  // 5. Transitions ---------------------------------------------------------------------------------
  heading(5, `Diễn biến hộ nghèo ${reviewYear - 1} → ${reviewYear}`, `Poor household movements ${reviewYear - 1} → ${reviewYear}`);
  const moves = computeTransitions(
    sample.previous.map((h, i) => ({ id: h.id, category: previousCategories[i], members: h.members })),
    sample.current.map((h, i) => ({ id: h.id, category: currentCategories[i], members: h.members })),
    { everEscapedIds: sample.everEscapedIds, absentFromPrevious: "otherIncrease", absentFromCurrent: "otherDecrease" },
  );
  const p = moves.poor;
  io.out(
    T(
      lang,
      `   Đầu kỳ ${n(p.start)} − thoát nghèo (${n(p.decreases.toNearPoor)} sang cận nghèo, ${n(p.decreases.escaped)} vượt chuẩn cận nghèo) − giảm khác ${n(p.decreases.other)} + từ cận nghèo ${n(p.increases.fromNearPoor)} + tái nghèo ${n(p.increases.re)} + phát sinh ${n(p.increases.new)} + tăng khác ${n(p.increases.other)} = cuối kỳ ${n(p.end)}`,
      `   Start ${n(p.start)} − escaped (${n(p.decreases.toNearPoor)} to near-poor, ${n(p.decreases.escaped)} above near-poor) − other ${n(p.decreases.other)} + from near-poor ${n(p.increases.fromNearPoor)} + re-poor ${n(p.increases.re)} + newly poor ${n(p.increases.new)} + other ${n(p.increases.other)} = end ${n(p.end)}`,
    ),
  );

  const pm = moves.members?.poor;
  if (pm)
    io.out(
      T(
        lang,
        `   Nhân khẩu hộ nghèo: đầu kỳ ${n(pm.start)} − giảm ${n(pm.decreases.total)} + tăng ${n(pm.increases.total)} = cuối kỳ ${n(pm.end)}`,
        `   Members of poor households: start ${n(pm.start)} − decreases ${n(pm.decreases.total)} + increases ${n(pm.increases.total)} = end ${n(pm.end)}`,
      ),
    );

  // 6. Official report forms -----------------------------------------------------------------------
  heading(6, "Biểu báo cáo chính thức (công thức Excel gốc, mở được ở mọi Excel/LibreOffice)", "Official report forms (native Excel formulas; open in any Excel or LibreOffice)");
  const reportFile = join(out, `bao-cao-${reviewYear}.xlsx`);
  const reportTables = buildReportTables(households, standard, {
    reviewYear,
    categories,
    lang,
    scopeName: T(lang, "Dữ liệu mẫu", "Sample data"),
    frame,
    previous: { households: sample.previous, categories: previousCategories, standard: previousStandard },
    transitionOptions: { everEscapedIds: sample.everEscapedIds, absentFromPrevious: "otherIncrease", absentFromCurrent: "otherDecrease" },
  });
  await writeTablesToFile(reportTables, reportFile, { lang });
  files.push(reportFile);
  for (const table of reportTables) io.out(`   · ${pick(table.sheetName, lang)}`);
  io.out(`   → ${rel(reportFile)}`);

  // 7. Targets ------------------------------------------------------------------------------------
  heading(
    7,
    `Chỉ tiêu năm ${reviewYear + 1}: giảm ${formatReduction(opts.reduction, "vi")} tỷ lệ hộ nghèo, phân bổ theo số hộ nghèo`,
    `Targets for ${reviewYear + 1}: reduce the poverty rate by ${formatReduction(opts.reduction, "en")}, allocated in proportion to poor households`,
  );
  const units = byUnit.groups.map((g, i) => ({ code: String(i + 1).padStart(2, "0"), name: g.key, poor: g.poor, households: g.total }));
  const targetInput = { units, reduction: opts.reduction, method: "proportional" as const, baseYear: reviewYear, years: 4 };
  const targetTables = buildTargetTables(targetInput, { lang, scopeName: T(lang, "Dữ liệu mẫu", "Sample data"), frame });
  const targetsFile = join(out, `chi-tieu-${reviewYear + 1}.xlsx`);
  await writeTablesToFile(targetTables, targetsFile, { lang });
  files.push(targetsFile);
  const { computeTargets } = await import("../../core/tables");
  const { allocation } = computeTargets(targetInput);
  for (const line of allocationLines(allocation, lang)) io.out(line);
  io.out(`   → ${rel(targetsFile)}`);

  // 8. Sponsorship of named poor households ------------------------------------------------------------
  heading(
    8,
    `Giúp hộ nghèo có địa chỉ: sổ đỡ đầu năm ${reviewYear} của các tổ chức (lỗi cài sẵn), kết quả thoát nghèo theo tổ chức × đơn vị`,
    `Sponsorship of named poor households: the organisations' ${reviewYear} register (planted mistakes), outcomes by organisation × unit`,
  );
  const register = generateSampleRegister({ households: sample.previous, categories: previousCategories, year: reviewYear, seed: opts.seed, plant: true });
  const registerFile = join(out, `so-do-dau-${reviewYear}.xlsx`);
  const orgText = (r: SponsorRecord) => (ORGANISATION_BY_CODE[r.organisation as OrganisationCode] ? pick(ORGANISATION_BY_CODE[r.organisation as OrganisationCode].label, lang) : r.organisationText);
  await writeTablesToFile(
    [
      buildRegisterTable(register.records, { lang, organisationText: orgText, scopeName: T(lang, "Dữ liệu mẫu", "Sample data"), frame }),
      buildQuotaTable(register.quotas, { lang, scopeName: T(lang, "Dữ liệu mẫu", "Sample data"), frame }),
    ],
    registerFile,
    { lang },
  );
  files.push(registerFile);
  io.out(`   ${rel(registerFile)} — ${T(lang, "lỗi cài sẵn", "planted")}: ${register.planted.map((p) => T(lang, p.vi, p.en)).join("; ")}`);
  const sponsorFile = join(out, `bao-cao-do-dau-${reviewYear}.xlsx`);
  const sponsorArgs = [registerFile, "--roster", previousFile, "--roster-end", currentFile, "--period", String(reviewYear), "--out", sponsorFile, "--lang", lang, "--force"];
  io.out(`   $ poverty sponsors ${rel(registerFile)} --roster ${rel(previousFile)} --roster-end ${rel(currentFile)} --period ${reviewYear} --out ${rel(sponsorFile)}`);
  const sponsorExit = await sponsorsCommand.run(sponsorArgs, indented);
  files.push(sponsorFile);
  io.out(T(lang, `   (mã thoát ${sponsorExit}: 1 = sổ có lỗi, các dòng lỗi không được tính)`, `   (exit code ${sponsorExit}: 1 = the register has errors; those rows are not counted)`));

  // 9. Templates ----------------------------------------------------------------------------------
  heading(9, "Mẫu biểu trống cho phường, xã (có danh sách chọn và kiểm tra dữ liệu)", "Blank templates for wards (drop-downs and data validation)");
  const templateFile = join(out, "mau-bieu-trong.xlsx");
  await writeTablesToFile([buildRosterTemplate(standard, { lang, frame }), buildSummaryTemplate(standard, { lang, frame }), ...buildRegisterTemplate({ lang, frame })], templateFile, { lang });
  files.push(templateFile);
  io.out(`   → ${rel(templateFile)}`);

  // Images ---------------------------------------------------------------------------------------
  const images: string[] = [];
  if (opts.images) {
    heading(10, "Ảnh trang đầu của từng biểu (LibreOffice → PDF → PNG)", "First-page image of each table (LibreOffice → PDF → PNG)");
    const artifacts = resolve(io.cwd, "artifacts", "reports");
    const perTable = join(artifacts, "xlsx");
    mkdirSync(perTable, { recursive: true });
    const singles: string[] = [];
    const all = [...reportTables, ...targetTables, buildRosterTemplate(standard, { lang, rows: 20, frame }), buildSummaryTemplate(standard, { lang, rows: 10, frame })];
    for (const table of all) {
      const file = join(perTable, `${table.id}.xlsx`);
      await writeTablesToFile([table], file, { lang });
      singles.push(file);
    }
    const result = renderFirstPages(singles, artifacts);
    if (result.skipped) io.err(T(lang, `   Bỏ qua ảnh: ${result.skipped}`, `   Images skipped: ${result.skipped}`));
    for (const png of result.images) {
      images.push(png);
      io.out(`   → ${rel(png)}`);
    }
  }

  io.out("");
  io.out(T(lang, `Xong. ${files.length} tệp trong ${rel(out)}/ — không có dữ liệu nào được gửi ra mạng.`, `Done. ${files.length} files in ${rel(out)}/ — nothing was sent over the network.`));
  return { files, images };
}
