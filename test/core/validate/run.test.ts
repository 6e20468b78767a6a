import { readFileSync } from "fs";
import { join } from "path";
import { ND07_2021, QD59_2015 } from "../../../src/core/standards";
import {
  RULES,
  exampleMessage,
  fmt,
  rulesMarkdown,
  titleYear,
  validateSheet,
  validateWorkbooks,
} from "../../../src/core/validate";
import { readSheet } from "../../../src/core/sheet";
import * as F from "../sheet/fixtures";

describe("validateWorkbooks", () => {
  const bad = F.rosterSheet({
    unit: "Xã Mới",
    households: F.CLEAN_HOUSEHOLDS.map((h, i) => (i === 0 ? { ...h, income: 2_400_000 } : h)),
  });

  test("without a year, the title's year (NĂM 2024) selects the standard", () => {
    const r = validateWorkbooks([{ file: "a.xlsx", grids: [F.toGrid(bad)] }]);
    expect(r.standardId).toBe("ND07-2021");
    expect(r.files[0].findings.some((f) => f.code === "HH_CATEGORY_MISMATCH")).toBe(true);
  });
  test("without any year, household rules that need a standard are skipped", () => {
    const noTitle = { ...bad, rows: bad.rows.map((r, i) => (i === 0 ? ["DANH SÁCH HỘ"] : r)) };
    const r = validateWorkbooks([{ file: "a.xlsx", grids: [F.toGrid(noTitle)] }]);
    expect(r.standardId).toBeUndefined();
    expect(r.files[0].findings.some((f) => f.code === "HH_CATEGORY_MISMATCH")).toBe(false);
  });
  test("an explicit standard (e.g. a provincial one) wins over the year", () => {
    const r = validateWorkbooks([{ file: "a.xlsx", grids: [F.toGrid(bad)] }], { year: 2024, standard: QD59_2015 });
    expect(r.standardId).toBe("QD59-2015");
  });
  test("an unknown year is a typed error", () => {
    expect(() => validateWorkbooks([], { year: 1999 })).toThrow(expect.objectContaining({ code: "UNKNOWN_YEAR" }));
  });
  test("per-sheet options override detection (kind and mapping)", () => {
    const spec = {
      name: "Lạ",
      rows: [
        ["Số hiệu", "Nhóm"],
        ["H1", "Hộ nghèo"],
        ["H1", "Hộ nghèo"],
      ],
    };
    const plain = validateWorkbooks([{ file: "a.xlsx", grids: [F.toGrid(spec)] }], { year: 2024 });
    expect(plain.sheets[0].kind).toBe("unknown");
    const mapped = validateWorkbooks([{ file: "a.xlsx", grids: [F.toGrid(spec)] }], {
      year: 2024,
      sheets: { Lạ: { kind: "roster", mapping: { id: "A", category: "B" } } },
    });
    expect(mapped.sheets[0].kind).toBe("roster");
    expect(mapped.files[0].findings.map((f) => f.code)).toContain("HH_DUPLICATE_ID");
  });
  test("summary counts errors, warnings and infos of all files", () => {
    const r = validateWorkbooks(
      [
        { file: "a.xlsx", grids: [F.toGrid(bad)] },
        { file: "b.xlsx", grids: [F.toGrid(F.summarySheet())] },
      ],
      { year: 2024 },
    );
    const all = r.files.flatMap((f) => f.findings);
    expect(r.summary.errors + r.summary.warnings + r.summary.infos).toBe(all.length);
    expect(r.files.map((f) => f.file)).toEqual(["a.xlsx", "b.xlsx"]);
  });
  test("validateSheet runs the per-sheet rules on a read sheet", () => {
    const read = readSheet(F.toGrid(bad), { standard: ND07_2021 });
    expect(validateSheet(read, ND07_2021).map((f) => f.code)).toContain("HH_CATEGORY_MISMATCH");
    expect(validateSheet(read).map((f) => f.code)).not.toContain("HH_CATEGORY_MISMATCH");
  });
  test("titleYear reads the first rows only", () => {
    expect(titleYear(F.toGrid(F.rosterSheet({ year: 2023 })))).toBe(2023);
    expect(titleYear(F.toGrid({ name: "x", rows: [["a"], ["b"]] }))).toBeUndefined();
  });
});

describe("catalogue", () => {
  test("codes are unique, upper snake case, with complete texts in both languages", () => {
    expect(new Set(RULES.map((r) => r.code)).size).toBe(RULES.length);
    for (const r of RULES) {
      expect(r.code).toMatch(/^[A-Z][A-Z0-9_]+$/);
      for (const t of [
        r.title.vi,
        r.title.en,
        r.description.vi,
        r.description.en,
        exampleMessage(r, "vi"),
        exampleMessage(r, "en"),
      ]) {
        expect(t.length).toBeGreaterThan(3);
        expect(t).not.toMatch(/undefined|NaN|\[object/);
      }
    }
  });
  test("documented examples format numbers per language: years as years, percentages the English way in English", () => {
    const wrong: string[] = [];
    for (const r of RULES) {
      for (const [k, v] of Object.entries(r.example))
        if (/^year/.test(k))
          for (const lang of ["vi", "en"] as const)
            if (!/^\d{4}$/.test(fmt(v, lang))) wrong.push(`${r.code}.${k} (${lang}): ${fmt(v, lang)}`);
      // "8,12 %" is Vietnamese; the English message says "8.12%"
      const en = exampleMessage(r, "en");
      if (/\d,\d+ ?%/.test(en)) wrong.push(`${r.code} (en): ${en}`);
      const vi = exampleMessage(r, "vi");
      if (/\d\.\d+ ?%/.test(vi)) wrong.push(`${r.code} (vi): ${vi}`);
    }
    expect(wrong).toEqual([]);
  });
  test("PLAN_STATUS_* say which kind of indicator with the right article in English", () => {
    for (const code of ["PLAN_STATUS_MISMATCH", "PLAN_STATUS_DEGREE"]) {
      const en = exampleMessage(
        RULES.find((r) => r.code === code)!,
        "en",
      );
      expect(en).toContain("for an increase-to indicator");
      expect(en).not.toMatch(/\ba increase/);
    }
  });
  test("numbers are formatted per language", () => {
    expect(fmt(1500000, "vi")).toBe("1.500.000");
    expect(fmt(1500000, "en")).toBe("1,500,000");
    expect(fmt(0.5, "vi")).toBe("0,5");
    expect(fmt({ vi: "có", en: "yes" }, "en")).toBe("yes");
    expect(fmt(undefined, "vi")).toBe("");
  });
  test("docs/validation-rules.md equals the generated catalogue (regenerate: node bin/poverty.js rules --out docs/validation-rules.md)", () => {
    const md = rulesMarkdown();
    expect(readFileSync(join(__dirname, "..", "..", "..", "docs", "validation-rules.md"), "utf8")).toBe(md);
    for (const r of RULES) expect(md).toContain(`### ${r.code}`);
  });
});
