/**
 * Reading tells the truth (issue 13, items 4 and 6): every cell the reader cannot interpret is a located
 * finding — CELL_UNREADABLE (error) or CELL_READ_AS_BLANK (warning) — never a silent "" or 0, and blanks stay
 * blank. A character XML does not allow (&#x110000;) no longer aborts the batch.
 */
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { validateWorkbooks } from "../../src/core/validate";
import { readWorkbookBuffer } from "../../src/xlsx/read";
import * as F from "../core/sheet/fixtures";
import { ensureCliBuilt, poverty } from "../cli/bin";
import { craftXlsx, sharedStringsXml, transformXml } from "../support/xlsx-craft";
import { xlsxBuffer } from "./read-fixtures";

const sheet = (rows: string, strings?: string[]) =>
  craftXlsx({ sheets: [{ name: "S", rows }], ...(strings ? { strings } : {}) });
const one = (buf: Buffer) => readWorkbookBuffer(buf, "t.xlsx")[0];
const findingsOf = (buf: Buffer) =>
  validateWorkbooks([{ file: "t.xlsx", grids: readWorkbookBuffer(buf, "t.xlsx") }], { year: 2024 }).files[0].findings;

describe("cells the reader cannot interpret", () => {
  test('a shared-string index out of range or negative → CELL_UNREADABLE, blank (not "")', () => {
    const g = one(
      sheet(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>7</v></c><c r="C1" t="s"><v>-1</v></c></row>`, [
        "có",
      ]),
    );
    expect(g.values).toEqual([["có"]]);
    expect(g.readIssues).toEqual([
      expect.objectContaining({ row0: 0, col0: 1, severity: "error", value: "7" }),
      expect.objectContaining({ row0: 0, col0: 2, severity: "error", value: "-1" }),
    ]);
    expect(g.readIssues![0].reason.vi).toBe(
      "tham chiếu chuỗi dùng chung số 7 nhưng tệp chỉ có 1 chuỗi (số 0 đến 0); coi là ô trống",
    );
    const f = findingsOf(sheet(`<row r="1"><c r="B1" t="s"><v>7</v></c></row>`, ["có"]));
    expect(f).toContainEqual(
      expect.objectContaining({ code: "CELL_UNREADABLE", severity: "error", sheet: "S", cell: "B1", file: "t.xlsx" }),
    );
  });
  test("an empty <v> is blank with a warning, never 0; a missing <v> is blank without one", () => {
    const g = one(
      sheet(`<row r="1"><c r="A1"><v></v></c><c r="B1"><v/></c><c r="C1"/><c r="D1" t="n"><v>0</v></c></row>`),
    );
    expect(g.values).toEqual([[null, null, null, 0]]);
    expect(g.readIssues!.map((i) => [i.col0, i.severity])).toEqual([
      [0, "warning"],
      [1, "warning"],
    ]);
    expect(findingsOf(sheet(`<row r="1"><c r="A1"><v></v></c></row>`))).toContainEqual(
      expect.objectContaining({ code: "CELL_READ_AS_BLANK", severity: "warning", cell: "A1" }),
    );
  });
  test("numbers, booleans, dates and types the reader cannot read are findings, never NaN", () => {
    const g = one(
      sheet(
        `<row r="1"><c r="A1"><v>abc</v></c><c r="B1"><v>0x10</v></c><c r="C1"><v>1e999</v></c>` +
          `<c r="D1" t="b"><v>2</v></c><c r="E1" t="d"><v>not a date</v></c><c r="F1" t="zz"><v>1</v></c>` +
          `<c r="G1"><v> 12.5 </v></c></row>`,
      ),
    );
    expect(g.values).toEqual([[null, null, null, null, null, null, 12.5]]);
    expect(g.readIssues!.map((i) => `${i.col0}:${i.severity}:${i.value}`)).toEqual([
      "0:error:abc",
      "1:error:0x10",
      "2:error:1e999",
      "3:error:2",
      "4:error:not a date",
      "5:error:1",
    ]);
  });
  test("invalid UTF-8 bytes → CELL_UNREADABLE at the cells that use the text (shared and inline)", () => {
    const rows = `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>`;
    const good = sheet(rows, ["Nguyễn", "An"]);
    // The bytes of "ễ" (E1 BB 85) in the shared strings with an invalid sequence instead (E1 BB 20).
    const sst = Buffer.from(sharedStringsXml(["Nguyễn", "An"]), "utf8");
    sst[sst.indexOf(Buffer.from("ễ", "utf8")) + 2] = 0x20;
    const g = one(craftXlsx({ sheets: [{ name: "S", rows }], sharedStrings: sst }));
    expect(g.values[0][0]).toMatch(/\ufffd/);
    expect(g.values[0][1]).toBe("An");
    expect(g.readIssues).toEqual([expect.objectContaining({ row0: 0, col0: 0, severity: "error" })]);
    expect(g.readIssues![0].reason.en).toMatch(/not UTF-8/);
    expect(one(good).readIssues).toBeUndefined();
  });
  test("a character reference XML does not allow (&#x110000;, &#0;, a surrogate) → CELL_UNREADABLE, no crash", () => {
    const g = one(
      sheet(
        `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>x&#0;y</t></is></c><c r="C1" t="str"><v>&#xD800;</v></c><c r="D1" t="s"><v>1</v></c></row>`,
        ["a&#x110000;b", "&#x1F600; ok &amp; &lt;"],
      ),
    );
    expect(g.values).toEqual([["a\ufffdb", "x\ufffdy", "\ufffd", "😀 ok & <"]]);
    expect(g.readIssues!.map((i) => i.col0)).toEqual([0, 1, 2]);
  });
  test("a cell or row written twice: the later value, with a warning", () => {
    const g = one(
      sheet(`<row r="1"><c r="A1"><v>1</v></c><c r="A1"><v>2</v></c></row><row r="1"><c r="B1"><v>3</v></c></row>`),
    );
    expect(g.values).toEqual([[null, 3]]);
    expect(g.readIssues!.map((i) => i.severity)).toEqual(["warning", "warning"]);
  });
});

describe("through the CLI: one bad cell never stops the batch", () => {
  let dir: string;
  beforeAll(async () => {
    await ensureCliBuilt();
    dir = mkdtempSync(join(tmpdir(), "pp-truth-"));
    // A roster whose first household's income is the shared string "&#x110000;" (was: RangeError, batch aborted).
    const roster = await xlsxBuffer([F.rosterSheet({ unit: "Xã Mới" })]);
    writeFileSync(
      join(dir, "a-bad-char.xlsx"),
      transformXml(roster, (name, xml) =>
        name === "xl/sharedStrings.xml" ? xml.replace(/<t>Nguyễn Văn An<\/t>/, "<t>Nguy&#x110000;n Văn An</t>") : xml,
      ),
    );
    // A blank income written as <v></v> (was: read as 0, the household recomputed as poor).
    writeFileSync(
      join(dir, "b-empty-v.xlsx"),
      transformXml(roster, (name, xml) =>
        name === "xl/worksheets/sheet1.xml" ? xml.replace(/(<c r="H7"[^>]*>)<v>\d+<\/v>/, "$1<v></v>") : xml,
      ),
    );
    writeFileSync(join(dir, "c-good.xlsx"), roster);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("validate reports each file; the bad cells are located findings; exit 1 (data errors), not 2", () => {
    const r = poverty(dir, "validate", ".", "--year", "2024", "--format", "json");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout) as { files: { file: string; findings: { code: string; cell: string }[] }[] };
    expect(j.files.map((f) => f.file)).toEqual(["a-bad-char.xlsx", "b-empty-v.xlsx", "c-good.xlsx"]);
    expect(j.files[0].findings).toContainEqual(expect.objectContaining({ code: "CELL_UNREADABLE", cell: "C7" }));
    expect(j.files[1].findings).toContainEqual(expect.objectContaining({ code: "CELL_READ_AS_BLANK", cell: "H7" }));
    expect(j.files[1].findings.filter((f) => f.cell === "H7").map((f) => f.code)).not.toContain("HH_CATEGORY_MISMATCH");
    expect(j.files[2].findings.filter((f) => f.code.startsWith("CELL_"))).toEqual([]);
  });
});
