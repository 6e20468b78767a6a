/**
 * Issue 6 "Templates": the blank roster template (`poverty template`), filled in by a test the way a ward
 * fills it in Excel, passes `poverty validate` with no errors; a badly filled one produces the expected findings.
 * Both commands run through the real bin.
 */
import ExcelJS from "exceljs";
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { CATEGORY_LABELS, generateSampleRosters, standardForYear, type Category, type Household } from "../../src/core";
import { classifyRoster, rosterColumns } from "../../src/core/tables";
import { ensureCliBuilt, poverty } from "./bin";

jest.setTimeout(240_000);

const YEAR = 2025;
const standard = standardForYear(YEAR);
const columns = rosterColumns(standard, "vi");
const areaWords = columns.find((c) => c.key === "area")!.validation as { values: string[] };

interface Fill {
  h: Household;
  category: Category;
  /** Overrides by column key (e.g. a flag written as 2). */
  set?: Record<string, string | number>;
}

let dir: string;
let households: Household[];
let categories: Category[];

beforeAll(async () => {
  await ensureCliBuilt();
  dir = mkdtempSync(join(tmpdir(), "cli-template-validate-"));
  const { current } = generateSampleRosters({ seed: 5 });
  households = current.slice(0, 30);
  categories = classifyRoster(households, standard);
  const blank = poverty(
    dir,
    "template",
    "--kind",
    "roster",
    "--rows",
    "40",
    "--year",
    String(YEAR),
    "--out",
    "blank.xlsx",
  );
  expect(blank.code).toBe(0);
});

/** Fill the blank template's input rows as Excel would: typed values, and the locked SUM showing its result. */
async function fillTemplate(out: string, fills: Fill[]): Promise<{ headerRow: number; col: (key: string) => string }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(dir, "blank.xlsx"));
  const ws = wb.worksheets[0];
  let headerRow = 0;
  ws.eachRow((row, r) => {
    if (!headerRow && row.getCell(1).value === "Mã hộ") headerRow = r;
  });
  expect(headerRow).toBeGreaterThan(0);
  const colIndex = (key: string) => columns.findIndex((c) => c.key === key) + 1;
  fills.forEach(({ h, category, set }, i) => {
    const row = ws.getRow(headerRow + 1 + i);
    const values: Record<string, string | number> = {
      id: h.id,
      head: h.head ?? "",
      unit: h.unit,
      village: h.village ?? "",
      area: h.area === "urban" ? areaWords.values[0] : areaWords.values[1],
      members: h.members ?? 1,
      income: h.incomePerCapita!,
      em: h.ethnicMinority ? 1 : 0,
      agri: h.agricultural ? 1 : 0,
      category: CATEGORY_LABELS[category].vi,
    };
    h.deprivationFlags!.forEach((f, j) => (values[`dep${j}`] = f));
    Object.assign(values, set ?? {});
    for (const [key, v] of Object.entries(values)) row.getCell(colIndex(key)).value = v;
    const total = row.getCell(colIndex("depTotal"));
    const formula = (total.value as ExcelJS.CellFormulaValue).formula;
    expect(formula).toMatch(/SUM\(/); // the template's locked formula stays; Excel shows its result
    let sum = 0;
    h.deprivationFlags!.forEach((_, j) => (sum += Number(values[`dep${j}`])));
    total.value = { formula, result: sum } as ExcelJS.CellFormulaValue;
  });
  // Rows left blank: Excel recalculates on load (the file asks for it) and saves the formula's "" result.
  for (let r = headerRow + 1 + fills.length; r <= ws.rowCount; r++) {
    const cell = ws.getRow(r).getCell(colIndex("depTotal"));
    const v = cell.value as ExcelJS.CellFormulaValue | null;
    if (v && typeof v === "object" && "formula" in v)
      cell.value = { formula: v.formula, result: "" } as ExcelJS.CellFormulaValue;
  }
  await wb.xlsx.writeFile(join(dir, out));
  return { headerRow, col: (key: string) => ws.getColumn(colIndex(key)).letter };
}

interface Json {
  files: { file: string; findings: { code: string; severity: string; cell: string; sheet: string }[] }[];
  summary: { errors: number; warnings: number; infos: number };
}

test("a consistently filled roster template passes poverty validate with no errors", async () => {
  await fillTemplate(
    "filled.xlsx",
    households.map((h, i) => ({ h, category: categories[i] })),
  );
  const r = poverty(dir, "validate", "filled.xlsx", "--year", String(YEAR), "--format", "json");
  const report = JSON.parse(r.stdout) as Json;
  expect(report.files[0].findings.filter((f) => f.severity === "error")).toEqual([]);
  expect(report.summary.errors).toBe(0);
  expect(r.code).toBe(0);
  // and the report is built from it
  const rep = poverty(dir, "report", "filled.xlsx", "--year", String(YEAR), "--out", "filled-report.xlsx");
  expect(rep.stderr).toBe("");
  expect(rep.code).toBe(0);
  expect(rep.stdout).toContain(`${households.length} hộ: ${categories.filter((c) => c === "poor").length} hộ nghèo`);
});

test("a badly filled template gives the expected located findings", async () => {
  const line = standard.lines[households[0].area].poverty!;
  const rich = households.findIndex((h, i) => categories[i] === "none" && h.incomePerCapita! > line);
  const dupOf = rich === 0 ? 1 : 0;
  expect(rich).toBeGreaterThanOrEqual(0);
  const fills: Fill[] = households.map((h, i) => ({ h, category: categories[i] }));
  fills[rich] = { ...fills[rich], category: "poor" }; // "Hộ nghèo" with income above the line
  fills[3] = { ...fills[3], set: { dep0: 2 } }; // a flag must be 0 or 1
  fills[7] = { ...fills[7], h: { ...fills[7].h, id: households[dupOf].id } }; // the same household id twice
  const { headerRow, col } = await fillTemplate("bad.xlsx", fills);
  const r = poverty(dir, "validate", "bad.xlsx", "--year", String(YEAR), "--format", "json");
  expect(r.code).toBe(1);
  const errors = (JSON.parse(r.stdout) as Json).files[0].findings.filter((f) => f.severity === "error");
  const at = (code: string) => errors.filter((f) => f.code === code).map((f) => f.cell);
  const rowOf = (i: number) => headerRow + 1 + i;
  expect(at("HH_CATEGORY_MISMATCH")).toEqual([`${col("category")}${rowOf(rich)}`]);
  expect(at("VALUE_FLAG_INVALID")).toEqual([`${col("dep0")}${rowOf(3)}`]);
  expect(at("HH_DUPLICATE_ID")).toEqual([`${col("id")}${rowOf(7)}`]);
  // Nothing else is an error except the rule that a poor household needs ≥ cutoff deprivations, when it applies.
  const poorFew = households[rich].deprivationFlags!.reduce<number>((a, b) => a + b, 0) < standard.deprivationCutoff;
  const expected = [
    "HH_CATEGORY_MISMATCH",
    "HH_DUPLICATE_ID",
    "VALUE_FLAG_INVALID",
    ...(poorFew ? ["HH_POOR_FEW_DEPRIVATIONS"] : []),
  ].sort();
  expect([...new Set(errors.map((f) => f.code))].sort()).toEqual(expected);
});
