/**
 * Issue 12 defects 6 and 7: SERIES_* rules compare consecutive years (not rows) and never call a change of standard
 * a jump; DEPRIV_BELOW_CUTOFF knows the 2016–2021 band rule (income ≤ 700,000 / 900,000 đ is poor whatever the
 * deprivations), so it does not warn on tables of those years.
 */
import { validateWorkbooks } from "../../../src/core/validate";
import * as F from "../sheet/fixtures";

const run = (specs: F.SheetSpec[], opts: { year?: number } = {}) =>
  validateWorkbooks([{ file: "w.xlsx", grids: specs.map((s) => F.toGrid(s, "w.xlsx")) }], opts).files[0].findings;
const codes = (specs: F.SheetSpec[], opts: { year?: number } = {}) =>
  run(specs, opts)
    .map((f) => f.code)
    .filter((c) => c.startsWith("SERIES_") || c === "DEPRIV_BELOW_CUTOFF");

describe("SERIES_*: consecutive years, not consecutive rows", () => {
  test("Đông Hà 2016 → 2021 (seed 000: 1,064 hh = 5,0 % → 429 = 1,79 %): five years of reduction, not a jump", () => {
    // Source: Đông Hà city party conclusion on poverty reduction 2021–2025 (seed document 000, footnote 4).
    // Audit: 1,064 / 0.050 ≈ 21,280 households; 429 / 0.0179 ≈ 23,966; the count falls 59.7 % over five years.
    expect((1064 - 429) / 1064).toBeGreaterThan(0.5);
    expect(
      codes([
        F.seriesSheet([
          [2016, 21_280, 1064, "5,0"],
          [2021, 23_966, 429, "1,79"],
        ]),
      ]),
    ).toEqual([]);
  });

  test("the same fall from one year to the next is a jump", () => {
    expect(
      codes([
        F.seriesSheet([
          [2019, 21_280, 1064, "5,00"],
          [2020, 23_966, 429, "1,79"],
        ]),
      ]),
    ).toEqual(["SERIES_JUMP"]);
  });

  test("rows out of order are compared by year", () => {
    const f = run([
      F.seriesSheet([
        [2020, 600, 12, 2],
        [2018, 600, 50, "8,33"],
        [2019, 600, 12, 2],
      ]),
    ]).filter((x) => x.code === "SERIES_JUMP");
    expect(f.map((x) => x.messageVi)).toEqual([expect.stringMatching(/\(2018\) thành .* \(2019\)/)]);
  });

  test("a change of standard between two years is SERIES_STANDARD_CHANGE, never a jump — even across a gap", () => {
    const jump = (rows: [number, number, number, number | string][]) => codes([F.seriesSheet(rows)]);
    expect(
      jump([
        [2021, 600, 12, 2],
        [2022, 610, 50, "8,20"],
      ]),
    ).toEqual(["SERIES_STANDARD_CHANGE"]);
    expect(
      jump([
        [2020, 600, 12, 2],
        [2023, 610, 50, "8,20"],
      ]),
    ).toEqual(["SERIES_STANDARD_CHANGE"]);
    expect(
      jump([
        [2026, 600, 12, 2],
        [2027, 610, 50, "8,20"],
      ]),
    ).toEqual(["SERIES_STANDARD_CHANGE"]);
  });

  test("2015 is a review year under Decision 59/2015: 2015 → 2016 is compared under one standard", () => {
    expect(
      codes([
        F.seriesSheet([
          [2015, 600, 50, "8,33"],
          [2016, 600, 12, 2],
        ]),
      ]),
    ).toEqual(["SERIES_JUMP"]);
  });

  test("years outside every standard are not compared (no standard to tell a jump from a change)", () => {
    expect(
      codes([
        F.seriesSheet([
          [2013, 600, 50, "8,33"],
          [2014, 600, 12, 2],
        ]),
      ]),
    ).toEqual([]);
  });
  test("a rate worked out from the counts (its rate cell blank) is reported on the poor count, not on the blank", () => {
    // 2019: 50 / 600 = 8,33 %; 2020: rate blank, 12 / 600 = 2 % — a fall of 6,33 points in one year.
    const f = run([
      F.seriesSheet([
        [2019, 600, 50, "8,33"],
        [2020, 600, 12, ""],
      ]),
    ]).filter((x) => x.code === "SERIES_JUMP");
    expect(f.map((x) => x.cell)).toEqual(["C3"]);
    // where the rate is written, the rate cell
    const g = run([
      F.seriesSheet([
        [2019, 600, 50, "8,33"],
        [2020, 600, 12, 2],
      ]),
    ]).filter((x) => x.code === "SERIES_JUMP");
    expect(g.map((x) => x.cell)).toEqual(["D3"]);
  });
});

describe("DEPRIV_BELOW_CUTOFF knows the band rule", () => {
  // Form 4 row: 45 poor households, 100 deprivations in total (< 3 × 45 = 135).
  const form4 = F.deprivationSheet([
    { unit: "Xã An Bình", poor: 45, counts: [10, 10, 10, 10, 10, 10, 10, 10, 10, 5, 3, 2] },
  ]);
  test("2024 (Decree 07/2021, 'and' rule): warned", () => {
    expect(codes([form4], { year: 2024 })).toEqual(["DEPRIV_BELOW_CUTOFF"]);
  });
  test("2016–2021 (Decision 59/2015, band rule): not warned — a poor household may have no deprivation", () => {
    for (const year of [2016, 2019, 2021]) expect(codes([form4], { year })).toEqual([]);
  });
});
