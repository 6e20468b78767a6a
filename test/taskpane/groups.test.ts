/** The pane's cards: one per rule, error → warning → info, then more cells first; cells in reading order. */
import { groupFindings } from "../../src/taskpane/workflows/validate/groups";
import type { Finding } from "../../src/core/validate";

const f = (
  code: Finding["code"],
  severity: Finding["severity"],
  sheet: string,
  row: number,
  file?: string,
): Finding => ({
  code,
  severity,
  sheet,
  cell: `A${row}`,
  row,
  column: 1,
  messageVi: `${code} ở A${row}`,
  messageEn: `${code} at A${row}`,
  ...(file ? { file } : {}),
});

describe("groupFindings", () => {
  it("puts every cell of one rule in one group, most serious first, an info never above an error", () => {
    const groups = groupFindings([
      f("RATE_SCALE", "info", "Đơn vị", 3),
      ...[9, 4, 7].map((r) => f("HH_DUPLICATE_ID_ACROSS", "error", "DS", r, "b.xlsx")),
      f("HH_CATEGORY_MISMATCH", "error", "DS", 8),
      f("NOT_CATALOGUED" as Finding["code"], "warning", "DS", 2),
    ]);
    expect(groups.map((g) => [g.code, g.severity, g.findings.length])).toEqual([
      ["HH_DUPLICATE_ID_ACROSS", "error", 3],
      ["HH_CATEGORY_MISMATCH", "error", 1],
      ["NOT_CATALOGUED", "warning", 1],
      ["RATE_SCALE", "info", 1],
    ]);
    expect(groups[0].findings.map((x) => x.row)).toEqual([4, 7, 9]);
    expect(groups[0].places).toEqual(["b.xlsx / DS"]);
    // Titles and descriptions come from the catalogue; an unknown code falls back to its first message.
    expect(groups[1].title.vi).toBe("Phân loại khác kết quả tính");
    expect(groups[1].description?.vi.length).toBeGreaterThan(10);
    expect(groups[2].title).toEqual({ vi: "NOT_CATALOGUED ở A2", en: "NOT_CATALOGUED at A2" });
  });

  it("is empty for no findings", () => {
    expect(groupFindings([])).toEqual([]);
  });
});
