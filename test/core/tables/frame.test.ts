import { FRAME_FIELD_MAX, FRAME_FIELDS, isIsoDate, parseFrameOptions } from "../../../src/core/tables/frame";
import { isPovertyError } from "../../../src/core/errors";

function errorOf(f: () => unknown) {
  try {
    f();
  } catch (e) {
    if (isPovertyError(e)) return e;
    throw e;
  }
  throw new Error("expected a PovertyError");
}

describe("parseFrameOptions", () => {
  test("trims, drops blanks, keeps every known field", () => {
    expect(
      parseFrameOptions({
        issuer: "  UBND xã Bình Điền ",
        parent: "UBND tỉnh Quảng Trị",
        place: "Bình Điền",
        date: "2026-12-15",
        preparer: " ",
        head: "Nguyễn Văn A",
        headTitle: "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH",
      }),
    ).toEqual({
      issuer: "UBND xã Bình Điền",
      parent: "UBND tỉnh Quảng Trị",
      place: "Bình Điền",
      date: "2026-12-15",
      head: "Nguyễn Văn A",
      headTitle: "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH",
    });
    expect(parseFrameOptions(undefined)).toEqual({});
    expect(parseFrameOptions({ issuer: null })).toEqual({});
    expect([...FRAME_FIELDS].sort()).toEqual(["date", "head", "headTitle", "issuer", "parent", "place", "preparer"]);
  });

  test("refuses unknown fields, non-text, too long text, control characters and impossible dates — naming the field", () => {
    expect(errorOf(() => parseFrameOptions({ isuer: "x" })).details.field).toBe("isuer");
    expect(errorOf(() => parseFrameOptions({ place: 12 })).messageVi).toMatch(/Địa danh/);
    const long = errorOf(() => parseFrameOptions({ issuer: "x".repeat(FRAME_FIELD_MAX + 1) }));
    expect(long.code).toBe("INVALID_ARGUMENT");
    expect(long.messageEn).toMatch(/Issuing body/);
    expect(errorOf(() => parseFrameOptions({ issuer: "UBND\nxã" })).details.field).toBe("issuer");
    const date = errorOf(() => parseFrameOptions({ date: "2026-02-30" }));
    expect(date.messageVi).toMatch(/2026-02-30/);
    expect(errorOf(() => parseFrameOptions("UBND xã")).code).toBe("INVALID_ARGUMENT");
    expect(errorOf(() => parseFrameOptions(["x"])).code).toBe("INVALID_ARGUMENT");
  });

  test("isIsoDate checks the calendar", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2025-02-29")).toBe(false);
    expect(isIsoDate("15/12/2026")).toBe(false);
  });
});
