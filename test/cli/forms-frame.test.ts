/**
 * The command line fills the forms' frame: `--unit "UBND xã …"`, `--parent "UBND tỉnh …"`, `--place "…"` and
 * `--date YYYY-MM-DD` on `poverty template`, `report` and `targets` (the demo uses clearly sample names), and a
 * bad value is a clear usage error naming the field (exit 2, nothing written). Through the real bin.
 */
import ExcelJS from "exceljs";
import { existsSync, mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { generateSampleRosters, standardForYear } from "../../src/core";
import { buildRosterTable, classifyRoster } from "../../src/core/tables";
import { writeTablesToFile } from "../../src/xlsx/write";
import { ensureCliBuilt, poverty } from "./bin";

jest.setTimeout(240_000);

let dir: string;
beforeAll(async () => {
  await ensureCliBuilt();
  dir = mkdtempSync(join(tmpdir(), "cli-forms-frame-"));
});

/** Every text cell of the first sheet, top to bottom. */
async function texts(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(dir, file));
  const out: string[] = [];
  wb.worksheets[0].eachRow((row) =>
    row.eachCell((c) => {
      if (typeof c.value === "string" && c.master === c) out.push(c.value); // merged areas once
    }),
  );
  return out;
}

const DETAILS = ["--unit", "UBND xã Bình Điền", "--parent", "UBND tỉnh Quảng Trị", "--place", "Bình Điền"];

test("template: the issuing body, parent body, place and date land in the frame", async () => {
  const r = poverty(dir, "template", "--kind", "summary", ...DETAILS, "--date", "2026-12-15", "--out", "t.xlsx");
  expect(r.code).toBe(0);
  const t = await texts("t.xlsx");
  expect(t.slice(0, 4)).toEqual([
    "UBND TỈNH QUẢNG TRỊ",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "UBND XÃ BÌNH ĐIỀN",
    "Độc lập - Tự do - Hạnh phúc",
  ]);
  expect(t).toContain("Bình Điền, ngày 15 tháng 12 năm 2026");
  expect(t).toContain("NGƯỜI LẬP BIỂU");
});

test("report and targets take the same options", async () => {
  const standard = standardForYear(2025);
  const households = generateSampleRosters({ seed: 3 }).current.slice(0, 60);
  const roster = buildRosterTable(households, standard, {
    categories: classifyRoster(households, standard),
    reviewYear: 2025,
  });
  await writeTablesToFile([roster], join(dir, "roster.xlsx"));
  const r = poverty(dir, "report", "roster.xlsx", "--year", "2025", ...DETAILS, "--out", "report.xlsx");
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  expect((await texts("report.xlsx")).slice(0, 3)).toEqual([
    "UBND TỈNH QUẢNG TRỊ",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "UBND XÃ BÌNH ĐIỀN",
  ]);
  const wb = new ExcelJS.Workbook();
  const units = wb.addWorksheet("Đơn vị");
  units.addRows([
    ["Mã", "Đơn vị", "Tổng số hộ", "Số hộ nghèo"],
    ["01", "Phường An Hòa", 427, 31],
    ["02", "Xã Bình Điền", 366, 55],
  ]);
  await wb.xlsx.writeFile(join(dir, "units.xlsx"));
  const t = poverty(
    dir,
    "targets",
    "units.xlsx",
    "--reduction",
    "1.5pp",
    "--base-year",
    "2025",
    ...DETAILS,
    "--out",
    "targets.xlsx",
  );
  expect(t.stderr).toBe("");
  expect(t.code).toBe(0);
  expect(await texts("targets.xlsx")).toContain("Bình Điền, ngày …… tháng …… năm ……");
});

test("a bad date or an overlong name is a usage error naming the field; nothing is written", () => {
  const bad = poverty(dir, "template", "--unit", "UBND xã A", "--date", "15/12/2026", "--out", "bad.xlsx");
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain("Ngày ký không hợp lệ");
  expect(bad.stderr).toContain("Date is invalid");
  expect(existsSync(join(dir, "bad.xlsx"))).toBe(false);
  const long = poverty(dir, "template", "--unit", "x".repeat(200), "--out", "long.xlsx");
  expect(long.code).toBe(2);
  expect(long.stderr).toContain("Đơn vị báo cáo dài quá 120 ký tự");
  expect(existsSync(join(dir, "long.xlsx"))).toBe(false);
});
