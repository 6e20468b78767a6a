/**
 * Property over every review year 2015–2030 (issue 12): the same household gets, through the resolver and the
 * classifiers, exactly the category the year's standard data says — an oracle written from the data alone (lines,
 * rule, cutoff, average ceiling and its trade condition), independent of core/classify's decision code.
 */
import fc from "fast-check";
import { CODE_CATEGORY, classifyColumns, classifyHousehold } from "../../../src/core/classify";
import type { Category } from "../../../src/core/household";
import {
  FIRST_REVIEW_YEAR,
  LAST_REVIEW_YEAR,
  NATIONAL_STANDARDS,
  resolveReviewYear,
  type Standard,
} from "../../../src/core/standards";

const YEARS = Array.from({ length: LAST_REVIEW_YEAR - FIRST_REVIEW_YEAR + 1 }, (_, i) => FIRST_REVIEW_YEAR + i);

/** The category by the standard's data (Decision 59/2015 Art. 2; Decree 07/2021 Art. 3; Decree 351/2025). */
function oracle(
  s: Standard,
  income: number,
  dep: number,
  area: "rural" | "urban",
  agricultural: boolean | undefined,
): Category {
  const l = s.lines[area];
  if (s.rule === "band") {
    if (income <= l.poverty!) return "poor";
    if (income <= l.nearPoverty!) return dep >= s.deprivationCutoff ? "poor" : "nearPoor";
  } else if (income <= l.poverty!) return dep >= s.deprivationCutoff ? "poor" : "nearPoor";
  if (l.averageCeiling === null) return "none"; // not evaluated (unknownAverage: "none")
  if (s.averageAgriculturalOnly !== false && agricultural === false) return "none";
  return income <= l.averageCeiling ? "average" : "none";
}

describe("every review year 2015–2030: the category the standard's data says", () => {
  test("each year resolves to the one national standard whose reviewYears cover it", () => {
    for (const y of YEARS) {
      const covering = NATIONAL_STANDARDS.filter((s) => y >= s.reviewYears.from && y <= s.reviewYears.to);
      expect(covering).toHaveLength(1);
      expect(resolveReviewYear({ option: y }).standard).toBe(covering[0]);
    }
    expect(resolveReviewYear({ option: 2015 }).standard.id).toBe("QD59-2015");
    expect(resolveReviewYear({ option: 2021 }).standard.id).toBe("QD59-2015");
    expect(resolveReviewYear({ option: 2026 }).standard.id).toBe("ND07-2021");
    expect(resolveReviewYear({ option: 2027 }).standard.id).toBe("ND351-2025");
  });

  test("classifyHousehold and classifyColumns agree with the data-only oracle for any household and year", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...YEARS),
        // incomes around every line of every standard, and far above
        fc.oneof(
          fc.integer({ min: 0, max: 4_000_000 }),
          fc.constantFrom(700_000, 900_000, 1_000_000, 1_300_000, 1_500_000, 1_950_000, 2_000_000, 2_200_000),
          fc.constantFrom(2_250_000, 2_800_000, 3_000_000, 700_001, 1_500_001, 2_250_001, 3_000_001),
        ),
        fc.integer({ min: 0, max: 10 }),
        fc.constantFrom("rural" as const, "urban" as const),
        fc.constantFrom(true, false, undefined),
        (year, income, dep, area, agricultural) => {
          const { standard } = resolveReviewYear({ option: year });
          const want = oracle(standard, income, dep, area, agricultural);
          const one = classifyHousehold(
            {
              incomePerCapita: income,
              deprivations: dep,
              area,
              ...(agricultural === undefined ? {} : { agricultural }),
            },
            standard,
            { unknownAverage: "none" },
          );
          expect(one.category).toBe(want);
          expect(one.reason.standardId).toBe(standard.id);
          if (want === "average")
            expect(one.reason.averageCondition).toBe(
              standard.averageAgriculturalOnly === false ? "notRequired" : agricultural ? "met" : "unconfirmed",
            );
          const codes = classifyColumns(
            {
              income: [income],
              deprivations: [dep],
              area: [area === "urban" ? 1 : 0],
              agricultural: [agricultural === false ? 0 : 1],
            },
            standard,
            { unknownAverage: "none" },
          );
          expect(CODE_CATEGORY[codes[0]]).toBe(want);
        },
      ),
      { numRuns: 3000 },
    );
  });

  test("the same household across the years: a worked row per standard", () => {
    // Rural, 800,000 đ, 1 deprivation: near-poor in every year (band rule: 700,000 < income ≤ 1,000,000 with < 3
    // deprivations; from 2022: income ≤ the line with < 3).
    const h = { incomePerCapita: 800_000, deprivations: 1, area: "rural" as const };
    const byYear = Object.fromEntries(
      YEARS.map((y) => [y, classifyHousehold(h, resolveReviewYear({ option: y }).standard).category]),
    );
    for (const y of YEARS) expect(byYear[y]).toBe("nearPoor");
    // Rural, 650,000 đ, 0 deprivations: poor 2015–2021 (≤ 700,000 whatever the deprivations), near-poor from 2022.
    const low = { incomePerCapita: 650_000, deprivations: 0, area: "rural" as const };
    for (const y of YEARS)
      expect(classifyHousehold(low, resolveReviewYear({ option: y }).standard).category).toBe(
        y <= 2021 ? "poor" : "nearPoor",
      );
    // Rural, 2,000,000 đ, 4 deprivations, agricultural: average 2022–2026 (≤ 2,250,000), poor from 2027 (≤ 2,200,000).
    const mid = { incomePerCapita: 2_000_000, deprivations: 4, area: "rural" as const, agricultural: true };
    for (const y of YEARS)
      expect(
        classifyHousehold(mid, resolveReviewYear({ option: y }).standard, { unknownAverage: "none" }).category,
      ).toBe(y <= 2021 ? "none" : y <= 2026 ? "average" : "poor");
  });
});
