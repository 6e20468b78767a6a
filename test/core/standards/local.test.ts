import {
  parseLocalStandard,
  standardForYear,
  incomeLine,
  StandardSchema,
  LocalStandardInputSchema,
} from "../../../src/core/standards";
import { classifyHousehold } from "../../../src/core/classify";
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

const hanoiCitation = {
  vi: "Quyết định số 13/2021/QĐ-UBND ngày 05/09/2021 của UBND TP Hà Nội (chuẩn nghèo 2022–2025)",
  en: "Hà Nội People's Committee Decision No. 13/2021/QĐ-UBND of 5 September 2021 (poverty standard 2022–2025)",
  document: "Quyết định 13/2021/QĐ-UBND (Hà Nội)",
  issued: "2021-09-05",
};

// Illustrative higher lines (test data, not Hà Nội's actual figures).
const hanoi = {
  id: "HN-13-2021",
  basedOn: "ND07-2021",
  province: "TP Hà Nội",
  citation: hanoiCitation,
  reviewYears: { from: 2022, to: 2025 },
  lines: { rural: { poverty: 2_000_000 }, urban: { poverty: 2_500_000, averageCeiling: 3_500_000 } },
};

describe("parseLocalStandard — valid", () => {
  test("extends ND07-2021 with higher lines and its own citation", () => {
    const s = parseLocalStandard(hanoi);
    expect(s.scope).toBe("local");
    expect(s.basedOn).toBe("ND07-2021");
    expect(s.province).toBe("TP Hà Nội");
    expect(s.citation.document).toBe("Quyết định 13/2021/QĐ-UBND (Hà Nội)");
    expect(s.rule).toBe("and");
    // nearPoverty follows poverty under the and rule; averageCeiling inherited where not given
    expect(s.lines.rural).toEqual({ poverty: 2_000_000, nearPoverty: 2_000_000, averageCeiling: 2_250_000 });
    expect(s.lines.urban).toEqual({ poverty: 2_500_000, nearPoverty: 2_500_000, averageCeiling: 3_500_000 });
    expect(s.indicators).toHaveLength(12);
    expect(s.name.vi).toContain("TP Hà Nội");
    expect(StandardSchema.safeParse(s).success).toBe(true);
    expect(Object.isFrozen(s)).toBe(true);
    // the national standard is untouched
    expect(standardForYear(2023).lines.rural.poverty).toBe(1_500_000);
  });

  test("used through standardForYear and the classifier", () => {
    const local = parseLocalStandard(JSON.stringify(hanoi));
    const s = standardForYear(2024, { local });
    expect(s.id).toBe("HN-13-2021");
    expect(incomeLine(s, "rural", "poor")).toBe(2_000_000);
    // 1,800,000 rural with 3 deprivations: poor in Hà Nội, average under the national standard
    const h = { incomePerCapita: 1_800_000, deprivations: 3, area: "rural" as const };
    expect(classifyHousehold(h, s).category).toBe("poor");
    expect(classifyHousehold(h, standardForYear(2024)).category).toBe("average");
    expect(standardForYear(2026, { local }).id).toBe("ND07-2021");
  });

  test("minimal: no lines, years inherited; name and notes given; band rule base keeps nearPoverty", () => {
    const s = parseLocalStandard({
      id: "X.1",
      basedOn: "QD59-2015",
      name: { vi: "Chuẩn X", en: "Standard X" },
      citation: { ...hanoiCitation, effective: null, note: { vi: "ghi chú", en: "note" } },
      lines: { rural: { poverty: 800_000 } },
      notes: [{ vi: "a", en: "b" }],
      uncertain: [{ path: "lines.rural.poverty", note: { vi: "chưa chắc", en: "unsure" } }],
    });
    expect(s.reviewYears).toEqual({ from: 2015, to: 2021 });
    expect(s.lines.rural).toEqual({ poverty: 800_000, nearPoverty: 1_000_000, averageCeiling: 1_500_000 });
    expect(s.name.en).toBe("Standard X");
    expect(s.notes?.at(-1)).toEqual({ vi: "a", en: "b" });
    expect(s.uncertain.at(-1)?.path).toBe("lines.rural.poverty");
    expect(s.province).toBeUndefined();
    expect(s.name).toEqual({ vi: "Chuẩn X", en: "Standard X" });
  });

  test("a 2027+ local standard may add the unknown average ceiling", () => {
    const s = parseLocalStandard({
      id: "L-2027",
      basedOn: "ND351-2025",
      citation: hanoiCitation,
      lines: { urban: { averageCeiling: 4_000_000 } },
    });
    expect(s.lines.urban.averageCeiling).toBe(4_000_000);
    expect(s.lines.rural.averageCeiling).toBeNull();
    expect(s.name.en).toContain("(local)");
  });

  test("a lower deprivation cutoff counts more households as poor; score B's cutoff follows it", () => {
    const s = parseLocalStandard({ ...hanoi, deprivationCutoff: 2 });
    expect(s.deprivationCutoff).toBe(2);
    expect(s.scores.bCutoff).toBe(2 * s.scores.bPerDeprivation);
    expect(standardForYear(2023).deprivationCutoff).toBe(3); // the national standard is untouched
    // Income under Hà Nội's line, 2 deprivations: near-poor with the national cutoff (≥ 3), poor with 2.
    const h = { incomePerCapita: 1_800_000, deprivations: 2, area: "rural" as const };
    expect(classifyHousehold(h, parseLocalStandard(hanoi)).category).toBe("nearPoor");
    expect(classifyHousehold(h, s).category).toBe("poor");
    expect(parseLocalStandard(hanoi).deprivationCutoff).toBe(3); // inherited when not given
  });

  test("the input schema is exported", () => {
    expect(LocalStandardInputSchema.safeParse(hanoi).success).toBe(true);
  });
});

describe("parseLocalStandard — invalid, with readable bilingual errors", () => {
  test("not JSON", () => {
    const e = errorOf(() => parseLocalStandard("{ nope"));
    expect(e.code).toBe("INVALID_STANDARD");
    expect(e.messageVi).toContain("không đọc được JSON");
    expect(e.messageEn).toContain("not valid JSON");
  });

  test("not an object", () => {
    const e = errorOf(() => parseLocalStandard(42));
    expect(e.code).toBe("INVALID_STANDARD");
    expect(e.messageVi).toContain("(gốc/root)");
  });

  test("wrong types, unknown keys, missing citation — each with its path", () => {
    const e = errorOf(() =>
      parseLocalStandard({ id: "HN", basedOn: "ND07-2021", lines: { rural: { poverty: "2000000", povety: 1 } } }),
    );
    expect(e.code).toBe("INVALID_STANDARD");
    expect(e.messageVi).toMatch(/^Chuẩn địa phương "HN" không hợp lệ:/);
    expect(e.messageEn).toMatch(/^Local standard "HN" is not valid:/);
    expect(e.messageEn).toContain("- citation:");
    expect(e.messageEn).toContain("- lines.rural.poverty:");
    expect(e.messageEn).toContain("- lines.rural: Unrecognized key");
    expect(e.messageVi).toContain("Khóa không được nhận dạng");
    const paths = (e.details.issues as { path: string }[]).map((i) => i.path).sort();
    expect(paths).toEqual(["citation", "lines.rural", "lines.rural.poverty"]);
  });

  test("a deprivation cutoff above the national one, or above the number of indicators, is refused with its path", () => {
    const up = errorOf(() => parseLocalStandard({ ...hanoi, deprivationCutoff: 4 }));
    expect(up.messageVi).toContain("- deprivationCutoff: ngưỡng 4 chỉ số thiếu hụt cao hơn mức quốc gia 3");
    expect(up.messageEn).toContain("a province may only set a higher standard");
    const many = errorOf(() => parseLocalStandard({ ...hanoi, deprivationCutoff: 13 }));
    expect((many.details.issues as { path: string; en: string }[]).map((i) => i.en)).toContain(
      "a cutoff of 13 deprivations exceeds the number of indicators (12)",
    );
    expect(errorOf(() => parseLocalStandard({ ...hanoi, deprivationCutoff: 0 })).messageEn).toContain(
      "- deprivationCutoff:",
    );
  });

  test("negative and non-integer lines", () => {
    const e = errorOf(() =>
      parseLocalStandard({ ...hanoi, lines: { rural: { poverty: -5 }, urban: { poverty: 2_500_000.5 } } }),
    );
    expect(e.messageEn).toContain("- lines.rural.poverty:");
    expect(e.messageEn).toContain("- lines.urban.poverty:");
  });

  test("bad date in the citation, array index in the path", () => {
    const e = errorOf(() =>
      parseLocalStandard({ ...hanoi, citation: { ...hanoiCitation, issued: "05/09/2021" }, notes: [{ vi: "a" }] }),
    );
    expect(e.messageEn).toContain("- citation.issued:");
    expect(e.messageEn).toContain("- notes[0].en:");
  });

  test("unknown basedOn lists the national ids", () => {
    const e = errorOf(() => parseLocalStandard({ ...hanoi, basedOn: "ND99" }));
    expect(e.messageVi).toContain('không có chuẩn quốc gia "ND99"');
    expect(e.messageEn).toContain("QD59-2015, ND07-2021, ND351-2025");
  });

  test("id equal to a national id", () => {
    const e = errorOf(() => parseLocalStandard({ ...hanoi, id: "ND07-2021" }));
    expect(e.messageEn).toContain("- id:");
  });

  test("lines below the national ones are refused (a province may only raise them)", () => {
    const e = errorOf(() => parseLocalStandard({ ...hanoi, lines: { rural: { poverty: 1_400_000 } } }));
    expect(e.code).toBe("INVALID_STANDARD");
    expect(e.messageVi).toContain("lines.rural.poverty: 1.400.000 thấp hơn mức quốc gia 1.500.000");
    expect(e.messageEn).toContain("a province may only set a higher standard");
    expect((e.details.issues as unknown[]).length).toBe(1);
  });

  test("and rule: nearPoverty different from poverty is refused", () => {
    const e = errorOf(() =>
      parseLocalStandard({ ...hanoi, lines: { rural: { poverty: 2_000_000, nearPoverty: 2_100_000 } } }),
    );
    expect(e.messageEn).toContain("lines.rural.nearPoverty");
  });

  test("band rule: nearPoverty below poverty; ceiling below the line", () => {
    const e = errorOf(() =>
      parseLocalStandard({
        id: "B",
        basedOn: "QD59-2015",
        citation: hanoiCitation,
        lines: { urban: { poverty: 1_400_000 }, rural: { averageCeiling: 1_200_000, nearPoverty: 1_300_000 } },
      }),
    );
    const paths = (e.details.issues as { path: string }[]).map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(["lines.urban.nearPoverty", "lines.rural.averageCeiling"]));
  });

  test("review years outside the national standard's", () => {
    const e = errorOf(() => parseLocalStandard({ ...hanoi, reviewYears: { from: 2021, to: 2026 } }));
    expect(e.messageEn).toContain("- reviewYears: years 2021–2026 are outside ND07-2021's 2022–2026");
  });
});
