/** Every report table says which review year it used, why, and the year's legal basis (issue 12). */
import { buildReportTables } from "../../../src/core/tables";
import { legalBasis, resolveReviewYear } from "../../../src/core/standards";
import { sampleRoster } from "./fixtures";

test("reviewYearReason adds one note per table: year, why, legal basis", () => {
  const { households, categories } = sampleRoster();
  const r = resolveReviewYear({ sheet: { year: 2026, form: "yearWord", text: "NĂM 2026", sheet: "DS" } });
  const tables = buildReportTables(households, r.standard, {
    reviewYear: r.year,
    categories,
    reviewYearReason: r.reason,
  });
  expect(tables.length).toBeGreaterThan(3);
  for (const t of tables) {
    const note = t.notes[t.notes.length - 1];
    expect(note.vi).toBe(
      `Năm rà soát 2026: năm rà soát 2026 đọc từ tiêu đề trang "DS": “NĂM 2026”. Căn cứ: ${legalBasis(2026).vi}`,
    );
    expect(note.vi).toContain("năm chuyển tiếp theo Nghị định 351/2025/NĐ-CP");
    expect(note.en).toMatch(/^Review year 2026: review year 2026 read from the title of sheet "DS"/);
  }
  const plain = buildReportTables(households, r.standard, { reviewYear: r.year, categories });
  expect(plain[0].notes.some((n) => n.vi.startsWith("Năm rà soát 2026:"))).toBe(false);
});
