/**
 * Reading the tables planners write: dates in headers, no total column, notes in data cells, the table's end.
 */
import type { CellValue, Grid } from "../../../src/core/grid";
import { readPeriods } from "../../../src/core/sheet/periods";
import { detect } from "../../../src/core/sheet/detect";
import { readSheet } from "../../../src/core/sheet/read";
import { allocationFields, allocationUnits } from "../../../src/core/sheet/units";
import { describeRead } from "../../../src/core/sheet/describe";
import { validateWorkbooks } from "../../../src/core/validate";

const grid = (values: CellValue[][], merges: string[] = [], sheetName = "S"): Grid => ({
  sheetName,
  origin: "A1",
  values,
  merges,
});
const codes = (g: Grid) =>
  validateWorkbooks([{ file: "f.xlsx", grids: [g] }], { year: 2024 }).files[0].findings.map(
    (f) => `${f.code}@${f.cell}`,
  );

describe("dates in headers", () => {
  test("two years: the earlier is the start, the later the end; a change keeps no year", () => {
    const p = readPeriods([
      "Số hộ nghèo cuối năm 2022",
      "Tỷ lệ hộ nghèo cuối năm 2022 (%)",
      "Chỉ tiêu giảm tỷ lệ hộ nghèo năm 2023 (%)",
      "Số hộ nghèo giảm năm 2023",
      "Số hộ nghèo cuối năm 2023",
      "Đơn vị",
    ]);
    expect(p.years).toEqual({ start: 2022, end: 2023 });
    expect(p.period).toEqual(["start", "start", undefined, undefined, "end", undefined]);
    expect(p.norms[0]).toBe(" so ho ngheo dau ky ");
    expect(p.norms[2]).toBe(" chi tieu giam ty le ho ngheo % ");
    expect(p.norms[4]).toBe(" so ho ngheo cuoi ky ");
  });
  test("a group header 'Năm 2016' over 'Số hộ' becomes the start", () => {
    const p = readPeriods(["Năm 2016 / Số hộ nghèo", "Năm 2021 / Số hộ nghèo"]);
    expect(p.norms).toEqual([" dau ky so ho ngheo ", " cuoi ky so ho ngheo "]);
  });
  test("one year: 'đầu năm Y' and 'cuối năm Y' keep their sides; 'năm Y' alone loses its year", () => {
    const p = readPeriods(["Số hộ nghèo đầu năm 2024", "Số hộ nghèo cuối năm 2024", "Số hộ nghèo năm 2024"]);
    expect(p.years).toBeUndefined();
    expect(p.period).toEqual(["start", "end", undefined]);
    expect(p.norms[2]).toBe(" so ho ngheo ");
  });
  test("a range (giai đoạn 2021–2025) names no date", () => {
    const p = readPeriods(["Mục tiêu giai đoạn 2021–2025", "Số hộ nghèo năm 2024"]);
    expect(p.years).toBeUndefined();
    expect(p.norms[0]).toBe(" muc tieu giai doan ");
  });
});

describe("results tables without a total column", () => {
  const rows: CellValue[][] = [
    [
      "TT",
      "Vùng",
      "Tỷ lệ nghèo đa chiều (%)",
      "Tổng số hộ nghèo và hộ cận nghèo",
      "Tỷ lệ hộ nghèo (%)",
      "Số hộ nghèo",
      "Tỷ lệ hộ cận nghèo (%)",
      "Số hộ cận nghèo",
    ],
    [null, "Cả nước", "7,52", 1972767, "4,03", 1057374, "3,49", 915274],
    [1, "Trung du và miền núi phía Bắc", "21,92", 701461, "14,23", 455271, "7,69", 246190],
  ];
  test("are recognised as summaries, combined columns mapped", () => {
    const d = detect(grid(rows));
    expect(d.kind).toBe("summary");
    expect(d.mapping.byField).toMatchObject({
      unit: 1,
      poorNearRate: 2,
      poorNear: 3,
      poorRate: 4,
      poor: 5,
      nearPoorRate: 6,
      nearPoor: 7,
    });
    expect(d.findings.filter((f) => f.code === "STRUCT_MISSING_COLUMN")).toEqual([]);
  });
  test("'Tỷ lệ nghèo đa chiều' is the poor rate when the sheet has no near-poor columns", () => {
    const d = detect(
      grid([
        ["Đơn vị", "Số hộ nghèo", "Tỷ lệ nghèo đa chiều (%)"],
        ["Xã A", 45, "7,35"],
      ]),
    );
    expect(d.mapping.byField).toMatchObject({ poor: 1, poorRate: 2 });
  });
  test("a total above its rows ('Cả nước' first) is not 'data below the total'", () => {
    expect(codes(grid(rows))).not.toContain("STRUCT_DATA_BELOW_TOTAL@A3");
  });
  test("a rate column of values ≤ 1 next to percent columns is read in percent", () => {
    const r = readSheet(
      grid([
        ["Đơn vị", "Số hộ nghèo", "Tỷ lệ hộ nghèo", "Số hộ cận nghèo", "Tỷ lệ hộ cận nghèo"],
        ["Xã A", 115, 0.57, 700, 3.47],
      ]),
    );
    expect(r.rates.poorRate.scale).toBe("percent");
    expect(r.table![0].values.poorRate).toBeCloseTo(0.0057, 10);
  });
});

describe("notes in data columns", () => {
  test("'Như cột 4' is an info that the cell was read as a note; the row's other cells are still checked", () => {
    const g = grid([
      ["Đơn vị", "Tổng số hộ", "Số hộ nghèo", "Tỷ lệ hộ nghèo (%)", "Số hộ cận nghèo"],
      ["Xã A", 612, 45, "8,12", "Như cột 4"],
    ]);
    const c = codes(g);
    expect(c).toContain("VALUE_READ_AS_NOTE@E2");
    expect(c).not.toContain("VALUE_NOT_NUMBER@E2");
    expect(c).toContain("RATE_MISMATCH@D2");
  });
  test("text merged over several rows of a data column is a note, not a bad number nor merged data", () => {
    const g = grid(
      [
        ["Đơn vị", "Tổng số hộ", "Số hộ nghèo", "Số hộ cận nghèo"],
        ["Xã A", 612, 45, "Chưa rà soát xong"],
        ["Xã B", 500, 20, null],
      ],
      ["D2:D3"],
    );
    const c = codes(g);
    expect(c).toContain("VALUE_READ_AS_NOTE@D2");
    expect(c.filter((x) => /VALUE_NOT_NUMBER|STRUCT_MERGED_DATA/.test(x))).toEqual([]);
  });
  test("other text in a count column is still VALUE_NOT_NUMBER", () => {
    expect(
      codes(
        grid([
          ["Đơn vị", "Tổng số hộ", "Số hộ nghèo"],
          ["Xã A", 612, "bốn lăm"],
        ]),
      ),
    ).toContain("VALUE_NOT_NUMBER@C2");
  });
  test("every count column is an integer column: 10,98 households in a movement column is an error on that cell", () => {
    const g = grid([
      ["Năm", "Tổng số hộ", "Số hộ nghèo", "Số hộ thoát nghèo", "Tỷ lệ hộ nghèo (%)"],
      [2013, 432487, 38386, 10.98, "8,88"],
    ]);
    expect(codes(g)).toContain("VALUE_NOT_INTEGER@D2");
  });
});

describe("the table's end", () => {
  const roster = (extra: CellValue[][]): Grid =>
    grid([
      ["Mã hộ", "Họ tên chủ hộ", "Khu vực", "Phân loại hộ"],
      ["H1", "A", "Nông thôn", "Hộ nghèo"],
      ["H2", "B", "Nông thôn", "Hộ cận nghèo"],
      [],
      ["Ghi chú: số liệu tính đến ngày 30/11/2024"],
      ...extra,
    ]);
  test("a footer note ends the table", () => {
    expect(readSheet(roster([])).roster!.length).toBe(2);
  });
  test("a stray cell far below the note does not turn the note into a household; it is reported", () => {
    const stray: CellValue[][] = [
      ...Array.from({ length: 40 }, () => [] as CellValue[]),
      [null, null, null, null, null, 7],
    ];
    const r = readSheet(roster(stray));
    expect(r.roster!.map((x) => x.household.id)).toEqual(["H1", "H2"]);
    expect(r.findings.map((f) => `${f.code}@${f.cell}`)).toContain("STRUCT_BELOW_TABLE_IGNORED@F46");
  });
  test("rows of the table after a remark are still read (two or more cells in the table's columns)", () => {
    const r = readSheet(roster([["H3", "C", "Thành thị", "Hộ nghèo"]]));
    expect(r.roster!.map((x) => x.household.id)).toContain("H3");
  });
});

describe("section headings that carry numbers are subtotals", () => {
  const rows = (urbanPoor: number): CellValue[][] => [
    ["TT", "Đơn vị", "Tỷ lệ hộ nghèo (%)", "Hộ nghèo"],
    ["I", "Khu vực thành thị", "0,67", urbanPoor],
    [1, "Thành phố Quy Nhơn", "0,12", 77],
    [2, "Huyện Tuy Phước", "5,04", 406],
    ["II", "Khu vực nông thôn", "0,51", 37],
    [1, "Thành phố Quy Nhơn", "0,51", 37],
  ];
  test("consistent: no finding", () => {
    expect(codes(grid(rows(483))).filter((c) => /TOTAL/.test(c))).toEqual([]);
  });
  test("a heading that is not the sum of its rows is flagged on the heading", () => {
    expect(codes(grid(rows(484)))).toContain("TOTAL_ROW_MISMATCH@D2");
  });
});

describe("allocation units from a table without a total column", () => {
  const g = (rows: CellValue[][]) => grid(rows, [], "Đơn vị");
  test("the total of each unit is the middle of the interval its poor count and rate allow", () => {
    const sheet = g([
      ["Đơn vị", "Số hộ nghèo", "Tỷ lệ hộ nghèo (%)"],
      ["Huyện Krông Nô", 851, "4,32"],
      ["Huyện Cư Jút", 1183, "5,33"],
    ]);
    const u = allocationUnits(sheet, readSheet(sheet));
    expect(u.findings).toEqual([]);
    // 851 ÷ 0,04325 = 19676,3 → 19677; 851 ÷ 0,04315 = 19721,9 → 19721; middle 19699.
    expect(u.implied[0]).toEqual({ unit: "Huyện Krông Nô", row0: 1, min: 19677, max: 19721, used: 19699 });
    expect(u.units.map((x) => x.households)).toEqual([19699, 22195]);
  });
  test("rates printed too coarsely for a target: TARGET_IMPLIED_TOTAL_WIDE asks for a total column", () => {
    const sheet = g([
      ["Đơn vị", "Số hộ nghèo", "Tỷ lệ hộ nghèo (%)"],
      ["Xã A", 45, "7,4"],
      ["Xã B", 20, "1,6"],
    ]);
    const u = allocationUnits(sheet, readSheet(sheet));
    expect(u.findings.map((f) => `${f.code}@${f.cell}`)).toEqual(["TARGET_IMPLIED_TOTAL_WIDE@C1"]);
    expect(allocationFields(readSheet(sheet)).has("poorRate")).toBe(true);
  });
});

test("a movement series by year: rows labelled by their year, flows and rates checked; an unread flow is no blank", () => {
  const g = grid([
    ["DIỄN BIẾN HỘ NGHÈO QUA CÁC NĂM"],
    [
      "Năm",
      "Số hộ nghèo đầu năm",
      "Số hộ thoát nghèo",
      "Số hộ tái nghèo",
      "Số hộ phát sinh",
      "Số hộ nghèo cuối năm",
      "Tỷ lệ hộ nghèo đầu năm (%)",
      "Tỷ lệ hộ nghèo cuối năm (%)",
      "Mức giảm tỷ lệ (%)",
    ],
    [2022, 500, 120, 5, 20, 405, "4,57", "3,70", "0,87"],
    [2023, 405, 100.5, 3, 10, 318, "3,70", "2,90", "0,90"],
    [2024, 318, 80, 2, 9, 250, "2,90", "2,27", "0,63"],
  ]);
  const r = readSheet(g);
  expect(r.kind).toBe("transition");
  expect(r.table!.map((x) => x.label)).toEqual(["2022", "2023", "2024"]);
  const c = codes(g);
  expect(c).toContain("VALUE_NOT_INTEGER@C4");
  expect(c).toContain("REDUCTION_PP_MISMATCH@I4"); // 3,70 − 2,90 = 0,80 ≠ 0,90
  expect(c.filter((x) => x.startsWith("TRANSITION_IDENTITY"))).toEqual(["TRANSITION_IDENTITY@F5"]); // 318 − 80 + 11 = 249
});

describe("year-wide tables (years in columns, indicators in rows)", () => {
  // The layout of Bắc Giang's "3. GIẢM NGHÈO" indicators, numbers as published (test/corpus has the source).
  const wide = grid(
    [
      ["3. GIẢM NGHÈO"],
      ["Chỉ tiêu", "ĐV tính", 2010, 2011, 2012, 2013],
      ["Tổng số hộ", "hộ", 412204, 421820, 423400, 432487],
      ["Số hộ nghèo theo chuẩn mới", "hộ", 63379, 51085, 44541, 38386],
      ["Số hộ thoát nghèo", "hộ", 13558, 12370, 6644, 10.98],
      ["Tỷ lệ hộ nghèo", "%", 15.4, 12.11, 10.44, 8.88],
    ],
    [],
    "BG",
  );
  test("read as the series, findings on the sheet's own cells", () => {
    const r = readSheet(wide);
    expect(r.kind).toBe("summary");
    expect(r.table!.map((x) => x.year)).toEqual([2010, 2011, 2012, 2013]);
    const c = codes(wide);
    expect(c).toContain("VALUE_NOT_INTEGER@F5"); // 10,98 households escaped in 2013
    expect(c).toContain("RATE_MISMATCH@C6"); // 2010: 63.379 ÷ 412.204 = 15,38 %, printed 15,40 %
    expect(c).toContain("RATE_MISMATCH@E6"); // 2012: 44.541 ÷ 423.400 = 10,52 %, printed 10,44 %
    expect(c).not.toContain("RATE_MISMATCH@D6");
  });
  test("described by the indicators' label cells", () => {
    const d = describeRead(readSheet(wide));
    expect(d.headerRows).toEqual({ from: 2, to: 2 });
    expect(d.columns.map((x) => `${x.column}:${x.field}`)).toEqual([
      "A2:year",
      "A3:households",
      "A4:poor",
      "A5:decAbove",
      "A6:poorRate",
    ]);
    expect(d.notes[0].en).toContain("year-wide table");
  });
  test("a sheet with years in a row but no indicator rows is not a year-wide table", () => {
    expect(readSheet(grid([["Năm", 2021, 2022, 2023], ["Ghi chú"]])).kind).toBe("unknown");
  });
});

test("Mẫu số 3 (Circular 17/2016/TT-BLĐTBXH): three header rows, a count and a rate under each movement", () => {
  // The official layout of the 2016–2020 review summary (near-poor version), with made-up numbers.
  const g = grid(
    [
      ["TỔNG HỢP KẾT QUẢ ĐIỀU TRA, RÀ SOÁT HỘ CẬN NGHÈO NĂM 2017 CẤP HUYỆN"],
      [
        "TT",
        "Thành phố/ Thị xã/ huyện",
        "Tổng số hộ dân cư",
        "Số hộ cận nghèo đầu năm",
        null,
        "Diễn biến hộ cận nghèo trong năm",
        null,
        null,
        null,
        null,
        null,
        "Số hộ cận nghèo cuối năm",
        null,
        null,
        null,
      ],
      [
        null,
        null,
        null,
        null,
        null,
        "Số hộ thoát cận nghèo",
        null,
        "Số hộ tái cận nghèo",
        null,
        "Số hộ cận nghèo phát sinh",
        null,
        null,
        null,
        null,
        null,
      ],
      [
        null,
        null,
        null,
        "Số hộ",
        "Trong đó Hộ DTTS",
        "Số hộ",
        "Tỷ lệ %",
        "Số hộ",
        "Tỷ lệ %",
        "Số hộ",
        "Tỷ lệ %",
        "Số hộ",
        "Tỷ lệ %",
        "Số hộ DTTS",
        "Tỷ lệ %",
      ],
      [1, "Xã A", 1000, 80, 10, 20, 2, 3, 0.3, 5, 0.5, 68, 6.8, 9, 0.9],
      [2, "Xã B", 500, 40, 0, 10, 2, 1, 0.2, 2, 0.4, 34, 7.2, 0, 0],
    ],
    ["A2:A4", "B2:B4", "C2:C4", "D2:E3", "F2:K2", "L2:O3", "F3:G3", "H3:I3", "J3:K3"],
  );
  const r = readSheet(g);
  expect(r.kind).toBe("transition");
  expect(r.detection.subject).toBe("nearPoor");
  expect(r.detection.mapping.byField).toMatchObject({
    households: 2,
    start: 3,
    decAbove: 5,
    incRe: 7,
    incNew: 9,
    end: 11,
    endRate: 12,
  });
  const c = codes(g);
  expect(c).toContain("TRANSITION_IDENTITY@L6"); // Xã B: 40 − 10 + 1 + 2 = 33, written 34
  expect(c).toContain("RATE_MISMATCH@M6"); // 34 ÷ 500 = 6,8 %, written 7,2 %
  expect(c.filter((x) => /@[A-Z]+5$/.test(x) && !x.startsWith("STRUCT_UNMAPPED"))).toEqual([]); // Xã A is consistent
});
