import ExcelJS from "exceljs";
import JSZip from "jszip";
import { createHash } from "crypto";
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { isPovertyError } from "../../src/core/errors";
import { validateWorkbooks } from "../../src/core/validate";
import { NO_CACHED_VALUE } from "../../src/core/sheet/parse";
import { readWorkbookBuffer, readWorkbookFile } from "../../src/xlsx/read";
import * as F from "../core/sheet/fixtures";
import { xlsxBuffer } from "./read-fixtures";

const dir = mkdtempSync(join(tmpdir(), "pp-read-"));

/** Grid values as comparable rows: trailing blanks dropped, blank rows as []. */
const norm = (rows: unknown[][]) => {
  const out = rows.map((r) => {
    const x = r.map((v) => (v === undefined ? null : v));
    while (x.length && x[x.length - 1] === null) x.pop();
    return x;
  });
  while (out.length && out[out.length - 1].length === 0) out.pop();
  return out;
};

describe("readWorkbookBuffer on ExcelJS-built fixtures", () => {
  test.each([
    ["roster", F.rosterSheet()],
    ["summary", F.summarySheet()],
    ["Form 2", F.transitionSheet("poor", F.CLEAN_FORM2)],
    ["Form 4", F.deprivationSheet(F.CLEAN_FORM4)],
    ["targets", F.targetSheet(F.CLEAN_TARGETS)],
  ])("%s: values and merges round-trip", async (_n, spec) => {
    const [g] = readWorkbookBuffer(await xlsxBuffer([spec]), "f.xlsx");
    expect(g.sheetName).toBe(spec.name);
    expect(norm(g.values)).toEqual(norm(spec.rows));
    expect([...(g.merges ?? [])].sort()).toEqual([...(spec.merges ?? [])].sort());
    expect(g.file).toBe("f.xlsx");
  });

  test("number formats, hidden sheets, Vietnamese sheet names, errors, booleans, dates, formulas", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Xã Ẳng Đông – 2024");
    ws.getCell("A1").value = 0.0797;
    ws.getCell("A1").numFmt = "0.00%";
    ws.getCell("B1").value = 1_500_000;
    ws.getCell("B1").numFmt = "#,##0";
    ws.getCell("C1").value = { error: "#DIV/0!" } as ExcelJS.CellErrorValue;
    ws.getCell("D1").value = true;
    ws.getCell("E1").value = new Date(Date.UTC(2024, 8, 1));
    ws.getCell("F1").value = { formula: "A1*2", result: 0.1594 } as ExcelJS.CellFormulaValue;
    ws.getCell("G1").value = { formula: "B1+1" } as ExcelJS.CellFormulaValue;
    ws.getCell("H1").value = { richText: [{ text: "Hộ " }, { text: "nghèo", font: { bold: true } }] };
    ws.getCell("I1").value = '<&> "quoted" =1+1';
    wb.addWorksheet("Ẩn", { state: "hidden" }).getCell("A1").value = "bí mật";
    const grids = readWorkbookBuffer(Buffer.from(await wb.xlsx.writeBuffer()), "x.xlsx");
    expect(grids.map((g) => g.sheetName)).toEqual(["Xã Ẳng Đông – 2024", "Ẩn"]);
    const [g, hidden] = grids;
    expect(g.values[0].slice(0, 4)).toEqual([0.0797, 1_500_000, { error: "#DIV/0!" }, true]);
    expect((g.values[0][4] as Date).toISOString().slice(0, 10)).toBe("2024-09-01");
    expect(g.values[0][5]).toBe(0.1594);
    expect(g.values[0][6]).toEqual({ error: NO_CACHED_VALUE });
    expect(g.values[0][7]).toBe("Hộ nghèo");
    expect(g.values[0][8]).toBe('<&> "quoted" =1+1');
    expect(g.numberFormats?.[0]?.[0]).toBe("0.00%");
    expect(g.numberFormats?.[0]?.[1]).toBe("#,##0");
    expect(g.hidden).toBeUndefined();
    expect(hidden.hidden).toBe(true);
  });

  test("the validator reports hidden sheets and formulas without cached values", async () => {
    const spec = F.summarySheet();
    spec.rows = spec.rows.map((r) => [...r]);
    spec.rows[5][3] = NO_CACHED_VALUE;
    const grids = readWorkbookBuffer(
      await xlsxBuffer([spec, { ...F.rosterSheet({ unit: "Xã Mới" }), name: "DS ẩn", hidden: true }]),
      "w.xlsx",
    );
    const codes = validateWorkbooks([{ file: "w.xlsx", grids }], { year: 2024 }).files[0].findings.map(
      (f) => `${f.code}@${f.sheet}!${f.cell}`,
    );
    expect(codes).toContain("FORMULA_NO_CACHED_VALUE@Biểu 1!D6");
    expect(codes).toContain("SHEET_HIDDEN@DS ẩn!");
  });

  test("agrees with ExcelJS's own reader on every value of a roster", async () => {
    const buf = await xlsxBuffer([F.rosterSheet()]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const [g] = readWorkbookBuffer(buf);
    wb.worksheets[0].eachRow((row, r) =>
      row.eachCell((cell, c) => {
        if (cell.type === ExcelJS.ValueType.Merge) return;
        expect(g.values[r - 1][c - 1]).toEqual(cell.value);
      }),
    );
  });
});

describe("unreadable inputs give clear FILE_UNREADABLE reasons", () => {
  const reasonOf = (buf: Buffer, name: string): string => {
    try {
      readWorkbookBuffer(buf, name);
    } catch (e) {
      if (isPovertyError(e)) {
        expect(e.code).toBe("FILE_UNREADABLE");
        return e.messageVi + " | " + e.messageEn;
      }
      throw e;
    }
    throw new Error("expected a failure");
  };
  const cfb = (extra: Buffer) =>
    Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), extra]);

  test("legacy .xls", () => expect(reasonOf(cfb(Buffer.alloc(512)), "a.xls")).toMatch(/\.xls.*lưu thành \.xlsx/));
  test("password-protected .xlsx", () =>
    expect(reasonOf(cfb(Buffer.from("EncryptedPackage", "utf16le")), "a.xlsx")).toMatch(/mật khẩu.*password/));
  test("CSV", () => expect(reasonOf(Buffer.from("Mã hộ;Phân loại\nH1;Hộ nghèo\n"), "a.csv")).toMatch(/CSV/));
  test("empty file", () => expect(reasonOf(Buffer.alloc(0), "a.xlsx")).toMatch(/rỗng.*empty/));
  test("random bytes", () =>
    expect(reasonOf(Buffer.from([1, 2, 3, 4, 5, 250, 251]), "a.xlsx")).toMatch(/hỏng|corrupt/));
  test("a truncated .xlsx", async () => {
    const buf = await xlsxBuffer([F.summarySheet()]);
    expect(reasonOf(buf.subarray(0, Math.floor(buf.length / 2)), "a.xlsx")).toMatch(/hỏng|damaged/);
  });
  test("a Word document renamed .xlsx", async () => {
    const zip = new JSZip();
    zip.file("word/document.xml", "<w:document/>");
    zip.file("_rels/.rels", "<Relationships/>");
    const buf = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
    expect(reasonOf(buf, "a.xlsx")).toMatch(/Word/);
  });
  test("a missing file", async () => {
    await expect(readWorkbookFile(join(dir, "nope.xlsx"))).rejects.toMatchObject({
      code: "FILE_UNREADABLE",
      messageEn: expect.stringContaining("not found"),
    });
  });
});

test("reading never modifies the input file", async () => {
  const p = join(dir, "in.xlsx");
  writeFileSync(p, await xlsxBuffer([F.rosterSheet()]));
  const before = createHash("sha256").update(readFileSync(p)).digest("hex");
  const mtime = statSync(p).mtimeMs;
  const grids = await readWorkbookFile(p);
  validateWorkbooks([{ file: "in.xlsx", grids }], { year: 2024 });
  expect(createHash("sha256").update(readFileSync(p)).digest("hex")).toBe(before);
  expect(statSync(p).mtimeMs).toBe(mtime);
});

test("a sheet with formatting down to row 1,048,576 and data far below is read sparsely", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Dài");
  ws.getCell("A1").value = "Mã hộ";
  ws.getCell("B1").value = "Phân loại hộ";
  ws.getCell("A2").value = "H1";
  ws.getCell("B2").value = "Hộ nghèo";
  ws.getCell("A1048576").value = "H2";
  ws.getCell("B1048576").value = "Hộ cận nghèo";
  const [g] = readWorkbookBuffer(Buffer.from(await wb.xlsx.writeBuffer()));
  expect(g.values.length).toBe(1048576);
  const rep = validateWorkbooks([{ file: "d.xlsx", grids: [g] }], { year: 2024 });
  expect(rep.sheets[0].roster!.map((r) => r.household.id)).toEqual(["H1", "H2"]);
  expect(rep.sheets[0].roster![1].row0).toBe(1048575);
});
