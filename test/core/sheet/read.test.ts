/**
 * The reader's typed rows beyond detection: plan-indicator sheets (the optional columns, text and ranges in numeric
 * columns, "1,500" resolved by the unit of measure), ambiguous number text per column type, the roster → households
 * step and the unit table → allocation units step.
 */
import type { CellValue } from "../../../src/core/grid";
import { standardForYear } from "../../../src/core/standards";
import {
  allocationUnits,
  isRangeOrBound,
  numberHint,
  readSheet,
  rosterHouseholds,
  unitHint,
  type SheetRead,
} from "../../../src/core/sheet";
import * as F from "./fixtures";

const S = standardForYear(2024);
const read = (spec: F.SheetSpec) => readSheet(F.toGrid(spec, "x.xlsx"), { standard: S });
const codes = (r: SheetRead, severity?: string) =>
  r.findings.filter((f) => !severity || f.severity === severity).map((f) => `${f.code}@${f.cell}`);
const notInfo = (r: SheetRead) => r.findings.filter((f) => f.severity !== "info").map((f) => `${f.code}@${f.cell}`);

// ------------------------------------------------------------------------------------------ plan indicators

const PLAN_VI = [
  "STT",
  "Chỉ tiêu",
  "Đơn vị tính",
  "Loại chỉ tiêu",
  "Đầu kỳ",
  "Kế hoạch",
  "Thực hiện",
  "% thực hiện",
  "Đánh giá",
];
const planSpec = (rows: CellValue[][], header: CellValue[] = PLAN_VI): F.SheetSpec => ({
  name: "Kế hoạch",
  rows: [["CHỈ TIÊU KẾ HOẠCH NĂM 2025"], header, ...rows],
});

describe("plan-indicator sheets", () => {
  test("every column is mapped: direction, baseline, plan, actual, % achieved, status (vi and en headers)", () => {
    const vi = read(planSpec([[1, "Số hộ thoát nghèo", "hộ", "Tăng lên", 100, 120, 131, "109,2%", "Vượt"]]));
    const en = read(
      planSpec(
        [[1, "Households escaping poverty", "households", "Increase to", 100, 120, 131, 1.092, "Exceeded"]],
        ["No.", "Indicator", "Unit", "Direction", "Baseline", "Plan", "Actual", "% achieved", "Status"],
      ),
    );
    for (const r of [vi, en]) {
      expect(r.kind).toBe("plan");
      expect(r.columns).toEqual({
        seq: 0,
        indicator: 1,
        unitOfMeasure: 2,
        planDirection: 3,
        planBaseline: 4,
        planTarget: 5,
        planActual: 6,
        planShare: 7,
        planStatus: 8,
      });
      expect(notInfo(r)).toEqual([]);
    }
    expect(vi.table![0].values).toMatchObject({ planBaseline: 100, planTarget: 120, planActual: 131 });
    expect(vi.table![0].values.planShare).toBeCloseTo(1.092, 12);
    expect(vi.table![0].texts).toMatchObject({ planDirection: "Tăng lên", planStatus: "Vượt", unitOfMeasure: "hộ" });
  });

  test("other spellings: 'Tăng/Giảm', 'Thực hiện năm trước', '% hoàn thành', 'Kết quả'", () => {
    const r = read(
      planSpec(
        [[1, "Số hộ thoát nghèo", "hộ", "Tăng", 100, 120, 131, "109,2%", "Vượt"]],
        [
          "STT",
          "Chỉ tiêu",
          "ĐVT",
          "Tăng/Giảm",
          "Thực hiện năm trước",
          "Kế hoạch",
          "Thực hiện",
          "% hoàn thành",
          "Kết quả",
        ],
      ),
    );
    expect(Object.keys(r.columns).sort()).toEqual(
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
      ].sort(),
    );
    expect(r.columns.planBaseline).toBe(4);
    expect(r.columns.planStatus).toBe(8);
  });

  test("a 'Kết quả' column of numbers on a sheet without another actual column is the actual", () => {
    const r = read(
      planSpec(
        [
          [1, "Số hộ thoát nghèo", "hộ", 120, 131],
          [2, "Số lao động được đào tạo", "người", 300, 250],
        ],
        ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch", "Kết quả"],
      ),
    );
    expect(r.columns.planActual).toBe(4);
    expect(r.columns.planStatus).toBeUndefined();
    expect(r.detection.mapping.columns.find((c) => c.col === 4)?.field).toBe("planActual");
    expect(r.table!.map((x) => x.values.planActual)).toEqual([131, 250]);
    // … while a 'Kết quả' of words stays the status
    const s = read(
      planSpec([[1, "Số hộ thoát nghèo", "hộ", 120, "Đạt"]], ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch", "Kết quả"]),
    );
    expect(s.columns.planStatus).toBe(4);
  });

  test("text in a numeric plan column is VALUE_NOT_NUMBER; an Excel error is VALUE_EXCEL_ERROR; a blank is nothing", () => {
    const r = read(
      planSpec([
        [1, "Số hộ thoát nghèo", "hộ", null, null, "một trăm", 131, null],
        [2, "Số hộ tái nghèo", "hộ", "Giảm xuống còn", "#N/A", 5, "đang cập nhật", null],
        [3, "Số lao động", "người", null, null, 300, null, "chưa có"],
      ]),
    );
    expect(notInfo(r).sort()).toEqual(
      ["VALUE_EXCEL_ERROR@E4", "VALUE_NOT_NUMBER@F3", "VALUE_NOT_NUMBER@G4", "VALUE_NOT_NUMBER@H5"].sort(),
    );
    expect(r.table![0].texts.planTarget).toBe("một trăm");
    expect(r.table![0].values.planTarget).toBeUndefined();
    expect(r.table![2].values).toEqual({ planTarget: 300 });
  });

  test("a range or bound as the plan is kept as text with PLAN_TARGET_RANGE (info), and is no error", () => {
    const r = read(
      planSpec([
        [1, "Giảm tỷ lệ hộ nghèo", "%", null, null, "1–1,5", "1,6", null, null],
        [2, "Giảm tỷ lệ hộ nghèo", "%", null, null, "1-1.5", "1,6", null, null],
        [3, "Tỷ lệ hộ có nước sạch", "%", null, null, "≥ 90%", "91%", null, null],
        [4, "Tỷ lệ trẻ em đi học", "%", null, null, "từ 95% trở lên", "96%", null, null],
      ]),
    );
    expect(notInfo(r)).toEqual([]);
    expect(codes(r).filter((c) => c.startsWith("PLAN_"))).toEqual([
      "PLAN_TARGET_RANGE@F3",
      "PLAN_TARGET_RANGE@F4",
      "PLAN_TARGET_RANGE@F5",
      "PLAN_TARGET_RANGE@F6",
    ]);
    expect(r.table!.map((x) => x.texts.planTarget)).toEqual(["1–1,5", "1-1.5", "≥ 90%", "từ 95% trở lên"]);
    expect(r.table![0].values.planActual).toBeCloseTo(1.6, 12);
  });

  test("a range is only a plan: in the actual column it is VALUE_NOT_NUMBER", () => {
    const r = read(planSpec([[1, "Giảm tỷ lệ hộ nghèo", "%", null, null, "1,5", "1–1,5", null, null]]));
    expect(notInfo(r)).toEqual(["VALUE_NOT_NUMBER@G3"]);
  });

  test("'1,500' is resolved by the row's unit of measure, else reported VALUE_AMBIGUOUS_NUMBER", () => {
    const r = read(
      planSpec([
        [1, "Số hộ được hỗ trợ nhà ở", "hộ", null, null, "1,500", "1.620", null, null],
        [2, "Tỷ lệ hộ nghèo", "%", null, null, "1,500", "1,2", null, null],
        [3, "Đường giao thông nông thôn", "km", null, null, "1,500", 1.6, null, null],
      ]),
    );
    expect(r.table![0].values).toMatchObject({ planTarget: 1500, planActual: 1620 });
    expect(r.table![1].values.planTarget).toBeCloseTo(1.5, 12);
    expect(notInfo(r)).toEqual(["VALUE_AMBIGUOUS_NUMBER@F5"]);
    const f = r.findings.find((x) => x.code === "VALUE_AMBIGUOUS_NUMBER")!;
    expect(f.messageVi).toBe('Ô F5 (Kế hoạch): không rõ "1,500" là 1,500 hay 1500; hãy ghi 1500 hoặc 1,500.');
    expect(f.messageEn).toContain('"1,500" is ambiguous (1.500 or 1500)');
  });

  test("unit-of-measure and column-type hints", () => {
    expect(["hộ", "Người", "households", "(hộ)", "%", "điểm %", "tỷ lệ", "km", "triệu đồng", ""].map(unitHint)).toEqual(
      ["integer", "integer", "integer", "integer", "decimal", "decimal", "decimal", undefined, undefined, undefined],
    );
    expect((["count", "money", "rate", "pp", "score", "number", "year"] as const).map(numberHint)).toEqual([
      "integer",
      "integer",
      "decimal",
      "decimal",
      undefined,
      undefined,
      undefined,
    ]);
    expect(
      ["1–1,5", "1 - 1.5", "1,2 đến 1,5%", "≥90%", ">= 90", "trên 90%", "dưới 3%", "at least 90", "90% trở lên"].every(
        (t) => isRangeOrBound(t),
      ),
    ).toBe(true);
    expect(["abc", "-1,5", "trên", "1–", "khoảng 90"].some((t) => isRangeOrBound(t))).toBe(false);
  });
});

// ------------------------------------------------------------------------------------------ rosters

describe("rosters: ambiguous number text by column type", () => {
  test("'1,500' is thousands in the income (money) column, VALUE_AMBIGUOUS_NUMBER in a score column", () => {
    const r = read({
      name: "DS",
      rows: [
        ["Mã hộ", "Họ tên chủ hộ", "Khu vực", "Thu nhập bình quân", "Điểm B1"],
        ["H1", "Lê A", "Nông thôn", "1,500", "1,500"],
      ],
    });
    expect(r.kind).toBe("roster");
    expect(r.roster![0].household.incomePerCapita).toBe(1500);
    expect(r.roster![0].household.scoreA).toBeUndefined();
    expect(codes(r, "error")).toEqual(["VALUE_AMBIGUOUS_NUMBER@E2"]);
  });
});

describe("rosterHouseholds", () => {
  test("every value classification needs and the row lacks is a located error, never reported twice", () => {
    const r = read({
      name: "DS",
      rows: [
        ["Mã hộ", "Họ tên chủ hộ", "Khu vực", "Thu nhập bình quân", "Tổng số chỉ số thiếu hụt"],
        ["H1", "Lê A", "Nông thôn", 1_500_000, 2],
        ["H2", "Lê B", null, null, null],
        ["H3", "Lê C", "Thành thị", "abc", 1],
      ],
    });
    const out = rosterHouseholds(r);
    expect(out.households.map((h) => h.id)).toEqual(["H1", "H2", "H3"]);
    expect(out.rows).toHaveLength(3);
    expect(out.findings.map((f) => `${f.code}@${f.cell}:${f.severity}`)).toEqual([
      "VALUE_MISSING@D3:error",
      "VALUE_MISSING@E3:error",
      "VALUE_MISSING@C3:error",
    ]);
    // H3's income "abc" was already reported by the reader (VALUE_NOT_NUMBER), so not again as missing
    expect(r.findings.map((f) => `${f.code}@${f.cell}`)).toContain("VALUE_NOT_NUMBER@D4");
  });
});

// ------------------------------------------------------------------------------------------ unit tables

describe("allocationUnits", () => {
  const unitSheet = (
    rows: CellValue[][],
    header = ["STT", "Đơn vị", "Tổng số hộ", "Số hộ nghèo", "Nhóm", "Trọng số"],
  ) => F.toGrid({ name: "Đơn vị", rows: [header, ...rows] }, "dv.xlsx");
  test("units in sheet order with households, poor, tier and weight; totals are not units", () => {
    const g = unitSheet([
      [1, "Xã A", 500, 40, "I", 1.5],
      [2, "Xã B", 300, 12, "II", "0,5"],
      [null, "Tổng cộng", 800, 52, null, null],
    ]);
    const r = readSheet(g);
    const out = allocationUnits(g, r, { tier: true, weight: true });
    expect(out.units).toEqual([
      { code: "01", name: "Xã A", households: 500, poor: 40, tier: "I", weight: 1.5 },
      { code: "02", name: "Xã B", households: 300, poor: 12, tier: "II", weight: 0.5 },
    ]);
    expect(out.findings).toEqual([]);
  });
  test("missing counts, tier and weight, an unreadable weight: located errors, never zeros passed off as data", () => {
    const g = unitSheet([
      [1, "Xã A", 500, null, null, "nhiều"],
      [2, "Xã B", null, 12, "II", null],
    ]);
    const out = allocationUnits(g, readSheet(g), { tier: true, weight: true });
    expect(out.findings.map((f) => `${f.code}@${f.cell}:${f.severity}`).sort()).toEqual(
      [
        "VALUE_MISSING@D2:error",
        "VALUE_MISSING@E2:error",
        "VALUE_NOT_NUMBER@F2:error",
        "VALUE_MISSING@C3:error",
        "VALUE_MISSING@F3:error",
      ].sort(),
    );
    expect(out.units.map((u) => u.weight)).toEqual([undefined, undefined]);
  });
  test("a tier or weight column the method needs and the sheet lacks: STRUCT_MISSING_COLUMN on the header row", () => {
    const g = unitSheet([[1, "Xã A", 500, 40]], ["STT", "Đơn vị", "Tổng số hộ", "Số hộ nghèo"]);
    const out = allocationUnits(g, readSheet(g), { tier: true, weight: true });
    expect(out.findings.map((f) => `${f.code}:${f.field}:row ${f.row}`)).toEqual([
      "STRUCT_MISSING_COLUMN:tier:row 1",
      "STRUCT_MISSING_COLUMN:weight:row 1",
    ]);
    expect(allocationUnits(g, readSheet(g)).findings).toEqual([]);
  });
  test("a target table: the poor count is the start count", () => {
    const g = F.toGrid(F.targetSheet(F.CLEAN_TARGETS), "t.xlsx");
    const r = readSheet(g);
    expect(r.kind).toBe("target");
    const out = allocationUnits(g, r);
    expect(out.units.length).toBeGreaterThan(0);
    expect(out.units.every((u) => u.poor === r.table!.find((x) => x.label === u.name)!.values.startCount)).toBe(true);
  });
});

// ------------------------------------------------------------------------------------------ rate scales

describe("rate columns without counts to compare: the scale comes from the header, else the values", () => {
  const summary = (rateHeader: string, rates: CellValue[]) =>
    read({
      name: "Biểu 1",
      rows: [["Đơn vị", "Tổng số hộ", rateHeader], ...rates.map((x, i) => [`Xã ${i + 1}`, 500, x])],
    });
  test("'(%)' in the header, all values ≤ 1: percent numbers (0,9 = 0,9 %)", () => {
    const r = summary("Tỷ lệ hộ nghèo (%)", ["0,9", 0.8]);
    expect(r.rates.poorRate).toEqual({ scale: "percent", decimals: 3 });
    expect(r.table![0].values.poorRate).toBeCloseTo(0.009, 15);
    expect(r.table![1].values.poorRate).toBeCloseTo(0.008, 15);
    expect(r.findings.find((f) => f.code === "RATE_SCALE")?.messageEn).toContain("the header says (%)");
  });
  test("no hint in the header and every value ≤ 1: fractions", () => {
    const r = summary("Tỷ lệ hộ nghèo", [0.012, "0,008"]);
    expect(r.rates.poorRate.scale).toBe("fraction");
    expect(r.table!.map((x) => x.values.poorRate)).toEqual([0.012, 0.008]);
  });
  test("'7,970' in a rate column is the decimal 7,97 (a rate is never thousands)", () => {
    const r = summary("Tỷ lệ hộ nghèo", ["7,970", "1,500"]);
    expect(r.rates.poorRate.scale).toBe("percent");
    expect(r.table![0].values.poorRate).toBeCloseTo(0.0797, 12);
    expect(r.table![1].values.poorRate).toBeCloseTo(0.015, 12);
    expect(r.findings.filter((f) => f.code.startsWith("VALUE_"))).toEqual([]);
  });
});

test("roster flags: target-group and ethnic-minority columns use the one flag vocabulary; other text is VALUE_FLAG_INVALID", () => {
  const r = read({
    name: "DS",
    rows: [
      ["Mã hộ", "Họ tên chủ hộ", "Khu vực", "Thu nhập bình quân", "Dân tộc thiểu số"],
      ["H1", "Lê A", "Nông thôn", 1_500_000, "✓"],
      ["H2", "Lê B", "Nông thôn", 1_500_000, "đủ"],
      ["H3", "Lê C", "Nông thôn", 1_500_000, "có lẽ"],
    ],
  });
  expect(r.roster!.map((x) => x.household.ethnicMinority)).toEqual([true, false, undefined]);
  expect(codes(r, "error")).toEqual(["VALUE_FLAG_INVALID@E4"]);
});
