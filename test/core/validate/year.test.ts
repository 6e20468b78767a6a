/**
 * Validation uses the core's year resolver per sheet (issue 12): --year > the sheet's title > another sheet's title
 * in the same workbook > the default on the injected `today`, and reports which year and standard each sheet got.
 */
import type { CellValue } from "../../../src/core/grid";
import {
  reviewYearsHeadline,
  sheetReviewYears,
  titleYear,
  validateWorkbooks,
  type ValidateOptions,
} from "../../../src/core/validate";
import { PovertyError } from "../../../src/core/errors";
import * as F from "../sheet/fixtures";

const HEADER: CellValue[] = [
  "Mã hộ",
  "Khu vực",
  "Thu nhập BQ (đồng/người/tháng)",
  "Tổng số chỉ số thiếu hụt",
  "Phân loại hộ",
];

/** Rural 650,000 đ, 0 deprivations, declared poor: right under Decision 59/2015 (band), wrong under Decree 07/2021. */
const roster = (title: string | null, name = "DS"): F.SheetSpec => ({
  name,
  rows: [...(title === null ? [] : [[title], []]), HEADER, ["H-1", "nông thôn", 650_000, 0, "Hộ nghèo"]],
});

const TODAY = new Date(2026, 11, 4);

function check(specs: F.SheetSpec[], opts: ValidateOptions = {}) {
  return validateWorkbooks([{ file: "w.xlsx", grids: specs.map((s) => F.toGrid(s, "w.xlsx")) }], opts);
}
const codes = (r: ReturnType<typeof check>) => r.files.flatMap((f) => f.findings.map((x) => x.code));

describe("validateWorkbooks: the review year of each sheet", () => {
  test("issue 12 defect 1: a 2019 title applies Decision 59/2015 — no false HH_* errors citing Decree 07/2021", () => {
    const r = check([roster("DANH SÁCH HỘ NGHÈO NĂM 2019")], { today: TODAY });
    expect(r.years).toEqual([
      {
        file: "w.xlsx",
        sheet: "DS",
        year: 2019,
        standardId: "QD59-2015",
        standardDocument: "Quyết định 59/2015/QĐ-TTg",
        standardDocumentEn: "Decision 59/2015/QĐ-TTg",
        source: "sheet",
        reason: {
          vi: 'năm rà soát 2019 đọc từ tiêu đề trang "DS": “NĂM 2019”',
          en: 'review year 2019 read from the title of sheet "DS": “NĂM 2019”',
        },
      },
    ]);
    expect(codes(r).filter((c) => c.startsWith("HH_"))).toEqual([]);
  });

  test("issue 12 defect 2: the period in the title is not the review year", () => {
    // Rural 1,400,000 đ with 3 deprivations, declared poor: right under Decree 07/2021 (2023), "average" under
    // Decision 59/2015 (2021, the period's first year).
    const sheet: F.SheetSpec = {
      name: "DS",
      rows: [
        ["DANH SÁCH HỘ NGHÈO THEO CHUẨN NGHÈO ĐA CHIỀU GIAI ĐOẠN 2021 - 2025 (KẾT QUẢ RÀ SOÁT NĂM 2023)"],
        [],
        HEADER,
        ["H-1", "nông thôn", 1_400_000, 3, "Hộ nghèo"],
      ],
    };
    const r = check([sheet]);
    expect(codes(r).filter((c) => c.startsWith("HH_"))).toEqual([]);
    expect(r.years[0]).toMatchObject({ year: 2023, standardId: "ND07-2021", source: "sheet" });
  });

  test("an explicit year overrides the title, and the reason says so", () => {
    const r = check([roster("DANH SÁCH HỘ NGHÈO NĂM 2019")], { year: 2024, today: TODAY });
    expect(r.years[0]).toMatchObject({ year: 2024, source: "option", standardId: "ND07-2021" });
    expect(r.years[0].reason.vi).toContain("ghi năm 2019 nhưng không được dùng");
    expect(codes(r)).toContain("HH_CATEGORY_MISMATCH");
  });

  test("a sheet without a year takes the workbook's (another sheet's title)", () => {
    const r = check([roster("KẾT QUẢ RÀ SOÁT NĂM 2019", "Bìa"), roster(null, "Xã A")], { today: TODAY });
    expect(r.years.map((y) => [y.sheet, y.year, y.source])).toEqual([
      ["Bìa", 2019, "sheet"],
      ["Xã A", 2019, "workbook"],
    ]);
    expect(r.years[1].reason.vi).toContain('tiêu đề trang "Bìa"');
    expect(codes(r).filter((c) => c.startsWith("HH_"))).toEqual([]);
  });

  test("no year anywhere: the default on `today` (2025 on 04/12/2026, Decree 07/2021), with its reason", () => {
    const r = check([roster(null)], { today: TODAY });
    expect(r.years[0]).toMatchObject({ year: 2025, source: "default", standardId: "ND07-2021" });
    expect(r.years[0].reason.vi).toContain("04/12/2026");
    expect(reviewYearsHeadline(r.years).vi).toMatch(/^Năm rà soát 2025 · chuẩn Nghị định 07\/2021\/NĐ-CP · mặc định/);
  });

  test("no year and no today: no standard, said so (no household rule runs)", () => {
    const r = check([roster(null)]);
    expect(r.years[0].year).toBeUndefined();
    expect(r.standardId).toBeUndefined();
    expect(reviewYearsHeadline(r.years).vi).toMatch(/^Không xác định được năm rà soát/);
  });

  test("YEAR_UNSUPPORTED: a title year outside 2015–2030 is a located warning, not a silent default", () => {
    const r = check([roster("DANH SÁCH HỘ NGHÈO NĂM 2014")], { today: TODAY });
    const f = r.files[0].findings.find((x) => x.code === "YEAR_UNSUPPORTED")!;
    expect(f).toMatchObject({ severity: "warning", sheet: "DS", cell: "A1" });
    expect(f.messageVi).toContain("2014");
    expect(f.messageVi).toContain("“NĂM 2014”");
    expect(r.years[0].year).toBeUndefined();
    expect(codes(r).filter((c) => c.startsWith("HH_"))).toEqual([]);
  });

  test("a bad explicit year or cut-over month fails the run", () => {
    expect(() => check([roster(null)], { year: 2031 })).toThrow(PovertyError);
    expect(() => check([roster("NĂM 2019")], { today: TODAY, cutoverMonth: 0 })).toThrow(PovertyError);
  });

  test("the cut-over month moves the default", () => {
    const r = check([roster(null)], { today: new Date(2027, 0, 20), cutoverMonth: 1 });
    expect(r.years[0].year).toBe(2026);
  });

  test("several years: one headline naming each", () => {
    const r = validateWorkbooks(
      [
        { file: "a.xlsx", grids: [F.toGrid(roster("NĂM 2019"), "a.xlsx")] },
        { file: "b.xlsx", grids: [F.toGrid(roster("NĂM 2024"), "b.xlsx")] },
      ],
      { today: TODAY },
    );
    expect(reviewYearsHeadline(r.years).en).toBe(
      "Review year per sheet: 2019 (Decision 59/2015/QĐ-TTg): 1 sheet; 2024 (Decree 07/2021/NĐ-CP): 1 sheet",
    );
  });
});

describe("sheetReviewYears and titleYear", () => {
  test("one resolution per grid, shared by validation and consolidation", () => {
    const list = sheetReviewYears(
      { file: "w.xlsx", grids: [F.toGrid(roster("NĂM 2019")), F.toGrid(roster(null, "B"))] },
      { today: TODAY },
    );
    expect(list.map((x) => [x.standard?.id, x.year.source])).toEqual([
      ["QD59-2015", "sheet"],
      ["QD59-2015", "workbook"],
    ]);
  });

  test("titleYear reads the rows above the header only", () => {
    const withHeaderYear: F.SheetSpec = {
      name: "T",
      rows: [
        ["DANH SÁCH HỘ NGHÈO NĂM 2022"],
        [],
        [...HEADER, "Ghi chú năm 2030"],
        ["H-1", "nông thôn", 1, 0, "Hộ nghèo"],
      ],
    };
    expect(titleYear(F.toGrid(withHeaderYear))).toBe(2022);
    expect(titleYear(F.toGrid(roster(null)))).toBeUndefined();
  });
});
