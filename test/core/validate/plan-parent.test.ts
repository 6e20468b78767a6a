/**
 * Plan-indicator rules (% achieved and status recomputed with core/targets progress(), plan ≤ 0, negatives,
 * reduce-to baselines) and CROSS_PARENT_CHILD (a parent summary's unit rows vs each unit's own file total).
 * Each rule: fires on a minimal bad case at its cell, silent on a clean consistent case.
 */
import type { CellValue } from "../../../src/core/grid";
import { validateWorkbooks, type Finding } from "../../../src/core/validate";
import { parseStatus } from "../../../src/core/validate/rules/plan";
import { planDirection } from "../../../src/core/sheet";
import * as F from "../sheet/fixtures";

type Spec = F.SheetSpec;

function run(files: Record<string, Spec[]>): Finding[] {
  return validateWorkbooks(
    Object.entries(files).map(([file, specs]) => ({ file, grids: specs.map((s) => F.toGrid(s, file)) })),
    { year: 2024 },
  ).files.flatMap((f) => f.findings);
}
const notInfo = (fs: Finding[]) =>
  fs.filter((f) => f.severity !== "info").map((f) => `${f.sheet}!${f.cell} ${f.code}: ${f.messageEn}`);
const codeAt = (fs: Finding[]) => fs.filter((f) => f.severity !== "info").map((f) => `${f.code}@${f.cell}`);

// ------------------------------------------------------------------------------------------ plan indicators

const PLAN_HEADER = [
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
/** Clean rows (data from row 3): every % and status equals progress() at one decimal of a percent. */
const CLEAN_PLAN: CellValue[][] = [
  // increase, no baseline: 131 / 120 = 109,17 %
  [1, "Số hộ thoát nghèo", "hộ", "Tăng lên", null, 120, 131, "109,2%", "Vượt"],
  // reduce to, with baseline: (5 − 3,2) / (5 − 3,5) = 120 %
  [2, "Tỷ lệ hộ nghèo", "%", "Giảm xuống còn", "5,00", "3,50", "3,20", "120,0%", "Vượt"],
  // reduce to by its text, no baseline: no %, status compares actual with plan (3,8 ≤ 4 → vượt)
  [3, "Giảm tỷ lệ hộ cận nghèo xuống còn dưới 4%", "%", null, null, 4, "3,8", null, "Vuot"],
  // "Giảm … 1,5 %" without a level: an amount of reduction (pp), more is better
  [4, "Giảm tỷ lệ hộ nghèo", "điểm %", null, null, "1,5", "1,5", "100,0%", "Dat"],
  // increase with a baseline: 250 / 300 = 83,3 % (or (250 − 100) / (300 − 100) = 75 %) — either accepted
  [5, "Số lao động được đào tạo nghề", "người", "Tăng", 100, 300, 250, "83,3%", "Chưa đạt"],
  // reduce to 0 is a valid plan
  [6, "Số hộ tái nghèo", "hộ", "Giảm xuống còn", 4, 0, 0, "100,0%", "Đạt"],
  // English status words
  [7, "Households with clean water", "hộ", "Increase to", null, 200, 180, "90,0%", "Not met"],
];
function planSheet(edit?: (rows: CellValue[][]) => void): Spec {
  const rows = CLEAN_PLAN.map((r) => [...r]);
  edit?.(rows);
  return { name: "Kế hoạch", rows: [["KẾT QUẢ THỰC HIỆN CHỈ TIÊU KẾ HOẠCH NĂM 2024"], PLAN_HEADER, ...rows] };
}
const plan = (edit?: (rows: CellValue[][]) => void) => run({ "kh.xlsx": [planSheet(edit)] });

describe("plan indicators", () => {
  test("a clean plan sheet (increase, reduce-to with and without baseline, reduce-by amount, reduce to 0, English) has no error and no warning", () => {
    expect(notInfo(plan())).toEqual([]);
  });

  test("% written as percent numbers (109,17) or fractions (1,0917) is read per column and stays clean", () => {
    expect(
      notInfo(
        plan((r) =>
          r.forEach((x) => typeof x[7] === "string" && (x[7] = Number(x[7].replace("%", "").replace(",", ".")))),
        ),
      ),
    ).toEqual([]);
    expect(
      notInfo(
        plan((r) =>
          r.forEach((x) => typeof x[7] === "string" && (x[7] = Number(x[7].replace("%", "").replace(",", ".")) / 100)),
        ),
      ),
    ).toEqual([]);
  });

  test("a % number format decides the precision (0.0% → one decimal of a percent)", () => {
    const spec = planSheet((r) => r.forEach((x) => (x[7] = null)));
    spec.rows[2][7] = 131 / 120;
    spec.numberFormats = { H3: "0.0%" };
    expect(notInfo(run({ "kh.xlsx": [spec] }))).toEqual([]);
    spec.rows[2][7] = 1.2;
    expect(codeAt(run({ "kh.xlsx": [spec] }))).toEqual(["PLAN_SHARE_MISMATCH@H3"]);
  });

  test("PLAN_SHARE_MISMATCH: % more than one rounding unit off, at the % cell with actual and plan related", () => {
    const fs = plan((r) => (r[0][7] = "120,0%"));
    expect(codeAt(fs)).toEqual(["PLAN_SHARE_MISMATCH@H3"]);
    const f = fs.find((x) => x.code === "PLAN_SHARE_MISMATCH")!;
    expect(f.severity).toBe("error");
    expect(f.related?.map((x) => x.cell)).toEqual(["G3", "F3"]);
    expect(f.messageVi).toBe("Ô H3: % hoàn thành 120,0 % nhưng thực hiện ÷ kế hoạch = 109,2 %.");
    expect(f.messageEn).toBe("Cell H3: % achieved 120.0% but actual ÷ plan = 109.2%.");
  });

  test("PLAN_SHARE_MISMATCH on a reduce-to row uses (baseline − actual) ÷ (baseline − plan)", () => {
    // actual ÷ plan would be 91,4 %: written so, it is wrong for a reduce-to indicator
    const fs = plan((r) => (r[1][7] = "91,4%"));
    expect(codeAt(fs)).toEqual(["PLAN_SHARE_MISMATCH@H4"]);
    expect(fs.find((x) => x.code === "PLAN_SHARE_MISMATCH")!.expected).toBe("1.2");
  });

  test("PLAN_SHARE_ROUNDING: exactly one unit off in the last decimal is a warning", () => {
    const fs = plan((r) => (r[0][7] = "109,1%"));
    expect(codeAt(fs)).toEqual(["PLAN_SHARE_ROUNDING@H3"]);
    expect(fs.find((x) => x.code === "PLAN_SHARE_ROUNDING")!.severity).toBe("warning");
  });

  test("PLAN_STATUS_MISMATCH: 'Chưa đạt' on an exceeded row, 'Dat' (no diacritics) on a missed reduce-to row", () => {
    const fs = plan((r) => {
      r[0][8] = "Chưa đạt";
      r[2][6] = "4,5"; // reduce to < 4 %, actual 4,5 %: not met
      r[2][8] = "Dat";
    });
    expect(codeAt(fs)).toEqual(["PLAN_STATUS_MISMATCH@I3", "PLAN_STATUS_MISMATCH@I5"]);
    const f = fs.find((x) => x.cell === "I5")!;
    expect(f.messageVi).toBe('Ô I5: ghi "Dat" nhưng chỉ tiêu giảm thực hiện 4,5, kế hoạch 4 là "Chưa đạt".');
    expect(f.messageEn).toBe(
      'Cell I5: says "Dat" but for a reduce-to indicator actual 4.5 against plan 4 is "Not achieved".',
    );
    // an increase-to row: "an", not "a increase-to"
    expect(fs.find((x) => x.cell === "I3")!.messageEn).toMatch(
      /^Cell I3: says "Chưa đạt" but for an increase-to indicator /,
    );
  });

  test("PLAN_STATUS_MISMATCH in English ('Met' on a missed row)", () => {
    expect(codeAt(plan((r) => (r[6][8] = "Met")))).toEqual(["PLAN_STATUS_MISMATCH@I9"]);
  });

  test("PLAN_STATUS_DEGREE: 'Đạt' on an exceeded row is a warning", () => {
    const fs = plan((r) => (r[0][8] = "Đạt"));
    expect(codeAt(fs)).toEqual(["PLAN_STATUS_DEGREE@I3"]);
    expect(
      fs[0].severity === "warning" || fs.some((x) => x.code === "PLAN_STATUS_DEGREE" && x.severity === "warning"),
    ).toBe(true);
  });

  test("PLAN_TARGET_NOT_POSITIVE: an increase plan of 0 with an actual", () => {
    const fs = plan((r) => {
      r[0][5] = 0;
      r[0][7] = null;
      r[0][8] = null;
    });
    expect(codeAt(fs)).toEqual(["PLAN_TARGET_NOT_POSITIVE@F3"]);
    expect(fs.find((x) => x.code === "PLAN_TARGET_NOT_POSITIVE")!.related?.map((x) => x.cell)).toEqual(["G3"]);
  });

  test("PLAN_BASELINE_WRONG_SIDE: a reduce-to row whose plan is not below the baseline", () => {
    expect(codeAt(plan((r) => (r[1][4] = "3,00")))).toEqual(["PLAN_BASELINE_WRONG_SIDE@F4"]);
  });

  test("VALUE_NEGATIVE: a negative actual or plan on a plan sheet", () => {
    expect(codeAt(plan((r) => (r[0][6] = -131))).filter((c) => c.startsWith("VALUE_"))).toEqual(["VALUE_NEGATIVE@G3"]);
  });

  test("direction: column first, then 'xuống còn' text, then 'Giảm' with a baseline above the plan; else increase", () => {
    expect(planDirection("Số hộ", "Giảm xuống còn")).toEqual({ direction: "reduce", from: "column" });
    expect(planDirection("Tỷ lệ hộ nghèo", "Increase to")).toEqual({ direction: "increase", from: "column" });
    expect(planDirection("Giảm tỷ lệ hộ nghèo xuống còn 3%", "").direction).toBe("reduce");
    expect(planDirection("Reduce the poverty rate to 3%", "").direction).toBe("reduce");
    expect(planDirection("giam ty le ho ngheo", "", 0.05, 0.035).direction).toBe("reduce");
    expect(planDirection("Giảm tỷ lệ hộ nghèo", "").direction).toBe("increase");
    expect(planDirection("Giảm tỷ lệ hộ nghèo", "", 1, 1.5).direction).toBe("increase");
  });

  test("status words with or without diacritics, Vietnamese or English", () => {
    expect(["Đạt", "dat", "Hoàn thành", "Met", "Achieved"].map(parseStatus)).toEqual(Array(5).fill("dat"));
    expect(["Vượt", "VUOT", "Vượt kế hoạch", "Exceeded"].map(parseStatus)).toEqual(Array(4).fill("vuot"));
    expect(["Chưa đạt", "chua dat", "Không đạt", "Not met", "Not achieved"].map(parseStatus)).toEqual(
      Array(5).fill("chuaDat"),
    );
    expect(parseStatus("ghi chú")).toBeUndefined();
  });
});

// ------------------------------------------------------------------------------------------ parent / child

/** Two villages of Xã An Bình adding up to its row of F.CLEAN_UNITS (612 households, 45 poor, 60 near-poor). */
const AN_BINH_VILLAGES: F.UnitRow[] = [
  { unit: "Thôn 1", households: 300, poor: 20, poorRate: 6.67, nearPoor: 30, nearPoorRate: 10 },
  { unit: "Thôn 2", households: 312, poor: 25, poorRate: 8.01, nearPoor: 30, nearPoorRate: 9.62 },
];
const HOA_LAC_VILLAGES: F.UnitRow[] = [
  { unit: "Tổ 1", households: 600, poor: 8, poorRate: 1.33, nearPoor: 20, nearPoorRate: 3.33 },
  { unit: "Tổ 2", households: 650, poor: 12, poorRate: 1.85, nearPoor: 21, nearPoorRate: 3.23 },
];
const TAN_TIEN_VILLAGES: F.UnitRow[] = [
  { unit: "Thôn Đông", households: 400, poor: 50, poorRate: 12.5, nearPoor: 40, nearPoorRate: 10 },
  { unit: "Thôn Tây", households: 430, poor: 51, poorRate: 11.86, nearPoor: 37, nearPoorRate: 8.6 },
];

/** Province Form 1 (a row per commune) and the communes' own Form 1 by village, matched three ways. */
function parentAndChildren(edit?: { anBinh?: Partial<F.UnitRow> }): Record<string, Spec[]> {
  const anBinh = AN_BINH_VILLAGES.map((v, i) => (i === 0 ? { ...v, ...edit?.anBinh } : v));
  // matched by file name
  const a = F.summarySheet({ units: anBinh });
  // matched by the title ("… PHƯỜNG HÒA LẠC")
  const b = F.summarySheet({ units: HOA_LAC_VILLAGES });
  b.rows[0] = ["TỔNG HỢP KẾT QUẢ RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO NĂM 2024 PHƯỜNG HÒA LẠC"];
  // matched by the totals row label ("Toàn xã Tân Tiến")
  const c = F.summarySheet({ units: TAN_TIEN_VILLAGES });
  c.rows[c.rows.length - 1][1] = "Toàn xã Tân Tiến";
  return { "tinh.xlsx": [F.summarySheet()], "xa-an-binh.xlsx": [a], "bao-cao-2.xlsx": [b], "bao-cao-3.xlsx": [c] };
}

describe("CROSS_PARENT_CHILD", () => {
  test("a province Form 1 whose commune rows equal each commune file's grand total: silent", () => {
    const fs = run(parentAndChildren());
    expect(notInfo(fs)).toEqual([]);
  });

  test("fires at the parent cell with both cells related when a commune file's total differs", () => {
    // Thôn 1 has 2 more poor households: Xã An Bình's own total is 47 poor, the province row says 45.
    const fs = run(parentAndChildren({ anBinh: { poor: 22, poorRate: 7.33 } }));
    const hits = fs.filter((f) => f.code === "CROSS_PARENT_CHILD");
    expect(hits).toHaveLength(1);
    const f = hits[0];
    expect(f).toMatchObject({
      file: "tinh.xlsx",
      sheet: "Biểu 1",
      cell: "D6",
      severity: "error",
      value: "45",
      expected: "47",
    });
    expect(f.related).toEqual([
      { file: "tinh.xlsx", sheet: "Biểu 1", cell: "D6" },
      { file: "xa-an-binh.xlsx", sheet: "Biểu 1", cell: "D8" },
    ]);
    expect(f.messageVi).toBe(
      "Ô D6 (Xã An Bình, Số hộ nghèo) = 45 nhưng tổng cộng của đơn vị trong xa-an-binh.xlsx › Biểu 1!D8 là 47.",
    );
    expect(notInfo(fs).filter((x) => !x.includes("CROSS_PARENT_CHILD"))).toEqual([]);
  });

  test("matched by title and by totals label too", () => {
    const files = parentAndChildren();
    files["bao-cao-2.xlsx"][0].rows[5][2] = 601; // Tổ 1 households 600 → 601: total 1251
    files["bao-cao-2.xlsx"][0].rows[7][2] = 1251;
    files["bao-cao-3.xlsx"][0].rows[7][5] = 76; // total near-poor 77 → 76 (the commune's own total row is wrong too)
    const fs = run(files).filter((f) => f.code === "CROSS_PARENT_CHILD");
    expect(fs.map((f) => `${f.cell}:${f.value}≠${f.expected}`)).toEqual(["C7:1250≠1251", "F8:77≠76"]);
  });

  test("a name two child files match is ambiguous: not compared", () => {
    const files = parentAndChildren({ anBinh: { poor: 22, poorRate: 7.33 } });
    const copy = files["xa-an-binh.xlsx"][0];
    files["xa_an_binh (2).xlsx"] = [copy];
    files["Xã An Bình.xlsx"] = [copy];
    expect(run(files).filter((f) => f.code === "CROSS_PARENT_CHILD")).toEqual([]);
  });

  test("files of one unit only (no parent row naming another file) are silent", () => {
    const files = parentAndChildren({ anBinh: { poor: 22, poorRate: 7.33 } });
    delete files["tinh.xlsx"];
    expect(run(files).filter((f) => f.code === "CROSS_PARENT_CHILD")).toEqual([]);
  });
});
