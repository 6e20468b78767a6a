/**
 * The CLI's one printer for an error that stopped the work on a sheet (`poverty report`, `poverty sponsors`): the
 * same shape as a finding — severity in both languages, code, file › sheet and the row when the core gave one.
 */
import { PovertyError } from "../../src/core";
import { printSheetError } from "../../src/cli/findings-text";

function printed(e: PovertyError): string[] {
  const lines: string[] = [];
  printSheetError({ out: () => undefined, err: (l) => lines.push(l), cwd: "/" }, "xa-a.xlsx", "Danh sách", e);
  return lines;
}

describe("printSheetError", () => {
  it("names the file, the sheet and the household's row, then both messages", () => {
    const e = new PovertyError({
      code: "UNKNOWN_VALUE",
      messageVi: "Chuẩn chưa có ngưỡng điểm B1",
      messageEn: "The standard has no B1 score threshold",
      details: { id: "H07", row: 12 },
    });
    expect(printed(e)).toEqual([
      "Lỗi/Error [UNKNOWN_VALUE] xa-a.xlsx › Danh sách (dòng/row 12)",
      "  Chuẩn chưa có ngưỡng điểm B1",
      "  The standard has no B1 score threshold",
    ]);
  });

  it("says no row when the core gave none", () => {
    const e = new PovertyError({ code: "MISSING_VALUE", messageVi: "Thiếu", messageEn: "Missing" });
    expect(printed(e)[0]).toBe("Lỗi/Error [MISSING_VALUE] xa-a.xlsx › Danh sách");
  });
});
