/** @jest-environment jsdom */
import { fireEvent, screen } from "@testing-library/react";
import TargetsWorkflow from "../../src/taskpane/workflows/targets/TargetsWorkflow";
import ReportsWorkflow from "../../src/taskpane/workflows/reports/ReportsWorkflow";
import TemplatesWorkflow from "../../src/taskpane/workflows/templates/TemplatesWorkflow";
import SettingsWorkflow from "../../src/taskpane/workflows/settings/SettingsWorkflow";
import { FakeWorkbook } from "../support/fake-excel";
import { snapshotSheets } from "../support/fake-host";
import { planSheetRows, rosterSheetRows, unitsSheetRows } from "../support/roster-fixture";
import { SETTINGS_KEY } from "../../src/excel/settings";
import { renderWorkflow } from "./render";

describe("Chỉ tiêu (targets workflow)", () => {
  it("previews the allocation and writes the target table and the plan tracking table", async () => {
    const wb = new FakeWorkbook({
      sheets: [
        { name: "Đơn vị", rows: unitsSheetRows() },
        { name: "Kế hoạch", rows: planSheetRows() },
      ],
    });
    const before = snapshotSheets(wb);
    renderWorkflow(<TargetsWorkflow id="targets" />, wb);
    await screen.findByTestId("targets-units-sheet");
    fireEvent.change(screen.getByTestId("targets-reduction"), { target: { value: "1,5" } });
    fireEvent.click(screen.getByTestId("targets-preview"));
    const table = await screen.findByTestId("targets-preview-table", {}, { timeout: 10000 });
    expect(table.textContent).toContain("Xã Sơn Cao");
    expect(table.textContent).toMatch(/Tổng số hộ cần thoát nghèo: \d+/);
    fireEvent.click(screen.getByTestId("targets-write"));
    expect((await screen.findByTestId("targets-done", {}, { timeout: 10000 })).textContent).toContain("KQ - ");
    fireEvent.click(screen.getByTestId("targets-write-tracking"));
    expect((await screen.findByTestId("targets-tracking-done", {}, { timeout: 10000 })).textContent).toContain("KQ - ");
    expect(wb.sheets.length).toBeGreaterThan(3);
    expect(snapshotSheets(wb, ["Đơn vị", "Kế hoạch"])).toEqual(before);
  });

  it("rejects a reduction that is not a number", async () => {
    const wb = new FakeWorkbook({ sheets: [{ name: "Đơn vị", rows: unitsSheetRows() }] });
    renderWorkflow(<TargetsWorkflow id="targets" />, wb);
    await screen.findByTestId("targets-units-sheet");
    fireEvent.change(screen.getByTestId("targets-reduction"), { target: { value: "abc" } });
    expect(screen.getByText("Nhập mức giảm là một số từ 0 đến 100 điểm %.")).toBeTruthy();
    expect((screen.getByTestId("targets-write") as HTMLButtonElement).disabled).toBe(true);
  });
});

describe("Báo cáo (reports workflow)", () => {
  it("prepares the report set from a roster and writes the selected forms", async () => {
    const wb = new FakeWorkbook({ sheets: [{ name: "Danh sách hộ", rows: rosterSheetRows(12, 2025) }] });
    renderWorkflow(<ReportsWorkflow id="reports" />, wb);
    await screen.findByTestId("reports-sheet");
    fireEvent.click(screen.getByTestId("reports-prepare"));
    await screen.findByTestId("reports-list", {}, { timeout: 10000 });
    const boxes = screen.getAllByRole("checkbox");
    expect(boxes.length).toBeGreaterThan(1);
    fireEvent.click(screen.getByTestId("reports-write"));
    expect((await screen.findByTestId("reports-done", {}, { timeout: 15000 })).textContent).toContain(
      "KQ - Biểu 1 - Kết quả",
    );
  });
});

describe("Mẫu biểu (templates workflow)", () => {
  it("inserts a roster template with validation and protection", async () => {
    const wb = new FakeWorkbook({ sheets: [{ name: "Sheet1", rows: [] }] });
    renderWorkflow(<TemplatesWorkflow id="templates" />, wb);
    fireEvent.click(screen.getByTestId("templates-insert"));
    expect((await screen.findByTestId("templates-done", {}, { timeout: 10000 })).textContent).toContain(
      "KQ - Danh sách hộ",
    );
    const s = wb.sheet("KQ - Danh sách hộ");
    expect(s.protected).toBe(true);
    expect([...s.cells.values()].some((c) => c.validation?.rule)).toBe(true);
  });
});

describe("Cài đặt (settings workflow)", () => {
  it("saves language and default year in the document settings", async () => {
    const wb = new FakeWorkbook({ sheets: [{ name: "A", rows: [[1]] }] });
    renderWorkflow(<SettingsWorkflow id="settings" />, wb);
    fireEvent.click(screen.getByTestId("settings-lang-en"));
    fireEvent.click(screen.getByTestId("settings-year"));
    fireEvent.click(await screen.findByRole("option", { name: "2026" }));
    fireEvent.click(screen.getByTestId("settings-save"));
    await screen.findByTestId("settings-done");
    expect(wb.settings.saved[SETTINGS_KEY]).toEqual({ version: 1, lang: "en", reviewYear: 2026 });
    expect(screen.getByTestId("settings-done").textContent).toContain("Saved in the workbook");
  });

  it("refuses to save an invalid local standard and says why", async () => {
    const wb = new FakeWorkbook({ sheets: [{ name: "A", rows: [[1]] }] });
    renderWorkflow(<SettingsWorkflow id="settings" />, wb);
    fireEvent.change(screen.getByTestId("settings-local"), { target: { value: "{ not json" } });
    fireEvent.click(screen.getByTestId("settings-save"));
    await screen.findByTestId("settings-local-error");
    expect(wb.settings.saveCount).toBe(0);
  });
});
