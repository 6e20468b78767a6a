/**
 * The targets workflow reads units and plan indicators with the same core rules as the CLI and the validator:
 * `allocationUnits` (located errors instead of silently skipped rows) and `planDirection`
 * ("Giảm tỷ lệ hộ nghèo 1,5 %" is an amount of reduction, "… xuống còn 5" a level to reach).
 */
import { FakeWorkbook } from "../support/fake-excel";
import { fakeHost } from "../support/fake-host";
import { readPlan, readUnits } from "../../src/taskpane/workflows/targets/TargetsWorkflow";
import { unitsSheetRows } from "../support/roster-fixture";

const signal = new AbortController().signal;

describe("targets workflow reading", () => {
  it("reads plan directions with the validator's rule", async () => {
    const wb = new FakeWorkbook({
      sheets: [
        {
          name: "Kế hoạch",
          rows: [
            ["THEO DÕI CHỈ TIÊU KẾ HOẠCH NĂM 2026"],
            [],
            ["TT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch", "Thực hiện"],
            [1, "Số lao động được tạo việc làm", "người", 500, 520],
            [2, "Giảm tỷ lệ hộ nghèo", "điểm %", 1.5, 1.7],
            [3, "Giảm số hộ tái nghèo xuống còn", "hộ", 5, 3],
          ],
        },
      ],
    });
    const items = await readPlan(fakeHost(wb), "Kế hoạch", signal);
    expect(items.map((i) => i.direction)).toEqual(["increase", "increase", "reduce"]);
  });

  it("reads units like `poverty targets` and reports an unreadable count with its cell", async () => {
    const good = new FakeWorkbook({ sheets: [{ name: "Đơn vị", rows: unitsSheetRows() }] });
    const { units, blocking } = await readUnits(fakeHost(good), "Đơn vị", signal, () => undefined, "vi");
    expect(blocking).toEqual([]);
    expect(units.map((u) => [u.name, u.households, u.poor])).toEqual([
      ["Xã Hoà Bình", 1200, 96],
      ["Phường Trung Tâm", 2400, 48],
      ["Xã Sơn Cao", 800, 160],
    ]);

    const rows = unitsSheetRows();
    const header = rows.findIndex((r) => r.some((c) => typeof c === "string" && /số hộ nghèo/i.test(c)));
    const poorCol = rows[header].findIndex((c) => typeof c === "string" && /số hộ nghèo/i.test(c));
    rows[header + 1][poorCol] = "";
    const bad = new FakeWorkbook({ sheets: [{ name: "Đơn vị", rows }] });
    const read = await readUnits(fakeHost(bad), "Đơn vị", signal, () => undefined, "vi");
    expect(read.reason).toBe("table");
    // The first unit's "Số hộ nghèo" (D4) is blank: one located error, no other.
    expect(read.blocking.map((f) => [f.code, f.severity, f.cell])).toEqual([["VALUE_MISSING", "error", "D4"]]);
  });

  it("refuses a unit table whose poverty rate contradicts its counts, like `poverty targets` (core targetUnits)", async () => {
    const rows = unitsSheetRows();
    const header = rows.findIndex((r) => r.includes("Tỷ lệ hộ nghèo"));
    const rateCol = rows[header].indexOf("Tỷ lệ hộ nghèo");
    rows[header + 1][rateCol] = 0.5; // 96 / 1200 = 8 %
    const wb = new FakeWorkbook({ sheets: [{ name: "Đơn vị", rows }] });
    const read = await readUnits(fakeHost(wb), "Đơn vị", signal, () => undefined, "vi");
    expect(read.reason).toBe("table");
    expect(read.blocking.map((f) => f.cell)).toContain(`E${header + 2}`);
    // The weighted method needs a weight column the table does not have.
    const clean = new FakeWorkbook({ sheets: [{ name: "Đơn vị", rows: unitsSheetRows() }] });
    const weighted = await readUnits(fakeHost(clean), "Đơn vị", signal, () => undefined, "vi", { method: "weighted" });
    expect(weighted.blocking.map((f) => `${f.messageVi} ${f.messageEn}`).join(" ")).toMatch(/Trọng số|weight/i);
  });

  it("says a reduction beyond the poor households with the poor count (core targetFeasibility), at the total row", async () => {
    // 6 + 4 = 10 poor of 600 + 400 = 1000 households (1 %): a fall of 5 pp would need 50 households out of poverty.
    const rows = [
      ["TỔNG HỢP KẾT QUẢ RÀ SOÁT NĂM 2025"],
      [],
      ["TT", "Đơn vị", "Tổng số hộ", "Số hộ nghèo"],
      [1, "Xã A", 600, 6],
      [2, "Xã B", 400, 4],
      ["", "Tổng cộng", 1000, 10],
    ];
    const wb = new FakeWorkbook({ sheets: [{ name: "Đơn vị", rows }] });
    const read = await readUnits(fakeHost(wb), "Đơn vị", signal, () => undefined, "vi", {
      method: "proportional",
      reduction: 0.05,
    });
    expect(read.reason).toBe("impossible");
    expect(read.blocking.map((f) => [f.code, f.severity, f.sheet, f.cell])).toEqual([
      ["TARGET_IMPOSSIBLE", "error", "Đơn vị", "D6"],
    ]);
    expect(read.blocking[0].messageVi).toContain("chỉ có 10 hộ nghèo trên 1.000 hộ");
    expect(read.blocking[0].messageEn).toContain("only 10 poor households of 1,000");
    // 1 pp (= the start rate) is possible: nothing blocks.
    const ok = await readUnits(fakeHost(wb), "Đơn vị", signal, () => undefined, "vi", {
      method: "proportional",
      reduction: 0.01,
    });
    expect(ok.blocking).toEqual([]);
  });
});
