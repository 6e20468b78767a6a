/** @jest-environment jsdom */
import { fireEvent, screen, waitFor } from "@testing-library/react";
import TargetsWorkflow from "../../src/taskpane/workflows/targets/TargetsWorkflow";
import ReportsWorkflow from "../../src/taskpane/workflows/reports/ReportsWorkflow";
import TemplatesWorkflow from "../../src/taskpane/workflows/templates/TemplatesWorkflow";
import SettingsWorkflow from "../../src/taskpane/workflows/settings/SettingsWorkflow";
import { FakeWorkbook } from "../support/fake-excel";
import { snapshotSheets } from "../support/fake-host";
import { planSheetRows, rosterSheetRows, unitsSheetRows } from "../support/roster-fixture";
import { SETTINGS_KEY } from "../../src/excel/settings";
import { parseLocalStandard } from "../../src/core/standards";
import { renderWorkflow } from "./render";

describe("Chỉ tiêu (targets workflow)", () => {
  it("one sheet choice, one form: the units table gets the target form, a plan sheet the tracking form", async () => {
    const wb = new FakeWorkbook({
      sheets: [
        { name: "Đơn vị", rows: unitsSheetRows() },
        { name: "Kế hoạch", rows: planSheetRows() },
      ],
    });
    const before = snapshotSheets(wb);
    renderWorkflow(<TargetsWorkflow id="targets" />, wb);
    await screen.findByTestId("targets-sheet");
    // The units table is proposed; the reduction is typed in points ("điểm %"), as in the CLI and the functions.
    expect(screen.getByTestId("targets-sheet").textContent).toContain("Đơn vị");
    expect(screen.queryByTestId("targets-period")).toBeNull();
    fireEvent.change(screen.getByTestId("targets-reduction"), { target: { value: "1,5" } });
    expect(screen.getByText("Tính bằng điểm phần trăm so với đầu kỳ: giảm 1,5 điểm %.")).toBeTruthy();
    fireEvent.click(screen.getByTestId("targets-preview"));
    const table = await screen.findByTestId("targets-preview-table");
    expect(table.textContent).toContain("Xã Sơn Cao");
    expect(table.textContent).toContain("giảm 1,5 điểm %");
    expect(table.textContent).toMatch(/Tổng số hộ cần thoát nghèo: \d+/);
    fireEvent.click(screen.getByTestId("targets-write"));
    expect((await screen.findByTestId("targets-done")).textContent).toContain("KQ - ");
    // The same picker, the plan sheet: the tracking form replaces the target form.
    fireEvent.click(screen.getByTestId("targets-sheet"));
    fireEvent.click(await screen.findByRole("option", { name: /Kế hoạch/ }));
    expect(screen.queryByTestId("targets-reduction")).toBeNull();
    fireEvent.click(screen.getByTestId("targets-write-tracking"));
    expect((await screen.findByTestId("targets-tracking-done")).textContent).toContain("KQ - ");
    expect(wb.sheets.length).toBeGreaterThan(3);
    expect(snapshotSheets(wb, ["Đơn vị", "Kế hoạch"])).toEqual(before);
  });

  it("rejects a reduction it cannot read with the core's one message, and says why the buttons are off", async () => {
    const wb = new FakeWorkbook({ sheets: [{ name: "Đơn vị", rows: unitsSheetRows() }] });
    renderWorkflow(<TargetsWorkflow id="targets" />, wb);
    await screen.findByTestId("targets-sheet");
    fireEvent.change(screen.getByTestId("targets-reduction"), { target: { value: "abc" } });
    expect(screen.getByText(/^Mức giảm “abc” không đọc được: không phải là số\./)).toBeTruthy();
    expect((screen.getByTestId("targets-write") as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId("targets-write-reason").textContent).toBe("Nhập mức giảm hợp lệ.");
    // A fraction typed by habit is refused with what it probably meant.
    fireEvent.change(screen.getByTestId("targets-reduction"), { target: { value: "0,015" } });
    expect(screen.getByText(/1,5 điểm %/)).toBeTruthy();
  });

  it("refuses a reduction beyond the poor households with the core's located finding and the poor count, and writes nothing", async () => {
    // 6 + 4 = 10 poor of 600 + 400 = 1000 households (1 %); a fall of 5 pp would need 50 households out of poverty.
    const rows = [
      ["TỔNG HỢP KẾT QUẢ RÀ SOÁT NĂM 2025"],
      [],
      ["TT", "Đơn vị", "Tổng số hộ", "Số hộ nghèo"],
      [1, "Xã A", 600, 6],
      [2, "Xã B", 400, 4],
      ["", "Tổng cộng", 1000, 10],
    ];
    const wb = new FakeWorkbook({ sheets: [{ name: "Đơn vị", rows }] });
    const before = snapshotSheets(wb);
    const { unmount } = renderWorkflow(<TargetsWorkflow id="targets" />, wb);
    await screen.findByTestId("targets-sheet");
    fireEvent.change(screen.getByTestId("targets-reduction"), { target: { value: "5" } });
    fireEvent.click(screen.getByTestId("targets-write"));
    const bar = await screen.findByTestId("targets-blocked");
    expect(bar.textContent).toContain("Chưa ghi bảng chỉ tiêu: mức giảm vượt số hộ nghèo.");
    const items = screen.getAllByTestId("targets-blocked-finding");
    expect(items.length).toBe(1);
    // Located at the total row's poor cell, in Vietnamese, with the poor count; no internal code on the face.
    expect(items[0].textContent).toContain("Đơn vị!D6");
    expect(items[0].textContent).toContain(
      "Cả bảng: không thể giảm 5,00 điểm % (50 hộ thoát nghèo): chỉ có 10 hộ nghèo trên 1.000 hộ (tỷ lệ 1,00 %), nên mức giảm lớn nhất là 1,00 điểm %.",
    );
    expect(bar.textContent).not.toContain("TARGET_IMPOSSIBLE");
    expect(screen.queryByTestId("targets-error")).toBeNull();
    expect(screen.queryByTestId("targets-done")).toBeNull();
    fireEvent.click(screen.getByTestId("targets-blocked-details"));
    expect(screen.getByTestId("targets-blocked-details-body").textContent).toContain("TARGET_IMPOSSIBLE");
    fireEvent.click(screen.getByTestId("targets-goto"));
    await waitFor(() => expect(wb.selection).toEqual({ sheet: "Đơn vị", address: "D6" }));
    // The preview is refused the same way; nothing was written, the input is unchanged.
    fireEvent.click(screen.getByTestId("targets-preview"));
    await screen.findByTestId("targets-blocked");
    expect(screen.queryByTestId("targets-preview-table")).toBeNull();
    expect(wb.sheets.map((x) => x.name)).toEqual(["Đơn vị"]);
    expect(snapshotSheets(wb)).toEqual(before);
    unmount();

    // English is complete: the same finding in English.
    renderWorkflow(<TargetsWorkflow id="targets" />, wb, "en");
    await screen.findByTestId("targets-sheet");
    fireEvent.change(screen.getByTestId("targets-reduction"), { target: { value: "5" } });
    fireEvent.click(screen.getByTestId("targets-write"));
    expect((await screen.findByTestId("targets-blocked")).textContent).toContain(
      "The whole table: cannot reduce by 5.00 pp (50 households out of poverty): there are only 10 poor households of 1,000",
    );
    expect(wb.sheets.map((x) => x.name)).toEqual(["Đơn vị"]);
  });

  it("offers the weighted method only with a weight column, and says what is missing", async () => {
    const wb = new FakeWorkbook({ sheets: [{ name: "Đơn vị", rows: unitsSheetRows() }] });
    renderWorkflow(<TargetsWorkflow id="targets" />, wb);
    await screen.findByTestId("targets-sheet");
    fireEvent.click(screen.getByTestId("targets-method"));
    fireEvent.click(await screen.findByRole("option", { name: "Theo trọng số (cột trọng số)" }));
    expect(screen.getByTestId("targets-write-reason").textContent).toContain("Trọng số");
    expect(screen.queryByRole("option", { name: /nhóm/i })).toBeNull();
  });
});

describe("Báo cáo (reports workflow)", () => {
  it("prepares the report set from a roster and writes the selected forms", async () => {
    const wb = new FakeWorkbook({ sheets: [{ name: "Danh sách hộ", rows: rosterSheetRows(12, 2025) }] });
    renderWorkflow(<ReportsWorkflow id="reports" />, wb);
    await screen.findByTestId("reports-sheet");
    fireEvent.click(screen.getByTestId("reports-prepare"));
    await screen.findByTestId("reports-list");
    const boxes = screen.getAllByRole("checkbox");
    expect(boxes.length).toBeGreaterThan(1);
    fireEvent.click(screen.getByTestId("reports-write"));
    expect((await screen.findByTestId("reports-done")).textContent).toContain("KQ - Biểu 1 - Kết quả");
  });

  it("refuses a roster with errors like `poverty report` (core reportRoster): every blocking finding located, nothing prepared or written", async () => {
    const rows = rosterSheetRows(12, 2025);
    const header = rows.findIndex((r) => r.includes("Mã hộ"));
    const idCol = rows[header].indexOf("Mã hộ");
    const incomeCol = rows[header].findIndex((h) => typeof h === "string" && /thu nhập/i.test(h));
    // Two repeated ids (the 2nd household repeats the 1st's, the 4th the 3rd's) and an income that is not a number.
    rows[header + 2][idCol] = rows[header + 1][idCol];
    rows[header + 4][idCol] = rows[header + 3][idCol];
    rows[header + 6][incomeCol] = "khoảng 2 triệu";
    const wb = new FakeWorkbook({ sheets: [{ name: "Danh sách hộ", rows }] });
    const before = snapshotSheets(wb);
    renderWorkflow(<ReportsWorkflow id="reports" />, wb);
    await screen.findByTestId("reports-sheet");
    fireEvent.click(screen.getByTestId("reports-prepare"));
    const bar = await screen.findByTestId("reports-blocked");
    expect(bar.textContent).toContain("Chưa lập biểu: danh sách hộ có 3 lỗi.");
    const items = screen.getAllByTestId("reports-blocked-finding").map((x) => x.textContent ?? "");
    // Title row, note, blank, header on row 4: households from row 5; "Mã hộ" in A, the income in G.
    expect([header, idCol, incomeCol]).toEqual([3, 0, 6]);
    const [id1, id3] = [rows[header + 1][idCol], rows[header + 3][idCol]];
    expect(items).toEqual([
      `Danh sách hộ!A6Đi tới ôMã hộ "${id1}" ở ô A6 trùng với ô A5.`,
      `Danh sách hộ!A8Đi tới ôMã hộ "${id3}" ở ô A8 trùng với ô A7.`,
      'Danh sách hộ!G10Đi tới ôÔ G10 (Thu nhập bình quân đầu người/tháng): "khoảng 2 triệu" không phải là số.',
    ]);
    // No rule code on the face; it is under "Chi tiết".
    expect(bar.textContent).not.toContain("HH_DUPLICATE_ID");
    fireEvent.click(screen.getByTestId("reports-blocked-details"));
    expect(screen.getByTestId("reports-blocked-details-body").textContent).toContain("HH_DUPLICATE_ID");
    // "Đi tới ô" selects the cell of the finding.
    const gotos = screen.getAllByTestId("reports-goto");
    expect(gotos.length).toBe(3);
    fireEvent.click(gotos[1]);
    await waitFor(() => expect(wb.selection).toEqual({ sheet: "Danh sách hộ", address: "A8" }));
    // Not one message with "(+N)"; no forms to choose, nothing written.
    expect(screen.queryByTestId("reports-prepare-error")).toBeNull();
    expect(screen.queryByTestId("reports-list")).toBeNull();
    expect(wb.sheets.map((x) => x.name)).toEqual(["Danh sách hộ"]);
    expect(snapshotSheets(wb)).toEqual(before);
  });
});

describe("the unit (Đơn vị) of Cài đặt on the written forms", () => {
  it("prints the saved issuing body and place in the frame of the forms the pane writes", async () => {
    const wb = new FakeWorkbook({
      sheets: [{ name: "Danh sách hộ", rows: rosterSheetRows(12, 2025) }],
      settings: { [SETTINGS_KEY]: { version: 1, frame: { issuer: "UBND xã Bình Điền", place: "Bình Điền" } } },
    });
    renderWorkflow(<ReportsWorkflow id="reports" />, wb);
    await screen.findByTestId("reports-sheet");
    fireEvent.click(screen.getByTestId("reports-prepare"));
    await screen.findByTestId("reports-list");
    fireEvent.click(screen.getByTestId("reports-write"));
    await screen.findByTestId("reports-done");
    const texts = wb
      .sheet("KQ - Biểu 1 - Kết quả")
      .rowsOfValues()
      .flat()
      .filter((v): v is string => typeof v === "string");
    expect(texts).toContain("UBND XÃ BÌNH ĐIỀN");
    expect(texts.some((t) => t.startsWith("Bình Điền, ngày"))).toBe(true);
  });
});

describe("Mẫu biểu (templates workflow)", () => {
  it("inserts a roster template with validation and protection", async () => {
    const wb = new FakeWorkbook({ sheets: [{ name: "Sheet1", rows: [] }] });
    renderWorkflow(<TemplatesWorkflow id="templates" />, wb);
    fireEvent.click(screen.getByTestId("templates-insert"));
    expect((await screen.findByTestId("templates-done")).textContent).toContain("KQ - Danh sách hộ");
    const s = wb.sheet("KQ - Danh sách hộ");
    expect(s.protected).toBe(true);
    expect([...s.cells.values()].some((c) => c.validation?.rule)).toBe(true);
  });
});

describe("Cài đặt (settings workflow)", () => {
  it("saves the default year, the unit details and the language in use in the document settings", async () => {
    const wb = new FakeWorkbook({ sheets: [{ name: "A", rows: [[1]] }] });
    renderWorkflow(<SettingsWorkflow id="settings" />, wb, "en");
    expect(screen.queryByTestId("settings-lang-en")).toBeNull(); // one language switch: the pane's header
    fireEvent.click(screen.getByTestId("settings-year"));
    fireEvent.click(await screen.findByRole("option", { name: "2026" }));
    expect(screen.getByTestId("settings-standard").textContent).toContain("351/2025/NĐ-CP");
    expect(screen.getByTestId("settings-unit-summary").textContent).toBe(
      "Not set: forms print dotted lines to fill in",
    );
    fireEvent.click(screen.getByTestId("settings-unit-toggle"));
    fireEvent.change(screen.getByTestId("settings-unit-issuer"), { target: { value: "  UBND xã Bình Điền " } });
    fireEvent.change(screen.getByTestId("settings-unit-place"), { target: { value: "Bình Điền" } });
    expect(screen.getByTestId("settings-unit-summary").textContent).toBe("UBND xã Bình Điền · Bình Điền");
    fireEvent.click(screen.getByTestId("settings-save"));
    await screen.findByTestId("settings-done");
    expect(wb.settings.saved[SETTINGS_KEY]).toEqual({
      version: 1,
      lang: "en",
      reviewYear: 2026,
      frame: { issuer: "UBND xã Bình Điền", place: "Bình Điền" },
    });
    expect(screen.getByTestId("settings-done").textContent).toContain("Saved in the workbook");
  });

  it("edits a local standard as a form: the core's messages sit next to the fields; saved as the core reads it", async () => {
    const wb = new FakeWorkbook({ sheets: [{ name: "A", rows: [[1]] }] });
    renderWorkflow(<SettingsWorkflow id="settings" />, wb);
    fireEvent.click(screen.getByTestId("settings-local-toggle"));
    fireEvent.click(screen.getByTestId("settings-use-local"));
    fireEvent.change(screen.getByTestId("settings-local-from"), { target: { value: "2022" } });
    fireEvent.change(screen.getByTestId("settings-local-to"), { target: { value: "2025" } });
    // Nothing typed yet: saving is refused and each missing field says so.
    fireEvent.click(screen.getByTestId("settings-save"));
    await screen.findByTestId("settings-invalid");
    expect(screen.getByText("cần tên tỉnh, thành phố")).toBeTruthy();
    expect(wb.settings.saveCount).toBe(0);
    fireEvent.change(screen.getByTestId("settings-local-province"), { target: { value: "Hà Nội" } });
    fireEvent.change(screen.getByTestId("settings-local-document"), {
      target: { value: "Quyết định 13/2021/QĐ-UBND" },
    });
    fireEvent.change(screen.getByTestId("settings-local-issued"), { target: { value: "2021-09-05" } });
    // A line below the national one: the core refuses it, the message is under the lines.
    fireEvent.change(screen.getByTestId("settings-line-rural-poverty"), { target: { value: "1.000.000" } });
    expect(screen.getByTestId("settings-local-line-error").textContent).toContain("thấp hơn mức quốc gia");
    fireEvent.change(screen.getByTestId("settings-line-rural-poverty"), { target: { value: "2.000.000" } });
    expect(screen.queryByTestId("settings-local-line-error")).toBeNull();
    expect(screen.getByTestId("settings-local-ok").textContent).toContain("2022–2025");
    // The deprivation cutoff: blank = national (≥ 3); a higher one is refused by the core, under the field.
    expect(screen.getByText(/Để trống = như chuẩn quốc gia: từ 3 chỉ số trở lên/)).toBeTruthy();
    fireEvent.change(screen.getByTestId("settings-local-cutoff"), { target: { value: "4" } });
    expect(screen.getByText(/ngưỡng 4 chỉ số thiếu hụt cao hơn mức quốc gia 3/)).toBeTruthy();
    expect(screen.queryByTestId("settings-local-ok")).toBeNull();
    fireEvent.change(screen.getByTestId("settings-local-cutoff"), { target: { value: "2" } });
    expect(screen.getByTestId("settings-local-ok").textContent).toContain("2022–2025");
    fireEvent.click(screen.getByTestId("settings-save"));
    await screen.findByTestId("settings-done");
    const saved = wb.settings.saved[SETTINGS_KEY] as { localStandard: string };
    const std = parseLocalStandard(saved.localStandard);
    expect(std.lines.rural.poverty).toBe(2_000_000);
    expect(std.lines.urban.poverty).toBe(2_000_000); // national value kept
    expect(std.citation.document).toBe("Quyết định 13/2021/QĐ-UBND");
    expect(std.reviewYears).toEqual({ from: 2022, to: 2025 });
    expect(std.deprivationCutoff).toBe(2);
  });

  it("a refused save clears the success of an earlier one", async () => {
    const wb = new FakeWorkbook({ sheets: [{ name: "A", rows: [[1]] }] });
    renderWorkflow(<SettingsWorkflow id="settings" />, wb);
    fireEvent.click(screen.getByTestId("settings-save"));
    await screen.findByTestId("settings-done");
    fireEvent.click(screen.getByTestId("settings-local-toggle"));
    fireEvent.click(screen.getByTestId("settings-use-local"));
    fireEvent.click(screen.getByTestId("settings-save"));
    await screen.findByTestId("settings-invalid");
    expect(screen.queryByTestId("settings-done")).toBeNull();
    expect(wb.settings.saveCount).toBe(1);
  });

  describe("the automatic review year and its cut-over month", () => {
    // Only the clock is fixed (15 January 2027): before February the latest published review is 2025.
    beforeEach(() =>
      jest.useFakeTimers({
        now: new Date(2027, 0, 15),
        doNotFake: ["nextTick", "setImmediate", "setTimeout", "setInterval", "queueMicrotask"],
      }),
    );
    afterEach(() => jest.useRealTimers());

    it("is offered only while the year is automatic, moves the automatic year and is saved", async () => {
      const wb = new FakeWorkbook({ sheets: [{ name: "A", rows: [[1]] }] });
      renderWorkflow(<SettingsWorkflow id="settings" />, wb);
      expect(screen.getByTestId("settings-year").textContent).toBe("Tự động (hiện nay: 2025)");
      // The automatic year's standard and legal basis are shown too.
      expect(screen.getByTestId("settings-standard").textContent).toContain("Nghị định 07/2021/NĐ-CP");
      expect(screen.getByTestId("settings-cutover").textContent).toBe("tháng 2");
      fireEvent.click(screen.getByTestId("settings-cutover"));
      fireEvent.click(await screen.findByRole("option", { name: "tháng 1" }));
      expect(screen.getByTestId("settings-year").textContent).toBe("Tự động (hiện nay: 2026)");
      expect(screen.getByTestId("settings-standard").textContent).toContain("351/2025/NĐ-CP"); // 2026: transition
      fireEvent.click(screen.getByTestId("settings-save"));
      await screen.findByTestId("settings-done");
      expect(wb.settings.saved[SETTINGS_KEY]).toEqual({ version: 1, lang: "vi", cutoverMonth: 1 });
      // A chosen year makes the month irrelevant: the field goes away.
      fireEvent.click(screen.getByTestId("settings-year"));
      fireEvent.click(await screen.findByRole("option", { name: "2024" }));
      expect(screen.queryByTestId("settings-cutover")).toBeNull();
    });

    it("the saved month decides the year of a sheet whose title names none", async () => {
      const rows = rosterSheetRows(3, 2025);
      rows[0] = ["DANH SÁCH HỘ GIA ĐÌNH"];
      const year = async (cutoverMonth?: number) => {
        const wb = new FakeWorkbook({
          sheets: [{ name: "Danh sách hộ", rows }],
          settings: cutoverMonth ? { [SETTINGS_KEY]: { version: 1, cutoverMonth } } : {},
        });
        const view = renderWorkflow(<ReportsWorkflow id="reports" />, wb);
        await screen.findByTestId("reports-sheet");
        const text = screen.getByTestId("reports-year").textContent;
        view.unmount();
        return text;
      };
      await expect(year()).resolves.toBe("2025");
      await expect(year(1)).resolves.toBe("2026");
    });
  });

  it("imports and exports the local standard as JSON; a bad JSON is refused with the core's message", async () => {
    const wb = new FakeWorkbook({ sheets: [{ name: "A", rows: [[1]] }] });
    renderWorkflow(<SettingsWorkflow id="settings" />, wb);
    fireEvent.click(screen.getByTestId("settings-local-toggle"));
    fireEvent.click(screen.getByTestId("settings-json-toggle"));
    fireEvent.change(screen.getByTestId("settings-json"), { target: { value: "{ not json" } });
    fireEvent.click(screen.getByTestId("settings-json-import"));
    expect(screen.getByTestId("settings-json-error").textContent).toContain("không đọc được JSON");
    const json = JSON.stringify({
      id: "HN-2022",
      basedOn: "ND07-2021",
      province: "Hà Nội",
      citation: {
        vi: "Quyết định 13/2021/QĐ-UBND",
        en: "Decision 13/2021/QĐ-UBND",
        document: "Quyết định 13/2021/QĐ-UBND",
        issued: "2021-09-05",
      },
      reviewYears: { from: 2022, to: 2025 },
      lines: { rural: { poverty: 2_000_000 } },
    });
    fireEvent.change(screen.getByTestId("settings-json"), { target: { value: json } });
    fireEvent.click(screen.getByTestId("settings-json-import"));
    expect((screen.getByTestId("settings-line-rural-poverty") as HTMLInputElement).value).toBe("2.000.000");
    expect((screen.getByTestId("settings-local-province") as HTMLInputElement).value).toBe("Hà Nội");
    fireEvent.click(screen.getByTestId("settings-save"));
    await screen.findByTestId("settings-done");
    const saved = wb.settings.saved[SETTINGS_KEY] as { localStandard: string };
    expect(JSON.parse(saved.localStandard)).toMatchObject({ id: "HN-2022", lines: { rural: { poverty: 2_000_000 } } });
  });
});
