/**
 * One test per rule code: it fires on a minimal bad case and stays silent on a clean, consistent submission.
 */
import type { CellValue } from "../../../src/core/grid";
import { NO_CACHED_VALUE } from "../../../src/core/sheet/parse";
import { RULES, unreadableFinding, validateWorkbooks, type Finding } from "../../../src/core/validate";
import * as F from "../sheet/fixtures";
import { cleanSubmission } from "../sheet/fixtures";

type Spec = F.SheetSpec;

function run(files: Spec[][], year = 2024): Finding[] {
  return validateWorkbooks(
    files.map((specs, i) => ({
      file: `ward-${i + 1}.xlsx`,
      grids: specs.map((s) => F.toGrid(s, `ward-${i + 1}.xlsx`)),
    })),
    { year },
  ).files.flatMap((f) => f.findings);
}

const clean = run([cleanSubmission()]);

test("a clean, consistent submission has no error and no warning", () => {
  expect(clean.filter((f) => f.severity !== "info")).toEqual([]);
});

const hh = (i: number, patch: Partial<F.HH>): F.HH[] =>
  F.CLEAN_HOUSEHOLDS.map((h, k) => (k === i ? { ...h, ...patch } : h));
const roster = (patch: Partial<F.HH>, i = 0) => [F.rosterSheet({ unit: "Xã Mới", households: hh(i, patch) })];
const withRows = (spec: Spec, edit: (rows: CellValue[][]) => void): Spec => {
  const rows = spec.rows.map((r) => [...r]);
  edit(rows);
  return { ...spec, rows };
};
const summary = (i: number, patch: Partial<F.UnitRow>) =>
  F.summarySheet({ units: F.CLEAN_UNITS.map((u, k) => (k === i ? { ...u, ...patch } : u)) });
const form2 = (i: number, v: (number | null)[]) =>
  F.transitionSheet(
    "poor",
    F.CLEAN_FORM2.map((r, k) => (k === i ? { ...r, v } : r)),
  );
/** The sheet without its total-households column (column C). */
const noTotal = (spec: Spec): Spec => ({ ...spec, rows: spec.rows.map((r) => r.filter((_, c) => c !== 2)) });
const targets = (i: number, row: (string | number)[]) =>
  F.targetSheet(F.CLEAN_TARGETS.map((r, k) => (k === i ? row : r)));

/** A plan-indicator sheet with % achieved and status columns: [indicator, unit, plan, actual, %, status]. */
const planSheet = (row: CellValue[]): Spec => ({
  name: "Kế hoạch",
  rows: [
    ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch", "Thực hiện", "% thực hiện", "Đánh giá"],
    [1, ...row],
  ],
});

const CASES: Record<string, () => Spec[][]> = {
  SHEET_HIDDEN: () => [[{ ...F.rosterSheet({ unit: "Xã Mới" }), hidden: true }]],
  SHEET_EMPTY: () => [[{ name: "Trống", rows: [] }]],
  SHEET_UNRECOGNISED: () => [[{ name: "Ghi chú", rows: [["Ghi chú về số liệu"], ["Số liệu đã được rà soát"]] }]],
  FORMULA_NO_CACHED_VALUE: () => [[withRows(F.summarySheet(), (r) => (r[5][3] = NO_CACHED_VALUE))]],
  STRUCT_MISSING_COLUMN: () => [
    [
      {
        name: "S",
        rows: [
          ["Đơn vị", "Tổng số hộ", "Tỷ lệ hộ nghèo (%)"],
          ["Xã A", 100, 5],
        ],
      },
    ],
  ],
  STRUCT_AMBIGUOUS_COLUMN: () => [
    [
      {
        name: "DS",
        rows: [
          ["Mã hộ", "Mã hộ", "Phân loại hộ"],
          ["H1", "H1", "Hộ nghèo"],
        ],
      },
    ],
  ],
  STRUCT_UNMAPPED_COLUMN: () => [
    [
      {
        name: "DS",
        rows: [
          ["Mã hộ", "Phân loại hộ", "Ghi chú"],
          ["H1", "Hộ nghèo", "mới"],
        ],
      },
    ],
  ],
  STRUCT_DATA_BELOW_TOTAL: () => [
    [
      withRows(F.rosterSheet({ unit: "Xã Mới" }), (r) =>
        r.push([
          7,
          "XA-007",
          "Vũ Văn Giang",
          "Xã Mới",
          "Thôn 1",
          "Nông thôn",
          3,
          4_000_000,
          ...Array(12).fill(null),
          0,
          "Không thuộc diện",
        ]),
      ),
    ],
  ],
  STRUCT_MERGED_DATA: () => [[{ ...F.rosterSheet({ unit: "Xã Mới" }), merges: [...F.rosterSheet().merges!, "H7:H8"] }]],
  STRUCT_NO_DATA: () => [[{ ...F.summarySheet(), rows: F.summarySheet().rows.slice(0, 5) }]],
  // A blank template: prepared input rows whose only cells are formulas showing "" (or without a cached value).
  STRUCT_TEMPLATE_UNFILLED: () => [
    [
      {
        name: "DS",
        rows: [
          ["Mã hộ", "Phân loại hộ", "Tổng số chỉ số thiếu hụt"],
          [null, null, ""],
          [null, null, { error: "#NO_CACHED_VALUE" }],
        ],
      },
    ],
  ],
  VALUE_EXCEL_ERROR: () => [[withRows(F.summarySheet(), (r) => (r[5][3] = { error: "#N/A" }))]],
  VALUE_NOT_NUMBER: () => [roster({ members: "bốn" })],
  VALUE_AMBIGUOUS_NUMBER: () => [[planSheet(["Đường giao thông nông thôn", "km", "1,500", 1.6, null, null])]],
  VALUE_MISSING: () => [roster({ area: "" })],
  VALUE_NEGATIVE: () => [roster({ income: -5 })],
  VALUE_NOT_INTEGER: () => [roster({ members: 2.5 })],
  VALUE_MEMBERS_RANGE: () => [roster({ members: 0 })],
  VALUE_RATE_RANGE: () => [[summary(0, { poorRate: 112.5 })]],
  VALUE_FLAG_INVALID: () => [[withRows(F.rosterSheet({ unit: "Xã Mới" }), (r) => (r[6][9] = 2))]],
  VALUE_DEP_COUNT_RANGE: () => [roster({ count: 14 })],
  VALUE_UNKNOWN_AREA: () => [roster({ area: "TP" })],
  VALUE_UNKNOWN_CATEGORY: () => [roster({ category: "nghèo?" })],
  RATE_SCALE: () => [[F.summarySheet()]],
  HH_DUPLICATE_ID: () => [roster({ id: "XA-001" }, 1)],
  HH_DUPLICATE_ID_ACROSS: () => [
    [F.rosterSheet({ unit: "Xã Mới" })],
    [
      F.rosterSheet({
        unit: "Phường Khác",
        households: hh(0, { id: "XB-1" }).map((h, i) => (i === 5 ? { ...h, id: "XA-003" } : { ...h, id: `XB-${i}` })),
      }),
    ],
  ],
  HH_MISSING_ID: () => [roster({ id: "" })],
  HH_DEP_COUNT_MISMATCH: () => [roster({ count: 3 }, 1)],
  HH_POOR_FEW_DEPRIVATIONS: () => [roster({ flags: [0, 1] })],
  HH_CATEGORY_MISMATCH: () => [roster({ income: 2_400_000 })],
  HH_CANNOT_CLASSIFY: () => [
    [
      withRows(F.rosterSheet({ unit: "Xã Mới" }), (r) =>
        r.forEach((row, i) => i >= 3 && row.length > 7 && (row[7] = null)),
      ),
    ],
  ],
  RATE_MISMATCH: () => [[summary(0, { poorRate: 8.12 })]],
  RATE_ROUNDING: () => [[summary(0, { poorRate: 7.36 })]],
  COUNT_EXCEEDS_TOTAL: () => [[summary(0, { poor: 650, poorRate: 106.21 })]],
  ZERO_DENOMINATOR: () => [[summary(0, { households: 0, poorRate: 0, nearPoorRate: 0 })]],
  TOTAL_ROW_MISMATCH: () => [[F.summarySheet({ total: { nearPoor: 179, nearPoorRate: 6.65 } })]],
  POOR_NEAR_EXCEEDS_TOTAL: () => [
    [summary(0, { households: 100, poor: 60, poorRate: 60, nearPoor: 50, nearPoorRate: 50 })],
  ],
  TRANSITION_IDENTITY: () => [[form2(0, [52, 6, 4, 1, 2, 1, 1, 0, 46])]],
  TRANSITION_FORMS_MISMATCH: () => [
    [form2(0, [52, 7, 3, 1, 2, 1, 1, 0, 45]), F.transitionSheet("nearPoor", F.CLEAN_FORM3)],
  ],
  DEPRIV_TOTAL_MISMATCH: () => [[F.deprivationSheet([{ ...F.CLEAN_FORM4[0], total: 150 }])]],
  DEPRIV_BELOW_CUTOFF: () => [
    [F.deprivationSheet([{ unit: "Xã An Bình", poor: 45, counts: [10, 10, 10, 10, 10, 10, 10, 10, 10, 5, 3, 2] }])],
  ],
  TARGET_END_COUNT: () => [[targets(0, ["Xã An Bình", 612, 45, "7,35", "1,5", 10, 36, "5,88"])]],
  REDUCTION_PP_MISMATCH: () => [[targets(0, ["Xã An Bình", 612, 45, "7,35", "2,0", 10, 35, "5,72"])]],
  TARGET_REDUCED_VS_PP: () => [[targets(0, ["Xã An Bình", 612, 45, "7,35", "1,5", 12, 33, "5,39"])]],
  // No total column: the start implies 612–612 households (45 = 7,35 %), the end 35 = 5,00 % implies 699–707.
  TARGET_TOTALS_INCONSISTENT: () => [
    [noTotal(F.targetSheet([["Xã An Bình", 612, 45, "7,35", "2,35", 10, 35, "5,00"]]))],
  ],
  TOTAL_IMPLIED_DISAGREE: () => [
    [
      {
        name: "KQ",
        rows: [
          ["Đơn vị", "Số hộ nghèo", "Tỷ lệ hộ nghèo (%)", "Số hộ cận nghèo", "Tỷ lệ hộ cận nghèo (%)"],
          ["Xã An Bình", 45, "7,35", 60, "12,00"],
        ],
      },
    ],
  ],
  TOTAL_IMPLIED_SUM: () => [
    [
      {
        name: "KQ",
        rows: [
          ["Đơn vị", "Số hộ nghèo", "Tỷ lệ hộ nghèo (%)"],
          ["Xã An Bình", 45, "7,35"],
          ["Phường Hòa Lạc", 20, "1,60"],
          ["Tổng cộng", 65, "2,50"],
        ],
      },
    ],
  ],
  COMBINED_COUNT_MISMATCH: () => [
    [
      {
        name: "KQ",
        rows: [
          ["Vùng", "Số hộ nghèo và cận nghèo", "Số hộ nghèo", "Tỷ lệ hộ nghèo (%)", "Số hộ cận nghèo"],
          ["Đồng bằng sông Hồng", 169566, 69239, "1,00", 100237],
        ],
      },
    ],
  ],
  COMBINED_RATE_MISMATCH: () => [
    [
      {
        name: "KQ",
        rows: [
          ["Vùng", "Tỷ lệ nghèo đa chiều (%)", "Số hộ nghèo", "Tỷ lệ hộ nghèo (%)", "Tỷ lệ hộ cận nghèo (%)"],
          ["Đồng bằng sông Hồng", "2,52", 69239, "1,00", "1,45"],
        ],
      },
    ],
  ],
  MOVEMENT_PARTS_MISMATCH: () => [
    [
      {
        name: "DB",
        rows: [
          ["Đơn vị", "Số hộ nghèo đầu năm", "Số hộ thoát nghèo", null, null, "Số hộ nghèo cuối năm"],
          [null, null, "Tổng số", "Chuyển sang hộ cận nghèo", "Thoát tình trạng nghèo, cận nghèo", null],
          ["Toàn tỉnh", 120, 30, 10, 15, 90],
        ],
        merges: ["C1:E1"],
      },
    ],
  ],
  STRUCT_BELOW_TABLE_IGNORED: () => [
    [
      withRows(F.rosterSheet({ unit: "Xã Mới" }), (r) =>
        r.push([], ["Ghi chú: số liệu tính đến ngày 30/11/2024"], [], [], [null, null, null, null, null, null, 7]),
      ),
    ],
  ],
  RATE_OUTSIDE_PARTS: () => [
    [
      {
        name: "262",
        rows: [
          ["Năm", "Tỷ lệ hộ nghèo (%)", null, null],
          [null, "Chung", "Thành thị", "Nông thôn"],
          [2015, "16,72", "6,25", "16,68"],
        ],
        merges: ["A1:A2", "B1:D1"],
      },
    ],
  ],
  VALUE_READ_AS_NOTE: () => [[withRows(F.summarySheet(), (r) => (r[5][6] = "Như cột 4"))]],
  CROSS_SUMMARY_ROSTER: () => [[F.rosterSheet({ unit: "Xã An Bình" }), F.summarySheet()]],
  CROSS_FORM_TOTALS: () => [[summary(0, { poor: 44, poorRate: 7.19 }), F.transitionSheet("poor", F.CLEAN_FORM2)]],
  CROSS_START_CATEGORY: () => [
    [
      {
        name: "DS 2023",
        rows: [
          ["DANH SÁCH HỘ NĂM 2023"],
          ["Mã hộ", "Khu vực", "Phân loại hộ"],
          ["H1", "Nông thôn", "Hộ nghèo"],
          ["H2", "Nông thôn", "Hộ cận nghèo"],
        ],
      },
    ],
    [
      {
        name: "DS 2024",
        rows: [
          ["DANH SÁCH HỘ NĂM 2024"],
          ["Mã hộ", "Khu vực", "Phân loại đầu kỳ", "Phân loại hộ"],
          ["H1", "Nông thôn", "Hộ cận nghèo", "Hộ cận nghèo"],
          ["H2", "Nông thôn", "Hộ cận nghèo", "Hộ cận nghèo"],
        ],
      },
    ],
  ],
  CROSS_TRANSITIONS_ROSTERS: () => [
    [F.rosterSheet({ unit: "Xã An Bình", year: 2023, households: hh(1, { category: "Hộ nghèo", flags: [0, 1, 2] }) })],
    [F.rosterSheet({ unit: "Xã An Bình", year: 2024 }), F.transitionSheet("poor", F.CLEAN_FORM2)],
  ],
  PLAN_SHARE_MISMATCH: () => [[planSheet(["Số hộ thoát nghèo", "hộ", 120, 131, "120,0%", "Vượt"])]],
  PLAN_SHARE_ROUNDING: () => [[planSheet(["Số hộ thoát nghèo", "hộ", 120, 131, "109,1%", "Vượt"])]],
  PLAN_STATUS_MISMATCH: () => [[planSheet(["Số hộ thoát nghèo", "hộ", 120, 131, "109,2%", "Chưa đạt"])]],
  PLAN_STATUS_DEGREE: () => [[planSheet(["Số hộ thoát nghèo", "hộ", 120, 131, "109,2%", "Đạt"])]],
  PLAN_TARGET_NOT_POSITIVE: () => [[planSheet(["Số hộ thoát nghèo", "hộ", 0, 131, null, null])]],
  PLAN_TARGET_RANGE: () => [[planSheet(["Tỷ lệ hộ nghèo", "%", "1–1,5", 1.2, null, null])]],
  PLAN_BASELINE_WRONG_SIDE: () => [
    [
      {
        name: "KH",
        rows: [
          ["Chỉ tiêu", "Loại chỉ tiêu", "Đầu kỳ", "Kế hoạch", "Thực hiện"],
          ["Tỷ lệ hộ nghèo", "Giảm xuống còn", 3, 3.5, 3.2],
        ],
      },
    ],
  ],
  CROSS_PARENT_CHILD: () => [
    [F.summarySheet()],
    [
      F.summarySheet({
        units: [{ ...F.CLEAN_UNITS[0], unit: "Thôn 1", poor: 47, poorRate: 7.68 }],
        name: "Xã An Bình",
      }),
    ].map((s) => ({ ...s, rows: [["TỔNG HỢP KẾT QUẢ RÀ SOÁT NĂM 2024 XÃ AN BÌNH"], ...s.rows.slice(1)] })),
  ],
  SERIES_JUMP: () => [
    [
      F.seriesSheet([
        [2023, 600, 50, 8.33],
        [2024, 610, 12, "1,97"],
      ]),
    ],
  ],
  SERIES_STANDARD_CHANGE: () => [
    [
      F.seriesSheet([
        [2021, 600, 12, 2],
        [2022, 610, 50, "8,20"],
      ]),
    ],
  ],
};

/** Codes whose bad case needs a file or a command, tested in test/xlsx and test/cli. */
const ELSEWHERE: Record<string, string> = {
  FILE_UNREADABLE: "test/xlsx/read.test.ts, test/cli/validate.test.ts",
  CONSOLIDATE_INCOMPATIBLE: "test/cli/validate.test.ts",
  CONSOLIDATE_NO_ROSTER: "test/cli/validate.test.ts",
  FILE_CHECK_FAILED: "test/cli/isolation.test.ts",
  CELL_UNREADABLE: "test/xlsx/truthful.test.ts",
  CELL_READ_AS_BLANK: "test/xlsx/truthful.test.ts",
  TARGET_IMPLIED_TOTAL_WIDE: "test/core/sheet/planners.test.ts (allocation units, not validation)",
  TARGET_UNIT_NO_HOUSEHOLDS: "test/fuzz/found.test.ts (allocation units, not validation)",
  TARGET_IMPOSSIBLE: "test/cli/report-targets.test.ts (the allocation's request, not validation)",
  // Sponsorship registers (core/sponsors): read and checked against a roster, not by the submission validator.
  ...Object.fromEntries(
    [
      "SPONSOR_NO_ORGANISATION",
      "SPONSOR_NO_DATES",
      "SPONSOR_MISSING_ID",
      "SPONSOR_MISSING_ORGANISATION",
      "SPONSOR_UNKNOWN_ORGANISATION",
      "SPONSOR_UNKNOWN_SUPPORT",
      "SPONSOR_DATE_INVALID",
      "SPONSOR_DATE_MISSING",
      "SPONSOR_DATE_ORDER",
      "SPONSOR_UNKNOWN_HOUSEHOLD",
      "SPONSOR_NOT_POOR",
      "SPONSOR_UNIT_MISMATCH",
      "SPONSOR_SEVERAL_ORGANISATIONS",
      "SPONSOR_OUTSTANDING_ABOVE_LOAN",
      "SPONSOR_INTEREST_ABOVE_DUE",
      "SPONSOR_LOAN_NO_PROGRAMME",
      "SPONSOR_INTEREST_RATE_LOW",
    ].map((c) => [c, "test/core/sponsors/sponsors.test.ts, test/cli/sponsors.test.ts"]),
  ),
  SPONSOR_QUOTA_NO_ORGANISATION: "test/core/sponsors/sponsors.test.ts (readQuotas)",
  YEAR_UNSUPPORTED: "test/core/validate/year.test.ts",
};

test("every catalogued code has a case here or elsewhere", () => {
  const covered = new Set([...Object.keys(CASES), ...Object.keys(ELSEWHERE)]);
  expect(RULES.map((r) => r.code).filter((c) => !covered.has(c))).toEqual([]);
  expect([...covered].filter((c) => !RULES.some((r) => r.code === c))).toEqual([]);
});

describe.each(Object.entries(CASES))("%s", (code, make) => {
  test("fires on a minimal bad case", () => {
    const found = run(make()).filter((f) => f.code === code);
    expect(found.length).toBeGreaterThan(0);
    const rule = RULES.find((r) => r.code === code)!;
    for (const f of found) {
      expect(f.severity).toBe(rule.severity);
      expect(f.messageVi.length).toBeGreaterThan(5);
      expect(f.messageEn.length).toBeGreaterThan(5);
      expect(f.messageVi).not.toMatch(/undefined|NaN|\[object/);
      expect(f.messageEn).not.toMatch(/undefined|NaN|\[object/);
    }
  });
  test("stays silent on the clean submission", () => {
    const silentOn = code === "RATE_SCALE" ? run([[F.rosterSheet({ unit: "Xã Mới" })]]) : clean;
    expect(silentOn.filter((f) => f.code === code)).toEqual([]);
  });
});

test("household size: a whole number from 1 to 50 by default, the upper bound configurable", () => {
  const codes = (members: number, maxMembers?: number) =>
    validateWorkbooks([{ file: "x.xlsx", grids: roster({ members }).map((s) => F.toGrid(s, "x.xlsx")) }], {
      year: 2024,
      ...(maxMembers ? { read: { maxMembers } } : {}),
    }).files[0].findings.filter((f) => f.code === "VALUE_MEMBERS_RANGE");
  expect(codes(0)).toHaveLength(1);
  expect(codes(99999)[0]).toMatchObject({ severity: "error", value: "99999" });
  expect(codes(99999)[0].messageVi).toMatch(/số nhân khẩu 99\.999 ngoài khoảng 1–50/);
  expect(codes(50)).toHaveLength(0);
  expect(codes(1)).toHaveLength(0);
  expect(codes(51)).toHaveLength(1);
  expect(codes(51, 60)).toHaveLength(0);
  expect(codes(61, 60)).toHaveLength(1);
});

test("FILE_UNREADABLE findings are built with the file and reason", () => {
  const f = unreadableFinding("xa.xls", { vi: "tệp .xls cũ", en: "old .xls file" });
  expect(f).toMatchObject({ code: "FILE_UNREADABLE", severity: "error", file: "xa.xls" });
  expect(f.messageVi).toContain("tệp .xls cũ");
});

describe("findings are located", () => {
  test("RATE_MISMATCH points at the rate cell with count and total related", () => {
    const f = run([[summary(0, { poorRate: 8.12 })]]).find((x) => x.code === "RATE_MISMATCH")!;
    expect(f.cell).toBe("E6");
    expect(f.sheet).toBe("Biểu 1");
    expect(f.file).toBe("ward-1.xlsx");
    expect(f.related?.map((r) => r.cell)).toEqual(["D6", "C6"]);
    expect(f.messageVi).toContain("8,12 %");
    expect(f.messageVi).toContain("7,35 %");
  });
  test("the precision comes from the column: 15.4 and 12.17 in one column are compared at 2 decimals", () => {
    const f = run([[summary(1, { poorRate: 1.6 })]]);
    expect(f.filter((x) => x.code.startsWith("RATE_"))).toEqual(
      expect.not.arrayContaining([expect.objectContaining({ code: "RATE_MISMATCH" })]),
    );
  });
  test("the number format decides the precision when present (0.0% → one decimal)", () => {
    const spec = F.summarySheet({
      units: [{ unit: "Xã A", households: 612, poor: 45, poorRate: 0.074, nearPoor: 60, nearPoorRate: 0.098 }],
    });
    spec.rows = spec.rows.slice(0, 6);
    spec.numberFormats = { E6: "0.0%", G6: "0.0%" };
    const out = run([[spec]]);
    expect(out.filter((x) => x.code === "RATE_MISMATCH" || x.code === "RATE_ROUNDING")).toEqual([]);
  });
  test("the household consistency rule uses the review year's standard (2020 band rule vs 2024)", () => {
    // 800,000 VND rural with 1 deprivation: near-poor under Decision 59/2015 (700k < income ≤ 1M), poor line 2022+ gives near-poor too;
    // 650,000 with 0 deprivations: poor in 2020 (income ≤ 700,000), near-poor in 2024.
    const r = [
      F.rosterSheet({
        unit: "Xã Mới",
        households: [{ ...F.CLEAN_HOUSEHOLDS[0], income: 650_000, flags: [], category: "Hộ nghèo" }],
      }),
    ];
    expect(run([r], 2020).filter((f) => f.code === "HH_CATEGORY_MISMATCH")).toEqual([]);
    expect(run([r], 2024).filter((f) => f.code === "HH_CATEGORY_MISMATCH")).toHaveLength(1);
  });
  test("rosters of consecutive years: ids may repeat, transitions computed by core/transitions are compared with Form 2", () => {
    const out = run(CASES.CROSS_TRANSITIONS_ROSTERS());
    expect(out.filter((f) => f.code.startsWith("HH_DUPLICATE"))).toEqual([]);
    // 2023: XA-001, XA-002, XA-004 poor (3); 2024: XA-001, XA-004 poor (2); XA-002 poor → near-poor.
    const byField = Object.fromEntries(
      out.filter((f) => f.code === "CROSS_TRANSITIONS_ROSTERS").map((f) => [f.field, f.expected]),
    );
    expect(byField).toMatchObject({ start: "3", decToNear: "1", end: "2" });
  });
  test("findings are sorted by sheet then position", () => {
    const out = run([[summary(0, { poorRate: 8.12, nearPoorRate: 12 })]]).filter((f) => f.severity !== "info");
    const pos = out.map((f) => f.row * 1000 + f.column);
    expect([...pos].sort((a, b) => a - b)).toEqual(pos);
  });
});
