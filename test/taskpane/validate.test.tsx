/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import ExcelJS from "exceljs";
import ValidateWorkflow from "../../src/taskpane/workflows/validate/ValidateWorkflow";
import { FakeWorkbook } from "../support/fake-excel";
import { snapshotSheets } from "../support/fake-host";
import { rosterSheetRows } from "../support/roster-fixture";
import { renderWorkflow } from "./render";

function workbook() {
  const a = rosterSheetRows(8, 2025, { withCategory: true });
  // Three planted duplicate household ids (rows 7, 9, 11 repeat rows 6, 8, 10).
  a[6][0] = a[5][0];
  a[8][0] = a[7][0];
  a[10][0] = a[9][0];
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

/** The cards in the order shown: [code, severity, count]. */
function cards(): [string, string, number][] {
  return screen
    .getAllByTestId("validate-group")
    .map((c) => [
      c.getAttribute("data-code") ?? "",
      c.getAttribute("data-severity") ?? "",
      Number(c.getAttribute("data-count")),
    ]);
}

describe("Kiểm tra hồ sơ (validate workflow)", () => {
  it("groups the findings by rule, most serious first, actions on top; codes only under “Chi tiết”", async () => {
    const wb = workbook();
    const before = snapshotSheets(wb);
    renderWorkflow(<ValidateWorkflow id="validate" />, wb);
    await screen.findByTestId("validate-sheet-Xã A");
    fireEvent.click(screen.getByTestId("validate-run"));
    await screen.findByTestId("validate-results");
    expect(screen.getByTestId("validate-summary").textContent).toMatch(/^\d+ lỗi · \d+ cảnh báo · \d+ thông tin$/);
    // One card per rule; errors, then warnings, then infos.
    const shown = cards();
    expect(new Set(shown.map(([code, sev]) => `${sev}|${code}`)).size).toBe(shown.length);
    const rank = { error: 0, warning: 1, info: 2 } as Record<string, number>;
    expect(shown.map(([, sev]) => rank[sev])).toEqual([...shown.map(([, sev]) => rank[sev])].sort((x, y) => x - y));
    // The three planted duplicate ids are one card with three cells.
    expect(shown.find(([code]) => code === "HH_DUPLICATE_ID")?.[2]).toBe(3);
    // The actions come before the first card (they stay on screen while scrolling: position sticky).
    const bar = screen.getByTestId("validate-bar");
    expect(
      bar.compareDocumentPosition(screen.getAllByTestId("validate-group")[0]) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    expect(bar.contains(screen.getByTestId("validate-write"))).toBe(true);
    // No rule code in what the planner reads, until "Chi tiết" is opened.
    const list = screen.getByTestId("validate-findings");
    expect(list.textContent).not.toMatch(/[A-Z]+_[A-Z_]+/);
    fireEvent.click(within(screen.getAllByTestId("validate-group")[0]).getByTestId("validate-details"));
    expect(screen.getByTestId("validate-details-body").textContent).toContain(`Mã quy tắc: ${shown[0][0]}`);
    // The first (most serious) card is open: its cells are listed with "Đi tới ô".
    const items = screen.getAllByTestId("validate-finding");
    expect(items.length).toBe(shown[0][2]);
    // Severity filter: unticking every severity leaves nothing.
    for (const sev of ["error", "warning", "info"]) fireEvent.click(screen.getByTestId(`validate-filter-${sev}`));
    expect(screen.queryAllByTestId("validate-group").length).toBe(0);
    for (const sev of ["error", "warning", "info"]) fireEvent.click(screen.getByTestId(`validate-filter-${sev}`));
    // Go to the first located finding.
    const goto = screen.getAllByTestId("validate-goto")[0];
    fireEvent.click(goto);
    await waitFor(() =>
      expect(wb.selection).toEqual({
        sheet: expect.stringMatching(/Xã [AB]/),
        address: goto.getAttribute("data-cell"),
      }),
    );
    fireEvent.click(screen.getByTestId("validate-write"));
    expect((await screen.findByTestId("validate-action-done")).textContent).toContain("KQ - Kiểm tra");
    expect(
      wb
        .sheet("KQ - Kiểm tra")
        .rowsOfValues()
        .flat()
        .some((v) => typeof v === "string" && v.startsWith("=HYPERLINK")),
    ).toBe(true);
    fireEvent.click(screen.getByTestId("validate-highlight"));
    expect((await screen.findByTestId("validate-action-done")).textContent).toMatch(/Đã tô màu \d+ ô/);
    const cfs = wb.sheets.reduce((n, sh) => n + sh.conditionalFormats.length, 0);
    expect(cfs).toBeGreaterThan(0);
    fireEvent.click(screen.getByTestId("validate-more"));
    fireEvent.click(await screen.findByTestId("validate-clear"));
    expect((await screen.findByText(/Đã bỏ \d+ định dạng/)).textContent).toBeTruthy();
    expect(snapshotSheets(wb, ["Xã A", "Xã B"])).toEqual(before);
    // The planted duplicate ids block the merge (the core's consolidation, as `poverty consolidate`), and it says so.
    fireEvent.click(screen.getByTestId("validate-more"));
    const merge = await screen.findByTestId("validate-consolidate");
    expect(merge.getAttribute("aria-disabled")).toBe("true");
    expect(screen.getByTestId("validate-consolidate-reason").textContent).toMatch(/^Không gộp: \d+ lỗi chặn việc gộp/);
  });

  it("merges two clean rosters with the core's consolidation: source column, every household, a summary", async () => {
    const b = rosterSheetRows(8, 2025, { withCategory: true }).map((r, i) =>
      i > 3 && typeof r[0] === "string" ? [`B-${r[0]}`, ...r.slice(1)] : r,
    );
    const wb = new FakeWorkbook({
      sheets: [
        { name: "Xã A", rows: rosterSheetRows(8, 2025, { withCategory: true }) },
        { name: "Xã B", rows: b },
      ],
    });
    renderWorkflow(<ValidateWorkflow id="validate" />, wb);
    await screen.findByTestId("validate-sheet-Xã A");
    fireEvent.click(screen.getByTestId("validate-run"));
    await screen.findByTestId("validate-results");
    fireEvent.click(screen.getByTestId("validate-more"));
    fireEvent.click(await screen.findByTestId("validate-consolidate"));
    await screen.findByText(/KQ - Danh sách gộp/);
    const rows = wb.sheet("KQ - Danh sách gộp").rowsOfValues();
    const households = (n: number) => rosterSheetRows(n, 2025, { withCategory: true }).length - 4;
    expect(rows.filter((r) => r[0] === "Xã A").length).toBe(households(8));
    expect(rows.filter((r) => r[0] === "Xã B").length).toBe(households(8));
    expect(wb.sheets.some((s) => s.name.startsWith("KQ - Tổng hợp theo đơn vị"))).toBe(true);
  });

  it("says why “Gộp các danh sách hộ” cannot be used with one list", async () => {
    const wb = new FakeWorkbook({ sheets: [{ name: "Xã A", rows: rosterSheetRows(5, 2025, { withCategory: true }) }] });
    renderWorkflow(<ValidateWorkflow id="validate" />, wb);
    await screen.findByTestId("validate-sheet-Xã A");
    fireEvent.click(screen.getByTestId("validate-run"));
    await screen.findByTestId("validate-results");
    fireEvent.click(screen.getByTestId("validate-more"));
    const item = await screen.findByTestId("validate-consolidate");
    expect(item.getAttribute("aria-disabled")).toBe("true");
    expect(screen.getByTestId("validate-consolidate-reason").textContent).toBe(
      "Cần ít nhất hai danh sách hộ để gộp (đã đọc 1).",
    );
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
    await screen.findByTestId("validate-results");
    expect(screen.getByTestId("validate-summary").textContent).toMatch(/^1 error · \d+ warnings? · \d+ notes?$/);
    expect(screen.getByTestId("validate-findings").textContent).toContain("phuong-c.xlsx / DS!A6");
    expect(screen.queryAllByTestId("validate-goto").length).toBe(0);
  });

  it("asks for a source when nothing is chosen, next to the disabled button", async () => {
    const wb = new FakeWorkbook({ sheets: [{ name: "A", rows: [["x"]] }] });
    renderWorkflow(<ValidateWorkflow id="validate" />, wb);
    await screen.findByTestId("validate-sheet-A");
    fireEvent.click(screen.getByTestId("validate-sheet-A"));
    const run = screen.getByTestId("validate-run") as HTMLButtonElement;
    expect(run.disabled).toBe(true);
    const reason = screen.getByTestId("validate-run-reason");
    expect(reason.textContent).toBe("Hãy chọn ít nhất một trang hoặc một tệp.");
    expect(run.getAttribute("aria-describedby")).toBe(reason.id);
  });
});
