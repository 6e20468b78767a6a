/**
 * core/sponsors: periods and dates, the register vocabulary, reading planners' own registers (title rows, a merged
 * "Vay vốn" group over its columns, a numbering row, text / Date / serial dates, a totals row), the checks with
 * located findings, and the period's sponsorship and outcomes on a roster built for the test, worked out by hand.
 */
import type { CellValue, Grid } from "../../../src/core/grid";
import type { Category, Household } from "../../../src/core/household";
import {
  activeIn,
  buildComparisonTable,
  buildLoanTable,
  buildOutcomeTable,
  buildSponsorshipTable,
  computeSponsorship,
  excelSerial,
  fromExcelSerial,
  parseDateCell,
  parseLoanProgramme,
  parseOrganisation,
  parsePeriod,
  parseSupportTypes,
  readQuotas,
  readRegister,
  type RegisterRead,
} from "../../../src/core/sponsors";
import { isFormulaCell, type ResultTable, type TableCell } from "../../../src/core/tables/model";
import { expectError } from "../measures/expectError";

describe("periods and dates", () => {
  test.each([
    ["2026-Q1", "2026-01-01", "2026-03-31", "Quý I năm 2026"],
    ["Q4/2026", "2026-10-01", "2026-12-31", "Quý IV năm 2026"],
    ["quý 2/2026", "2026-04-01", "2026-06-30", "Quý II năm 2026"],
    ["2026-02", "2026-02-01", "2026-02-28", "Tháng 2 năm 2026"],
    ["03/2024", "2024-03-01", "2024-03-31", "Tháng 3 năm 2024"],
    ["2024-02", "2024-02-01", "2024-02-29", "Tháng 2 năm 2024"],
    ["2026-H2", "2026-07-01", "2026-12-31", "6 tháng cuối năm 2026"],
    ["6 tháng đầu năm 2026", "2026-01-01", "2026-06-30", "6 tháng đầu năm 2026"],
    ["2026", "2026-01-01", "2026-12-31", "Năm 2026"],
  ])("%s → %s … %s", (text, start, end, label) => {
    const p = parsePeriod(text);
    expect([p.start, p.end, p.label.vi]).toEqual([start, end, label]);
  });
  test.each(["2026-Q5", "13/2026", "Q1", "năm ngoái", "1999"])("%s is refused with a bilingual message", (t) =>
    expectError(() => parsePeriod(t), "INVALID_ARGUMENT"),
  );
  test("date cells: Date, serial, dd/mm/yyyy (day first), yyyy-mm-dd, mm/yyyy; problems named", () => {
    expect(parseDateCell(new Date(Date.UTC(2026, 0, 15)))).toEqual({ ok: true, date: "2026-01-15", precision: "day" });
    expect(parseDateCell(excelSerial("2026-03-04"))).toMatchObject({ ok: true, date: "2026-03-04" });
    expect(fromExcelSerial(46023)).toBe("2026-01-01");
    expect(parseDateCell("03/04/2026")).toMatchObject({ ok: true, date: "2026-04-03" });
    expect(parseDateCell("2026-4-3")).toMatchObject({ ok: true, date: "2026-04-03" });
    expect(parseDateCell("02/2026", "end")).toEqual({ ok: true, date: "2026-02-28", precision: "month" });
    expect(parseDateCell("02/2026", "start")).toMatchObject({ date: "2026-02-01" });
    expect(parseDateCell("32/01/2026")).toMatchObject({ ok: false, problem: "notDate" });
    expect(parseDateCell(12)).toMatchObject({ ok: false, problem: "notDate" });
    expect(parseDateCell("")).toMatchObject({ ok: false, problem: "blank" });
    expect(parseDateCell({ error: "#REF!" })).toMatchObject({ ok: false, problem: "excelError" });
  });
  test("activeIn: dates meeting the period, an open end", () => {
    const q1 = parsePeriod("2026-Q1");
    expect(activeIn("2025-06-01", undefined, q1)).toBe(true);
    expect(activeIn("2025-06-01", "2025-12-31", q1)).toBe(false);
    expect(activeIn("2026-03-31", "2026-05-01", q1)).toBe(true);
    expect(activeIn("2026-04-01", undefined, q1)).toBe(false);
  });
});

describe("register vocabulary", () => {
  test.each([
    ["Hội LHPN xã", "women"],
    ["Chi hội Phụ nữ thôn Đông", "women"],
    ["Liên đoàn Lao động thành phố", "labour"],
    ["Công đoàn phường", "labour"],
    ["Thành đoàn Hà Tĩnh", "youth"],
    ["Đoàn TN", "youth"],
    ["Hội CCB", "veterans"],
    ["Hội Nông dân", "farmers"],
    ["UBMTTQ phường", "front"],
    ["Women's Union", "women"],
    ["Công ty May", undefined],
  ])("%s → %s", (text, code) => expect(parseOrganisation(text)).toBe(code));
  test("kinds of support from a cell; unknown parts kept as 'other'", () => {
    expect(parseSupportTypes("Vay vốn; BHYT, sửa nhà")).toEqual({
      codes: ["loan", "healthInsurance", "housing"],
      unknown: [],
    });
    expect(parseSupportTypes("Tặng quà Tết + con giống")).toEqual({ codes: ["gifts", "livelihood"], unknown: [] });
    expect(parseSupportTypes("khám bệnh miễn phí")).toEqual({ codes: ["other"], unknown: ["khám bệnh miễn phí"] });
  });
  test("loan programmes", () => {
    expect(parseLoanProgramme("Cho vay hộ cận nghèo")).toBe("nearPoor");
    expect(parseLoanProgramme("Hộ mới thoát nghèo")).toBe("escaped");
    expect(parseLoanProgramme("Hộ nghèo")).toBe("poor");
    expect(parseLoanProgramme("Nước sạch VSMT")).toBe("water");
    expect(parseLoanProgramme("Quỹ hội")).toBe("other");
    expect(parseLoanProgramme(" ")).toBeUndefined();
  });
});

// ------------------------------------------------------------------ a planner's own register (Women's Union)
/**
 * Sheet rows 1–2 title (the organisation is named there, no organisation column), 4–5 a two-row header with the
 * merged group "Vay vốn NHCSXH" (H4:K4) over its four columns, 6 a numbering row, data from row 7, a totals row.
 */
function planners(rows: CellValue[][]): Grid {
  const values: CellValue[][] = [
    ["SỔ THEO DÕI HỘ NGHÈO DO HỘI LHPN XÃ NHẬN ĐỠ ĐẦU NĂM 2026"],
    ["(Giúp hộ nghèo có địa chỉ)"],
    [],
    [
      "STT",
      "Mã hộ",
      "Họ và tên chủ hộ",
      "Thôn",
      "Xã",
      "Thời gian nhận đỡ đầu",
      "Hình thức hỗ trợ",
      "Vay vốn NHCSXH",
      null,
      null,
      null,
      "Giá trị hỗ trợ (đồng)",
      "Ghi chú",
    ],
    [null, null, null, null, null, null, null, "Số tiền vay", "Dư nợ", "Lãi phải thu", "Lãi đã thu", null, null],
    [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13],
    ...rows,
  ];
  return {
    sheetName: "Hội PN",
    origin: "A1",
    values,
    merges: ["H4:K4", "A4:A5", "B4:B5", "C4:C5", "D4:D5", "E4:E5", "F4:F5", "G4:G5", "L4:L5", "M4:M5"],
  };
}

describe("reading a planner's own register", () => {
  test("columns under a merged group, the organisation from the title, three ways of writing a date", () => {
    const read = readRegister(
      planners([
        [
          1,
          "A1",
          "Nguyễn Văn An",
          "Thôn Đông",
          "Xã A",
          "15/01/2026",
          "Vay vốn; BHYT",
          "50.000.000",
          40_000_000,
          1_000_000,
          1_000_000,
          1_200_000,
          "",
        ],
        [
          2,
          "A3",
          "Lê Thị Hoa",
          "Thôn Tây",
          "Xã A",
          new Date(Date.UTC(2026, 1, 2)),
          "Tặng quà Tết",
          null,
          null,
          null,
          null,
          "500.000",
          "hộ già",
        ],
        [
          3,
          "B1",
          "Trần Văn Bình",
          "Thôn Trung",
          "Xã B",
          excelSerial("2026-03-10"),
          "con giống",
          null,
          null,
          null,
          null,
          3_000_000,
          null,
        ],
        [
          "Tổng cộng",
          null,
          null,
          null,
          null,
          null,
          null,
          50_000_000,
          40_000_000,
          1_000_000,
          1_000_000,
          4_700_000,
          null,
        ],
      ]),
    );
    expect(read.detection.kind).toBe("register");
    expect(read.columns).toMatchObject({
      id: 1,
      head: 2,
      village: 3,
      unit: 4,
      start: 5,
      supportTypes: 6,
      loanAmount: 7,
      outstanding: 8,
      interestDue: 9,
      interestCollected: 10,
      supportValue: 11,
      notes: 12,
    });
    expect(read.findings).toEqual([]);
    expect(
      read.records.map((r) => [r.householdId, r.organisation, r.unit, r.start, r.support.join("+"), r.supportValue]),
    ).toEqual([
      ["A1", "women", "Xã A", "2026-01-15", "loan+healthInsurance", 1_200_000],
      ["A3", "women", "Xã A", "2026-02-02", "gifts", 500_000],
      ["B1", "women", "Xã B", "2026-03-10", "livelihood", 3_000_000],
    ]);
    expect(read.records[0]).toMatchObject({
      loanAmount: 50_000_000,
      outstanding: 40_000_000,
      interestDue: 1_000_000,
      interestCollected: 1_000_000,
    });
  });

  test("unreadable cells become located findings and the row is left out, never a zero or a guessed date", () => {
    const read = readRegister(
      planners([
        [1, "A1", "An", "Đông", "Xã A", "32/01/2026", "Vay vốn", 1, 1, 1, 1, 1, ""],
        [2, "A2", "Ba", "Đông", "Xã A", "10/02/2026", "khám bệnh miễn phí", "năm triệu", null, null, null, null, ""],
        [3, null, "Cư", "Đông", "Xã A", "10/02/2026", "BHYT", null, null, null, null, 1_100_000, ""],
        [4, "A4", "Dũng", "Đông", "Xã A", "10/02/2026", "BHYT", null, null, null, null, -5, ""],
      ]),
    );
    expect(read.findings.map((f) => [f.code, f.cell, f.severity])).toEqual([
      ["SPONSOR_DATE_INVALID", "F7", "error"],
      ["SPONSOR_UNKNOWN_SUPPORT", "G8", "warning"],
      ["VALUE_NOT_NUMBER", "H8", "error"],
      ["SPONSOR_MISSING_ID", "B9", "error"],
      ["VALUE_NEGATIVE", "L10", "error"],
    ]);
    expect(read.findings[0].messageVi).toContain("32/01/2026");
    expect(read.findings[0].messageEn).toContain("32/01/2026");
    // A1 (bad date) and the row without id are left out; A2 keeps its row without the unreadable amount.
    expect(read.records.map((r) => r.householdId)).toEqual(["A2", "A4"]);
    expect(read.records[0].loanAmount).toBeUndefined();
    expect(read.records[0].support).toEqual(["other"]);
  });

  test("a quota sheet", () => {
    const q = readQuotas({
      sheetName: "Chỉ tiêu",
      origin: "A1",
      values: [
        ["CHỈ TIÊU NHẬN ĐỠ ĐẦU NĂM 2026"],
        ["TT", "Tổ chức", "Xã, phường", "Chỉ tiêu nhận đỡ đầu (hộ)"],
        [1, "Hội LHPN", "Xã A", 3],
        [2, "Đoàn Thanh niên", "Xã A", "hai"],
        [3, "Đoàn Thanh niên", "", 4],
      ],
    });
    expect(q.detection.kind).toBe("quota");
    expect(q.quotas.map((x) => [x.organisation, x.unit, x.quota])).toEqual([
      ["women", "Xã A", 3],
      ["youth", "", 4],
    ]);
    expect(q.findings.map((f) => [f.code, f.cell])).toEqual([["VALUE_NOT_NUMBER", "D4"]]);
  });
  test("a quota row without its organisation is a located warning; a blank or numbered-only row stays silent", () => {
    const q = readQuotas({
      sheetName: "Chỉ tiêu",
      origin: "A1",
      values: [
        ["CHỈ TIÊU NHẬN ĐỠ ĐẦU NĂM 2026"],
        ["TT", "Tổ chức", "Xã, phường", "Chỉ tiêu nhận đỡ đầu (hộ)"],
        [1, "Hội LHPN", "Xã A", 3],
        [2, "", "Xã B", 4], // quota and unit, no organisation
        [null, "", "", null], // wholly blank
        [3, null, null, null], // a prepared template row: only its number
        [4, "   ", "", 2], // quota only; the organisation cell holds spaces
        [5, "Công đoàn", "Xã A", 1], // the trade union, not a "Cộng" totals row
        ["Tổng cộng", "", "", 10], // the totals row
      ],
    });
    expect(q.quotas.map((x) => [x.organisation, x.unit, x.quota])).toEqual([
      ["women", "Xã A", 3],
      ["labour", "Xã A", 1],
    ]);
    expect(q.findings.map((f) => [f.code, f.cell, f.severity, f.field, f.value])).toEqual([
      ["SPONSOR_QUOTA_NO_ORGANISATION", "B4", "warning", "organisation", ""],
      ["SPONSOR_QUOTA_NO_ORGANISATION", "B7", "warning", "organisation", ""],
    ]);
    const [f, g] = q.findings;
    expect(f.sheet).toBe("Chỉ tiêu");
    expect(f.messageVi).toBe(
      'Dòng 4: có chỉ tiêu nhưng không ghi tổ chức (ô B4 trống; dòng ghi xã, phường "Xã B", chỉ tiêu 4); dòng này không được tính.',
    );
    expect(f.messageEn).toBe(
      'Row 4: a quota but no organisation (cell B4 is blank; the row reads commune/ward "Xã B", quota 4); the row is not counted.',
    );
    expect(g.messageVi).toContain("dòng ghi chỉ tiêu 2)");
    expect(g.messageEn).toContain("the row reads quota 2)");
  });
  test("an organisation cell merged down over its units names each of their quota rows", () => {
    const q = readQuotas({
      sheetName: "Chỉ tiêu",
      origin: "A1",
      merges: ["B2:B3"],
      values: [
        ["TT", "Tổ chức", "Xã, phường", "Chỉ tiêu nhận đỡ đầu (hộ)"],
        [1, "Hội Nông dân", "Xã A", 2],
        [2, null, "Xã B", 3],
        [3, null, "Xã C", 1], // below the merge: nobody's quota
      ],
    });
    expect(q.quotas.map((x) => [x.organisation, x.unit, x.quota])).toEqual([
      ["farmers", "Xã A", 2],
      ["farmers", "Xã B", 3],
    ]);
    expect(q.findings.map((f) => [f.code, f.cell])).toEqual([["SPONSOR_QUOTA_NO_ORGANISATION", "B4"]]);
  });
  test("a quota cell is read as an amount is: an Excel error, a fraction, a negative each say what they are", () => {
    const q = readQuotas({
      sheetName: "Chỉ tiêu",
      origin: "A1",
      values: [
        ["TT", "Tổ chức", "Xã, phường", "Chỉ tiêu nhận đỡ đầu (hộ)"],
        [1, "Hội LHPN", "Xã A", { error: "#REF!" }],
        [2, "Hội LHPN", "Xã B", "1.234"],
        [3, "Hội ND", "Xã A", 2.5],
        [4, "Hội ND", "Xã B", -1],
        [5, "Hội CCB", "Xã A", 2],
      ],
    });
    // "1.234" is 1.234 households (the thousands dot, as in every count column).
    expect(q.quotas.map((x) => [x.organisation, x.unit, x.quota])).toEqual([
      ["women", "Xã B", 1234],
      ["veterans", "Xã A", 2],
    ]);
    expect(q.findings.map((f) => [f.code, f.cell])).toEqual([
      ["VALUE_EXCEL_ERROR", "D2"],
      ["VALUE_NOT_INTEGER", "D4"],
      ["VALUE_NEGATIVE", "D5"],
    ]);
  });
});

// ------------------------------------------------------------------------ checks and outcomes, by hand
/**
 * Start roster (full: every household):  A1 poor, A2 poor, A3 near-poor, A4 none (Xã A); B1 poor, B2 poor (Xã B).
 * End roster:                             A1 near-poor, A2 poor, A3 poor, A4 none; B1 none; B2 absent (left).
 * Register (2026):
 *   row 4  Hội LHPN   A1  Xã A  15/01/2026  loan 50 M, outstanding 40 M, interest due 1.000.000, collected 980.000
 *   row 5  Hội LHPN   A3  Xã A  01/02/2026
 *   row 6  Đoàn TN    A1  Xã A  01/03/2026                   → A1 has two organisations (notice at row 4)
 *   row 7  Đoàn TN    B1  Xã B  01/03/2026
 *   row 8  Hội ND     A4  Xã B  01/03/2026                   → not poor at the start; unit differs (roster: Xã A)
 *   row 9  Hội ND     Z9  Xã A  01/03/2026                   → not on the roster
 *   row 10 Hội CCB    B2  Xã B  01/01/2025 – 31/12/2025      → ended before the period: not counted
 *   row 11 Hội CCB    B2  Xã B  10/01/2026, interest due 500.000, collected 600.000  → collected above due
 * By hand: Hội LHPN: Xã A 2 households (A1 poor → near-poor; A3 near-poor → poor: fell back); interest 980.000 /
 * 1.000.000 = 98 % < 99 % → notice of a low rate. Đoàn TN: Xã A 1 (A1 → near-poor), Xã B 1 (B1 → above).
 * Hội ND: Xã A 1 (A4, none: no outcome). Hội CCB: Xã B 1 (B2 poor → left); 600.000 / 500.000 — above 100 %.
 * Distinct households 5 (A1, A3, B1, A4, B2); pairs 6.
 * Comparison Xã A: sponsored A1 (poor → near-poor), A3 (near-poor → poor); not sponsored A2 (poor, stayed).
 *                Xã B: sponsored B1 (escaped), B2 (left); nobody else.
 */
const H = (id: string, unit: string): Household => ({ id, unit, area: "rural" });
const START: Household[] = [
  H("A1", "Xã A"),
  H("A2", "Xã A"),
  H("A3", "Xã A"),
  H("A4", "Xã A"),
  H("B1", "Xã B"),
  H("B2", "Xã B"),
];
const START_CATS: Category[] = ["poor", "poor", "nearPoor", "none", "poor", "poor"];
const END: Household[] = [H("A1", "Xã A"), H("A2", "Xã A"), H("A3", "Xã A"), H("A4", "Xã A"), H("B1", "Xã B")];
const END_CATS: Category[] = ["nearPoor", "poor", "poor", "none", "none"];

function register(): RegisterRead {
  const header = [
    "TT",
    "Tổ chức đỡ đầu",
    "Mã hộ",
    "Xã, phường",
    "Ngày bắt đầu",
    "Ngày kết thúc",
    "Chương trình vay",
    "Số tiền vay",
    "Dư nợ",
    "Lãi phải thu",
    "Lãi đã thu",
  ];
  const rows: CellValue[][] = [
    [1, "Hội LHPN", "A1", "Xã A", "15/01/2026", null, "Hộ nghèo", 50_000_000, 40_000_000, 1_000_000, 980_000],
    [2, "Hội LHPN", "A3", "Xã A", "01/02/2026", null, null, null, null, null, null],
    [3, "Đoàn TN", "A1", "Xã A", "01/03/2026", null, null, null, null, null, null],
    [4, "Đoàn TN", "B1", "Xã B", "01/03/2026", null, null, null, null, null, null],
    [5, "Hội ND", "A4", "Xã B", "01/03/2026", null, null, null, null, null, null],
    [6, "Hội ND", "Z9", "Xã A", "01/03/2026", null, null, null, null, null, null],
    [7, "Hội CCB", "B2", "Xã B", "01/01/2025", "31/12/2025", null, null, null, null, null],
    [8, "Hội CCB", "B2", "Xã B", "10/01/2026", null, "Hộ nghèo", 20_000_000, 20_000_000, 500_000, 600_000],
  ];
  return readRegister({
    sheetName: "Sổ",
    origin: "A1",
    values: [["SỔ ĐỠ ĐẦU 2026"], [], header, ...rows],
    file: "so.xlsx",
  });
}

const result = () =>
  computeSponsorship([register()], {
    period: parsePeriod("2026"),
    start: { households: START, categories: START_CATS, name: "dau-ky.xlsx" },
    end: { households: END, categories: END_CATS },
    quotas: [
      { row0: 0, organisationText: "Hội LHPN", organisation: "women", unit: "Xã A", quota: 3 },
      { row0: 1, organisationText: "Đoàn TN", organisation: "youth", unit: "", quota: 5 },
    ],
  });

describe("checks and outcomes on a roster built for the test", () => {
  test("the checks find each problem at its cell, in Vietnamese and English", () => {
    const f = result().findings;
    expect(f.map((x) => [x.code, x.cell, x.severity])).toEqual([
      ["SPONSOR_INTEREST_RATE_LOW", "B4", "warning"],
      ["SPONSOR_SEVERAL_ORGANISATIONS", "C4", "info"],
      ["SPONSOR_NOT_POOR", "C8", "warning"],
      ["SPONSOR_UNIT_MISMATCH", "D8", "warning"],
      ["SPONSOR_UNKNOWN_HOUSEHOLD", "C9", "error"],
      ["SPONSOR_INTEREST_ABOVE_DUE", "K11", "error"],
    ]);
    const low = f.find((x) => x.code === "SPONSOR_INTEREST_RATE_LOW")!;
    expect(low.messageVi).toBe(
      "Hội Liên hiệp Phụ nữ: thu lãi 98,00 %, dưới chỉ tiêu 99 % (đã thu 980.000 / phải thu 1.000.000 đồng).",
    );
    expect(low.messageEn).toBe(
      "Women's Union: interest collection 98.00%, below the 99% target (collected 980,000 of 1,000,000 VND due).",
    );
    expect(f.find((x) => x.code === "SPONSOR_SEVERAL_ORGANISATIONS")!.related).toEqual([
      { sheet: "Sổ", cell: "B6", file: "so.xlsx" },
    ]);
    expect(f.find((x) => x.code === "SPONSOR_UNKNOWN_HOUSEHOLD")!.messageVi).toContain("dau-ky.xlsx");
  });

  test("households, support, loans and outcomes per organisation and unit, as worked out by hand", () => {
    const r = result();
    const view = r.organisations.map((o) => [
      o.key,
      o.cells.map((c) => [
        c.unit,
        c.households,
        c.quota,
        c.outcome && [
          c.outcome.poorStart,
          c.outcome.toNearPoor,
          c.outcome.escaped,
          c.outcome.stayed,
          c.outcome.left,
          c.outcome.nearPoorStart,
          c.outcome.fellBack,
        ],
      ]),
    ]);
    expect(view).toEqual([
      [
        "youth",
        [
          ["Xã A", 1, undefined, [1, 1, 0, 0, 0, 0, 0]],
          ["Xã B", 1, undefined, [1, 0, 1, 0, 0, 0, 0]],
        ],
      ],
      ["women", [["Xã A", 2, 3, [1, 1, 0, 0, 0, 1, 1]]]],
      ["farmers", [["Xã A", 1, undefined, [0, 0, 0, 0, 0, 0, 0]]]],
      ["veterans", [["Xã B", 1, undefined, [1, 0, 0, 0, 1, 0, 0]]]],
    ]);
    expect(r.organisations.find((o) => o.key === "youth")!.quota).toBe(5);
    expect([r.distinctHouseholds, r.pairs]).toEqual([5, 6]);
    const women = r.organisations.find((o) => o.key === "women")!.total;
    expect([
      women.loanHouseholds,
      women.loanAmount,
      women.outstanding,
      women.interestDue,
      women.interestCollected,
    ]).toEqual([1, 50_000_000, 40_000_000, 1_000_000, 980_000]);
    expect(women.support.loan).toBe(1);
    expect(
      r.comparison!.map((u) => [
        u.unit,
        u.sponsored.poorStart,
        u.sponsored.toNearPoor,
        u.sponsored.nearPoorStart,
        u.sponsored.fellBack,
        u.notSponsored.poorStart,
        u.notSponsored.stayed,
        u.notSponsored.left,
      ]),
    ).toEqual([
      ["Xã A", 1, 1, 1, 1, 1, 1, 0],
      ["Xã B", 2, 0, 0, 0, 0, 0, 0],
    ]);
    expect(r.absentFromCurrent).toBe("otherDecrease");
  });

  test("an end roster of poor and near-poor households only reads absence as escaped", () => {
    const r = computeSponsorship([register()], {
      period: parsePeriod("2026"),
      start: { households: START, categories: START_CATS },
      end: { households: END.slice(0, 3), categories: END_CATS.slice(0, 3) },
    });
    expect(r.absentFromCurrent).toBe("escaped");
    const vet = r.organisations.find((o) => o.key === "veterans")!.cells[0].outcome!;
    expect([vet.escaped, vet.left]).toEqual([1, 0]);
  });
});

const cellOf = (t: ResultTable, label: string, key: string): TableCell => {
  const row = t.rows.find((r) => r.cells[1] === label);
  if (!row) throw new Error(`no row ${label} in ${t.id}`);
  return row.cells[t.columns.findIndex((c) => c.key === key)];
};
const val = (c: TableCell) => (isFormulaCell(c) ? c.value : c);
const formula = (c: TableCell) => (isFormulaCell(c) ? c.formula : undefined);

describe("report tables", () => {
  const r = result();
  test("support: % of quota is a guarded formula; subtotals SUM; a quota for the whole organisation is its subtotal", () => {
    const t = buildSponsorshipTable(r);
    expect(val(cellOf(t, "Xã A", "quotaR"))).toBe(""); // the first "Xã A" row is Đoàn TN's: no quota for the unit
    const women = t.rows.findIndex((x) => x.cells[1] === "Hội Liên hiệp Phụ nữ");
    const womenA = t.rows[women + 1];
    expect(val(womenA.cells[t.columns.findIndex((c) => c.key === "quotaR")])).toBe(0.6667);
    expect(formula(womenA.cells[t.columns.findIndex((c) => c.key === "quotaR")])).toMatch(
      /^IF\(N\(D\d+\)=0,"",ROUND\(C\d+\/D\d+,4\)\)$/,
    );
    expect(val(cellOf(t, "Cộng Đoàn Thanh niên", "quota"))).toBe(5);
    expect(val(cellOf(t, "Cộng Đoàn Thanh niên", "quotaR"))).toBe(0.4);
    expect(formula(cellOf(t, "Cộng Đoàn Thanh niên", "hh"))).toMatch(/^SUM\(C\d+:C\d+\)$/);
    const total = t.rows[t.rows.length - 1];
    expect(val(total.cells[2])).toBe(6);
    expect(formula(total.cells[2])).toMatch(/^C\d+\+C\d+\+C\d+\+C\d+$/);
    expect(t.title[1].vi).toContain("5 hộ khác nhau được đỡ đầu (6 lượt hộ theo tổ chức)");
  });
  test("loans: interest collection and the 99 % assessment as formulas", () => {
    const t = buildLoanTable(r);
    expect(val(cellOf(t, "Cộng Hội Liên hiệp Phụ nữ", "rate"))).toBe(0.98);
    expect(val(cellOf(t, "Cộng Hội Liên hiệp Phụ nữ", "met"))).toBe("Chưa đạt");
    expect(formula(cellOf(t, "Cộng Hội Liên hiệp Phụ nữ", "met"))).toMatch(
      /^IF\(H\d+="","",IF\(H\d+>=0\.99,"Đạt","Chưa đạt"\)\)$/,
    );
    expect(val(cellOf(t, "Cộng Hội Nông dân", "rate"))).toBe("");
  });
  test("outcomes and the plain comparison", () => {
    const o = buildOutcomeTable(r);
    expect(val(cellOf(o, "Cộng Đoàn Thanh niên", "rate"))).toBe(1);
    expect(o.notes.some((n) => /không phải là tác động/.test(n.vi))).toBe(true);
    const c = buildComparisonTable(r);
    expect(val(cellOf(c, "Xã A", "ns_rate"))).toBe(0);
    expect(val(cellOf(c, "Xã A", "sp_rate"))).toBe(1);
    expect(val(cellOf(c, "Xã B", "ns_rate"))).toBe("");
    expect(c.title[0].vi).toMatch(/^SO SÁNH ĐƠN THUẦN/);
  });
});

describe("the other register checks", () => {
  const roster = { households: START, categories: START_CATS };
  const run = (values: CellValue[][]) =>
    computeSponsorship([readRegister({ sheetName: "S", origin: "A1", values })], {
      period: parsePeriod("2026"),
      start: roster,
    }).findings.map((f) => [f.code, f.cell]);

  test("organisation, dates and loans of a row", () => {
    const header = ["Tổ chức", "Mã hộ", "Ngày bắt đầu", "Ngày kết thúc", "Chương trình vay", "Số tiền vay", "Dư nợ"];
    expect(
      run([
        header,
        ["", "A1", "01/02/2026", null, null, null, null],
        ["Công ty May", "A2", null, null, null, null, null],
        ["Hội LHPN", "B1", "01/05/2026", "01/03/2026", null, null, null],
        ["Hội LHPN", "B2", "01/02/2026", null, null, 30_000_000, 35_000_000],
      ]),
    ).toEqual([
      ["SPONSOR_MISSING_ORGANISATION", "A2"],
      ["SPONSOR_UNKNOWN_ORGANISATION", "A3"],
      ["SPONSOR_DATE_MISSING", "C3"],
      ["SPONSOR_DATE_ORDER", "D4"],
      ["SPONSOR_LOAN_NO_PROGRAMME", "E5"],
      ["SPONSOR_OUTSTANDING_ABOVE_LOAN", "G5"],
    ]);
  });
  test("a register without an organisation column (nor one in its title), and without dates", () => {
    expect(run([["SỔ THEO DÕI HỘ ĐƯỢC GIÚP ĐỠ"], ["Mã hộ", "Hình thức hỗ trợ"], ["A1", "BHYT"]])).toEqual([
      ["SPONSOR_NO_ORGANISATION", "A2"],
    ]);
    expect(
      run([
        ["Tổ chức", "Mã hộ", "Hình thức hỗ trợ"],
        ["Hội LHPN", "A1", "BHYT"],
      ]),
    ).toEqual([["SPONSOR_NO_DATES", "A1"]]);
  });
});

describe("interest collection: the notice and the loans table agree", () => {
  // 989.960 of 1.000.000 is 98,996 %: the loans table shows ROUND(…,4) = 99,00 % and assesses it "Đạt" (≥ 99 %);
  // the checks must not call the same organisation below target. 989.949 rounds to 98,99 %: both say not met.
  const run = (collected: number) => {
    const r = computeSponsorship(
      [
        readRegister({
          sheetName: "S",
          origin: "A1",
          values: [
            ["Tổ chức", "Mã hộ", "Ngày bắt đầu", "Chương trình vay", "Số tiền vay", "Lãi phải thu", "Lãi đã thu"],
            ["Hội LHPN", "A1", "01/02/2026", "Hộ nghèo", 50_000_000, 1_000_000, collected],
          ],
        }),
      ],
      { period: parsePeriod("2026"), start: { households: START, categories: START_CATS } },
    );
    const loans = buildLoanTable(r);
    return {
      low: r.findings.filter((f) => f.code === "SPONSOR_INTEREST_RATE_LOW").length,
      rate: val(cellOf(loans, "Cộng Hội Liên hiệp Phụ nữ", "rate")),
      met: val(cellOf(loans, "Cộng Hội Liên hiệp Phụ nữ", "met")),
    };
  };
  test("98,996 % shows as 99,00 %: met, no notice", () => {
    expect(run(989_960)).toEqual({ low: 0, rate: 0.99, met: "Đạt" });
  });
  test("98,99 %: not met, and the notice", () => {
    expect(run(989_949)).toEqual({ low: 1, rate: 0.9899, met: "Chưa đạt" });
  });
});

describe("a date cell out of the plausible range", () => {
  test("a Date object before 2000 (a 0 in a date-formatted cell reads as 30/12/1899) is not a date, as a serial is not", () => {
    expect(parseDateCell(new Date(Date.UTC(1899, 11, 30)))).toEqual({
      ok: false,
      problem: "notDate",
      text: "30/12/1899",
    });
    expect(parseDateCell(new Date(Date.UTC(2100, 11, 31)))).toMatchObject({ ok: true, date: "2100-12-31" });
    const read = readRegister({
      sheetName: "S",
      origin: "A1",
      values: [
        ["Tổ chức", "Mã hộ", "Ngày bắt đầu"],
        ["Hội LHPN", "A1", new Date(Date.UTC(1899, 11, 30))],
      ],
    });
    // Located, and the row is not counted in every period from 1899 on.
    expect(read.findings.map((f) => [f.code, f.cell])).toEqual([["SPONSOR_DATE_INVALID", "C2"]]);
    expect(read.findings[0].messageVi).toContain("30/12/1899");
    expect(read.records).toEqual([]);
  });
});
