import {
  standardForYear,
  listStandards,
  standardById,
  incomeLine,
  indicatorCount,
  requireIndicators,
  scoreThreshold,
  StandardSchema,
  checkStandard,
  NATIONAL_STANDARDS,
  FIRST_REVIEW_YEAR,
  LAST_REVIEW_YEAR,
  formatVnd,
  type Standard,
} from "../../../src/core/standards";
import { PovertyError } from "../../../src/core/errors";

function errorOf(f: () => unknown): PovertyError {
  try {
    f();
  } catch (e) {
    if (e instanceof PovertyError) return e;
    throw e;
  }
  throw new Error("expected a PovertyError");
}

describe("standardForYear", () => {
  test.each([
    [2015, "QD59-2015"], // the end-2015 census: the 2016 baseline (Decision 1095/QĐ-LĐTBXH)
    [2016, "QD59-2015"],
    [2020, "QD59-2015"],
    [2021, "QD59-2015"], // Decree 07/2021 Art. 2
    [2022, "ND07-2021"],
    [2025, "ND07-2021"],
    [2026, "ND07-2021"], // transition year under Decree 351/2025
    [2027, "ND351-2025"],
    [2030, "ND351-2025"],
  ])("%i → %s", (year, id) => {
    expect(standardForYear(year).id).toBe(id);
  });

  test("every supported year has exactly one national standard", () => {
    for (let y = FIRST_REVIEW_YEAR; y <= LAST_REVIEW_YEAR; y++) {
      const covering = NATIONAL_STANDARDS.filter((s) => y >= s.reviewYears.from && y <= s.reviewYears.to);
      expect(covering).toHaveLength(1);
      expect(standardForYear(y)).toBe(covering[0]);
    }
  });

  test.each([2014, 2031, 2022.5, NaN, Infinity, -1])("%p → UNKNOWN_YEAR listing supported years", (year) => {
    const e = errorOf(() => standardForYear(year));
    expect(e.code).toBe("UNKNOWN_YEAR");
    expect(e.messageVi).toContain("2015–2030");
    expect(e.messageEn).toContain("Supported years: 2015–2030");
    expect(e.messageVi).toContain("Năm rà soát");
  });

  test("the UNKNOWN_YEAR message lists each national standard's review years and document, as in the data", () => {
    const e = errorOf(() => standardForYear(2031));
    expect(FIRST_REVIEW_YEAR).toBe(Math.min(...NATIONAL_STANDARDS.map((s) => s.reviewYears.from)));
    expect(LAST_REVIEW_YEAR).toBe(Math.max(...NATIONAL_STANDARDS.map((s) => s.reviewYears.to)));
    for (const s of NATIONAL_STANDARDS) {
      expect(e.messageVi).toContain(`${s.reviewYears.from}–${s.reviewYears.to}: ${s.citation.document}`);
      expect(e.messageEn).toContain(`${s.reviewYears.from}–${s.reviewYears.to}: ${s.citation.documentEn}`);
    }
    // Independent of the code: the three published periods (Decision 59/2015, Decree 07/2021, Decree 351/2025).
    expect(e.messageVi).toContain(
      "(2015–2021: Quyết định 59/2015/QĐ-TTg; 2022–2026: Nghị định 07/2021/NĐ-CP; 2027–2030: Nghị định 351/2025/NĐ-CP)",
    );
  });

  test("a non-number year is UNKNOWN_YEAR", () => {
    expect(errorOf(() => standardForYear("2024" as unknown as number)).code).toBe("UNKNOWN_YEAR");
  });

  test("a local standard is used inside its years, the national one outside", () => {
    const local: Standard = {
      ...standardForYear(2023),
      id: "HN-2022",
      scope: "local",
      reviewYears: { from: 2022, to: 2025 },
    };
    expect(standardForYear(2023, { local }).id).toBe("HN-2022");
    expect(standardForYear(2026, { local }).id).toBe("ND07-2021");
    expect(standardForYear(2019, { local }).id).toBe("QD59-2015");
    expect(standardForYear(2024, {}).id).toBe("ND07-2021");
  });
});

// defaultReviewYear (the latest review whose results exist, with its cut-over month): year.test.ts

describe("national data", () => {
  test("listStandards returns the three, oldest first, frozen", () => {
    const list = listStandards();
    expect(list.map((s) => s.id)).toEqual(["QD59-2015", "ND07-2021", "ND351-2025"]);
    expect(Object.isFrozen(list[1])).toBe(true);
    expect(Object.isFrozen(list[1].lines.rural)).toBe(true);
    list.pop();
    expect(listStandards()).toHaveLength(3); // a copy
  });

  test("every national standard passes the schema and the sanity rules", () => {
    for (const s of NATIONAL_STANDARDS) {
      expect(StandardSchema.safeParse(s).success).toBe(true);
      expect(checkStandard(s)).toEqual([]);
    }
  });

  test("standardById", () => {
    expect(standardById("ND351-2025")?.citation.document).toBe("Nghị định 351/2025/NĐ-CP");
    expect(standardById("nope")).toBeUndefined();
  });

  test("Decision 59/2015: band rule, 700k/900k and 1.0M/1.3M, 10 indicators in 5 services", () => {
    const s = standardForYear(2018);
    expect(s.rule).toBe("band");
    expect(s.lines.rural).toEqual({ poverty: 700_000, nearPoverty: 1_000_000, averageCeiling: 1_500_000 });
    expect(s.lines.urban).toEqual({ poverty: 900_000, nearPoverty: 1_300_000, averageCeiling: 1_950_000 });
    expect(s.indicators).toHaveLength(10);
    expect(s.services).toHaveLength(5);
    expect(s.deprivationCutoff).toBe(3);
    expect(s.citation.document).toBe("Quyết định 59/2015/QĐ-TTg");
    expect(s.citation.issued).toBe("2015-11-19");
    expect(s.citation.note?.vi).toContain("2021");
    expect(s.scores.aThreshold).toEqual({ rural: null, urban: null });
  });

  test("Decree 07/2021: and rule, 1.5M/2.0M, ceilings 2.25M/3.0M, 12 indicators in 6 services, A 140/175", () => {
    const s = standardForYear(2024);
    expect(s.rule).toBe("and");
    expect(s.lines.rural).toEqual({ poverty: 1_500_000, nearPoverty: 1_500_000, averageCeiling: 2_250_000 });
    expect(s.lines.urban).toEqual({ poverty: 2_000_000, nearPoverty: 2_000_000, averageCeiling: 3_000_000 });
    expect(s.indicators).toHaveLength(12);
    expect(s.services).toHaveLength(6);
    expect(s.scores).toEqual({ aThreshold: { rural: 140, urban: 175 }, bPerDeprivation: 10, bCutoff: 30 });
    expect(s.citation.note?.vi).toContain("351/2025");
    expect(s.citation.note?.en).toContain("2026 is a transition year");
    expect(s.areaNames.urban.vi).toBe("khu vực thành thị");
  });

  test("Decree 351/2025: 2.2M/2.8M, unknown ceilings and indicators, urban = khu vực đô thị", () => {
    const s = standardForYear(2028);
    expect(s.rule).toBe("and");
    expect(s.lines.rural).toEqual({ poverty: 2_200_000, nearPoverty: 2_200_000, averageCeiling: null });
    expect(s.lines.urban).toEqual({ poverty: 2_800_000, nearPoverty: 2_800_000, averageCeiling: null });
    expect(s.indicators).toBeNull();
    expect(s.draftIndicators).toHaveLength(12);
    expect(s.draftIndicators?.map((i) => i.id)).toContain("waste_treatment");
    expect(s.scores.aThreshold).toEqual({ rural: null, urban: null });
    expect(s.areaNames.urban.vi).toBe("khu vực đô thị");
    const paths = s.uncertain.map((u) => u.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        "indicators",
        "lines.rural.averageCeiling",
        "lines.urban.averageCeiling",
        "scores.aThreshold",
      ]),
    );
  });

  test("indicator ids are unique ASCII snake_case and reference a service of their standard", () => {
    for (const s of NATIONAL_STANDARDS) {
      const list = s.indicators ?? s.draftIndicators ?? [];
      expect(new Set(list.map((i) => i.id)).size).toBe(list.length);
      const services = new Set(s.services.map((x) => x.id));
      for (const i of list) {
        expect(i.id).toMatch(/^[a-z][a-z0-9_]*$/);
        expect(services.has(i.service)).toBe(true);
        expect(i.name.vi.length).toBeGreaterThan(0);
        expect(i.name.en.length).toBeGreaterThan(0);
      }
    }
  });

  test("every null value of a national standard is named in its uncertain list", () => {
    for (const s of NATIONAL_STANDARDS) {
      const paths = new Set(s.uncertain.map((u) => u.path));
      for (const area of ["rural", "urban"] as const) {
        for (const [k, v] of Object.entries(s.lines[area]))
          if (v === null) expect(paths).toContain(`lines.${area}.${k}`);
        if (s.scores.aThreshold[area] === null) expect(paths).toContain("scores.aThreshold");
      }
      if (s.indicators === null) expect(paths).toContain("indicators");
      for (const u of s.uncertain) {
        expect(u.note.vi.length).toBeGreaterThan(0);
        expect(u.note.en.length).toBeGreaterThan(0);
      }
    }
  });

  test("the near-poor score rule is marked uncertain where scores exist", () => {
    expect(standardForYear(2022).uncertain.map((u) => u.path)).toContain("scores.nearPoorRule");
    expect(standardForYear(2016).uncertain.map((u) => u.path)).toContain("lines.urban.averageCeiling");
  });
});

describe("incomeLine", () => {
  const s22 = standardForYear(2022);
  const s27 = standardForYear(2027);
  test.each([
    [2016, "rural", "poor", 700_000],
    [2016, "urban", "poor", 900_000],
    [2016, "rural", "near_poor", 1_000_000],
    [2016, "urban", "near_poor", 1_300_000],
    [2016, "rural", "average", 1_500_000],
    [2016, "urban", "average", 1_950_000],
    [2022, "rural", "poor", 1_500_000],
    [2022, "urban", "poor", 2_000_000],
    [2022, "rural", "near_poor", 1_500_000],
    [2022, "urban", "near_poor", 2_000_000],
    [2022, "rural", "average", 2_250_000],
    [2022, "urban", "average", 3_000_000],
    [2027, "rural", "poor", 2_200_000],
    [2027, "urban", "poor", 2_800_000],
    [2027, "urban", "near_poor", 2_800_000],
  ] as const)("%i %s %s = %i", (year, area, kind, v) => {
    expect(incomeLine(standardForYear(year), area, kind)).toBe(v);
  });

  test("the and rule's near-poor line is the poverty line even if data differs", () => {
    const odd: Standard = {
      ...s22,
      lines: { ...s22.lines, rural: { poverty: 1_600_000, nearPoverty: 9_999_999, averageCeiling: null } },
    };
    expect(incomeLine(odd, "rural", "near_poor")).toBe(1_600_000);
  });

  test("unknown average ceiling 2027+ → UNKNOWN_VALUE naming the standard", () => {
    const e = errorOf(() => incomeLine(s27, "urban", "average"));
    expect(e.code).toBe("UNKNOWN_VALUE");
    expect(e.messageVi).toContain("ND351-2025");
    expect(e.messageVi).toContain("khu vực đô thị");
    expect(e.messageEn).toContain("average-living-standard ceiling");
    expect(e.details).toMatchObject({ standard: "ND351-2025", area: "urban", kind: "average" });
  });

  test("bad area and kind", () => {
    expect(errorOf(() => incomeLine(s22, "city" as never, "poor")).code).toBe("UNKNOWN_AREA");
    expect(errorOf(() => incomeLine(s22, "rural", "rich" as never)).code).toBe("INVALID_ARGUMENT");
  });
});

describe("indicators and score thresholds", () => {
  test("indicatorCount 10 / 12 / unknown", () => {
    expect(indicatorCount(standardForYear(2016))).toBe(10);
    expect(indicatorCount(standardForYear(2026))).toBe(12);
    const e = errorOf(() => indicatorCount(standardForYear(2027)));
    expect(e.code).toBe("UNKNOWN_VALUE");
    expect(e.messageEn).toContain("no confirmed list of deprivation indicators");
    expect(e.messageVi).toContain("chưa có danh sách chỉ số");
    expect(requireIndicators(standardForYear(2022))[0].id).toBe("employment");
  });

  test("scoreThreshold 140 / 175 and unknown elsewhere", () => {
    expect(scoreThreshold(standardForYear(2023), "rural")).toBe(140);
    expect(scoreThreshold(standardForYear(2023), "urban")).toBe(175);
    for (const y of [2016, 2021, 2027, 2030]) {
      const e = errorOf(() => scoreThreshold(standardForYear(y), "rural"));
      expect(e.code).toBe("UNKNOWN_VALUE");
      expect(e.messageEn).toContain("enter per-capita income");
    }
    expect(errorOf(() => scoreThreshold(standardForYear(2023), "x" as never)).code).toBe("UNKNOWN_AREA");
  });

  test("formatVnd", () => {
    expect(formatVnd(1_500_000)).toEqual({ vi: "1.500.000 đồng", en: "1,500,000 VND" });
  });
});

describe("checkStandard sanity rules", () => {
  const s22 = standardForYear(2022);
  const s16 = standardForYear(2016);
  test("band rule: near-poverty below poverty", () => {
    const bad: Standard = {
      ...s16,
      lines: { ...s16.lines, rural: { poverty: 700_000, nearPoverty: 600_000, averageCeiling: 1_500_000 } },
    };
    expect(checkStandard(bad).map((i) => i.path)).toEqual(["lines.rural.nearPoverty"]);
  });
  test("and rule: near-poverty must equal poverty", () => {
    const bad: Standard = {
      ...s22,
      lines: { ...s22.lines, urban: { poverty: 2_000_000, nearPoverty: 2_100_000, averageCeiling: 3_000_000 } },
    };
    const issues = checkStandard(bad);
    expect(issues.map((i) => i.path)).toEqual(["lines.urban.nearPoverty"]);
    expect(issues[0].en).toContain("must equal the poverty line");
  });
  test("average ceiling below the line; years reversed; unknown service; bCutoff mismatch", () => {
    const bad: Standard = {
      ...s22,
      reviewYears: { from: 2025, to: 2022 },
      lines: { ...s22.lines, rural: { poverty: 1_500_000, nearPoverty: 1_500_000, averageCeiling: 1_000_000 } },
      indicators: [{ id: "x", name: { vi: "x", en: "x" }, service: "nope" }],
      scores: { ...s22.scores, bCutoff: 40 },
    };
    expect(checkStandard(bad).map((i) => i.path)).toEqual([
      "reviewYears",
      "lines.rural.averageCeiling",
      "deprivationCutoff", // a cutoff of 3 with a single indicator
      "indicators[0].service",
      "scores.bCutoff",
    ]);
  });
  test("against a national standard: lower lines and years outside", () => {
    const local: Standard = {
      ...s22,
      reviewYears: { from: 2021, to: 2025 },
      lines: { ...s22.lines, urban: { poverty: 1_900_000, nearPoverty: 1_900_000, averageCeiling: 3_000_000 } },
    };
    expect(checkStandard(local, s22).map((i) => i.path)).toEqual(["lines.urban.poverty", "reviewYears"]);
  });
});
