/**
 * Issue 12 defect 9: labels that said the wrong thing.
 * - the net fall of poor households in target tables is "Số hộ nghèo giảm" (Form 2's "thoát nghèo" is another column);
 * - Alkire–Foster's H is not the official "tỷ lệ nghèo đa chiều" (poor + near-poor);
 * - Decision 59/2015's dimension is "Nước sạch và vệ sinh";
 * - 1,000,000 đ (rural, 2016–2021) is the near-poverty line (test/core/classify/average.test.ts), and the uncertain
 *   2016–2020 average ceilings carry a note (same file).
 */
import { buildAfTables, buildTargetTables, type ResultTable } from "../../../src/core/tables";
import { standardForYear } from "../../../src/core/standards";
import { sampleRoster, standard, UNITS } from "./fixtures";

const headerTexts = (t: ResultTable) => t.headerRows.flat().map((h) => h.text.vi);

test("target tables: 'Số hộ nghèo giảm', never 'Số hộ thoát nghèo'", () => {
  const tables = buildTargetTables({
    units: UNITS,
    reduction: 0.015,
    method: "proportional",
    baseYear: 2025,
    years: 3,
  });
  const all = tables.flatMap((t) => [
    ...headerTexts(t),
    ...t.title.map((x) => x.vi),
    ...t.columns.map((c) => c.header.vi),
  ]);
  expect(all.some((x) => /thoát nghèo/.test(x))).toBe(false);
  expect(headerTexts(tables[0])).toContain("Số hộ nghèo giảm");
  expect(tables[0].title[1].vi).toMatch(/= giảm \d+ hộ nghèo$/);
  expect(tables[0].headerRows.flat().map((h) => h.text.en)).toContain("Fall in poor households");
});

test("Alkire–Foster tables: H is the share deprived in ≥ k, not 'tỷ lệ nghèo'", () => {
  const { households, categories } = sampleRoster();
  const [units] = buildAfTables({ households, categories, standard, reviewYear: 2026 });
  const texts = headerTexts(units);
  expect(texts).toContain("Tỷ lệ hộ thiếu hụt đa chiều H = q/n");
  expect(texts.some((x) => /^Tỷ lệ nghèo\b/.test(x))).toBe(false);
  expect(texts.some((x) => /hộ nghèo đa chiều/.test(x))).toBe(false);
});

test("Decision 59/2015's dimension is 'Nước sạch và vệ sinh'; Decree 07/2021's 'Nước sinh hoạt và vệ sinh'", () => {
  expect(standardForYear(2019).services.find((s) => s.id === "water_sanitation")?.name.vi).toBe("Nước sạch và vệ sinh");
  expect(standardForYear(2024).services.find((s) => s.id === "water_sanitation")?.name.vi).toBe(
    "Nước sinh hoạt và vệ sinh",
  );
});
