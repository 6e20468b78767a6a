/**
 * planIndicators: a plan sheet read → the tracking table's indicators, with the direction decided by the same
 * planDirection the plan rules use. The rows follow the shape of a commune's plan-indicator table (TT, Chỉ tiêu,
 * Đơn vị tính, [Loại chỉ tiêu], [Đầu kỳ], Kế hoạch, Thực hiện).
 */
import { planDirection, planIndicators, readSheet } from "../../../src/core/sheet";
import type { CellValue, Grid } from "../../../src/core/grid";

const grid = (header: CellValue[], rows: CellValue[][]): Grid => ({
  sheetName: "Kế hoạch",
  origin: "A1",
  values: [["THEO DÕI CHỈ TIÊU KẾ HOẠCH NĂM 2026"], [], header, ...rows],
});

describe("planIndicators", () => {
  test("indicators with a plan and an actual, in sheet order, directed like the validator", () => {
    const read = readSheet(
      grid(
        ["TT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch", "Thực hiện"],
        [
          [1, "Số lao động được tạo việc làm", "người", 500, 520],
          // An amount of reduction in percentage points: more is better.
          [2, "Giảm tỷ lệ hộ nghèo", "điểm %", 1.5, 1.7],
          // A level to reach downwards.
          [3, "Giảm số hộ tái nghèo xuống còn", "hộ", 5, 3],
          // No actual yet: not tracked.
          [4, "Số hộ được hỗ trợ nhà ở", "hộ", 20, null],
        ],
      ),
      { kind: "plan" },
    );
    const items = planIndicators(read);
    expect(items.map((i) => [i.indicator, i.unitOfMeasure, i.direction, i.plan, i.actual])).toEqual([
      ["Số lao động được tạo việc làm", "người", "increase", 500, 520],
      ["Giảm tỷ lệ hộ nghèo", "điểm %", "increase", 1.5, 1.7],
      ["Giảm số hộ tái nghèo xuống còn", "hộ", "reduce", 5, 3],
    ]);
    for (const [i, it] of items.entries()) {
      const row = read.table!.filter((r) => r.kind === "body")[i];
      expect(it.direction).toBe(
        planDirection(row.texts.indicator ?? "", "", undefined, row.values.planTarget).direction,
      );
      expect("baseline" in it).toBe(false);
    }
  });

  test("a direction column wins over the wording; a baseline above the plan makes 'Giảm …' a level", () => {
    const read = readSheet(
      grid(
        ["TT", "Chỉ tiêu", "Đơn vị tính", "Loại chỉ tiêu", "Đầu kỳ", "Kế hoạch", "Thực hiện"],
        [
          [1, "Tỷ lệ hộ nghèo", "%", "Giảm xuống còn", 0.05, 0.035, 0.034],
          [2, "Giảm số hộ cận nghèo", "hộ", "", 120, 100, 98],
          [3, "Giảm số hộ nghèo", "hộ", "Tăng lên", 10, 15, 16],
        ],
      ),
      { kind: "plan" },
    );
    const items = planIndicators(read);
    expect(items.map((i) => [i.direction, i.baseline])).toEqual([
      ["reduce", 0.05],
      ["reduce", 120],
      ["increase", 10],
    ]);
  });
});
