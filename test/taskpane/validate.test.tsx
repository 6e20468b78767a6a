/** @jest-environment jsdom */
import { fireEvent, screen } from "@testing-library/react";
import ExcelJS from "exceljs";
import ValidateWorkflow from "../../src/taskpane/workflows/validate/ValidateWorkflow";
import { FakeWorkbook } from "../support/fake-excel";
import { snapshotSheets } from "../support/fake-host";
import { rosterSheetRows } from "../support/roster-fixture";
import { renderWorkflow } from "./render";

function workbook() {
  const a = rosterSheetRows(8, 2025, { withCategory: true });
  a[6][0] = a[5][0]; // planted duplicate household id
  return new FakeWorkbook({
    sheets: [
      { name: "Xã A", rows: a },
      {
        name: "Xã B",
        rows: rosterSheetRows(8, 2025, { withCategory: true }).map((r, i) =>
          i > 3 && typeof r[0] === "string" ? [`B-${r[0]}`, ...r.slice(1)] : r,
        ),
      },
    ],
  });
}

async function xlsxFile(name: string, rows: unknown[][]): Promise<File> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("DS");
  rows.forEach((r) => ws.addRow(r));
  const buf = await wb.xlsx.writeBuffer();
  return new File([buf as ArrayBuffer], name, {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
}

describe("Kiểm tra hồ sơ (validate workflow)", () => {
  it("validates the sheets, lists findings with filters, jumps to a cell, writes the findings sheet, highlights and clears", async () => {
    const wb = workbook();
    const before = snapshotSheets(wb);
    renderWorkflow(<ValidateWorkflow id="validate" />, wb);
    await screen.findByTestId("validate-sheet-Xã A");
    fireEvent.click(screen.getByTestId("validate-run"));
    await screen.findByTestId("validate-results", {}, { timeout: 15000 });
    expect(screen.getByTestId("validate-summary").textContent).toMatch(/^\d+ lỗi · \d+ cảnh báo · \d+ thông tin$/);
    const items = screen.getAllByTestId("validate-finding");
    expect(items.length).toBeGreaterThan(0);
    expect(screen.getByTestId("validate-findings").textContent).toMatch(/Lỗi|Cảnh báo|Thông tin/);
    // Severity filter: unticking every severity leaves nothing.
    for (const s of ["error", "warning", "info"]) fireEvent.click(screen.getByTestId(`validate-filter-${s}`));
    expect(screen.queryAllByTestId("validate-finding").length).toBe(0);
    for (const s of ["error", "warning", "info"]) fireEvent.click(screen.getByTestId(`validate-filter-${s}`));
    // Go to the first located finding.
    fireEvent.click(screen.getAllByTestId("validate-goto")[0]);
    await new Promise((r) => setTimeout(r, 50));
    expect(wb.selection?.sheet).toMatch(/Xã [AB]/);
    fireEvent.click(screen.getByTestId("validate-write"));
    expect((await screen.findByTestId("validate-action-done", {}, { timeout: 10000 })).textContent).toContain(
      "KQ - Kiểm tra",
    );
    expect(
      wb
        .sheet("KQ - Kiểm tra")
        .rowsOfValues()
        .flat()
        .some((v) => typeof v === "string" && v.startsWith("=HYPERLINK")),
    ).toBe(true);
    fireEvent.click(screen.getByTestId("validate-highlight"));
    expect((await screen.findByTestId("validate-action-done")).textContent).toMatch(/Đã tô màu \d+ ô/);
    const cfs = wb.sheets.reduce((n, s) => n + s.conditionalFormats.length, 0);
    expect(cfs).toBeGreaterThan(0);
    fireEvent.click(screen.getByTestId("validate-clear"));
    expect((await screen.findByText(/Đã bỏ \d+ định dạng/)).textContent).toBeTruthy();
    expect(snapshotSheets(wb, ["Xã A", "Xã B"])).toEqual(before);
    // Consolidate the two rosters.
    fireEvent.click(screen.getByTestId("validate-consolidate"));
    await screen.findByText(/KQ - Danh sách gộp/, {}, { timeout: 10000 });
    expect(wb.sheet("KQ - Danh sách gộp").rowsOfValues().length).toBeGreaterThan(16);
  });

  it("reads .xlsx files picked from disk (in memory) and reports their findings without links", async () => {
    const wb = new FakeWorkbook({ sheets: [{ name: "Trống", rows: [["x"]] }] });
    renderWorkflow(<ValidateWorkflow id="validate" />, wb, "en");
    await screen.findByTestId("validate-sheet-Trống");
    fireEvent.click(screen.getByTestId("validate-sheet-Trống"));
    const rows = rosterSheetRows(5, 2025, { withCategory: true });
    rows[5][0] = rows[4][0];
    const file = await xlsxFile("phuong-c.xlsx", rows);
    if (typeof (file as { arrayBuffer?: unknown }).arrayBuffer !== "function") {
      (file as unknown as { arrayBuffer: () => Promise<ArrayBuffer> }).arrayBuffer = () =>
        new Response(file).arrayBuffer();
    }
    fireEvent.change(screen.getByTestId("validate-file-input"), { target: { files: [file] } });
    expect(screen.getByTestId("validate-files").textContent).toContain("phuong-c.xlsx");
    fireEvent.click(screen.getByTestId("validate-run"));
    await screen.findByTestId("validate-results", {}, { timeout: 15000 });
    expect(screen.getByTestId("validate-findings").textContent).toContain("in file phuong-c.xlsx");
    expect(screen.queryAllByTestId("validate-goto").length).toBe(0);
  });

  it("asks for a source when nothing is chosen", async () => {
    const wb = new FakeWorkbook({ sheets: [{ name: "A", rows: [["x"]] }] });
    renderWorkflow(<ValidateWorkflow id="validate" />, wb);
    await screen.findByTestId("validate-sheet-A");
    fireEvent.click(screen.getByTestId("validate-sheet-A"));
    expect((screen.getByTestId("validate-run") as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText("Hãy chọn ít nhất một trang hoặc một tệp.")).toBeTruthy();
  });
});
