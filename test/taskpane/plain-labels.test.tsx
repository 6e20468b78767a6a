/**
 * @jest-environment jsdom
 *
 * Plain Vietnamese in the pane: no abbreviations a commune officer has to decode ("AF", "HN/HCN", "B1"), no
 * programmer's conventions ("0 = …", "(không dùng)"), and no label said twice ("Danh sách hộ — Danh sách hộ").
 */
import { fireEvent, screen, within } from "@testing-library/react";
import ClassifyWorkflow from "../../src/taskpane/workflows/classify/ClassifyWorkflow";
import ReportsWorkflow from "../../src/taskpane/workflows/reports/ReportsWorkflow";
import { strings } from "../../src/taskpane/strings";
import { en as enStrings } from "../../src/taskpane/strings-en";
import { FakeWorkbook } from "../support/fake-excel";
import { rosterSheetRows } from "../support/roster-fixture";
import { renderWorkflow } from "./render";

/** Words a planner should never have to decode (whole words, so "HN" in "HNI" or "AF" in "AFTER" do not count). */
const JARGON = [/\bAF\b/, /\bHN\b/, /\bHCN\b/, /\bB1\b/, /\b0 = /, /\(không dùng\)/, /\(unused\)/];

const jargonIn = (texts: string[]) => texts.filter((s) => JARGON.some((re) => re.test(s)));

describe("plain labels", () => {
  it("the pane's catalogue (Vietnamese and English) has no internal abbreviations", () => {
    expect(Object.keys(strings.vi ?? {}).length).toBeGreaterThan(100);
    expect(jargonIn(Object.values(strings.vi ?? {}))).toEqual([]);
    expect(jargonIn(Object.values(enStrings))).toEqual([]);
    // The check can fail.
    expect(jargonIn(["KQ - AF theo đơn vị", "Điểm B1 (không dùng)", "0 = không lập lộ trình"])).toHaveLength(3);
  });

  it("the sheet picker never repeats a sheet's name as what was recognised in it", async () => {
    const wb = new FakeWorkbook({
      sheets: [
        { name: "Danh sách hộ", rows: rosterSheetRows(5, 2025) },
        { name: "DS xã", rows: rosterSheetRows(4, 2025) },
      ],
    });
    renderWorkflow(<ClassifyWorkflow id="classify" />, wb);
    await screen.findByTestId("classify-mapping");
    // The chosen sheet is named for what it holds: no "Nhận ra: Danh sách hộ" under "Danh sách hộ".
    expect(screen.queryByText(/Nhận ra:/)).toBeNull();
    fireEvent.click(screen.getByTestId("classify-sheet"));
    const same = await screen.findByRole("option", { name: /^Danh sách hộ/ });
    expect(same.textContent).toBe("Danh sách hộđề xuất");
    const other = screen.getByRole("option", { name: /^DS xã/ });
    expect(other.textContent).toBe("DS xãDanh sách hộ");
    fireEvent.click(other);
    // A sheet whose name does not say it: the line under the picker does.
    expect(await screen.findByText("Nhận ra: Danh sách hộ")).toBeTruthy();
    expect(within(screen.getByTestId("classify-sheet")).queryByText(/Danh sách hộ/)).toBeNull();
  });

  it("the report forms the pane writes have plain sheet names", async () => {
    const wb = new FakeWorkbook({ sheets: [{ name: "Danh sách hộ", rows: rosterSheetRows(12, 2025) }] });
    renderWorkflow(<ReportsWorkflow id="reports" />, wb);
    await screen.findByTestId("reports-sheet");
    fireEvent.click(screen.getByTestId("reports-prepare"));
    await screen.findByTestId("reports-list");
    fireEvent.click(screen.getByTestId("reports-write"));
    const done = await screen.findByTestId("reports-done");
    const written = wb.sheets.map((s) => s.name).filter((n) => n.startsWith("KQ - "));
    expect(written).toEqual(
      expect.arrayContaining([
        "KQ - Biểu 4 - Hộ nghèo",
        "KQ - Biểu 5 - Hộ cận nghèo",
        "KQ - Nghèo đa chiều theo đơn vị",
        "KQ - Nghèo đa chiều theo chỉ số",
      ]),
    );
    expect(jargonIn(written)).toEqual([]);
    expect(jargonIn([done.textContent ?? ""])).toEqual([]);
  });
});
