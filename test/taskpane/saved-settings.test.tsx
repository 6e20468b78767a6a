/** @jest-environment jsdom */
/**
 * Saved settings that cannot be used are said, not hidden: a local standard saved in the workbook that no longer
 * parses made every workflow compute with the national standard without a word, and unusable "Đơn vị" details made
 * forms lose their header silently. Every workflow that uses them shows the core's reason and what it does instead.
 */
import { screen } from "@testing-library/react";
import ClassifyWorkflow from "../../src/taskpane/workflows/classify/ClassifyWorkflow";
import ReportsWorkflow from "../../src/taskpane/workflows/reports/ReportsWorkflow";
import { SETTINGS_KEY } from "../../src/excel/settings";
import { parseLocalStandard } from "../../src/core/standards";
import { FakeWorkbook } from "../support/fake-excel";
import { rosterSheetRows } from "../support/roster-fixture";
import { renderWorkflow } from "./render";

const broken = { version: 1, localStandard: "{ không phải JSON", frame: { issuerName: "UBND XÃ A" } }; // not a field of the frame

function workbook(settings: Record<string, unknown>): FakeWorkbook {
  return new FakeWorkbook({ sheets: [{ name: "Danh sách hộ", rows: rosterSheetRows() }], settings });
}

describe("saved settings that cannot be used", () => {
  it("Phân loại says the local standard is set aside for the national one, and why (Vietnamese)", async () => {
    renderWorkflow(<ClassifyWorkflow id="classify" />, workbook({ [SETTINGS_KEY]: broken }));
    const notice = await screen.findByTestId("saved-settings-problem");
    expect(notice.textContent).toContain("Cài đặt đã lưu có chỗ không dùng được");
    expect(notice.textContent).toContain("Chuẩn nghèo địa phương đã lưu không dùng được nên đang dùng chuẩn quốc gia.");
    expect(notice.textContent).toContain("không có phần đầu văn bản");
    expect(notice.textContent).toContain("Mở thẻ Cài đặt");
  });

  it("Báo cáo says it in English with the English reasons", async () => {
    renderWorkflow(<ReportsWorkflow id="reports" />, workbook({ [SETTINGS_KEY]: broken }), "en");
    const notice = await screen.findByTestId("saved-settings-problem");
    expect(notice.textContent).toContain("The saved local poverty standard cannot be used");
    expect(notice.textContent).toContain("forms are written without their header");
    expect(notice.textContent).not.toMatch(/Chuẩn nghèo|không dùng được/);
  });

  it("no notice when the saved settings are usable (a valid local standard and unit details)", async () => {
    // Higher local lines on the 2021–2025 standard (test data, not a province's real figures).
    const local = JSON.stringify({
      id: "DP-13-2021",
      basedOn: "ND07-2021",
      province: "Tỉnh A",
      citation: {
        vi: "Quyết định số 13/2021/QĐ-UBND ngày 05/09/2021 của UBND tỉnh A",
        en: "Decision No. 13/2021/QĐ-UBND of 5 September 2021 of the People's Committee of Tỉnh A",
        document: "Quyết định 13/2021/QĐ-UBND",
        issued: "2021-09-05",
      },
      reviewYears: { from: 2022, to: 2025 },
      lines: { rural: { poverty: 2_000_000 }, urban: { poverty: 2_500_000 } },
    });
    expect(() => parseLocalStandard(local)).not.toThrow();
    const ok = { version: 1, localStandard: local, frame: { issuer: "UBND XÃ A" } };
    renderWorkflow(<ClassifyWorkflow id="classify" />, workbook({ [SETTINGS_KEY]: ok }));
    await screen.findByTestId("classify-run");
    expect(screen.queryByTestId("saved-settings-problem")).toBeNull();
  });
});
