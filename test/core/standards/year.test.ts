import {
  DEFAULT_CUTOVER_MONTH,
  defaultReviewYear,
  defaultYearReason,
  describeReviewYear,
  FIRST_REVIEW_YEAR,
  LAST_REVIEW_YEAR,
  legalBasis,
  parseLocalStandard,
  resolveReviewYear,
  reviewYearInText,
  standardForYear,
  TITLE_YEAR_FORMS,
  type TitleYearForm,
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

describe("defaultReviewYear: the latest review whose results exist (cut-over month, default February)", () => {
  test("the documented default cut-over is February", () => {
    expect(DEFAULT_CUTOVER_MONTH).toBe(2);
  });

  test.each([
    // today (local time)         → default review year
    [new Date(2026, 11, 4), 2025], // 04/12/2026: the 2026 review is still running; 2025's results are out
    [new Date(2027, 0, 15), 2025], // January 2027: the 2026 results are not yet published
    [new Date(2027, 1, 1), 2026], // from February 2027: the 2026 review (still Decree 07/2021)
    [new Date(2027, 7, 31), 2026], // August 2027: still 2026 — never Decree 351/2025 before its first review
    [new Date(2028, 0, 31), 2026],
    [new Date(2028, 1, 1), 2027],
    [new Date(2023, 2, 15), 2022], // seed 004: a plan of March 2023 uses the end-2022 review
  ])("%s → %i", (today, year) => {
    expect(defaultReviewYear(today)).toBe(year);
  });

  test("the default on 04/12/2026 is 2025 under Decree 07/2021 — not the calendar year", () => {
    const y = defaultReviewYear(new Date(2026, 11, 4));
    expect(y).not.toBe(2026);
    expect(standardForYear(y).id).toBe("ND07-2021");
    // Jan–Aug 2027 stays on Decree 07/2021 (the 2026 review's lists), not Decree 351/2025's 2.2M/2.8M
    for (let m = 0; m < 8; m++) expect(standardForYear(defaultReviewYear(new Date(2027, m, 10))).id).toBe("ND07-2021");
  });

  test("the cut-over month is a setting", () => {
    expect(defaultReviewYear(new Date(2027, 0, 20), { cutoverMonth: 1 })).toBe(2026);
    expect(defaultReviewYear(new Date(2027, 2, 20), { cutoverMonth: 4 })).toBe(2025);
    expect(defaultReviewYear(new Date(2027, 11, 31), { cutoverMonth: 12 })).toBe(2026);
    expect(defaultReviewYear(new Date(2027, 10, 30), { cutoverMonth: 12 })).toBe(2025);
  });

  test("clamped into the supported years", () => {
    expect(defaultReviewYear(new Date(2010, 5, 1))).toBe(FIRST_REVIEW_YEAR);
    expect(defaultReviewYear(new Date(2040, 5, 1))).toBe(LAST_REVIEW_YEAR);
    expect(defaultYearReason(new Date(2040, 5, 1)).vi).toContain("ngoài các năm có chuẩn");
  });

  test("bad dates and months are INVALID_ARGUMENT", () => {
    expect(errorOf(() => defaultReviewYear(new Date("nope"))).code).toBe("INVALID_ARGUMENT");
    expect(errorOf(() => defaultReviewYear("2024" as unknown as Date)).code).toBe("INVALID_ARGUMENT");
    for (const m of [0, 13, 1.5, NaN])
      expect(errorOf(() => defaultReviewYear(new Date(2026, 0, 1), { cutoverMonth: m })).code).toBe("INVALID_ARGUMENT");
  });

  test("the reason says the date, the year and the cut-over", () => {
    const r = defaultYearReason(new Date(2026, 11, 4));
    expect(r.vi).toContain("04/12/2026");
    expect(r.vi).toContain("là 2025");
    expect(r.vi).toContain("từ tháng 2 năm N + 1");
    expect(r.en).toContain("2026-12-04 is 2025");
  });
});

describe("reviewYearInText: every supported title form", () => {
  // The documented forms, each example with the year it must give.
  const expected: Record<string, number> = {
    "Năm rà soát: 2024": 2024,
    "DANH SÁCH HỘ NGHÈO (NĂM RÀ SOÁT 2023)": 2023,
    "Review year 2022": 2022,
    "THEO CHUẨN NGHÈO ĐA CHIỀU GIAI ĐOẠN 2021 - 2025 (KẾT QUẢ RÀ SOÁT NĂM 2023)": 2023,
    "Theo kết quả điều tra, rà soát hộ nghèo cuối năm 2022": 2022,
    "TỔNG HỢP KẾT QUẢ RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO NĂM 2024 GIAI ĐOẠN 2022-2025": 2024,
    "Results of the 2023 review": 2023,
    "DANH SÁCH HỘ NGHÈO NĂM 2019": 2019,
    "Hộ cận nghèo cuối năm 2021 (chuẩn giai đoạn 2016–2020)": 2021,
    "Danh sách hộ 2024 — phường A": 2024,
  };
  for (const f of TITLE_YEAR_FORMS) {
    test.each(f.examples)(`${f.form}: %s`, (title) => {
      expect(title in expected).toBe(true);
      const clue = reviewYearInText(title);
      expect(clue?.year).toBe(expected[title]);
      expect(clue?.form).toBe(f.form);
      expect(title.normalize("NFC")).toContain(clue!.text);
    });
  }

  test.each<[string, number, TitleYearForm]>([
    // issue 12 defect 2: the period comes first, the review year last
    [
      "DANH SÁCH HỘ NGHÈO THEO CHUẨN NGHÈO ĐA CHIỀU GIAI ĐOẠN 2021 - 2025 (KẾT QUẢ RÀ SOÁT NĂM 2023)",
      2023,
      "reviewOfYear",
    ],
    ["Danh sách hộ nghèo giai đoạn 2022–2025, năm 2024", 2024, "yearWord"],
    ["DANH SACH HO NGHEO NAM 2019 (khong dau)", 2019, "yearWord"],
    ["danh sách hộ cận nghèo năm rà soát 2026", 2026, "reviewYear"],
    ["Kế hoạch giảm nghèo năm 2023 theo kết quả rà soát cuối năm 2022", 2022, "reviewOfYear"],
    ["Danh sách hộ nghèo năm 2018 (Quyết định 59/2015/QĐ-TTg)", 2018, "yearWord"],
    ["UBND XÃ A — ngày 17 tháng 12 năm 2021 — DANH SÁCH HỘ NGHÈO NĂM 2021", 2021, "yearWord"],
    ["Hộ nghèo 2020 (lập ngày 15/3/2021)", 2020, "bareYear"],
    ["Tỉnh Quảng Nam 2017 — danh sách hộ", 2017, "bareYear"],
  ])("%s → %i (%s)", (title, year, form) => {
    const clue = reviewYearInText(title);
    expect(clue?.year).toBe(year);
    expect(clue?.form).toBe(form);
  });

  test.each([
    "THEO CHUẨN NGHÈO ĐA CHIỀU GIAI ĐOẠN 2021 - 2025",
    "giai đoạn 2022–2025",
    "2021-2025",
    "từ năm 2021 đến năm 2025",
    "Nghị định 07/2021/NĐ-CP",
    "Đam Rông, ngày 17 tháng 12 năm 2021",
    "lập ngày 15/03/2023",
    "giảm nghèo bền vững đến năm 2030",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "",
    "Danh sách hộ",
  ])("no review year in %p", (title) => {
    expect(reviewYearInText(title)).toBeUndefined();
  });

  test("the quote is the words that named the year, as written", () => {
    expect(reviewYearInText("DS HỘ NGHÈO GIAI ĐOẠN 2021 - 2025 (KẾT QUẢ RÀ SOÁT NĂM 2023)")?.text).toBe(
      "KẾT QUẢ RÀ SOÁT NĂM 2023",
    );
    expect(reviewYearInText("Danh sách hộ nghèo năm 2019")?.text).toBe("năm 2019");
  });

  test("non-text input gives undefined", () => {
    expect(reviewYearInText(2023 as unknown as string)).toBeUndefined();
  });
});

describe("resolveReviewYear: option > sheet > workbook > default", () => {
  const today = new Date(2026, 11, 4);
  const sheet = { year: 2019, form: "yearWord" as const, text: "NĂM 2019", sheet: "DS hộ" };
  const workbook = { year: 2023, form: "reviewOfYear" as const, text: "KẾT QUẢ RÀ SOÁT NĂM 2023", sheet: "Bìa" };

  test("the option wins and the reason names what it overrode", () => {
    const r = resolveReviewYear({ option: 2024, sheet, workbook, today, optionName: { vi: "--year", en: "--year" } });
    expect(r).toMatchObject({ year: 2024, source: "option" });
    expect(r.standard.id).toBe("ND07-2021");
    expect(r.reason.vi).toContain("do người dùng chọn (--year)");
    expect(r.reason.vi).toContain('trang "DS hộ"');
    expect(r.reason.vi).toContain("năm 2019");
    expect(r.overridden.map((o) => o.source)).toEqual(["sheet", "workbook"]);
  });

  test("the sheet's year beats the workbook's and the default", () => {
    const r = resolveReviewYear({ sheet, workbook, today });
    expect(r).toMatchObject({ year: 2019, source: "sheet", clue: sheet });
    expect(r.standard.id).toBe("QD59-2015");
    expect(r.reason.vi).toBe(
      'năm rà soát 2019 đọc từ tiêu đề trang "DS hộ": “NĂM 2019”; tiêu đề trang "Bìa": “KẾT QUẢ RÀ SOÁT NĂM 2023” ghi năm 2023 nhưng không được dùng',
    );
  });

  test("the workbook's year when the sheet names none", () => {
    const r = resolveReviewYear({ workbook, today });
    expect(r).toMatchObject({ year: 2023, source: "workbook" });
    expect(r.reason.en).toContain("the sheet's own title names no year");
  });

  test("the default last, with its reason", () => {
    const r = resolveReviewYear({ today });
    expect(r).toMatchObject({ year: 2025, source: "default", overridden: [] });
    expect(r.reason.vi).toContain("mặc định");
    expect(describeReviewYear(r).vi).toMatch(/^Năm rà soát 2025 · chuẩn Nghị định 07\/2021\/NĐ-CP · mặc định/);
    expect(describeReviewYear(r).en).toMatch(/^Review year 2025 · standard Nghị định 07\/2021\/NĐ-CP · default/);
  });

  test("same year from several sources: nothing overridden", () => {
    expect(resolveReviewYear({ option: 2019, sheet, today }).overridden).toEqual([]);
  });

  test("2015 resolves to Decision 59/2015", () => {
    expect(resolveReviewYear({ option: 2015 }).standard.id).toBe("QD59-2015");
  });

  test("a year outside 2015–2030 is UNKNOWN_YEAR saying where it came from", () => {
    const e = errorOf(() => resolveReviewYear({ sheet: { ...sheet, year: 2014 }, today }));
    expect(e.code).toBe("UNKNOWN_YEAR");
    expect(e.messageVi).toContain('trang "DS hộ"');
    expect(e.messageVi).toContain("2015–2030");
    expect(e.details).toMatchObject({ year: 2014, source: "sheet", sheet: "DS hộ" });
    expect(errorOf(() => resolveReviewYear({ option: 2031 })).code).toBe("UNKNOWN_YEAR");
    expect(errorOf(() => resolveReviewYear({ option: 2022.5 })).code).toBe("UNKNOWN_YEAR");
  });

  test.each([NaN, Infinity, -Infinity, 2022.5])(
    "a year that is not a whole number (%s) says so, in both languages, without NaN/Infinity",
    (y) => {
      for (const e of [errorOf(() => resolveReviewYear({ option: y })), errorOf(() => standardForYear(y))]) {
        expect(e.code).toBe("UNKNOWN_YEAR");
        for (const m of [e.messageVi, e.messageEn]) expect(m).not.toMatch(/NaN|Infinity|2022\.5/);
        expect(e.messageVi).toContain("không phải là một năm");
        expect(e.messageEn).toContain("is not a year");
        expect(e.messageVi).toContain("2015–2030");
      }
    },
  );

  test("no source and no today is MISSING_VALUE (the core never reads the clock)", () => {
    expect(errorOf(() => resolveReviewYear({})).code).toBe("MISSING_VALUE");
  });

  test("a local standard applies inside its years", () => {
    const local = parseLocalStandard({
      id: "HN-2022",
      basedOn: "ND07-2021",
      province: "TP Hà Nội",
      citation: {
        vi: "Quyết định 13/2021/QĐ-UBND của UBND TP Hà Nội",
        en: "Hà Nội People's Committee Decision 13/2021/QĐ-UBND",
        document: "Quyết định 13/2021/QĐ-UBND",
        issued: "2021-09-05",
      },
      reviewYears: { from: 2022, to: 2025 },
      lines: { rural: { poverty: 2_000_000 }, urban: { poverty: 2_800_000 } },
    });
    expect(resolveReviewYear({ option: 2023, local }).standard.id).toBe("HN-2022");
    expect(resolveReviewYear({ option: 2026, local }).standard.id).toBe("ND07-2021");
    const basis = legalBasis(2023, { local });
    expect(basis.vi).toMatch(/^Chuẩn nghèo địa phương \(TP Hà Nội\): Quyết định 13\/2021/);
    expect(basis.vi).toContain("Nghị định 07/2021/NĐ-CP (Điều 3)");
  });
});

describe("legalBasis: the legal basis of each review year, from the standards data", () => {
  test.each([
    [2015, "Quyết định 59/2015/QĐ-TTg", "1095/QĐ-LĐTBXH"],
    [2016, "Quyết định 59/2015/QĐ-TTg", "2016–2020"],
    [2021, "Quyết định 59/2015/QĐ-TTg", "Điều 2 Nghị định 07/2021/NĐ-CP"],
    [2022, "Nghị định 07/2021/NĐ-CP", "2022–2025"],
    [2026, "Nghị định 07/2021/NĐ-CP", "năm chuyển tiếp theo Nghị định 351/2025/NĐ-CP"],
    [2027, "Nghị định 351/2025/NĐ-CP", "từ năm rà soát 2027"],
  ])("%i: %s … %s", (year, doc, detail) => {
    const b = legalBasis(year);
    expect(b.vi).toContain(doc);
    expect(b.vi).toContain(detail);
    expect(b.en.length).toBeGreaterThan(20);
  });

  test("every supported year has exactly one basis in its standard's data", () => {
    for (let y = FIRST_REVIEW_YEAR; y <= LAST_REVIEW_YEAR; y++) {
      const s = standardForYear(y);
      expect(s.yearBasis?.filter((b) => y >= b.from && y <= b.to)).toHaveLength(1);
    }
  });

  test("outside the supported years: UNKNOWN_YEAR", () => {
    expect(errorOf(() => legalBasis(2014)).code).toBe("UNKNOWN_YEAR");
  });
});
