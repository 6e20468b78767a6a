import { mapOfficeError, describeError, ExcelGatewayError, officeHost } from "../../src/excel";
import { readPreferences, savePreferences, SETTINGS_KEY } from "../../src/excel/settings";
import { PovertyError } from "../../src/core/errors";
import { FakeWorkbook } from "../support/fake-excel";
import { fakeHost } from "../support/fake-host";

const officeErr = (code: string, message = "dev message") =>
  Object.assign(new Error(message), { code, debugInfo: { code, errorLocation: "Range.values" } });

describe("mapOfficeError", () => {
  it.each([
    ["ItemNotFound", "SHEET_NOT_FOUND"],
    ["InvalidOperationInCellEditMode", "CELL_EDIT_MODE"],
    ["RequestPayloadSizeLimitExceeded", "PAYLOAD_TOO_LARGE"],
    ["AccessDenied", "ACCESS_DENIED"],
    ["ApiNotFound", "API_NOT_SUPPORTED"],
    ["SomethingNew", "OFFICE_ERROR"],
  ])("maps %s to %s with both languages and keeps the Office code", (code, ours) => {
    const m = mapOfficeError(officeErr(code)) as ExcelGatewayError;
    expect(m).toBeInstanceOf(ExcelGatewayError);
    expect(m.code).toBe(ours);
    expect(m.officeCode).toBe(code);
    expect(m.messageVi).not.toBe(m.messageEn);
    expect(m.messageVi.length).toBeGreaterThan(10);
    expect(m.details.debugInfo).toEqual({ code, errorLocation: "Range.values" });
  });
  it("recognises a protected sheet", () => {
    expect((mapOfficeError(officeErr("AccessDenied", "The sheet is protected")) as ExcelGatewayError).code).toBe(
      "SHEET_PROTECTED",
    );
  });
  it("passes PovertyError through and wraps anything else", () => {
    const p = new PovertyError({ code: "ZERO_TOTAL", messageVi: "Tổng bằng 0", messageEn: "Zero total" });
    expect(mapOfficeError(p)).toBe(p);
    expect(describeError(p, "vi")).toBe("Tổng bằng 0");
    const other = mapOfficeError(new TypeError("boom")) as ExcelGatewayError;
    expect(other.code).toBe("OFFICE_ERROR");
    expect(describeError(new TypeError("boom"), "en")).toContain("boom");
    expect(describeError(officeErr("InvalidOperationInCellEditMode"), "vi")).toContain("chế độ sửa ô");
  });
  it("the Office host refuses politely outside Excel", async () => {
    await expect(officeHost.run(async () => 1)).rejects.toMatchObject({ code: "NOT_IN_EXCEL" });
  });
});

describe("document settings", () => {
  it("round-trips preferences through document settings and saves them", async () => {
    const wb = new FakeWorkbook({ sheets: [{ name: "A", rows: [[1]] }] });
    const host = fakeHost(wb);
    expect(readPreferences(host)).toEqual({ version: 1 });
    await savePreferences({ version: 1, lang: "en", reviewYear: 2025, cutoverMonth: 3 }, host);
    expect(wb.settings.saved[SETTINGS_KEY]).toEqual({ version: 1, lang: "en", reviewYear: 2025, cutoverMonth: 3 });
    expect(readPreferences(host)).toEqual({
      version: 1,
      lang: "en",
      reviewYear: 2025,
      cutoverMonth: 3,
      localStandard: undefined,
    });
  });
  it("ignores malformed stored values and rejects when saving fails", async () => {
    const wb = new FakeWorkbook({
      settings: { [SETTINGS_KEY]: { lang: "fr", reviewYear: "2025", cutoverMonth: 13 } },
    });
    const host = fakeHost(wb);
    expect(readPreferences(host)).toEqual({
      version: 1,
      lang: undefined,
      reviewYear: undefined,
      cutoverMonth: undefined,
      localStandard: undefined,
    });
    wb.settings.failSave = true;
    await expect(savePreferences({ version: 1, reviewYear: 2026 }, host)).rejects.toMatchObject({
      code: "SETTINGS_SAVE_FAILED",
    });
  });
  it("keeps the unit details (Đơn vị) for the frame of the forms: text fields only", async () => {
    const wb = new FakeWorkbook({ sheets: [{ name: "A", rows: [[1]] }] });
    const host = fakeHost(wb);
    await savePreferences({ version: 1, frame: { issuer: "UBND xã Bình Điền", place: "Bình Điền" } }, host);
    expect(wb.settings.saved[SETTINGS_KEY]).toEqual({
      version: 1,
      frame: { issuer: "UBND xã Bình Điền", place: "Bình Điền" },
    });
    expect(readPreferences(host).frame).toEqual({ issuer: "UBND xã Bình Điền", place: "Bình Điền" });
    const odd = new FakeWorkbook({ settings: { [SETTINGS_KEY]: { frame: { issuer: 7, place: "Huế", x: null } } } });
    expect(readPreferences(fakeHost(odd)).frame).toEqual({ place: "Huế" });
    const none = new FakeWorkbook({ settings: { [SETTINGS_KEY]: { frame: ["UBND"] } } });
    expect(readPreferences(fakeHost(none)).frame).toBeUndefined();
  });
});
