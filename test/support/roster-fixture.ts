/**
 * Fixture workbooks for the task pane tests (jest and browser): a household roster laid out the way
 * wards send it (title rows, then the canonical headers of the roster template), built from the core's
 * deterministic sample population, plus a units table and a plan-indicator table.
 */
import type { FakeValue } from "./fake-excel";
import { generateSampleRosters, SAMPLE_UNITS } from "../../src/core/sample";
import { standardForYear } from "../../src/core/standards";
import { rosterColumns } from "../../src/core/tables/templates";
import { CATEGORY_LABELS } from "../../src/core/household";
import type { Household } from "../../src/core/household";

/** Roster rows (2 title rows, a blank row, header, data) for `perUnit` households of each sample unit. */
export function rosterSheetRows(
  perUnit = 40,
  year = 2025,
  opts: { withCategory?: boolean; trickyName?: boolean } = {},
): FakeValue[][] {
  const standard = standardForYear(year);
  const cols = rosterColumns(standard, "vi");
  const { current } = generateSampleRosters({ seed: 7 });
  const byUnit = new Map<string, Household[]>();
  for (const h of current) byUnit.set(h.unit, [...(byUnit.get(h.unit) ?? []), h]);
  const chosen = [...byUnit.values()].flatMap((hs) => hs.slice(0, perUnit));
  const rows: FakeValue[][] = [
    ["DANH SÁCH HỘ GIA ĐÌNH RÀ SOÁT NĂM " + year],
    ["(Kèm theo báo cáo của UBND)"],
    [],
    cols.map((c) => c.header.vi),
  ];
  chosen.forEach((h, i) => {
    const flags = h.deprivationFlags ?? [];
    rows.push(
      cols.map((c): FakeValue => {
        if (c.key === "id") return h.id;
        if (c.key === "head") return opts.trickyName && i === 0 ? '\'=HYPERLINK("x")' : (h.head ?? "");
        if (c.key === "unit") return h.unit;
        if (c.key === "village") return h.village ?? "";
        if (c.key === "area") return h.area === "urban" ? "Thành thị" : "Nông thôn";
        if (c.key === "members") return h.members ?? null;
        if (c.key === "income") return h.incomePerCapita ?? null;
        if (c.key === "em") return h.ethnicMinority ? 1 : 0;
        if (c.key === "agri") return h.agricultural ? 1 : 0;
        if (c.key.startsWith("dep") && c.key !== "depTotal") return flags[Number(c.key.slice(3))] ?? 0;
        if (c.key === "depTotal") return flags.reduce<number>((a, b) => a + b, 0);
        if (c.key === "category")
          return opts.withCategory && h.declaredCategory ? CATEGORY_LABELS[h.declaredCategory].vi : "";
        return null;
      }),
    );
  });
  return rows;
}

/** A units table (Biểu tổng hợp) for the targets workflow. */
export function unitsSheetRows(): FakeValue[][] {
  const rows: FakeValue[][] = [
    ["TỔNG HỢP KẾT QUẢ RÀ SOÁT NĂM 2025"],
    [],
    ["TT", "Đơn vị", "Tổng số hộ", "Số hộ nghèo", "Tỷ lệ hộ nghèo"],
  ];
  const data = [
    ["Xã Hoà Bình", 1200, 96],
    ["Phường Trung Tâm", 2400, 48],
    ["Xã Sơn Cao", 800, 160],
  ] as const;
  data.forEach(([name, hh, poor], i) => rows.push([i + 1, name, hh, poor, Math.round((poor / hh) * 10000) / 10000]));
  return rows;
}

/** Plan indicators (Chỉ tiêu kế hoạch) for plan tracking. */
export function planSheetRows(): FakeValue[][] {
  return [
    ["THEO DÕI CHỈ TIÊU KẾ HOẠCH NĂM 2026"],
    [],
    ["TT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch", "Thực hiện"],
    [1, "Số lao động được tạo việc làm", "người", 500, 520],
    [2, "Số hộ được vay vốn ưu đãi", "hộ", 300, 240],
    [3, "Số nhà ở được hỗ trợ", "căn", 40, 40],
  ];
}

export { SAMPLE_UNITS };
