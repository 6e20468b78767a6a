/**
 * The English half of every text names a legal document in English ("Decree 07/2021/NĐ-CP", "Decision
 * 59/2015/QĐ-TTg"), keeping the number as printed; the Vietnamese half keeps "Nghị định …", "Quyết định …".
 */
import {
  citationDocument,
  englishDocumentName,
  FIRST_REVIEW_YEAR,
  LAST_REVIEW_YEAR,
  legalBasis,
  listStandards,
  parseLocalStandard,
  requireIndicators,
  resolveReviewYear,
  describeReviewYear,
  incomeLine,
  scoreThreshold,
  standardForYear,
  type Standard,
} from "../../../src/core/standards";
import { classifyHousehold } from "../../../src/core/classify";
import { isPovertyError } from "../../../src/core/errors";
import { RULES, exampleMessage, reviewYearsHeadline } from "../../../src/core/validate";

/** Vietnamese document types that must not appear in an English text. */
const VIETNAMESE_TYPE = /Nghị định|Quyết định|Thông tư|Nghị quyết/u;

/** The English text of a call that either returns texts or throws a PovertyError. */
function englishOf(f: () => string | string[]): string[] {
  try {
    const r = f();
    return Array.isArray(r) ? r : [r];
  } catch (e) {
    if (isPovertyError(e)) return [e.messageEn];
    throw e;
  }
}

/** Classification texts (reason and notes) in English for a spread of households under one standard. */
function classifyTexts(standard: Standard): string[] {
  const out: string[] = [];
  const incomes = [500_000, 1_000_000, 1_600_000, 2_100_000, 2_600_000, 5_000_000];
  for (const area of ["rural", "urban"] as const)
    for (const incomePerCapita of incomes)
      for (const deprivations of [0, 2, 3, 6])
        for (const agricultural of [true, false, undefined])
          for (const unknownAverage of ["error", "none"] as const)
            out.push(
              ...englishOf(() => {
                const c = classifyHousehold({ incomePerCapita, deprivations, area, agricultural }, standard, {
                  unknownAverage,
                });
                return [c.reason.textEn, ...(c.reason.notes ?? []).map((n) => n.en)];
              }),
            );
  for (const area of ["rural", "urban"] as const)
    for (const scoreA of [60, 140, 200])
      for (const deprivations of [1, 4])
        out.push(
          ...englishOf(() => {
            const c = classifyHousehold({ scoreA, deprivations, area }, standard);
            return [c.reason.textEn, ...(c.reason.notes ?? []).map((n) => n.en)];
          }),
        );
  return out;
}

describe("legal documents in English texts", () => {
  test("no English message, report note or legal basis names a document in Vietnamese (Nghị định, Quyết định, Thông tư)", () => {
    const texts: { where: string; en: string }[] = [];
    for (const r of RULES) {
      texts.push({ where: `${r.code} title`, en: r.title.en });
      texts.push({ where: `${r.code} description`, en: r.description.en });
      texts.push({ where: `${r.code} example`, en: exampleMessage(r, "en") });
    }
    const years: {
      file: string;
      sheet: string;
      year: number;
      standardId: string;
      standardDocument: string;
      standardDocumentEn: string;
      reason: { vi: string; en: string };
    }[] = [];
    for (let year = FIRST_REVIEW_YEAR; year <= LAST_REVIEW_YEAR; year++) {
      const r = resolveReviewYear({ option: year });
      texts.push({ where: `describeReviewYear(${year})`, en: describeReviewYear(r).en });
      texts.push({ where: `legalBasis(${year})`, en: legalBasis(year).en });
      years.push({
        file: "a.xlsx",
        sheet: String(year),
        year,
        standardId: r.standard.id,
        standardDocument: r.standard.citation.document,
        standardDocumentEn: r.standard.citation.documentEn,
        reason: r.reason,
      });
    }
    texts.push({ where: "reviewYearsHeadline(all years)", en: reviewYearsHeadline(years).en });
    texts.push({ where: "reviewYearsHeadline(one year)", en: reviewYearsHeadline(years.slice(3, 4)).en });
    for (const s of listStandards()) {
      const lookups = [
        ...(["rural", "urban"] as const).flatMap((area) =>
          (["poor", "near_poor", "average"] as const).map((kind) => () => String(incomeLine(s, area, kind))),
        ),
        () => String(requireIndicators(s).length),
        () => String(scoreThreshold(s, "rural")),
        () => String(scoreThreshold(s, "urban")),
      ];
      for (const f of lookups) for (const en of englishOf(f)) texts.push({ where: `${s.id} lookup`, en });
      for (const en of classifyTexts(s)) texts.push({ where: `${s.id} classify`, en });
    }
    // a local standard that lowers a national line: the message names the national standard
    const lowered = englishOf(() => {
      parseLocalStandard({
        id: "X-1",
        basedOn: "ND07-2021",
        citation: { vi: "QĐ", en: "Decision", document: "Quyết định 1/2022/QĐ-UBND", issued: "2022-01-01" },
        lines: { rural: { poverty: 1_000_000 } },
        deprivationCutoff: 4,
      });
      return "";
    });
    for (const en of lowered) texts.push({ where: "parseLocalStandard", en });

    expect(texts.filter((t) => VIETNAMESE_TYPE.test(t.en)).map((t) => `${t.where}: ${t.en}`)).toEqual([]);
    // the scan reaches the texts that name a standard's document
    expect(lowered.join("\n")).toContain("Decree 07/2021/NĐ-CP");
    const all = texts.map((t) => t.en).join("\n");
    for (const s of ["Decree 07/2021/NĐ-CP", "Decision 59/2015/QĐ-TTg", "Decree 351/2025/NĐ-CP"])
      expect(all).toContain(s);
  });

  test("the Vietnamese halves keep the Vietnamese names", () => {
    const r = resolveReviewYear({ option: 2019 });
    expect(describeReviewYear(r).vi).toContain("Quyết định 59/2015/QĐ-TTg");
    expect(describeReviewYear(r).en).toContain("Decision 59/2015/QĐ-TTg");
    const rule = RULES.find((x) => x.code === "HH_POOR_FEW_DEPRIVATIONS")!;
    expect(exampleMessage(rule, "vi")).toContain("theo Nghị định 07/2021/NĐ-CP");
    expect(exampleMessage(rule, "en")).toContain("under Decree 07/2021/NĐ-CP");
  });

  test("every national standard has its English short name: the type in English, the number as printed", () => {
    expect(listStandards().map((s) => citationDocument(s.citation))).toEqual([
      { vi: "Quyết định 59/2015/QĐ-TTg", en: "Decision 59/2015/QĐ-TTg" },
      { vi: "Nghị định 07/2021/NĐ-CP", en: "Decree 07/2021/NĐ-CP" },
      { vi: "Nghị định 351/2025/NĐ-CP", en: "Decree 351/2025/NĐ-CP" },
    ]);
    for (const s of listStandards()) expect(s.citation.documentEn).toBe(englishDocumentName(s.citation.document));
    expect(standardForYear(2026).citation.documentEn).toBe("Decree 07/2021/NĐ-CP");
  });
});

describe("englishDocumentName", () => {
  test.each([
    ["Nghị định 07/2021/NĐ-CP", "Decree 07/2021/NĐ-CP"],
    ["Quyết định số 13/2021/QĐ-UBND (Hà Nội)", "Decision 13/2021/QĐ-UBND (Hà Nội)"],
    ["quyết định 59/2015/QĐ-TTg", "Decision 59/2015/QĐ-TTg"],
    ["Thông tư 07/2021/TT-BLĐTBXH", "Circular 07/2021/TT-BLĐTBXH"],
    ["Thông tư liên tịch 01/2020/TTLT-X", "Joint Circular 01/2020/TTLT-X"],
    ["Nghị quyết 12/2022/NQ-HĐND", "Resolution 12/2022/NQ-HĐND"],
    // decomposed Unicode (NFD), as some keyboards type it
    ["Quyết định 5/2023/QĐ-UBND".normalize("NFD"), "Decision 5/2023/QĐ-UBND"],
    ["  13/2021/QĐ-UBND ", "13/2021/QĐ-UBND"],
    ["Luậtx 1", "Luậtx 1"],
  ])("%s → %s", (vi, en) => {
    expect(englishDocumentName(vi)).toBe(en);
  });
});

describe("a local standard's English document name", () => {
  const input = {
    id: "HN-13-2021",
    basedOn: "ND07-2021",
    province: "TP Hà Nội",
    citation: {
      vi: "Quyết định số 13/2021/QĐ-UBND ngày 05/09/2021 của UBND TP Hà Nội",
      en: "Hà Nội People's Committee Decision No. 13/2021/QĐ-UBND of 5 September 2021",
      document: "Quyết định 13/2021/QĐ-UBND",
      issued: "2021-09-05",
    },
    lines: { rural: { poverty: 2_000_000 } },
  };
  test("a file written without documentEn stays valid: the name is derived from document", () => {
    const s = parseLocalStandard(JSON.stringify(input));
    expect(s.citation.documentEn).toBe("Decision 13/2021/QĐ-UBND");
    expect(describeReviewYear(resolveReviewYear({ option: 2023, local: s })).en).toContain(
      "standard Decision 13/2021/QĐ-UBND",
    );
  });
  test("documentEn given in the file is kept as written", () => {
    const s = parseLocalStandard({ ...input, citation: { ...input.citation, documentEn: "Hanoi Decision 13/2021" } });
    expect(s.citation.documentEn).toBe("Hanoi Decision 13/2021");
  });
  test("an empty documentEn is refused with its path", () => {
    expect(() => parseLocalStandard({ ...input, citation: { ...input.citation, documentEn: "" } })).toThrow(
      /citation\.documentEn/,
    );
  });
});
