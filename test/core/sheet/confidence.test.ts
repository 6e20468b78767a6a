/**
 * Header confidence (src/core/sheet/confidence.ts): the product's own canonical headers and their common
 * variants are certain (1); only partial or ambiguous headers fall below the task pane's review threshold (0.9);
 * vague headers stay unmapped.
 */
import type { CellValue, Grid } from "../../../src/core/grid";
import { pick, type Lang } from "../../../src/core/i18n";
import { detect } from "../../../src/core/sheet";
import { headerConfidence } from "../../../src/core/sheet/confidence";
import { INDICATOR_PHRASES, depField } from "../../../src/core/sheet/fields";
import { requireIndicators, standardForYear } from "../../../src/core/standards";
import { rosterColumns } from "../../../src/core/tables/templates";
import * as F from "./fixtures";

/** The pane shows a column as "needs review" below this (src/taskpane/workflows/common/sheets.tsx). */
const REVIEW = 0.9;

const grid = (header: CellValue[], row: CellValue[]): Grid => ({
  sheetName: "DS",
  origin: "A1",
  values: [header, row],
});

/** The field a roster template column must map to. */
function expectedField(key: string, indicatorId: string | undefined): string {
  if (indicatorId !== undefined) {
    const entry = INDICATOR_PHRASES.find((p) => p.ids.includes(indicatorId));
    if (!entry) throw new Error(`no phrases for indicator ${indicatorId}`);
    return depField(entry.ids[0]);
  }
  const byKey: Record<string, string> = {
    id: "id",
    head: "head",
    unit: "unit",
    village: "village",
    area: "area",
    members: "members",
    income: "income",
    em: "ethnicMinority",
    agri: "agricultural",
    depTotal: "depTotal",
    category: "category",
    tg_socialProtection: "tg.socialProtection",
    tg_noLabour: "tg.noLabour",
    tg_meritorious: "tg.meritorious",
  };
  if (!(key in byKey)) throw new Error(`unexpected roster column ${key}`);
  return byKey[key];
}

describe("the product's roster headers (rosterColumns) map with confidence 1", () => {
  const cases: [number, Lang][] = [2022, 2023, 2024, 2025, 2026].flatMap((y) => [
    [y, "vi"],
    [y, "en"],
  ]);
  test.each(cases)("%i %s", (year, lang) => {
    const standard = standardForYear(year);
    const indicators = requireIndicators(standard);
    const cols = rosterColumns(standard, lang);
    const headers = cols.map((c) => pick(c.header, lang));
    const d = detect(
      grid(
        headers,
        headers.map((_, i) => (i === 0 ? "H-001" : null)),
      ),
    );
    expect(d.kind).toBe("roster");
    const got = cols.map((c, i) => {
      const m = d.mapping.columns.find((x) => x.col === i);
      return { header: headers[i], field: m?.field, confidence: m?.confidence };
    });
    const want = cols.map((c, i) => ({
      header: headers[i],
      field: expectedField(c.key, /^dep\d+$/.test(c.key) ? indicators[Number(c.key.slice(3))].id : undefined),
      confidence: 1,
    }));
    expect(got).toEqual(want);
    expect(d.mapping.unmapped).toEqual([]);
    expect(d.findings.filter((f) => f.code.startsWith("STRUCT_"))).toEqual([]);
  });
});

describe("common variants are certain; unit hints in parentheses do not count", () => {
  test.each([
    ["income", "Thu nhập BQ (đồng/người/tháng)"],
    ["income", "Thu nhập bình quân đầu người/tháng (đồng)"],
    ["income", "Monthly income per capita (VND)"],
    ["income", "Thu nhập"],
    ["members", "Số nhân khẩu (người)"],
    ["members", "Số nhân khẩu trong hộ"],
    ["ethnicMinority", "Dân tộc thiểu số (có/không)"],
    ["ethnicMinority", "DTTS"],
    ["area", "Khu vực"],
    ["village", "Thôn/Tổ dân phố"],
    ["category", "Phân loại hộ (nghèo/cận nghèo/không)"],
  ])("%s ← %s", (field, header) => {
    const d = detect(grid(["Mã hộ", "Họ tên chủ hộ", header], ["H1", "A", null]));
    expect(d.kind).toBe("roster");
    const m = d.mapping.columns.find((c) => c.col === 2);
    expect(m?.field).toBe(field);
    expect(m?.confidence).toBe(1);
  });

  test("the clean fixture forms (roster, summary, transitions, deprivations, targets; two-row headers) are all 1", () => {
    const specs = [
      F.rosterSheet(),
      F.summarySheet(),
      F.transitionSheet("poor", F.CLEAN_FORM2),
      F.deprivationSheet(F.CLEAN_FORM4),
      F.targetSheet(F.CLEAN_TARGETS),
    ];
    for (const s of specs) {
      const d = detect(F.toGrid(s));
      expect(d.mapping.columns.length).toBeGreaterThan(3);
      expect(d.mapping.columns.filter((c) => c.confidence !== 1).map((c) => `${s.name}: ${c.header}`)).toEqual([]);
    }
  });
});

describe("partial and vague headers stay below the review threshold or unmapped", () => {
  test.each([
    "Thu nhập năm", // annual, not monthly per capita
    "Thu nhập từ lương", // one source of income
    "Tổng thu nhập của hộ", // household total, not per capita
    "Annual income",
  ])("income ← %s is mapped but needs review", (header) => {
    const d = detect(grid(["Mã hộ", "Phân loại hộ", header], ["H1", "Hộ nghèo", 1]));
    const m = d.mapping.columns.find((c) => c.col === 2);
    expect(m?.field).toBe("income");
    expect(m!.confidence).toBeGreaterThan(0);
    expect(m!.confidence).toBeLessThan(REVIEW);
  });

  test.each(["Ghi chú", "Số", "Notes", "Số điện thoại"])("%s is not mapped (nor certain)", (header) => {
    const d = detect(grid(["Mã hộ", "Phân loại hộ", header], ["H1", "Hộ nghèo", 1]));
    const m = d.mapping.columns.find((c) => c.col === 2);
    if (m) expect(m.confidence).toBeLessThan(REVIEW);
    else expect(d.mapping.unmapped.map((u) => u.header)).toContain(header);
  });

  test("a single cell holding a group and an indicator is ambiguous, not certain", () => {
    const d = detect(grid(["Mã hộ", "Phân loại hộ", "Chỉ số thiếu hụt / Việc làm"], ["H1", "Hộ nghèo", 1]));
    const m = d.mapping.columns.find((c) => c.col === 2);
    expect(m && m.confidence).toBeLessThan(REVIEW);
  });

  test("headerConfidence: undefined when the field's phrases are absent; words in parentheses are neutral", () => {
    expect(headerConfidence("Ghi chú", "income")).toBeUndefined();
    expect(headerConfidence("Thu nhập (ghi rõ nguồn, năm)", "income")).toBe(1);
    expect(headerConfidence("Thu nhập năm (đồng)", "income")).toBeCloseTo(7 / 10, 5);
    expect(headerConfidence("Số hộ nghèo đầu kỳ", "start", "transition")).toBe(1);
    expect(headerConfidence("Số hộ nghèo đầu kỳ", "start")).toBeLessThan(REVIEW);
  });
});
