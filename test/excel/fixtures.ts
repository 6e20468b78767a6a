/** Small workbooks and tables for the gateway tests. */
import type { FakeValue } from "../support/fake-excel";
import type { ResultTable } from "../../src/core/tables/model";
import { bi } from "../../src/core/i18n";

export function rosterRows(n: number, cols = 8): FakeValue[][] {
  const header: FakeValue[] = [
    "Mã hộ",
    "Họ tên chủ hộ",
    "Xã/phường",
    "Khu vực",
    "Số nhân khẩu",
    "Thu nhập BQ",
    "Điểm B",
    "Ghi chú",
  ].slice(0, cols);
  while (header.length < cols) header.push(`Cột ${header.length + 1}`);
  const rows: FakeValue[][] = [header];
  for (let i = 1; i <= n; i++) {
    const row: FakeValue[] = [
      `H${String(i).padStart(5, "0")}`,
      `Nguyễn Văn ${i}`,
      i % 2 ? "Xã A" : "Phường B",
      i % 3 ? "Nông thôn" : "Thành thị",
      (i % 6) + 1,
      1_000_000 + i * 137,
      (i * 10) % 110,
      "",
    ];
    while (row.length < cols) row.push(i * cols);
    rows.push(row.slice(0, cols));
  }
  return rows;
}

export function summaryTable(units: { name: string; total: number; poor: number }[], id = "summary"): ResultTable {
  const first = 5; // title(2) + blank + 1 header row → body starts at row 5
  return {
    id,
    sheetName: bi("Tổng hợp", "Summary"),
    title: [bi("TỔNG HỢP KẾT QUẢ", "SUMMARY"), bi("Năm 2025", "Year 2025")],
    headerRows: [
      [
        { text: bi("Đơn vị", "Unit") },
        { text: bi("Tổng số hộ", "Households") },
        { text: bi("Hộ nghèo", "Poor") },
        { text: bi("Tỷ lệ", "Rate") },
      ],
    ],
    columns: [
      { key: "unit", header: bi("Đơn vị", "Unit"), format: "text", width: 20 },
      { key: "total", header: bi("Tổng số hộ", "Households"), format: "integer" },
      { key: "poor", header: bi("Hộ nghèo", "Poor"), format: "integer" },
      { key: "rate", header: bi("Tỷ lệ", "Rate"), format: "percent" },
    ],
    rows: units.map((u, i) => ({
      cells: [
        u.name,
        u.total,
        u.poor,
        { formula: `IF(B${first + i}=0,0,ROUND(C${first + i}/B${first + i},4))`, value: u.poor / u.total },
      ],
    })),
    notes: [bi("Căn cứ: Nghị định 07/2021/NĐ-CP", "Basis: Decree 07/2021/ND-CP")],
    freezeColumns: 1,
    print: { landscape: true, repeatHeader: true },
  };
}

export function mergedHeaderTable(): ResultTable {
  return {
    id: "form",
    sheetName: bi("Biểu 1", "Form 1"),
    title: [bi("BIỂU 1", "FORM 1")],
    headerRows: [
      [
        { text: bi("Đơn vị", "Unit"), rowSpan: 2 },
        { text: bi("Hộ nghèo", "Poor"), colSpan: 2 },
      ],
      [{ text: bi("Số hộ", "Count") }, { text: bi("Tỷ lệ", "Rate") }],
    ],
    columns: [
      { key: "unit", header: bi("Đơn vị", "Unit"), format: "text" },
      { key: "n", header: bi("Số hộ", "Count"), format: "integer" },
      { key: "r", header: bi("Tỷ lệ", "Rate"), format: "percent" },
    ],
    rows: [
      { cells: ["I. Thành thị", null, null], kind: "section" },
      { cells: ["Phường B", 10, 0.1] },
      { cells: ["Tổng", { formula: "SUM(B5:B5)", value: 10 }, 0.1], kind: "total" },
    ],
    notes: [],
  };
}
