/**
 * The fuzz suite's checks can fail: a reader that crashes, returns no sheet, reads a NaN, or differs between its
 * two paths is caught (the real reader is wrapped for marked file names), and a defect on screen is recognised.
 */
import { PovertyError } from "../../src/core/errors";
import type { Grid } from "../../src/core/grid";
import { checkReader, DEFECT } from "./oracle";
import { craftXlsx } from "../support/xlsx-craft";

jest.mock("../../src/xlsx/read", () => {
  const actual = jest.requireActual<typeof import("../../src/xlsx/read")>("../../src/xlsx/read");
  const grid = (values: unknown[][]): Grid[] => [{ sheetName: "S", origin: "A1", values: values as Grid["values"] }];
  return {
    ...actual,
    readWorkbookBuffer: (buf: Uint8Array, name: string) => {
      if (name === "crash.xlsx") throw new TypeError("Cannot read properties of undefined");
      if (name === "silent.xlsx") return [];
      if (name === "nan.xlsx") return grid([[NaN]]);
      if (name === "long.xlsx") return grid([["x".repeat(32_768)]]);
      if (name === "differs.xlsx") return grid([[1]]);
      if (name === "unnamed.xlsx")
        throw new PovertyError({ code: "FILE_UNREADABLE", messageVi: "Không đọc được tệp", messageEn: "Cannot read" });
      if (name === "english.xlsx")
        throw new PovertyError({
          code: "FILE_UNREADABLE",
          messageVi: 'Không đọc được tệp "english.xlsx": no end of central directory',
          messageEn: 'Cannot read file "english.xlsx": no end of central directory',
        });
      return actual.readWorkbookBuffer(buf, name);
    },
  };
});

const file = craftXlsx({ sheets: [{ name: "S", rows: `<row r="1"><c r="A1"><v>2</v></c></row>` }] });

test.each([
  ["crash.xlsx", /reader crashed: TypeError/],
  ["silent.xlsx", /disagree|no sheet/],
  ["nan.xlsx", /cell \[0,0\] holds/],
  ["long.xlsx", /cell \[0,0\] holds/],
  ["differs.xlsx", /read different cells/],
  ["unnamed.xlsx", /does not name the file/],
  ["english.xlsx", /English in the Vietnamese message/],
])("%s is caught", async (name, why) => {
  await expect(checkReader(file, name)).rejects.toThrow(why);
});

test("the real reader on the same file passes", async () => {
  await expect(checkReader(file, "ok.xlsx")).resolves.toMatchObject({ ok: true });
});

test("a defect on screen is recognised, ordinary output is not", () => {
  for (const s of [
    'Lỗi không mong đợi khi xử lý tệp "a.xlsx" (lệnh report): x',
    "Unexpected error (command validate): x",
    "    a.xlsx  LỖI  FILE_CHECK_FAILED  Không kiểm tra được tệp",
    "TypeError: x\n    at readSheet (/src/core/sheet/read.ts:10:5)",
    "Trang undefined không có hộ nào.",
  ])
    expect({ s, defect: DEFECT.test(s) }).toEqual({ s, defect: true });
  for (const s of [
    'Lỗi [FILE_UNREADABLE]: Không đọc được tệp "a.xlsx": tệp bị hỏng',
    "Tổng cộng: 1 lỗi, 0 cảnh báo, 0 thông tin trong 1 tệp.",
    "Đã ghi 2 bảng: Chỉ tiêu 2026, Kiểm tra phân bổ",
    "Error [ZERO_TOTAL]: Total is zero: the rate is undefined (count 0).", // English, not a leak
  ])
    expect({ s, defect: DEFECT.test(s) }).toEqual({ s, defect: false });
});
