import fc from "fast-check";
import type { CellValue, Grid } from "../../../src/core/grid";
import { detect, read, readSheet } from "../../../src/core/sheet";
import { ND07_2021, QD59_2015 } from "../../../src/core/standards";
import * as F from "./fixtures";

const kindOf = (s: F.SheetSpec) => detect(F.toGrid(s)).kind;
const fieldsOf = (s: F.SheetSpec) =>
  Object.fromEntries(detect(F.toGrid(s)).mapping.columns.map((c) => [c.letter, c.field]));

describe("sheet kinds from their headers", () => {
  test.each([
    ["roster", F.rosterSheet()],
    ["roster", F.rosterSheet({ numbered: true })],
    ["summary", F.summarySheet()],
    ["transition", F.transitionSheet("poor", F.CLEAN_FORM2)],
    ["transition", F.transitionSheet("nearPoor", F.CLEAN_FORM3)],
    ["deprivation", F.deprivationSheet(F.CLEAN_FORM4)],
    ["target", F.targetSheet(F.CLEAN_TARGETS)],
    ["summary", F.seriesSheet([[2023, 600, 50, 8.33]])],
    ["plan", F.planSheet()],
  ])("%s", (kind, spec) => expect(kindOf(spec)).toBe(kind));

  test("Form 2 is about poor households, Form 3 about near-poor", () => {
    expect(detect(F.toGrid(F.transitionSheet("poor", F.CLEAN_FORM2))).subject).toBe("poor");
    expect(detect(F.toGrid(F.transitionSheet("nearPoor", F.CLEAN_FORM3))).subject).toBe("nearPoor");
  });
});

describe("header block and column mapping", () => {
  test("title rows, a merged two-row header and a numbering row are skipped", () => {
    const d = detect(F.toGrid(F.rosterSheet()));
    expect([d.mapping.headerTop, d.mapping.headerBottom, d.mapping.dataStart]).toEqual([3, 4, 6]);
    expect(d.yearHint).toBe(2024);
    const f = fieldsOf(F.rosterSheet());
    expect(f).toMatchObject({
      B: "id",
      C: "head",
      D: "unit",
      E: "village",
      F: "area",
      G: "members",
      H: "income",
      I: "dep.employment",
      L: "dep.health_insurance",
      T: "dep.info_access_means",
      U: "depTotal",
      V: "category",
      W: "ethnicMinority",
    });
  });
  test("flags numbered 1..12 under a merged 'Chỉ số thiếu hụt' map to positions", () => {
    expect(fieldsOf(F.rosterSheet({ numbered: true }))).toMatchObject({ I: "dep#1", T: "dep#12" });
  });
  test("Form 1 two-row header: parent 'Hộ nghèo' over 'Số hộ' / 'Tỷ lệ (%)'", () => {
    expect(fieldsOf(F.summarySheet())).toEqual({
      A: "seq",
      B: "unit",
      C: "households",
      D: "poor",
      E: "poorRate",
      F: "nearPoor",
      G: "nearPoorRate",
    });
  });
  test("headers without diacritics, abbreviations and English", () => {
    const viNoMarks = {
      name: "x",
      rows: [
        ["STT", "Ma ho", "Ho ten chu ho", "Khu vuc", "So NK", "Thu nhap BQ", "Phan loai"],
        [1, "H1", "A", "nong thon", 3, 1e6, "HN"],
      ],
    };
    expect(fieldsOf(viNoMarks)).toEqual({
      A: "seq",
      B: "id",
      C: "head",
      D: "area",
      E: "members",
      F: "income",
      G: "category",
    });
    const abbr = {
      name: "x",
      rows: [
        ["TT", "Đơn vị", "Tổng số hộ", "Số HN", "Tỷ lệ HN (%)", "Số HCN", "TL HCN (%)"],
        [1, "Xã A", 100, 5, 5, 6, 6],
      ],
    };
    expect(fieldsOf(abbr)).toEqual({
      A: "seq",
      B: "unit",
      C: "households",
      D: "poor",
      E: "poorRate",
      F: "nearPoor",
      G: "nearPoorRate",
    });
    const en = {
      name: "x",
      rows: [
        ["Household ID", "Head of household", "Area", "Members", "Income", "Category", "Health insurance"],
        ["H1", "A", "rural", 3, 1e6, "poor", 1],
      ],
    };
    expect(fieldsOf(en)).toEqual({
      A: "id",
      B: "head",
      C: "area",
      D: "members",
      E: "income",
      F: "category",
      G: "dep.health_insurance",
    });
  });
  test("each mapped column carries a confidence in (0, 1]; exact names are 1", () => {
    const d = detect(F.toGrid(F.summarySheet()));
    for (const c of d.mapping.columns) expect(c.confidence).toBeGreaterThan(0);
    for (const c of d.mapping.columns) expect(c.confidence).toBeLessThanOrEqual(1);
    expect(d.mapping.columns.find((c) => c.field === "households")!.confidence).toBe(1);
  });
  test("an explicit mapping overrides detection (by letter or header text)", () => {
    const spec = {
      name: "x",
      rows: [
        ["Mã", "Cột lạ", "Phân loại hộ"],
        ["H1", 1_200_000, "Hộ nghèo"],
      ],
    };
    const d = detect(F.toGrid(spec), { mapping: { income: "B" } });
    expect(d.mapping.byField.income).toBe(1);
    expect(d.mapping.columns.find((c) => c.field === "income")!.confidence).toBe(1);
    const d2 = detect(F.toGrid(spec), { mapping: { income: "cot la" } });
    expect(d2.mapping.byField.income).toBe(1);
  });
  test("a grid whose origin is not A1 reports sheet addresses", () => {
    const g: Grid = {
      sheetName: "x",
      origin: "C5",
      values: [
        ["Mã hộ", "Phân loại hộ", "Khu vực", "Thu nhập"],
        ["H1", "Hộ nghèo", "Nông thôn", "xx"],
      ],
    };
    const r = readSheet(g, { standard: ND07_2021 });
    expect(r.columns.id).toBe(2);
    expect(r.findings.find((f) => f.code === "VALUE_NOT_NUMBER")!.cell).toBe("F6");
  });
  test("a headerless sheet is unrecognised, an empty one is empty", () => {
    expect(
      detect(
        F.toGrid({
          name: "n",
          rows: [
            [1, 2, 3],
            [4, 5, 6],
          ],
        }),
      ).findings.map((f) => f.code),
    ).toEqual(["SHEET_UNRECOGNISED"]);
    expect(detect(F.toGrid({ name: "e", rows: [[], [null, ""]] })).findings.map((f) => f.code)).toEqual([
      "SHEET_EMPTY",
    ]);
  });
  test("a two-row header without merge information (CSV-like) is still combined", () => {
    const spec = {
      name: "x",
      rows: [
        ["TT", "Đơn vị", "Tổng số hộ", "Hộ nghèo", null],
        [null, null, null, "Số hộ", "Tỷ lệ (%)"],
        [1, "Xã A", 200, 10, 5],
      ],
    };
    expect(fieldsOf(spec)).toMatchObject({ C: "households", D: "poor", E: "poorRate" });
  });
});

describe("typed rows", () => {
  test("roster rows: Vietnamese number text, flags as x, category and area parsed, totals and blank rows skipped", () => {
    const r = readSheet(F.toGrid(F.rosterSheet()), { standard: ND07_2021 });
    expect(r.roster).toHaveLength(6);
    const h = r.roster!.map((x) => x.household);
    expect(h[1]).toMatchObject({
      id: "XA-002",
      incomePerCapita: 1_400_000,
      area: "rural",
      declaredCategory: "nearPoor",
      deprivationCount: 1,
    });
    expect(h[0].deprivationFlags).toEqual([1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0]);
    expect(h[0].ethnicMinority).toBe(true);
    expect(h[3].area).toBe("urban");
    expect(r.roster![3].row0).toBe(10); // after the blank row: sheet row 11
  });
  test("flags follow the standard's indicator order (2016–2021 has 10 indicators)", () => {
    const spec = {
      name: "x",
      rows: [
        ["Mã hộ", "Bảo hiểm y tế", "Tiếp cận các dịch vụ y tế", "Phân loại"],
        ["H1", "x", null, "Hộ nghèo"],
      ],
    };
    const r = readSheet(F.toGrid(spec), { standard: QD59_2015 });
    expect(r.roster![0].flagsSet).toBe(1);
    expect(r.roster![0].household.deprivationFlags).toBeUndefined(); // only 2 of 10 indicator columns
  });
  test("rates written 7.35 are percent numbers; 0.0735 with a % format are fractions; the choice is reported", () => {
    const r = readSheet(F.toGrid(F.summarySheet()));
    expect(r.table![0].values.poorRate).toBeCloseTo(0.0735, 10);
    expect(r.rates.poorRate).toEqual({ scale: "percent", decimals: 4 });
    // One RATE_SCALE per sheet, listing every rate column and the scale chosen.
    const scale = r.findings.filter((f) => f.code === "RATE_SCALE");
    expect(scale).toHaveLength(1);
    expect(scale[0].messageEn).toMatch(/^Rate columns E, G are read as percent numbers/);
    const s = F.summarySheet({
      units: [{ unit: "Xã A", households: 612, poor: 45, poorRate: 0.0735, nearPoor: 60, nearPoorRate: 0.098 }],
      total: { poorRate: 0.0735, nearPoorRate: 0.098 },
    });
    const r2 = readSheet(F.toGrid(s));
    expect(r2.rates.poorRate.scale).toBe("fraction");
    expect(r2.table![0].values.poorRate).toBe(0.0735);
  });
  test("ambiguous small rates are decided by count ÷ total (0.74 of 612 with 4.5 poor → percent)", () => {
    const s = F.summarySheet({
      units: [{ unit: "Xã A", households: 1000, poor: 7, poorRate: 0.7, nearPoor: 9, nearPoorRate: 0.9 }],
      total: { poorRate: 0.7, nearPoorRate: 0.9 },
    });
    const r = readSheet(F.toGrid(s));
    expect(r.rates.poorRate.scale).toBe("percent");
  });
  test("table rows: totals and members rows are recognised", () => {
    const r = readSheet(F.toGrid(F.summarySheet()));
    expect(r.table!.map((x) => x.kind)).toEqual(["body", "body", "body", "total"]);
    const t = readSheet(
      F.toGrid(
        F.transitionSheet("poor", [
          ...F.CLEAN_FORM2,
          { unit: "Xã An Bình", measure: "Nhân khẩu", v: [200, 20, 15, 3, 7, 3, 3, 0, 175] },
        ]),
      ),
    );
    expect(t.table!.map((x) => x.measure)).toEqual(["households", "households", "households", "members"]);
  });
  test("read() with a separately obtained detection equals readSheet()", () => {
    const g = F.toGrid(F.summarySheet());
    expect(read(g, detect(g)).table).toEqual(readSheet(g).table);
  });
});

describe("properties", () => {
  const cell: fc.Arbitrary<CellValue> = fc.oneof(
    fc.constant(null),
    fc.string(),
    fc.constantFrom(
      "Mã hộ",
      "Tỷ lệ (%)",
      "Hộ nghèo",
      "Tổng cộng",
      "x",
      "#N/A",
      "1.500.000",
      "7,97%",
      "Chỉ số thiếu hụt",
      "Khu vực",
    ),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.record({ error: fc.constantFrom("#N/A", "#DIV/0!", "#REF!") }),
  );
  const grid = fc.record({
    values: fc.array(fc.array(cell, { maxLength: 10 }), { maxLength: 25 }),
    merges: fc.array(
      fc.tuple(
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 0, max: 24 }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 2 }),
      ),
      { maxLength: 4 },
    ),
  });
  const letters = (c: number) => String.fromCharCode(65 + c);
  test("detection and reading never throw on arbitrary grids", () => {
    fc.assert(
      fc.property(grid, ({ values, merges }) => {
        const g: Grid = {
          sheetName: "p",
          origin: "A1",
          values,
          merges: merges.map(([c, r, w, h]) => `${letters(c)}${r + 1}:${letters(c + w)}${r + 1 + h}`),
        };
        const r = readSheet(g, { standard: ND07_2021 });
        for (const f of r.findings) expect(typeof f.messageVi).toBe("string");
      }),
      { numRuns: 300 },
    );
  });
  test("every unreadable numeric cell of a roster yields a finding, never a silent value", () => {
    const bad = fc.oneof(
      fc
        .string()
        .filter((s) => s.trim() !== "" && !/^[\s\d.,%+\-−–đ]*$/i.test(s) && !["-", "–", "—"].includes(s.trim())),
      fc.record({ error: fc.constantFrom("#N/A", "#VALUE!") }),
    );
    fc.assert(
      fc.property(bad, (v) => {
        const g: Grid = {
          sheetName: "p",
          origin: "A1",
          values: [
            ["Mã hộ", "Số nhân khẩu", "Phân loại hộ"],
            ["H1", v, "Hộ nghèo"],
          ],
        };
        const r = readSheet(g);
        expect(r.roster![0].household.members).toBeUndefined();
        expect(r.findings.some((f) => f.cell === "B2")).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
