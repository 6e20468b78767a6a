/** @jest-environment jsdom */
import { fireEvent, screen, waitFor } from "@testing-library/react";
import ClassifyWorkflow from "../../src/taskpane/workflows/classify/ClassifyWorkflow";
import { FakeWorkbook } from "../support/fake-excel";
import { snapshotSheets } from "../support/fake-host";
import { rosterSheetRows } from "../support/roster-fixture";
import { renderWorkflow } from "./render";

function workbook() {
  return new FakeWorkbook({
    sheets: [
      { name: "Ghi chú", rows: [["Ghi chú của cán bộ"], ["Không phải bảng dữ liệu"]] },
      { name: "Danh sách hộ", rows: rosterSheetRows(15, 2025, { trickyName: true }) },
    ],
  });
}

describe("Phân loại hộ (classify workflow)", () => {
  it("proposes the roster sheet, shows the mapping with confidence, classifies and writes result sheets", async () => {
    const wb = workbook();
    const before = snapshotSheets(wb);
    renderWorkflow(<ClassifyWorkflow id="classify" />, wb);
    await screen.findByTestId("classify-mapping");
    expect(screen.getByTestId("classify-sheet").textContent).toContain("Danh sách hộ");
    // Only columns to check are listed at first; the toggle shows the certain ones too.
    expect(screen.queryByTestId("classify-confidence-id")).toBeNull();
    fireEvent.click(screen.getByTestId("classify-mapping-toggle"));
    expect(screen.getByTestId("classify-confidence-id").textContent).toMatch(/Chắc chắn \(\d+ %\)/);
    expect(screen.getByTestId("classify-standard").textContent).toContain("07/2021");
    fireEvent.click(screen.getByTestId("classify-run"));
    await screen.findByTestId("classify-results");
    expect(screen.getByTestId("classify-done").textContent).toContain("KQ - Phân loại hộ");
    expect(screen.getByTestId("classify-count-poor").textContent).toMatch(/Hộ nghèo: \d+/);
    expect(wb.sheets.map((s) => s.name)).toEqual([
      "Ghi chú",
      "Danh sách hộ",
      "KQ - Phân loại hộ",
      "KQ - Biểu 1 - Kết quả",
    ]);
    const copy = wb.sheet("KQ - Phân loại hộ");
    expect(copy.get(4, 1)?.value).toBe('=HYPERLINK("x")'); // user text stays text
    expect(copy.get(4, 1)?.formula).toBeUndefined();
    expect(wb.sheet("KQ - Biểu 1 - Kết quả").charts.length).toBe(1);
    expect(snapshotSheets(wb, ["Ghi chú", "Danh sách hộ"])).toEqual(before);
  });

  it("says so when the chosen sheet has no household list", async () => {
    const wb = workbook();
    renderWorkflow(<ClassifyWorkflow id="classify" />, wb);
    await screen.findByTestId("classify-mapping");
    fireEvent.click(screen.getByTestId("classify-sheet"));
    fireEvent.click(await screen.findByRole("option", { name: /Ghi chú/ }));
    expect((await screen.findByTestId("classify-no-roster")).textContent).toContain(
      "Không tìm thấy bảng danh sách hộ trong trang này",
    );
    expect((screen.getByTestId("classify-run") as HTMLButtonElement).disabled).toBe(true);
  });

  it("shows an Excel failure as a message and leaves no output sheet", async () => {
    const wb = workbook();
    wb.failWhen = (op) => (op.kind === "tables.add" ? "GeneralException" : undefined);
    renderWorkflow(<ClassifyWorkflow id="classify" />, wb, "en");
    await screen.findByTestId("classify-mapping");
    fireEvent.click(screen.getByTestId("classify-run"));
    const err = await screen.findByTestId("classify-error");
    expect(err.textContent).toContain("GeneralException");
    expect(wb.sheets.map((s) => s.name)).toEqual(["Ghi chú", "Danh sách hộ"]);
  });

  it("shows an empty state when the workbook has no sheets with data", async () => {
    const wb = new FakeWorkbook({ sheets: [] });
    renderWorkflow(<ClassifyWorkflow id="classify" />, wb);
    await waitFor(() => expect(screen.getByTestId("classify-empty")).toBeTruthy());
  });
});
