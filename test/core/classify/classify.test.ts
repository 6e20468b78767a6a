import {
  classifyHousehold,
  classifyScores,
  classifyMany,
  countDeprivations,
  type ClassifyInput,
} from "../../../src/core/classify";
import { standardForYear, type Standard } from "../../../src/core/standards";
import { PovertyError } from "../../../src/core/errors";
import type { Area } from "../../../src/core/household";

function errorOf(f: () => unknown): PovertyError {
  try {
    f();
  } catch (e) {
    if (e instanceof PovertyError) return e;
    throw e;
  }
  throw new Error("expected a PovertyError");
}

const cat = (year: number, income: number, deprivations: number, area: Area, agricultural?: boolean) =>
  classifyHousehold({ incomePerCapita: income, deprivations, area, agricultural }, standardForYear(year)).category;

describe("band rule — Decision 59/2015 (2016–2021)", () => {
  test.each([
    // rural: poverty 700,000; near-poverty 1,000,000; average ceiling 1,500,000
    [0, 0, "poor"],
    [700_000, 0, "poor"], // at the poverty line, no deprivations: poor by income alone
    [700_000, 10, "poor"],
    [700_001, 0, "nearPoor"],
    [700_001, 2, "nearPoor"],
    [700_001, 3, "poor"],
    [850_000, 2, "nearPoor"],
    [850_000, 3, "poor"],
    [1_000_000, 2, "nearPoor"], // at the near-poverty line
    [1_000_000, 3, "poor"],
    [1_000_001, 3, "average"], // one đồng above: deprivations no longer matter
    [1_000_001, 10, "average"],
    [1_500_000, 0, "average"],
    [1_500_001, 0, "none"],
  ] as const)("rural %i with %i deprivations → %s", (income, dep, expected) => {
    for (const year of [2016, 2020, 2021]) expect(cat(year, income, dep, "rural")).toBe(expected);
  });

  test.each([
    // urban: poverty 900,000; near-poverty 1,300,000; average ceiling 1,950,000
    [900_000, 0, "poor"],
    [900_001, 0, "nearPoor"],
    [900_001, 3, "poor"],
    [1_300_000, 2, "nearPoor"],
    [1_300_000, 3, "poor"],
    [1_300_001, 3, "average"],
    [1_950_000, 0, "average"],
    [1_950_001, 0, "none"],
  ] as const)("urban %i with %i deprivations → %s", (income, dep, expected) => {
    expect(cat(2018, income, dep, "urban")).toBe(expected);
  });

  test("area matters: 800,000 with 0 deprivations is near-poor rural, poor urban", () => {
    expect(cat(2017, 800_000, 0, "rural")).toBe("nearPoor");
    expect(cat(2017, 800_000, 0, "urban")).toBe("poor");
  });

  test("reasons name the line and the rule", () => {
    const s = standardForYear(2016);
    const a = classifyHousehold({ incomePerCapita: 700_000, deprivations: 1, area: "rural" }, s);
    expect(a.reason).toMatchObject({
      basis: "income",
      line: 700_000,
      value: 700_000,
      deprivations: 1,
      cutoff: 3,
      rule: "band",
      standardId: "QD59-2015",
    });
    expect(a.reason.textVi).toContain("700.000 đồng ≤ chuẩn nghèo 700.000 đồng");
    expect(a.reason.textVi).toContain("không xét số chỉ số thiếu hụt");
    expect(a.reason.textEn).toContain("whatever the deprivations");
    const b = classifyHousehold({ incomePerCapita: 900_000, deprivations: 3, area: "rural" }, s);
    expect(b.reason.line).toBe(1_000_000);
    expect(b.reason.textVi).toContain("chuẩn cận nghèo 1.000.000 đồng");
    expect(b.reason.textVi).toContain("3 ≥ 3");
    const c = classifyHousehold({ incomePerCapita: 900_000, deprivations: 2, area: "rural" }, s);
    expect(c.reason.textEn).toContain("2 < 3 deprivations");
    expect(c.reason.textEn).toContain("near-poverty line 1,000,000 VND");
    expect(c.reason.notes).toBeUndefined();
  });
});

describe("and rule — Decree 07/2021 (2022–2026)", () => {
  test.each([
    // rural line 1,500,000; ceiling 2,250,000
    [0, 0, "nearPoor"],
    [0, 3, "poor"],
    [1_500_000, 2, "nearPoor"], // at the line
    [1_500_000, 3, "poor"],
    [1_500_001, 3, "average"], // one đồng above
    [1_500_001, 12, "average"],
    [2_250_000, 0, "average"],
    [2_250_001, 0, "none"],
  ] as const)("rural %i with %i deprivations → %s", (income, dep, expected) => {
    for (const year of [2022, 2025, 2026]) expect(cat(year, income, dep, "rural")).toBe(expected);
  });
  test.each([
    // urban line 2,000,000; ceiling 3,000,000
    [2_000_000, 2, "nearPoor"],
    [2_000_000, 3, "poor"],
    [2_000_001, 3, "average"],
    [3_000_000, 5, "average"],
    [3_000_001, 0, "none"],
  ] as const)("urban %i with %i deprivations → %s", (income, dep, expected) => {
    expect(cat(2024, income, dep, "urban")).toBe(expected);
  });

  test("700,000 with 0 deprivations is near-poor under the and rule (poor under the band rule)", () => {
    expect(cat(2022, 700_000, 0, "rural")).toBe("nearPoor");
    expect(cat(2021, 700_000, 0, "rural")).toBe("poor");
  });

  test("agricultural === false → none above the line; true/undefined → average", () => {
    expect(cat(2023, 2_000_000, 0, "rural", false)).toBe("none");
    expect(cat(2023, 2_000_000, 0, "rural", true)).toBe("average");
    expect(cat(2023, 2_000_000, 0, "rural")).toBe("average");
    expect(cat(2023, 1_000_000, 5, "rural", false)).toBe("poor"); // below the line the flag does not matter
    const r = classifyHousehold(
      { incomePerCapita: 2_000_000, deprivations: 0, area: "rural", agricultural: false },
      standardForYear(2023),
    );
    expect(r.reason.textEn).toContain("not an agriculture/forestry/fishery/salt household");
    expect(r.reason.line).toBe(1_500_000);
  });

  test("reasons", () => {
    const s = standardForYear(2024);
    const p = classifyHousehold({ incomePerCapita: 1_200_000, deprivations: 4, area: "urban" }, s);
    expect(p.reason.textVi).toBe(
      "Thu nhập 1.200.000 đồng ≤ chuẩn nghèo 2.000.000 đồng (khu vực thành thị) và thiếu hụt 4 ≥ 3 chỉ số (ND07-2021, Nghị định 07/2021/NĐ-CP): hộ nghèo.",
    );
    const a = classifyHousehold({ incomePerCapita: 2_500_000, deprivations: 0, area: "urban" }, s);
    expect(a.reason).toMatchObject({ line: 3_000_000, rule: "and" });
    expect(a.reason.textVi).toContain("hộ có mức sống trung bình");
    const n = classifyHousehold({ incomePerCapita: 3_500_000, deprivations: 0, area: "urban" }, s);
    expect(n.reason.textEn).toContain("above the average-living-standard ceiling 3,000,000 VND");
  });
});

describe("and rule — Decree 351/2025 (2027–2030)", () => {
  const s = standardForYear(2027);
  test.each([
    [2_200_000, 3, "rural", "poor"],
    [2_200_000, 2, "rural", "nearPoor"],
    [2_800_000, 3, "urban", "poor"],
    [2_800_000, 0, "urban", "nearPoor"],
  ] as const)("%i, %i deprivations, %s → %s", (income, dep, area, expected) => {
    const r = classifyHousehold({ incomePerCapita: income, deprivations: dep, area }, s);
    expect(r.category).toBe(expected);
    expect(r.reason.notes?.[0].en).toContain("upper bound is not checked");
  });

  test("above the line: UNKNOWN_VALUE (no average ceiling), unless unknownAverage = none", () => {
    const e = errorOf(() => classifyHousehold({ incomePerCapita: 2_200_001, deprivations: 3, area: "rural" }, s));
    expect(e.code).toBe("UNKNOWN_VALUE");
    expect(e.messageVi).toContain("chưa có mức trần hộ có mức sống trung bình");
    expect(e.messageEn).toContain("ND351-2025");
    expect(e.details).toMatchObject({ field: "lines.rural.averageCeiling" });
    expect(
      errorOf(() =>
        classifyHousehold({ incomePerCapita: 2_200_001, deprivations: 3, area: "rural" }, s, {
          unknownAverage: "error",
        }),
      ).code,
    ).toBe("UNKNOWN_VALUE");
    const r = classifyHousehold({ incomePerCapita: 2_200_001, deprivations: 3, area: "rural" }, s, {
      unknownAverage: "none",
    });
    expect(r.category).toBe("none");
    expect(r.reason.textEn).toContain("the average category was not evaluated");
    expect(r.reason.textVi).toContain("không được đánh giá");
    expect(r.reason.notes?.map((n) => n.en).join(" ")).toContain("average category was not evaluated");
  });

  test("agricultural === false needs no ceiling", () => {
    expect(
      classifyHousehold({ incomePerCapita: 5_000_000, deprivations: 0, area: "urban", agricultural: false }, s)
        .category,
    ).toBe("none");
  });

  test("a count is accepted without an upper bound; flags are refused (indicator list unknown)", () => {
    expect(classifyHousehold({ incomePerCapita: 1, deprivations: 13, area: "rural" }, s).category).toBe("poor");
    const e = errorOf(() =>
      classifyHousehold({ incomePerCapita: 1, deprivations: new Array(12).fill(0), area: "rural" }, s),
    );
    expect(e.code).toBe("UNKNOWN_VALUE");
  });
});

describe("deprivation flags", () => {
  const s22 = standardForYear(2022);
  const s16 = standardForYear(2016);
  test("12 flags (2022+), 10 flags (2016–2021), booleans allowed", () => {
    const f12 = [1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1] as const;
    expect(countDeprivations(f12, s22)).toBe(3);
    expect(classifyHousehold({ incomePerCapita: 1_000_000, deprivations: f12, area: "rural" }, s22).category).toBe(
      "poor",
    );
    const f10 = [true, true, false, false, false, false, false, false, false, false];
    expect(countDeprivations(f10, s16)).toBe(2);
    expect(classifyHousehold({ incomePerCapita: 800_000, deprivations: f10, area: "rural" }, s16).category).toBe(
      "nearPoor",
    );
  });
  test("wrong length → INVALID_ARGUMENT", () => {
    const e = errorOf(() => countDeprivations([1, 0, 1], s22));
    expect(e.code).toBe("INVALID_ARGUMENT");
    expect(e.messageEn).toContain("needs exactly 12 deprivation flags, got 3");
    expect(errorOf(() => countDeprivations(new Array(12).fill(0), s16)).code).toBe("INVALID_ARGUMENT");
  });
  test("a flag that is not 0/1 → INVALID_ARGUMENT with its position", () => {
    const flags = [0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0] as unknown as (0 | 1)[];
    const e = errorOf(() => countDeprivations(flags, s22));
    expect(e.code).toBe("INVALID_ARGUMENT");
    expect(e.messageVi).toContain("Cờ thiếu hụt thứ 3");
  });
  test("not a number nor an array", () => {
    expect(errorOf(() => countDeprivations("3" as never, s22)).code).toBe("INVALID_ARGUMENT");
    expect(errorOf(() => countDeprivations(undefined as never, s22)).code).toBe("INVALID_ARGUMENT");
  });
});

describe("validation errors", () => {
  const s = standardForYear(2023);
  const base: ClassifyInput = { incomePerCapita: 1_000_000, deprivations: 0, area: "rural" };
  test.each([
    [{ incomePerCapita: undefined }, "MISSING_VALUE"],
    [{ incomePerCapita: null as unknown as number }, "MISSING_VALUE"],
    [{ scoreA: 100 }, "INVALID_ARGUMENT"], // both income and score
    [{ incomePerCapita: NaN }, "INVALID_NUMBER"],
    [{ incomePerCapita: Infinity }, "INVALID_NUMBER"],
    [{ incomePerCapita: "1000" as unknown as number }, "INVALID_NUMBER"],
    [{ incomePerCapita: -1 }, "NEGATIVE"],
    [{ deprivations: -1 }, "NEGATIVE"],
    [{ deprivations: 2.5 }, "NOT_INTEGER"],
    [{ deprivations: NaN }, "INVALID_NUMBER"],
    [{ deprivations: 13 }, "OUT_OF_RANGE"],
    [{ area: "city" as Area }, "UNKNOWN_AREA"],
    [{ area: "thành thị" as Area }, "UNKNOWN_AREA"], // parse with parseArea first
  ])("%p → %s", (patch, code) => {
    const e = errorOf(() => classifyHousehold({ ...base, ...patch }, s));
    expect(e.code).toBe(code);
    expect(e.messageVi.length).toBeGreaterThan(10);
    expect(e.messageEn.length).toBeGreaterThan(10);
  });
  test("11 deprivations is out of range for the 10-indicator standard", () => {
    expect(errorOf(() => cat(2016, 1, 11, "rural")).code).toBe("OUT_OF_RANGE");
    expect(cat(2016, 1, 10, "rural")).toBe("poor");
    expect(cat(2022, 1, 12, "rural")).toBe("poor");
  });
});

describe("classification by score A", () => {
  const s = standardForYear(2022);
  test.each([
    // rural threshold 140, urban 175; B = 10 × deprivations, cutoff 30
    [140, 30, "rural", "poor"],
    [140, 20, "rural", "nearPoor"],
    [140.5, 30, "rural", "none"],
    [0, 120, "rural", "poor"],
    [175, 30, "urban", "poor"],
    [175, 0, "urban", "nearPoor"],
    [176, 120, "urban", "none"],
    [150, 40, "urban", "poor"],
    [150, 40, "rural", "none"],
  ] as const)("A=%p B=%p %s → %s", (a, b, area, expected) => {
    expect(classifyScores(a, b, area, s).category).toBe(expected);
    // the per-household entry point agrees
    expect(classifyHousehold({ scoreA: a, deprivations: b / 10, area }, s).category).toBe(expected);
  });

  test("reasons: threshold, uncertain near-poor rule, no average by score", () => {
    const p = classifyScores(100, 30, "rural", s);
    expect(p.reason).toMatchObject({ basis: "score", line: 140, value: 100, deprivations: 3, cutoff: 3, rule: "and" });
    expect(p.reason.textVi).toContain("Điểm A 100 điểm ≤ 140 điểm");
    expect(p.reason.textVi).toContain("điểm B 30 điểm ≥ 30 điểm");
    const n = classifyScores(100, 20, "rural", s);
    expect(n.reason.notes?.[0].en).toContain("UNCERTAIN");
    expect(n.reason.textEn).toContain("rule unconfirmed");
    const o = classifyScores(141, 0, "rural", s);
    expect(o.reason.textEn).toContain("does not identify the average category");
    expect(o.reason.notes?.[0].vi).toContain("không xác định hộ có mức sống trung bình");
    expect(classifyScores(140.25, 0, "rural", s).reason.textEn).toContain("140.25 points");
  });

  test("unknown thresholds (2016–2021, 2027+) → UNKNOWN_VALUE", () => {
    for (const year of [2016, 2021, 2027]) {
      expect(errorOf(() => classifyScores(100, 30, "rural", standardForYear(year))).code).toBe("UNKNOWN_VALUE");
      expect(
        errorOf(() => classifyHousehold({ scoreA: 100, deprivations: 3, area: "urban" }, standardForYear(year))).code,
      ).toBe("UNKNOWN_VALUE");
    }
  });

  test.each([
    [100, 25, "INVALID_ARGUMENT"], // not a multiple of 10
    [100, 130, "INVALID_ARGUMENT"], // above 12 × 10
    [100, -10, "NEGATIVE"],
    [-1, 30, "NEGATIVE"],
    [NaN, 30, "INVALID_NUMBER"],
    [100, NaN, "INVALID_NUMBER"],
  ])("A=%p B=%p → %s", (a, b, code) => {
    const e = errorOf(() => classifyScores(a, b, "rural", s));
    expect(e.code).toBe(code);
  });
  test("score B error message", () => {
    const e = errorOf(() => classifyScores(100, 25, "rural", s));
    expect(e.messageVi).toContain("bội số của 10 trong khoảng 0–120");
    expect(e.messageEn).toContain("must be a multiple of 10 between 0 and 120");
    expect(errorOf(() => classifyScores(100, 25.5, "rural", s)).messageEn).toContain("25.50");
  });
  test("bad area", () => expect(errorOf(() => classifyScores(1, 0, "x" as Area, s)).code).toBe("UNKNOWN_AREA"));
});

describe("classifyMany", () => {
  test("one result per row; invalid rows carry their error", () => {
    const s: Standard = standardForYear(2022);
    const out = classifyMany(
      [
        { incomePerCapita: 1_000_000, deprivations: 3, area: "rural" },
        { incomePerCapita: -5, deprivations: 3, area: "rural" },
        { incomePerCapita: 5_000_000, deprivations: 0, area: "urban" },
      ],
      s,
    );
    expect(out.map((r) => (r.ok ? r.value.category : r.error.code))).toEqual(["poor", "NEGATIVE", "none"]);
  });
  test("non-PovertyErrors are rethrown", () => {
    const evil = {
      get incomePerCapita(): number {
        throw new TypeError("boom");
      },
      deprivations: 0,
      area: "rural",
    } as ClassifyInput;
    expect(() => classifyMany([evil], standardForYear(2022))).toThrow(TypeError);
  });
  test("options are passed through", () => {
    const out = classifyMany([{ incomePerCapita: 9e6, deprivations: 0, area: "rural" }], standardForYear(2028), {
      unknownAverage: "none",
    });
    expect(out[0].ok && out[0].value.category).toBe("none");
  });
});
