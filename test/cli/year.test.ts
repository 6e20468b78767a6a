/**
 * Issue 12: `poverty validate` and `poverty consolidate` use the review year of the sheet (the core's resolver), say
 * which year and standard they used — and why — in their first line (text) or header (JSON), and `--year` overrides.
 * Through the real bin.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import type { CellValue } from "../../src/core/grid";
import { xlsxBuffer } from "../xlsx/read-fixtures";
import { ensureCliBuilt, poverty } from "./bin";

jest.setTimeout(240_000);

const dir = mkdtempSync(join(tmpdir(), "pp-year-"));

/** A small roster: id, head, area, income, deprivation count, declared category, under a title. */
function roster(title: string, rows: [string, string, string, number, number, string][]) {
  const header: CellValue[] = [
    "Mã hộ",
    "Họ và tên chủ hộ",
    "Khu vực",
    "Thu nhập BQ (đồng/người/tháng)",
    "Tổng số chỉ số thiếu hụt",
    "Phân loại hộ",
  ];
  return { name: "Danh sách hộ", rows: [[title], ["UBND Xã An Bình"], [], header, ...rows] as CellValue[][] };
}

beforeAll(async () => {
  await ensureCliBuilt();
  // Review year 2019, Decision 59/2015 (band rule): rural 650,000 đ is poor whatever the deprivations (0 here).
  writeFileSync(
    join(dir, "ds-2019.xlsx"),
    await xlsxBuffer([
      roster("DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO NĂM 2019", [
        ["A-1", "Nguyễn Văn A", "nông thôn", 650_000, 0, "Hộ nghèo"],
        ["A-2", "Trần Thị B", "nông thôn", 900_000, 1, "Hộ cận nghèo"],
        ["A-3", "Lê Văn C", "thành thị", 850_000, 2, "Hộ nghèo"],
      ]),
    ]),
  );
  // The period first, the review year last (issue 12 defect 2): 2023, Decree 07/2021 ("and" rule, 1.5M rural).
  writeFileSync(
    join(dir, "ds-2023.xlsx"),
    await xlsxBuffer([
      roster("DANH SÁCH HỘ NGHÈO THEO CHUẨN NGHÈO ĐA CHIỀU GIAI ĐOẠN 2021 - 2025 (KẾT QUẢ RÀ SOÁT NĂM 2023)", [
        ["B-1", "Phạm Văn D", "nông thôn", 1_400_000, 3, "Hộ nghèo"],
        ["B-2", "Hoàng Thị E", "nông thôn", 1_200_000, 1, "Hộ cận nghèo"],
        ["B-3", "Vũ Văn G", "thành thị", 1_900_000, 4, "Hộ nghèo"],
      ]),
    ]),
  );
});

describe("poverty validate: the sheet's review year, said out loud", () => {
  test("a 2019 roster is checked under Decision 59/2015 and the first line says so (no false errors)", () => {
    const r = poverty(dir, "validate", "ds-2019.xlsx");
    const first = r.stdout.split("\n")[0];
    expect(first).toBe(
      'Năm rà soát 2019 · chuẩn Quyết định 59/2015/QĐ-TTg · năm rà soát 2019 đọc từ tiêu đề trang "Danh sách hộ": “NĂM 2019”',
    );
    expect(r.stdout).not.toContain("HH_CATEGORY_MISMATCH");
    expect(r.stdout).not.toContain("HH_POOR_FEW_DEPRIVATIONS");
    expect(r.stdout).not.toContain("07/2021");
    expect(r.code).toBe(0);
  });

  test("--lang en: the first line in English", () => {
    const r = poverty(dir, "validate", "ds-2019.xlsx", "--lang", "en");
    expect(r.stdout.split("\n")[0]).toBe(
      'Review year 2019 · standard Decision 59/2015/QĐ-TTg · review year 2019 read from the title of sheet "Danh sách hộ": “NĂM 2019”',
    );
  });

  test("--year still overrides, and the first line says what it overrode", () => {
    const r = poverty(dir, "validate", "ds-2019.xlsx", "--year", "2024");
    const first = r.stdout.split("\n")[0];
    expect(first).toMatch(/^Năm rà soát 2024 · chuẩn Nghị định 07\/2021\/NĐ-CP · năm rà soát 2024 do người dùng chọn/);
    expect(first).toContain('tiêu đề trang "Danh sách hộ": “NĂM 2019” ghi năm 2019 nhưng không được dùng');
    // Under Decree 07/2021 the 650,000 đ household with 0 deprivations is near-poor: the user asked for it.
    expect(r.stdout).toContain("HH_CATEGORY_MISMATCH");
    expect(r.code).toBe(1);
  });

  test("'giai đoạn 2021 - 2025 … kết quả rà soát năm 2023' resolves to 2023, Decree 07/2021 — poor stay poor", () => {
    const r = poverty(dir, "validate", "ds-2023.xlsx");
    expect(r.stdout.split("\n")[0]).toMatch(
      /^Năm rà soát 2023 · chuẩn Nghị định 07\/2021\/NĐ-CP · năm rà soát 2023 đọc từ tiêu đề trang "Danh sách hộ": “KẾT QUẢ RÀ SOÁT NĂM 2023”/,
    );
    expect(r.stdout).not.toContain("HH_CATEGORY_MISMATCH");
    expect(r.code).toBe(0);
  });

  test("JSON starts with the review year: headline and one entry per sheet", () => {
    const r = poverty(dir, "validate", "ds-2019.xlsx", "ds-2023.xlsx", "--format", "json");
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j)[0]).toBe("reviewYear");
    expect(j.reviewYear.headline.vi).toBe(
      "Năm rà soát theo từng trang: 2019 (Quyết định 59/2015/QĐ-TTg): 1 trang; 2023 (Nghị định 07/2021/NĐ-CP): 1 trang",
    );
    expect(
      j.reviewYear.sheets.map((s: { file: string; year: number; standardId: string; source: string }) => [
        s.file,
        s.year,
        s.standardId,
        s.source,
      ]),
    ).toEqual([
      ["ds-2019.xlsx", 2019, "QD59-2015", "sheet"],
      ["ds-2023.xlsx", 2023, "ND07-2021", "sheet"],
    ]);
    expect(j.summary.errors).toBe(0);
  });

  test("several years: the text report names each sheet's year under its file", () => {
    const r = poverty(dir, "validate", "ds-2019.xlsx", "ds-2023.xlsx");
    expect(r.stdout).toContain(
      'Trang "Danh sách hộ": năm rà soát 2019 · Quyết định 59/2015/QĐ-TTg · năm rà soát 2019 đọc từ',
    );
    expect(r.stdout).toContain(
      'Trang "Danh sách hộ": năm rà soát 2023 · Nghị định 07/2021/NĐ-CP · năm rà soát 2023 đọc từ',
    );
  });

  test("a bad --cutover-month exits 2", () => {
    expect(poverty(dir, "validate", "ds-2019.xlsx", "--cutover-month", "13").code).toBe(2);
  });
});

describe("poverty consolidate: reads each roster with its own year's standard and says so", () => {
  test("the first line names the year and standard", () => {
    const r = poverty(dir, "consolidate", "ds-2019.xlsx", "--out", "gop.xlsx");
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[0]).toMatch(/^Năm rà soát 2019 · chuẩn Quyết định 59\/2015\/QĐ-TTg · năm rà soát 2019/);
  });
});

describe("poverty report: the year in the first line and in a note of every form", () => {
  test("'giai đoạn 2021 - 2025 … năm 2023': classified under Decree 07/2021 (was 2021, Decision 59/2015)", () => {
    const r = poverty(dir, "report", "ds-2023.xlsx", "--out", "bc-2023.xlsx");
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[0]).toMatch(/^Năm rà soát 2023 · chuẩn Nghị định 07\/2021\/NĐ-CP/);
    expect(r.stdout).toContain("3 hộ: 2 hộ nghèo, 1 hộ cận nghèo, 0 hộ có mức sống trung bình");
  });

  test("a 2019 roster: Decision 59/2015, from its title; the forms say why and the legal basis", async () => {
    const r = poverty(dir, "report", "ds-2019.xlsx", "--out", "bc-2019.xlsx");
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe(
      'Năm rà soát 2019 · chuẩn Quyết định 59/2015/QĐ-TTg · năm rà soát 2019 đọc từ tiêu đề trang "Danh sách hộ": “NĂM 2019” · trang "Danh sách hộ"',
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, "bc-2019.xlsx"));
    const texts = (ws: ExcelJS.Worksheet) => {
      const out: string[] = [];
      ws.eachRow((row) => row.eachCell((c) => typeof c.value === "string" && out.push(c.value)));
      return out;
    };
    const form1 = wb.worksheets[0];
    expect(texts(form1).some((t) => t.startsWith("Năm rà soát 2019: năm rà soát 2019 đọc từ tiêu đề"))).toBe(true);
    expect(texts(form1).some((t) => t.includes("Quyết định 59/2015/QĐ-TTg (Điều 1, Điều 2)"))).toBe(true);
  });
});
