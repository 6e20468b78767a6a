/**
 * Planners' own tables through the real bin: the Đắk Nông 2023 plan (Kế hoạch 147/KH-UBND, seed 004) in
 * `poverty validate` (recognised, Krông Nô flagged with the arithmetic, what each sheet was read as) and in
 * `poverty targets` (read without a total column, the plan year from its headers); the README's `targets` example
 * on a table made from the README's description; and `validate` and `consolidate` agreeing where a table ends.
 */
import ExcelJS from "exceljs";
import { existsSync, mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { ensureCliBuilt, poverty } from "./bin";
import { xlsx } from "../corpus/build";
import { LAYOUTS } from "../corpus/layouts";
import { readWorkbookFile } from "../../src/xlsx/read";
import { readSheet } from "../../src/core/sheet";

jest.setTimeout(180_000);
const dir = mkdtempSync(join(tmpdir(), "pp-planners-"));
const plan = LAYOUTS.find((l) => l.id === "dak-nong-2023-plan")!;

async function write(name: string, rows: (string | number | null)[][]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Đơn vị");
  rows.forEach((row, r) => row.forEach((v, c) => v !== null && (ws.getCell(r + 1, c + 1).value = v)));
  writeFileSync(join(dir, name), Buffer.from(await wb.xlsx.writeBuffer()));
}

beforeAll(async () => {
  await ensureCliBuilt();
  writeFileSync(join(dir, "kh-147.xlsx"), await xlsx(plan));
  // The README: "giao chỉ tiêu giảm nghèo (theo điểm phần trăm) cho từng đơn vị" — units with households and poor
  // households, no year anywhere.
  await write("don-vi.xlsx", [
    ["Đơn vị", "Tổng số hộ", "Số hộ nghèo"],
    ["Xã An Bình", 612, 45],
    ["Phường Hòa Lạc", 1250, 20],
    ["Xã Tân Lập", 830, 96],
  ]);
  // The same units as a planner often has them: poor households and their rate, no total column.
  await write("don-vi-ty-le.xlsx", [
    ["Đơn vị", "Số hộ nghèo", "Tỷ lệ hộ nghèo (%)"],
    ["Xã An Bình", 45, "7,35"],
    ["Phường Hòa Lạc", 20, "1,60"],
    ["Xã Tân Lập", 96, "11,57"],
  ]);
  // A roster whose footer note has a stray cell far below it.
  const roster: (string | number | null)[][] = [
    ["DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO NĂM 2024 — XÃ AN BÌNH"],
    ["Mã hộ", "Họ tên chủ hộ", "Khu vực", "Phân loại hộ"],
    ["AB-1", "Nguyễn Văn A", "Nông thôn", "Hộ nghèo"],
    ["AB-2", "Trần Thị B", "Nông thôn", "Hộ cận nghèo"],
    ["AB-3", "Lê Văn C", "Nông thôn", "Hộ nghèo"],
    [],
    ["Ghi chú: danh sách đã được niêm yết công khai tại nhà văn hóa thôn từ ngày 20/11/2024"],
  ];
  for (let i = 0; i < 60; i++) roster.push([]);
  roster.push([null, null, null, null, null, null, null, null, 1]);
  await write("xa-an-binh.xlsx", roster);
});

describe("poverty validate on the Đắk Nông 2023 plan (Kế hoạch 147/KH-UBND)", () => {
  test("recognised; Krông Nô flagged with '4,32 − 3,41 = 0,91 điểm % ≠ 1'; no error on the consistent rows", () => {
    const r = poverty(dir, "validate", "kh-147.xlsx");
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain("SHEET_UNRECOGNISED");
    expect(r.stdout).toContain('Trang "KH 147" đọc là: Chỉ tiêu giảm nghèo');
    const krongNo = r.stdout.split("\n").find((l) => l.includes("REDUCTION_PP_MISMATCH"))!;
    expect(krongNo).toContain("E5");
    expect(krongNo).toContain("4,32 − 3,41 = 0,91 điểm % ≠ 1");
    // Rows 6–9: Cư Jút, Đắk Mil, Đắk Song, Đắk R'Lấp are consistent.
    const bad = r.stdout.split("\n").filter((l) => /^\s+[A-Z]+[6-9]\s+(LỖI|CẢNH BÁO)/.test(l));
    expect(bad).toEqual([]);
  });

  test("--explain shows each column read as its field, with confidence and the reading of its words", () => {
    const r = poverty(dir, "validate", "kh-147.xlsx", "--explain");
    expect(r.stdout).toContain('Số hộ nghèo đầu kỳ ← "Số hộ nghèo cuối năm 2022" (độ tin cậy 1,00)');
    expect(r.stdout).toContain('Chỉ tiêu giảm tỷ lệ (điểm %) ← "Chỉ tiêu giảm tỷ lệ hộ nghèo năm 2023 (%)"');
    expect(r.stdout).toContain("Năm trong tiêu đề cột: 2022 là đầu kỳ, 2023 là cuối kỳ.");
    expect(r.stdout).toContain("Không có cột tổng số hộ");
    const en = poverty(dir, "validate", "kh-147.xlsx", "--explain", "--lang", "en");
    expect(en.stdout).toContain('Sheet "KH 147" read as: Target table (header row 4, data from row 5, 9 rows)');
  });

  test("the JSON says what each sheet was read as", () => {
    const r = poverty(dir, "validate", "kh-147.xlsx", "--format", "json");
    const j = JSON.parse(r.stdout);
    const s = j.sheets.find((x: { sheet: string }) => x.sheet === "KH 147");
    expect(s).toMatchObject({ kind: "target", headerRows: { from: 4, to: 4 }, dataStart: 5, rows: 9 });
    expect(s.columns.map((c: { column: string; field: string }) => `${c.column}:${c.field}`)).toEqual([
      "A:seq",
      "B:unit",
      "C:startCount",
      "D:startRate",
      "E:reductionPp",
      "F:reduced",
      "G:endCount",
      "H:endRate",
    ]);
    expect(s.columns.every((c: { confidence: number }) => c.confidence >= 0.9)).toBe(true);
  });
});

describe("poverty targets reads the tables planners have", () => {
  test("the plan's own layout: totals implied by count ÷ rate, the plan year from its headers", async () => {
    const r = poverty(dir, "targets", "kh-147.xlsx", "--reduction", "3", "--out", "chi-tieu-2023.xlsx");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Không có cột Tổng số hộ");
    expect(r.stdout).toContain("Huyện Krông Nô: 19.677–19.721 → 19.699");
    expect(r.stdout).toContain("Năm 2023");
    expect(r.stdout).toContain("Các cột khác của bảng có");
    const grids = await readWorkbookFile(join(dir, "chi-tieu-2023.xlsx"));
    const t = readSheet(grids.find((g) => g.sheetName === "Chỉ tiêu 2023")!);
    expect(t.kind).toBe("target");
    const units = t.table!.filter((x) => x.kind === "body");
    expect(units.map((u) => u.label)).toEqual(plan.sheets[0].rows.slice(0, 8).map((x) => x[1]));
    // Krông Nô: 851 poor households over the implied 19.699.
    expect(units[0].values).toMatchObject({ households: 19699, startCount: 851 });
  });

  test("the README's example runs as written on a table made from the README's description", () => {
    const r = poverty(
      dir,
      "targets",
      "don-vi.xlsx",
      "--reduction",
      "1,5",
      "--method",
      "proportional",
      "--out",
      "chi-tieu.xlsx",
    );
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Bảng không ghi năm của số liệu đầu kỳ: dùng năm rà soát mặc định \d{4}/);
    expect(existsSync(join(dir, "chi-tieu.xlsx"))).toBe(true);
    const rates = poverty(
      dir,
      "targets",
      "don-vi-ty-le.xlsx",
      "--reduction",
      "1,5",
      "--method",
      "proportional",
      "--out",
      "chi-tieu-2.xlsx",
    );
    expect(rates.stderr).toBe("");
    expect(rates.code).toBe(0);
    // 45 ÷ 0,07355 = 611,8 … 45 ÷ 0,07345 = 612,7: the only whole total is 612.
    expect(rates.stdout).toContain("Xã An Bình: 612 → 612");
  });
});

test("validate and consolidate end the table at the same place: a stray cell below the notes is no household", () => {
  const v = poverty(dir, "validate", "xa-an-binh.xlsx", "--format", "json", "--year", "2024");
  const j = JSON.parse(v.stdout);
  const sheet = j.sheets.find((s: { kind: string }) => s.kind === "roster");
  expect(sheet.rows).toBe(3);
  const codes = j.files[0].findings.map((f: { code: string; cell: string }) => `${f.code}@${f.cell}`);
  expect(codes).toContain("STRUCT_BELOW_TABLE_IGNORED@I68");
  expect(codes.filter((c: string) => c.startsWith("HH_MISSING_ID"))).toEqual([]);
  const c = poverty(dir, "consolidate", "xa-an-binh.xlsx", "--out", "gop.xlsx", "--year", "2024");
  expect(c.code).toBe(0);
  expect(c.stdout).toContain(`Đã gộp ${sheet.rows} hộ`);
});
