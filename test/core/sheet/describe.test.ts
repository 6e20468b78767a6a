/** What a sheet was read as: one description for the CLI (text, --explain, JSON) and the task pane's mapping view. */
import type { CellValue, Grid } from "../../../src/core/grid";
import { describeRead, explainLines, readSheet } from "../../../src/core/sheet";

const grid = (values: CellValue[][], origin = "A1", merges: string[] = []): Grid => ({
  sheetName: "S",
  origin,
  values,
  merges,
});

test("a plan without a total column: kind, header rows, columns with confidence and readings, notes", () => {
  const d = describeRead(
    readSheet(
      grid(
        [
          ["CHỈ TIÊU GIẢM NGHÈO NĂM 2023"],
          [
            "Đơn vị",
            "Số hộ nghèo cuối năm 2022",
            "Tỷ lệ hộ nghèo cuối năm 2022 (%)",
            "Chỉ tiêu giảm tỷ lệ hộ nghèo năm 2023 (%)",
            "Số hộ nghèo cuối năm 2023",
            "Tỷ lệ hộ nghèo cuối năm 2023 (%)",
            "Ghi chú",
          ],
          ["Huyện Krông Nô", 851, 4.32, 1, 671, 3.41, null],
          ["Huyện Cư Jút", 1183, 5.33, 2.2, 703, 3.17, null],
        ],
        "B3",
      ),
      { file: "kh.xlsx" },
    ),
  );
  expect(d).toMatchObject({
    file: "kh.xlsx",
    sheet: "S",
    kind: "target",
    headerRows: { from: 4, to: 4 },
    dataStart: 5,
    rows: 2,
  });
  expect(d.columns.map((c) => `${c.column}:${c.field}`)).toEqual([
    "B:unit",
    "C:startCount",
    "D:startRate",
    "E:reductionPp",
    "F:endCount",
    "G:endRate",
  ]);
  expect(d.columns[2].reading?.vi).toBe("số phần trăm (7,97 = 7,97 %), in với 2 chữ số thập phân (± 0,005 điểm %)");
  expect(d.columns[3].reading?.en).toBe("percent numbers (7.97 = 7.97%), printed with 1 decimal (± 0.05 pp)");
  expect(d.unmapped).toEqual([{ column: "H", header: "Ghi chú" }]);
  expect(d.notes.map((n) => n.en)).toEqual([
    "Years in the headers: 2022 is the start, 2023 the end.",
    "A plan: the start and end rates share one total; the reduction is in percentage points.",
    "No total-households column: each row's total is the interval its (count, rate) pairs allow at the printed precision.",
  ]);
  const lines = explainLines(d, "vi");
  expect(lines[0]).toBe('Trang "S" đọc là: Chỉ tiêu giảm nghèo (tiêu đề dòng 4, dữ liệu từ dòng 5, 2 dòng)');
  expect(lines).toContain('  C   Số hộ nghèo đầu kỳ ← "Số hộ nghèo cuối năm 2022" (độ tin cậy 1,00)');
  expect(lines).toContain('  H   không đọc: "Ghi chú"');
  expect(explainLines(d, "en", false)).toEqual([
    'Sheet "S" read as: Target table (header row 4, data from row 5, 2 rows)',
  ]);
});

test("a movement table says its subject and each column's direction; an unrecognised sheet says so", () => {
  const d = describeRead(
    readSheet(
      grid(
        [
          ["TỔNG HỢP DIỄN BIẾN HỘ CẬN NGHÈO"],
          ["Đơn vị", "Số hộ cận nghèo đầu kỳ", "Giảm trong kỳ", null, "Tăng trong kỳ", "Số hộ cận nghèo cuối kỳ"],
          [null, null, "Thoát cận nghèo", "Số hộ cận nghèo trở thành hộ nghèo", "Từ hộ nghèo", null],
          ["Xã A", 100, 10, 4, 6, 92],
        ],
        "A1",
        ["A2:A3", "B2:B3", "C2:D2", "F2:F3"],
      ),
    ),
  );
  expect(d.kind).toBe("transition");
  expect(d.columns.find((c) => c.field === "decToPoor")?.reading?.vi).toBe("hộ cận nghèo → hộ nghèo (giảm)");
  expect(d.columns.find((c) => c.field === "incFromPoor")?.reading?.en).toBe("poor → near-poor (increase)");
  expect(d.notes[0].vi).toContain("Bảng diễn biến hộ cận nghèo");
  const u = describeRead(readSheet(grid([["Ghi chú"], ["Không có số liệu"]])));
  expect(u).toMatchObject({ kind: "unknown", kindLabel: { vi: "Không nhận ra" }, rows: 0, columns: [] });
  expect(explainLines(u, "en")).toEqual(['Sheet "S" read as: Not recognised']);
});
