/**
 * The average-living category as data of each standard (issue 12, defects 4, 5 and 9):
 * - Decree 07/2021/NĐ-CP and Decision 24/2021/QĐ-TTg: agriculture, forestry, fishery and salt households only; an
 *   unknown trade is not an identified average-living household (classify says so, Form 1 column (7) leaves it out
 *   with a note, CLASSIFY has its own label — see test/functions);
 * - Decision 59/2015/QĐ-TTg: any household in the band (its ceilings are uncertain: a note);
 * - declared "average" above the ceiling is a HH_CATEGORY_MISMATCH error.
 */
import { CATEGORY_CODE, classifyColumns, classifyHousehold, averageConfirmed } from "../../../src/core/classify";
import type { Household } from "../../../src/core/household";
import { detect } from "../../../src/core/sheet";
import { standardForYear } from "../../../src/core/standards";
import { buildForm1, classifyRoster, isFormulaCell, type TableCell } from "../../../src/core/tables";
import { validateWorkbooks } from "../../../src/core/validate";
import * as F from "../sheet/fixtures";

const S2024 = standardForYear(2024);
const S2019 = standardForYear(2019);

describe("classify: the standard's condition on the average category", () => {
  const h = (agricultural?: boolean) => ({
    incomePerCapita: 2_000_000,
    deprivations: 0,
    area: "rural" as const,
    ...(agricultural === undefined ? {} : { agricultural }),
  });

  test("the data: Decree 07/2021 limits it to agricultural households, Decision 59/2015 does not, 2027+ unknown", () => {
    expect(S2024.averageAgriculturalOnly).toBe(true);
    expect(S2019.averageAgriculturalOnly).toBe(false);
    expect(standardForYear(2027).averageAgriculturalOnly).toBeNull();
  });

  test("Decree 07/2021: agricultural → met; not → none; not given → unconfirmed, with a note citing the law", () => {
    expect(classifyHousehold(h(true), S2024).reason.averageCondition).toBe("met");
    expect(classifyHousehold(h(false), S2024).category).toBe("none");
    const u = classifyHousehold(h(), S2024);
    expect(u.category).toBe("average");
    expect(u.reason.averageCondition).toBe("unconfirmed");
    expect(u.reason.textVi).toContain("chỉ là hộ có mức sống trung bình nếu là hộ nông, lâm, ngư, diêm nghiệp");
    expect(u.reason.notes?.map((n) => n.vi).join(" ")).toContain("Quyết định 24/2021/QĐ-TTg");
    expect(averageConfirmed(S2024, undefined)).toBe(false);
    expect(averageConfirmed(S2024, true)).toBe(true);
  });

  test("Decision 59/2015: any household in the band is average (the flag changes nothing); ceilings noted uncertain", () => {
    const row = { incomePerCapita: 1_200_000, deprivations: 0, area: "rural" as const };
    for (const agricultural of [true, false, undefined]) {
      const c = classifyHousehold({ ...row, ...(agricultural === undefined ? {} : { agricultural }) }, S2019);
      expect(c.category).toBe("average");
      expect(c.reason.averageCondition).toBe("notRequired");
      expect(c.reason.notes?.map((n) => n.vi).join(" ")).toContain("chỉ có từ báo chí");
    }
    expect(averageConfirmed(S2019, undefined)).toBe(true);
    const codes = classifyColumns(
      { income: [1_200_000, 1_200_000], deprivations: [0, 0], area: [0, 0], agricultural: [0, 1] },
      S2019,
    );
    expect([...codes]).toEqual([CATEGORY_CODE.average, CATEGORY_CODE.average]);
    // …while under Decree 07/2021 a household known not to be agricultural is "none"
    const codes24 = classifyColumns(
      { income: [2_000_000, 2_000_000], deprivations: [0, 0], area: [0, 0], agricultural: [0, 1] },
      S2024,
    );
    expect([...codes24]).toEqual([CATEGORY_CODE.none, CATEGORY_CODE.average]);
  });

  test("the reason calls 1,000,000 the near-poverty line (Decision 59/2015), 1,500,000 the poverty line (2022+)", () => {
    const band = classifyHousehold({ incomePerCapita: 1_200_000, deprivations: 0, area: "rural" }, S2019);
    expect(band.reason.textVi).toContain("trên chuẩn cận nghèo 1.000.000 đồng");
    expect(band.reason.textEn).toContain("above the near-poverty line 1,000,000 VND");
    const none = classifyHousehold({ incomePerCapita: 1_600_000, deprivations: 0, area: "rural" }, S2019);
    expect(none.reason.textVi).toContain("mức trần hộ có mức sống trung bình 1.500.000 đồng");
    const and = classifyHousehold({ incomePerCapita: 2_000_000, deprivations: 0, area: "rural" }, S2024);
    expect(and.reason.textVi).toContain("trên chuẩn nghèo 1.500.000 đồng");
  });
});

describe("Form 1 column (7): identified average-living households only, and a note when the trade is unknown", () => {
  const base: Household = {
    id: "",
    unit: "Xã A",
    area: "rural",
    incomePerCapita: 2_000_000,
    deprivationCount: 0,
    members: 3,
  };
  const roster = (agri: (boolean | undefined)[]): Household[] =>
    agri.map((a, i) => ({ ...base, id: `H${i}`, ...(a === undefined ? {} : { agricultural: a }) }));
  const value = (c: TableCell) => (isFormulaCell(c) ? c.value : c);
  const average = (households: Household[], year = 2024) => {
    const standard = standardForYear(year);
    const t = buildForm1({ households, categories: classifyRoster(households, standard), standard, reviewYear: year });
    const col = t.columns.findIndex((c) => c.key === "h_average");
    const total = t.rows.find((r) => r.kind === "total")!;
    return { count: value(total.cells[col]), notes: t.notes.map((n) => n.vi).join("\n") };
  };

  test("no agricultural column: column (7) counts nobody and the note says why and how many (was: everyone)", () => {
    const r = average(roster([undefined, undefined, undefined]));
    expect(r.count).toBe(0);
    expect(r.notes).toContain('danh sách không có cột "Hộ làm nông nghiệp, lâm nghiệp, ngư nghiệp, diêm nghiệp"');
    expect(r.notes).toContain("3 hộ có thu nhập trong khoảng mức sống trung bình không được tính");
  });

  test("with the column: agricultural households counted, blanks noted", () => {
    const r = average(roster([true, false, undefined, true]));
    expect(r.count).toBe(2);
    expect(r.notes).toContain("1 hộ có thu nhập trong khoảng mức sống trung bình chưa ghi");
    expect(average(roster([true, true])).notes).not.toContain("không được tính");
  });

  test("Decision 59/2015: every household in the band, with the note on the uncertain ceilings", () => {
    const r = average(
      roster([undefined, false]).map((h) => ({ ...h, incomePerCapita: 1_200_000 })),
      2019,
    );
    expect(r.count).toBe(2);
    expect(r.notes).toContain("mức trần hộ có mức sống trung bình của Quyết định 59/2015/QĐ-TTg");
    expect(r.notes).toContain("chỉ có từ báo chí");
  });
});

describe("roster column of agricultural households, from its usual headers", () => {
  test.each([
    "Hộ làm nông nghiệp, lâm nghiệp, ngư nghiệp, diêm nghiệp",
    "Hộ nông, lâm, ngư, diêm nghiệp",
    "Hộ NLNDN",
    "Hộ làm NLNNDN",
  ])("%s", (header) => {
    const grid = F.toGrid({
      name: "DS",
      rows: [
        ["Mã hộ", "Khu vực", "Thu nhập BQ (đồng/người/tháng)", "Tổng số chỉ số thiếu hụt", "Phân loại hộ", header],
        ["H1", "nông thôn", 2_000_000, 0, "Hộ có mức sống trung bình", "x"],
      ],
    });
    const d = detect(grid);
    expect(d.kind).toBe("roster");
    expect(d.mapping.byField.agricultural).toBe(5);
  });
});

describe("HH_CATEGORY_MISMATCH: declared average above the ceiling is an error (issue 12 defect 4)", () => {
  const HEADER = ["Mã hộ", "Khu vực", "Thu nhập BQ (đồng/người/tháng)", "Tổng số chỉ số thiếu hụt", "Phân loại hộ"];
  const AGRI = "Hộ làm nông nghiệp, lâm nghiệp, ngư nghiệp, diêm nghiệp";
  /** Rows without the agricultural column unless `agri` is given (then the last cell of each row is the flag). */
  const check = (year: number, rows: (string | number | null)[][], agri = false) =>
    validateWorkbooks(
      [{ file: "w.xlsx", grids: [F.toGrid({ name: "DS", rows: [agri ? [...HEADER, AGRI] : HEADER, ...rows] })] }],
      { year },
    ).files[0].findings.filter((f) => f.code === "HH_CATEGORY_MISMATCH");

  test("rural 5,000,000 đ declared average (ceiling 2,250,000), no agricultural column: error citing the ceiling", () => {
    const f = check(2024, [["H1", "nông thôn", 5_000_000, 0, "Hộ có mức sống trung bình"]]);
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe("error");
    expect(f[0].messageVi).toContain("Không thuộc diện");
    expect(f[0].messageVi).toContain("mức trần hộ có mức sống trung bình 2.250.000 đồng");
  });

  test("urban 3,100,000 đ declared average by an agricultural household (ceiling 3,000,000): error; in the band: fine", () => {
    expect(check(2024, [["H1", "thành thị", 3_100_000, 0, "Hộ có mức sống trung bình", "x"]], true)).toHaveLength(1);
    expect(check(2024, [["H1", "thành thị", 2_900_000, 0, "Hộ có mức sống trung bình", "x"]], true)).toHaveLength(0);
    expect(check(2024, [["H1", "nông thôn", 2_000_000, 0, "Hộ có mức sống trung bình"]])).toHaveLength(0);
  });

  test("declared average but not ticked as agricultural (Decree 07/2021): error", () => {
    expect(check(2024, [["H1", "nông thôn", 2_000_000, 0, "Hộ có mức sống trung bình", null]], true)).toHaveLength(1);
  });

  test("2028: the ceiling is unknown, so a declared average above the line is not contradicted", () => {
    expect(check(2028, [["H1", "nông thôn", 2_500_000, 0, "Hộ có mức sống trung bình"]])).toHaveLength(0);
  });
});
