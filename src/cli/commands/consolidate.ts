import ExcelJS from "exceljs";
import type { Command } from "../command";
import type { CellValue } from "../../core/grid";
import { isCellError } from "../../core/grid";
import { readSheet, type SheetRead } from "../../core/sheet";
import { FIELD_BY_NAME } from "../../core/sheet";
import { finding } from "../../core/findings";
import { sortFindings, summarize, type Finding } from "../../core/findings";
import { checkDuplicateIds } from "../../core/validate";
import { CATEGORY_LABELS, type Category } from "../../core/household";
import { reviewYearsHeadline, sheetReviewYears, type FileReport, type SheetReviewYear } from "../../core/validate";
import { pick } from "../../core/i18n";
import { YEAR_OPTION_NAME } from "../args";
import { opt, parseCommandLine, usageFail } from "../options";
import { prepareOutput } from "../output";
import { collectFiles, readInputs, textReport } from "./validate";

/** Options of `poverty consolidate` (add an option: one line here). */
const CONSOLIDATE_OPTIONS = {
  out: opt.text("merged.xlsx"),
  year: opt.year(),
  "cutover-month": opt.int(1, 12),
  lang: opt.lang(),
  force: opt.flag(),
};

/** Field set of a roster, for compatibility (the sequence number column does not matter). */
const fieldSet = (r: SheetRead) =>
  Object.keys(r.columns)
    .filter((f) => f !== "seq")
    .sort();

/**
 * `poverty consolidate <files...> --out merged.xlsx`: ward rosters → one roster with a source column and a
 * per-ward summary. Refuses (findings, exit 1) duplicate household ids and incompatible columns; every data
 * row the reader finds is written (the row count is checked); an input is never overwritten.
 */
export const consolidateCommand: Command = {
  name: "consolidate",
  summaryVi: "Gộp danh sách hộ của các xã, phường thành một danh sách (cột nguồn + bảng tổng hợp theo đơn vị)",
  summaryEn: "Merge ward rosters into one roster (source column + per-ward summary)",
  usage: "poverty consolidate <tệp|files...> --out merged.xlsx [--year N] [--cutover-month M] [--lang vi|en] [--force]",
  async run(args, io) {
    const { positional, values } = parseCommandLine(args, CONSOLIDATE_OPTIONS, {
      min: 1,
      what: { vi: "danh sách hộ cần gộp", en: "rosters to merge" },
    });
    const { lang, out } = values;
    if (!out) usageFail("Thiếu --out (tệp kết quả).", "Missing --out (the output file).");
    const files = collectFiles(positional, io.cwd);
    const output = prepareOutput({ out, inputs: files, force: values.force, cwd: io.cwd });
    const target = output.path;
    // The standard orders the deprivation flags: each sheet's review year, by the core's resolver (--year > the
    // sheet's title > another sheet's title > the latest review with results).
    const yearOpts = {
      year: values.year,
      yearOptionName: YEAR_OPTION_NAME,
      today: new Date(),
      cutoverMonth: values["cutover-month"],
    };
    const read = await readInputs(files, io.cwd, io);
    const reports = new Map<string, Finding[]>(read.inputs.map((i) => [i.file, []]));
    const rosters: SheetRead[] = [];
    const years: SheetReviewYear[] = [];
    for (const input of read.inputs) {
      const standards = sheetReviewYears(input, yearOpts);
      const found = input.grids
        .map((g, i) => readSheet(g, { file: input.file, standard: standards[i].standard }))
        .filter((r) => r.kind === "roster");
      for (const r of found) years.push(standards[input.grids.findIndex((g) => g.sheetName === r.sheet)].year);
      if (!found.length)
        reports
          .get(input.file)!
          .push(finding("CONSOLIDATE_NO_ROSTER", { file: input.file, sheet: "" }, { file: input.file }));
      for (const r of found) {
        reports.get(input.file)!.push(...r.findings.filter((f) => f.severity === "error"));
        rosters.push(r);
      }
    }
    const first = rosters[0];
    if (first) {
      const ref = fieldSet(first);
      for (const r of rosters.slice(1)) {
        const fs = fieldSet(r);
        const missing = ref.filter((f) => !fs.includes(f));
        const extra = fs.filter((f) => !ref.includes(f));
        if (!missing.length && !extra.length) continue;
        const name = (f: string) => FIELD_BY_NAME[f]?.label ?? { vi: f, en: f };
        const detail = {
          vi: [
            missing.length ? `thiếu: ${missing.map((f) => name(f).vi).join(", ")}` : "",
            extra.length ? `thừa: ${extra.map((f) => name(f).vi).join(", ")}` : "",
          ]
            .filter(Boolean)
            .join("; "),
          en: [
            missing.length ? `missing: ${missing.map((f) => name(f).en).join(", ")}` : "",
            extra.length ? `extra: ${extra.map((f) => name(f).en).join(", ")}` : "",
          ]
            .filter(Boolean)
            .join("; "),
        };
        reports
          .get(r.file!)!
          .push(finding("CONSOLIDATE_INCOMPATIBLE", { file: r.file, sheet: r.sheet }, { sheet: r.sheet, detail }));
      }
    }
    for (const f of checkDuplicateIds(rosters)) reports.get(f.file!)?.push(f);
    const all: FileReport[] = [
      ...read.inputs.map((i) => ({ file: i.file, findings: sortFindings(reports.get(i.file)!) })),
      ...read.unreadable,
    ];
    const summary = summarize(all.flatMap((f) => f.findings));
    if (read.unreadable.length || summary.errors > 0 || !rosters.length) {
      for (const l of textReport({ files: all, summary, years }, lang)) io.out(l);
      io.err(
        lang === "vi"
          ? "Không gộp: hãy sửa các lỗi trên rồi chạy lại. Không có tệp nào được ghi."
          : "Not merged: fix the errors above and run again. Nothing was written.",
      );
      return read.unreadable.length ? 2 : 1;
    }

    // Merge: the first roster's columns, in its order; a source column first.
    const grids = new Map(
      read.inputs.flatMap((i) => i.grids.map((g) => [`${i.file}\u0000${g.sheetName}`, g] as const)),
    );
    const cols = Object.entries(first.columns)
      .sort((a, b) => a[1] - b[1])
      .map(([f]) => f);
    const headerOf = (f: string) => first.detection.mapping.columns.find((c) => c.field === f)?.header ?? f;
    const wb = new ExcelJS.Workbook();
    wb.creator = "poverty-planner";
    const ws = wb.addWorksheet(lang === "vi" ? "Danh sách hộ (gộp)" : "Merged roster", {
      views: [{ state: "frozen", ySplit: 1 }],
    });
    const head = ws.addRow([lang === "vi" ? "Nguồn (tệp › trang)" : "Source (file › sheet)", ...cols.map(headerOf)]);
    head.font = { bold: true };
    ws.getColumn(1).width = 36;
    const toCell = (v: CellValue | undefined): ExcelJS.CellValue => {
      if (v === undefined || v === null) return null;
      if (isCellError(v)) return String(v.error);
      return v as ExcelJS.CellValue;
    };
    let written = 0;
    let expected = 0;
    const perWard: {
      source: string;
      households: number;
      members: number;
      counts: Record<Category | "unknown", number>;
    }[] = [];
    for (const r of rosters) {
      const grid = grids.get(`${r.file}\u0000${r.sheet}`)!;
      const source = `${r.file} › ${r.sheet}`;
      const ward = {
        source,
        households: 0,
        members: 0,
        counts: { poor: 0, nearPoor: 0, average: 0, none: 0, unknown: 0 },
      };
      expected += r.roster!.length;
      for (const row of r.roster!) {
        const values = grid.values[row.row0] ?? [];
        const line = ws.addRow([source, ...cols.map((f) => toCell(values[r.columns[f]]))]);
        for (let i = 0; i < cols.length; i++)
          if (typeof values[r.columns[cols[i]]] === "string") line.getCell(i + 2).numFmt = "@";
        written++;
        ward.households++;
        ward.members += row.household.members ?? 0;
        ward.counts[row.household.declaredCategory ?? "unknown"]++;
      }
      perWard.push(ward);
    }
    if (written !== expected) throw new Error(`internal: wrote ${written} of ${expected} rows`);
    const sum = wb.addWorksheet(lang === "vi" ? "Tổng hợp theo đơn vị" : "Per-ward summary");
    const cats: (Category | "unknown")[] = ["poor", "nearPoor", "average", "none", "unknown"];
    const sh = sum.addRow([
      lang === "vi" ? "Nguồn" : "Source",
      lang === "vi" ? "Số hộ" : "Households",
      lang === "vi" ? "Số nhân khẩu" : "Members",
      ...cats.map((c) =>
        c === "unknown" ? (lang === "vi" ? "Chưa phân loại" : "Not classified") : CATEGORY_LABELS[c][lang],
      ),
    ]);
    sh.font = { bold: true };
    sum.getColumn(1).width = 40;
    for (const w of perWard) sum.addRow([w.source, w.households, w.members, ...cats.map((c) => w.counts[c])]);
    const n = perWard.length;
    const tr = sum.addRow([lang === "vi" ? "Tổng cộng" : "Total"]);
    const totals = [
      perWard.reduce((s, w) => s + w.households, 0),
      perWard.reduce((s, w) => s + w.members, 0),
      ...cats.map((c) => perWard.reduce((s, w) => s + w.counts[c], 0)),
    ];
    totals.forEach(
      (t, i) =>
        (tr.getCell(i + 2).value = {
          formula: `SUM(${String.fromCharCode(66 + i)}2:${String.fromCharCode(66 + i)}${n + 1})`,
          result: t,
        }),
    );
    tr.font = { bold: true };
    await output.write(Buffer.from(await wb.xlsx.writeBuffer()));
    io.out(pick(reviewYearsHeadline(years), lang));
    io.out(
      lang === "vi"
        ? `Đã gộp ${written} hộ từ ${rosters.length} danh sách vào ${target}`
        : `Merged ${written} households from ${rosters.length} rosters into ${target}`,
    );
    return 0;
  },
};
