/**
 * The product's own output validates clean: every table the generators produce (report set, roster, targets,
 * blank templates), written to .xlsx by the writer and read back by the reader, gives ZERO errors and ZERO warnings
 * — with formulas (cached values) and with the formulas typed over as numbers, in Vietnamese and in English.
 * And the demo's ward submissions: each planted mistake gives its code at its cell; the clean ward gives nothing.
 */
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { generateSampleRosters, pick, standardForYear, type Lang } from "../../src/core";
import {
  buildReportTables,
  buildRosterTable,
  buildRosterTemplate,
  buildSummaryTemplate,
  buildTargetTables,
  buildTrackingTable,
  classifyRoster,
  columnLetterOf,
  isFormulaCell,
  tableLayout,
  type ResultTable,
} from "../../src/core/tables";
import { validateWorkbooks, type ValidationReport } from "../../src/core/validate";
import type { Finding } from "../../src/core/findings/finding";
import { readWorkbookFile } from "../../src/xlsx/read";
import { writeTablesToFile } from "../../src/xlsx/write";
import { buildSubmissions, type Submission } from "../../src/cli/demo/submissions";
import { unitsOf } from "../support/product-tables";

jest.setTimeout(120_000);

const YEAR = 2026;
const standard = standardForYear(YEAR);
const previousStandard = standardForYear(YEAR - 1);
const sample = generateSampleRosters({ seed: 2026 });
const categories = classifyRoster(sample.current, standard);
const previousCategories = classifyRoster(sample.previous, previousStandard);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "pp-own-output-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Formulas replaced by the values they show: a sheet typed by hand. */
function typedOver(table: ResultTable): ResultTable {
  return {
    ...table,
    rows: table.rows.map((r) => ({ ...r, cells: r.cells.map((c) => (isFormulaCell(c) ? c.value : c)) })),
  };
}

function productTables(lang: Lang): Record<string, ResultTable[]> {
  const report = buildReportTables(sample.current, standard, {
    reviewYear: YEAR,
    categories,
    lang,
    scopeName: "Dữ liệu mẫu",
    previous: { households: sample.previous, categories: previousCategories, standard: previousStandard },
    transitionOptions: {
      everEscapedIds: sample.everEscapedIds,
      absentFromPrevious: "otherIncrease",
      absentFromCurrent: "otherDecrease",
    },
  });
  const units = unitsOf(sample.current, categories);
  return {
    report,
    roster: [
      buildRosterTable(sample.current, standard, { categories, reviewYear: YEAR, lang, scopeName: "Dữ liệu mẫu" }),
    ],
    targets: buildTargetTables({ units, reduction: 0.015, method: "proportional", baseYear: YEAR, years: 4 }, { lang }),
    templates: [buildRosterTemplate(standard, { lang }), buildSummaryTemplate(standard, { lang })],
    // Plan tracking: % achieved and status are formulas; every direction/baseline combination.
    tracking: [
      buildTrackingTable(
        {
          period: String(YEAR),
          items: [
            { indicator: "Số hộ thoát nghèo", unitOfMeasure: "hộ", direction: "increase", plan: 120, actual: 131 },
            {
              indicator: "Số lao động được đào tạo nghề",
              unitOfMeasure: "người",
              direction: "increase",
              baseline: 100,
              plan: 300,
              actual: 250,
            },
            {
              indicator: "Giảm tỷ lệ hộ nghèo xuống còn",
              unitOfMeasure: "%",
              direction: "reduce",
              baseline: 0.05,
              plan: 0.035,
              actual: 0.032,
              format: "percent",
            },
            { indicator: "Số hộ tái nghèo", unitOfMeasure: "hộ", direction: "reduce", plan: 5, actual: 5 },
            {
              indicator: "Tỷ lệ hộ có nước sạch",
              unitOfMeasure: "%",
              direction: "increase",
              plan: 0.9,
              actual: 0.85,
              format: "percent",
            },
          ],
        },
        { lang },
      ),
    ],
  };
}

async function validateFiles(files: { name: string; tables: ResultTable[] }[], lang: Lang): Promise<ValidationReport> {
  const inputs = [];
  for (const f of files) {
    const path = join(dir, f.name);
    await writeTablesToFile(f.tables, path, { lang });
    inputs.push({ file: f.name, grids: await readWorkbookFile(path) });
  }
  return validateWorkbooks(inputs, { year: YEAR });
}

const show = (fs: Finding[]) => fs.map((f) => `${f.file} › ${f.sheet}!${f.cell} ${f.code}: ${f.messageEn}`);

describe.each(["vi", "en"] as const)("the product's own tables (%s) validate clean", (lang) => {
  for (const mode of ["formulas", "typed"] as const) {
    test(`${mode === "formulas" ? "as written (formulas with cached values)" : "formulas typed over as numbers"}: no errors, no warnings`, async () => {
      const sets = productTables(lang);
      const files = Object.entries(sets).map(([name, tables]) => ({
        name: `${name}-${mode}-${lang}.xlsx`,
        tables: mode === "typed" ? tables.map(typedOver) : tables,
      }));
      const report = await validateFiles(files, lang);
      const bad = report.files.flatMap((f) => f.findings).filter((f) => f.severity !== "info");
      expect(show(bad)).toEqual([]);
      // Every generated sheet was read as data (nothing silently skipped): the forms are recognised.
      const kinds = report.sheets.map((s) => `${s.sheet}:${s.kind}`);
      expect(kinds.filter((k) => k.endsWith(":summary")).length).toBeGreaterThanOrEqual(1);
      expect(kinds.filter((k) => k.endsWith(":transition"))).toHaveLength(2);
      expect(kinds.filter((k) => k.endsWith(":deprivation"))).toHaveLength(2);
      expect(kinds.filter((k) => k.endsWith(":target"))).toHaveLength(1);
      expect(kinds.filter((k) => k.endsWith(":plan"))).toHaveLength(1);
      // One RATE_SCALE per sheet at most.
      const scales = report.files.flatMap((f) => f.findings).filter((f) => f.code === "RATE_SCALE");
      expect(new Set(scales.map((f) => `${f.file}|${f.sheet}`)).size).toBe(scales.length);
    });
  }
});

test.each(["vi", "en"] as const)(
  "the plan-tracking table is really checked: every column mapped, a typed-over wrong % and status are found at their cells (%s)",
  async (lang) => {
    const table = typedOver(productTables(lang).tracking[0]);
    const share = columnLetterOf(table.columns, "share");
    const status = columnLetterOf(table.columns, "status");
    const first = tableLayout(table).firstBodyRow;
    const rows = table.rows.map((r, i) =>
      i === 0
        ? {
            ...r,
            cells: r.cells.map((c, k) => (k === 7 ? 1.2 : k === 8 ? (lang === "vi" ? "Chưa đạt" : "Not achieved") : c)),
          }
        : r,
    );
    const report = await validateFiles([{ name: `tracking-bad-${lang}.xlsx`, tables: [{ ...table, rows }] }], lang);
    const sheet = report.sheets.find((s) => s.kind === "plan")!;
    expect(sheet.detection.mapping.columns.map((c) => `${c.letter}:${c.field}`)).toEqual(
      [
        "seq",
        "indicator",
        "unitOfMeasure",
        "planDirection",
        "planBaseline",
        "planTarget",
        "planActual",
        "planShare",
        "planStatus",
      ].map((f, i) => `${String.fromCharCode(65 + i)}:${f}`),
    );
    const bad = report.files.flatMap((f) => f.findings).filter((f) => f.severity !== "info");
    expect(bad.map((f) => `${f.code}@${f.cell}`)).toEqual([
      `PLAN_SHARE_MISMATCH@${share}${first}`,
      `PLAN_STATUS_MISMATCH@${status}${first}`,
    ]);
  },
);

describe("the demo's ward submissions", () => {
  let subs: Submission[];
  let report: ValidationReport;
  beforeAll(async () => {
    subs = buildSubmissions(sample.current, categories, standard, YEAR, "vi");
    report = await validateFiles(
      subs.map((s) => ({ name: s.file, tables: s.tables })),
      "vi",
    );
  });
  const findingsOf = (file: string) => report.files.find((f) => f.file === file)!.findings;
  /** A1 of a table cell (row index into table.rows, column key) as the writer lays it out. */
  const cellOf = (table: ResultTable, rowIndex: number, key: string) =>
    `${columnLetterOf(table.columns, key)}${tableLayout(table).firstBodyRow + rowIndex}`;
  const has = (fs: Finding[], code: string, sheet: string, cell: string) =>
    expect(fs.map((f) => `${f.code}@${f.sheet}!${f.cell}`)).toContain(`${code}@${sheet}!${cell}`);

  test("the clean ward gives no errors and no warnings", () => {
    const clean = subs.find((s) => s.planted.length === 0)!;
    expect(clean.file).toBe("xa-hong-thuy.xlsx");
    expect(show(findingsOf(clean.file).filter((f) => f.severity !== "info"))).toEqual([]);
  });

  test("ward 1: each planted roster mistake at its cell, nothing else wrong with Form 1 but the consequence of the planted category", () => {
    const s = subs[0];
    const [roster, form1] = s.tables;
    const sheet = pick(roster.sheetName, "vi");
    const fs = findingsOf(s.file);
    const rows = roster.rows;
    const col = (k: string) => roster.columns.findIndex((c) => c.key === k);
    const rich = rows.findIndex(
      (r) => r.cells[col("category")] === "Hộ nghèo" && Number(r.cells[col("income")]) > 3_000_000,
    );
    expect(rich).toBeGreaterThanOrEqual(0);
    has(fs, "HH_CATEGORY_MISMATCH", sheet, cellOf(roster, rich, "category"));
    const ids = rows.map((r) => r.cells[col("id")]);
    const dup = ids.findIndex((id, i) => i > 0 && id === ids[i - 1]);
    has(fs, "HH_DUPLICATE_ID", sheet, cellOf(roster, dup, "id"));
    has(fs, "VALUE_FLAG_INVALID", sheet, cellOf(roster, 12, "dep3"));
    has(fs, "VALUE_NOT_NUMBER", sheet, cellOf(roster, 20, "income"));
    has(fs, "HH_DEP_COUNT_MISMATCH", sheet, cellOf(roster, 30, "depTotal"));
    // Form 1 is right; the roster's extra "poor" household shows as a roster/Form 1 disagreement only.
    const formSheet = pick(form1.sheetName, "vi");
    const onForm = fs.filter((f) => f.sheet === formSheet && f.severity !== "info");
    expect(new Set(onForm.map((f) => f.code))).toEqual(new Set(["CROSS_SUMMARY_ROSTER"]));
    expect(fs.filter((f) => f.code === "HH_DUPLICATE_ID_ACROSS" || f.code === "STRUCT_DATA_BELOW_TOTAL")).toEqual([]);
  });

  test("ward 2: transposed rate, +1 poor household in a village, near-poor grand total +3 — each at its cell", () => {
    const s = subs[1];
    const form1 = s.tables[1];
    const sheet = pick(form1.sheetName, "vi");
    const fs = findingsOf(s.file);
    const body = form1.rows.map((r, i) => ({ r, i })).filter((x) => x.r.kind === "body");
    const total = form1.rows.findIndex((r) => r.kind === "total");
    has(fs, "RATE_MISMATCH", sheet, cellOf(form1, body[0].i, "h_poor_r"));
    // The village's poor count disagrees with the roster's village (compared by village: Form 1 is by village).
    has(fs, "CROSS_SUMMARY_ROSTER", sheet, cellOf(form1, body[1].i, "h_poor"));
    const cross = fs.find((f) => f.code === "CROSS_SUMMARY_ROSTER" && f.cell === cellOf(form1, body[1].i, "h_poor"))!;
    expect(Number(cross.expected)).toBe(Number(cross.value) - 1);
    // … and with its own rate.
    has(fs, "RATE_MISMATCH", sheet, cellOf(form1, body[1].i, "h_poor_r"));
    // The grand total of near-poor households: reported on the total cell, expected = Σ subtotals.
    const near = fs.find((f) => f.code === "TOTAL_ROW_MISMATCH" && f.cell === cellOf(form1, total, "h_nearPoor"))!;
    expect(near).toBeDefined();
    expect(Number(near.value) - Number(near.expected)).toBe(3);
    // No false positives: no column-number row read as data, no footnote as data, no section "below the total".
    for (const code of ["VALUE_NOT_NUMBER", "STRUCT_DATA_BELOW_TOTAL", "HH_DUPLICATE_ID_ACROSS", "HH_MISSING_ID"])
      expect(fs.filter((f) => f.code === code)).toEqual([]);
  });
});
