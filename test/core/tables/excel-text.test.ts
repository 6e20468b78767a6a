/**
 * No output cell longer than Excel's 32,767 characters is ever written (issue 13, item 8): the sheet plan that both
 * writers (ExcelJS, Office.js) render cuts a longer text and says how much was left out.
 */
import { excelText, EXCEL_MAX_CELL_CHARS, planSheet } from "../../../src/core/tables/plan";
import type { ResultTable } from "../../../src/core/tables/model";
import { writeTablesToBuffer } from "../../../src/xlsx/write";
import { readWorkbookBuffer } from "../../../src/xlsx/read";

const table = (text: string): ResultTable => ({
  id: "t",
  sheetName: { vi: "T", en: "T" },
  title: [{ vi: text, en: text }],
  headerRows: [[{ text: { vi: "A", en: "A" } }]],
  columns: [{ key: "a", header: { vi: "A", en: "A" }, format: "text" }],
  rows: [{ cells: [text] }],
  notes: [],
});

test("excelText keeps text up to the limit and cuts longer text with a mark", () => {
  expect(excelText("x".repeat(EXCEL_MAX_CELL_CHARS)).length).toBe(EXCEL_MAX_CELL_CHARS);
  const cut = excelText("x".repeat(40_000));
  expect(cut.length <= EXCEL_MAX_CELL_CHARS && cut.length > EXCEL_MAX_CELL_CHARS - 5).toBe(true);
  expect(/… \[cắt bớt \d+ ký tự \/ \d+ characters cut\]$/.test(cut)).toBe(true);
  const n = Number(/cắt bớt (\d+)/.exec(cut)![1]);
  expect(40_000 - n).toBe(cut.indexOf("…")); // the mark says exactly how much was left out
  // A surrogate pair is never split.
  const emoji = excelText("😀".repeat(20_000));
  expect(emoji.slice(0, emoji.indexOf("…")) === "😀".repeat(emoji.indexOf("…") / 2)).toBe(true);
});

test("the plan and a written file never hold a cell over 32,767 characters", async () => {
  const long = "Nguyễn ".repeat(6000); // 42,000 characters
  const plan = planSheet(table(long), "vi");
  for (const row of plan.cells)
    for (const v of row) if (typeof v === "string") expect(v.length).toBeLessThanOrEqual(EXCEL_MAX_CELL_CHARS);
  const [g] = readWorkbookBuffer(await writeTablesToBuffer([table(long)]), "t.xlsx");
  const texts = g.values.flat().filter((v): v is string => typeof v === "string");
  expect(texts.some((t) => t.includes("cắt bớt"))).toBe(true);
  for (const t of texts) expect(t.length).toBeLessThanOrEqual(EXCEL_MAX_CELL_CHARS);
});
