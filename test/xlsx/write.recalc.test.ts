/**
 * Every generated workbook is recalculated by headless LibreOffice (forced recalculation) and every formula
 * must give the value the core computed (the cached value). One soffice call converts all files.
 */
import ExcelJS from "exceljs";
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import {
  buildReportTables,
  buildRosterTemplate,
  buildSummaryTemplate,
  buildTargetTables,
  buildTrackingTable,
  tableLayout,
} from "../../src/core/tables";
import { generateSampleRosters } from "../../src/core/sample";
import { writeTablesToFile } from "../../src/xlsx/write";
import { compareWithRecalculated, libreOfficeAvailable, recalcFiles } from "../support/recalc";
import { sampleRoster, standard, UNITS, YEAR } from "../core/tables/fixtures";

const lo = libreOfficeAvailable("test/xlsx/write.recalc.test.ts");

(lo ? describe : describe.skip)("generated workbooks recalculated by LibreOffice", () => {
  const dir = mkdtempSync(join(tmpdir(), "recalc-"));
  const files: Record<string, string> = {};
  let recalculated: Record<string, string> = {};

  beforeAll(async () => {
    const { households, categories } = sampleRoster();
    const prev = generateSampleRosters({ seed: 7 });
    files.report = await writeTablesToFile(
      buildReportTables(households, standard, {
        reviewYear: YEAR,
        categories,
        previous: { households: prev.previous },
        transitionOptions: { everEscapedIds: prev.everEscapedIds },
      }),
      join(dir, "report.xlsx"),
    );
    files.reportEn = await writeTablesToFile(
      buildReportTables(households, standard, { reviewYear: YEAR, categories, lang: "en" }),
      join(dir, "report-en.xlsx"),
    );
    files.targets = await writeTablesToFile(
      [
        ...buildTargetTables({ units: UNITS, reduction: 0.03, method: "proportional", baseYear: 2025, years: 5 }),
        ...buildTargetTables({
          units: UNITS,
          method: "tiered",
          tierReductions: { poor: 0.04, other: 0.01 },
          baseYear: 2025,
        }),
        buildTrackingTable({
          period: "2026",
          items: [
            {
              indicator: "Lao động có việc làm mới",
              unitOfMeasure: "người",
              direction: "increase",
              plan: 500,
              actual: 560,
            },
            {
              indicator: "Hộ được hỗ trợ nhà ở",
              unitOfMeasure: "hộ",
              direction: "increase",
              plan: 40,
              actual: 40,
              baseline: 10,
            },
            {
              indicator: "Tỷ lệ hộ nghèo",
              unitOfMeasure: "%",
              direction: "reduce",
              plan: 0.03,
              actual: 0.034,
              baseline: 0.045,
              format: "percent",
            },
            {
              indicator: "Tỷ lệ hộ cận nghèo",
              unitOfMeasure: "%",
              direction: "reduce",
              plan: 0.05,
              actual: 0.049,
              format: "percent",
            },
          ],
        }),
      ],
      join(dir, "targets.xlsx"),
    );
    files.templates = await writeTablesToFile(
      [buildRosterTemplate(standard, { rows: 20 }), buildSummaryTemplate(standard, { rows: 5 })],
      join(dir, "templates.xlsx"),
    );
    const keys = Object.keys(files);
    const out = recalcFiles(keys.map((k) => files[k]));
    recalculated = Object.fromEntries(keys.map((k, i) => [k, out[i]]));
  });

  test.each(["report", "reportEn", "targets", "templates"])(
    "%s: every formula equals the core's value after recalculation",
    async (key) => {
      const { checked, mismatches } = await compareWithRecalculated(files[key], recalculated[key]);
      expect(mismatches).toEqual([]);
      expect(checked.length).toBeGreaterThan(key === "templates" ? 20 : 50);
    },
  );

  test("the formulas verified cover every promised kind", async () => {
    const all = [
      ...(await compareWithRecalculated(files.report, recalculated.report)).checked,
      ...(await compareWithRecalculated(files.targets, recalculated.targets)).checked,
    ].map((c) => c.formula);
    expect(all.some((f) => /^D\d+-E\d+-F\d+-G\d+\+H\d+\+I\d+\+J\d+\+K\d+$/.test(f))).toBe(true);
    expect(all.some((f) => /^SUMIF\(\$C\$\d+:\$C\$\d+,\$C\d+,[A-Z]+\$\d+:[A-Z]+\$\d+\)$/.test(f))).toBe(true); // Forms 2/3 totals per dimension
    for (const re of [
      /^ROUND\([A-Z]+\d+\/[A-Z]+\d+,4\)$/,
      /^SUM\(/,
      /^[A-Z]+\d+\+[A-Z]+\d+$/,
      /^INT\(/,
      /^MAX\(0,/,
      /^IF\(ABS\(/,
      /\*/,
    ]) {
      expect(all.some((f) => re.test(f))).toBe(true);
    }
  });

  test("protection and validation survive a LibreOffice round trip of the template", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(recalculated.templates);
    const ws = wb.worksheets[0];
    const areaColumn = buildRosterTemplate(standard).columns.findIndex((c) => c.key === "area") + 1;
    const first = tableLayout(buildRosterTemplate(standard, { rows: 20 })).firstBodyRow;
    expect(ws.getCell(first, areaColumn).dataValidation).toMatchObject({ type: "list" });
  });
});
