/**
 * Namespace-correct reading (issue 13, item 3): elements are matched by namespace, not by prefix. The same
 * workbook written with a default namespace (Excel, ExcelJS), with prefixed tags (`<x:worksheet>`, `<x:c>`, as
 * OpenXML SDK tools write) and with the Strict OOXML URIs reads identically; a workbook where no sheet can be
 * read is FILE_UNREADABLE, never "no findings". Fixtures are generated here from ExcelJS output.
 */
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { isPovertyError } from "../../src/core/errors";
import { validateWorkbooks } from "../../src/core/validate";
import { readWorkbookBuffer } from "../../src/xlsx/read";
import * as F from "../core/sheet/fixtures";
import { ensureCliBuilt, poverty } from "../cli/bin";
import {
  craftXlsx,
  prefixedPackage,
  REL_S,
  SML_S,
  SML_T,
  strictPackage,
  transformXml,
  unzipParts,
} from "../support/xlsx-craft";
import { xlsxBuffer } from "./read-fixtures";

let plain: Buffer;

beforeAll(async () => {
  const bad = F.CLEAN_HOUSEHOLDS.map((h, i) => (i === 0 ? { ...h, income: 2_400_000 } : h));
  plain = await xlsxBuffer([
    F.rosterSheet({ unit: "Xã Mới", households: bad }),
    F.summarySheet({ units: F.CLEAN_UNITS.map((u, i) => (i === 0 ? { ...u, poorRate: 8.12 } : u)) }),
  ]);
});

const read = (buf: Buffer) => readWorkbookBuffer(buf, "w.xlsx");
const findings = (buf: Buffer) =>
  validateWorkbooks([{ file: "w.xlsx", grids: read(buf) }], { year: 2024 }).files[0].findings;

describe("the same workbook in three XML spellings", () => {
  test("prefixed tags (x:) read identically to the default namespace", () => {
    const x = prefixedPackage(plain);
    expect(unzipParts(x).get("xl/worksheets/sheet1.xml")!.toString()).toContain("<x:worksheet");
    expect(read(x)).toEqual(read(plain));
  });
  test("another prefix, and a prefix on the workbook only, read identically", () => {
    expect(read(prefixedPackage(plain, "ss"))).toEqual(read(plain));
    expect(read(prefixedPackage(plain, "x", (name) => name === "xl/workbook.xml"))).toEqual(read(plain));
    expect(read(prefixedPackage(plain, "x", (name) => name.startsWith("xl/worksheets/")))).toEqual(read(plain));
  });
  test("Strict OOXML (purl.oclc.org namespaces and relationship types) reads identically", () => {
    const s = strictPackage(plain);
    expect(unzipParts(s).get("xl/workbook.xml")!.toString()).toContain(SML_S);
    expect(unzipParts(s).get("xl/_rels/workbook.xml.rels")!.toString()).toContain(`${REL_S}/worksheet`);
    expect(read(s)).toEqual(read(plain));
    expect(read(strictPackage(prefixedPackage(plain)))).toEqual(read(plain));
  });
  test("the findings are the same, and not empty", () => {
    const expected = findings(plain);
    expect(expected.filter((f) => f.severity === "error").length).toBeGreaterThan(0);
    expect(findings(prefixedPackage(plain))).toEqual(expected);
    expect(findings(strictPackage(plain))).toEqual(expected);
  });
  test("a row that redeclares the prefix, and two prefixes bound to SpreadsheetML, are resolved", () => {
    const rows =
      `<row r="1"><c r="A1" t="inlineStr"><is><t>Mã hộ</t></is></c></row>` +
      `<y:row r="2" xmlns:y="${SML_T}"><y:c r="A2"><y:v>7</y:v></y:c><y:c r="B2" t="inlineStr"><y:is><y:t>a</y:t></y:is></y:c></y:row>` +
      `<z:row r="3"><z:c r="A3"><z:v>8</z:v></z:c></z:row>` +
      // Same local names in another namespace are not cells.
      `<row r="4" xmlns:o="urn:other"><o:c r="A4"><o:v>9</o:v></o:c><c r="B4"><v>10</v></c></row>`;
    const buf = craftXlsx({
      sheets: [
        { name: "S", xml: `<worksheet xmlns="${SML_T}" xmlns:z="${SML_T}"><sheetData>${rows}</sheetData></worksheet>` },
      ],
    });
    expect(read(buf)[0].values).toEqual([["Mã hộ"], [7, "a"], [8], [null, 10]]);
  });
});

describe("a workbook where no sheet can be read is never 'no findings'", () => {
  test("sheets in a foreign namespace → FILE_UNREADABLE naming the sheets", () => {
    const foreign = transformXml(prefixedPackage(plain), (name, xml) =>
      name.startsWith("xl/worksheets/") ? xml.split(SML_T).join("urn:not-spreadsheetml") : xml,
    );
    let err: unknown;
    try {
      read(foreign);
    } catch (e) {
      err = e;
    }
    expect(isPovertyError(err) && err.code).toBe("FILE_UNREADABLE");
    const e = err as { messageVi: string; messageEn: string };
    expect(e.messageVi).toMatch(/không đọc được trang tính nào: sổ làm việc liệt kê 2 trang/);
    expect(e.messageVi).toContain('"Danh sách hộ"');
    expect(e.messageEn).toMatch(/no sheet could be read: the workbook lists 2 sheets/);
  });
  test("a workbook without sheets → FILE_UNREADABLE", () => {
    expect(() => read(craftXlsx({ sheets: [] }))).toThrow(/no sheet could be read: the workbook lists 0 sheets/);
  });
  test("a sheet with an unreadable root is skipped but a readable one still makes the file readable", () => {
    const buf = craftXlsx({
      sheets: [
        { name: "Chart", xml: `<chartsheet xmlns="${SML_T}"/>` },
        { name: "Data", rows: `<row r="1"><c r="A1"><v>1</v></c></row>` },
      ],
    });
    expect(read(buf).map((g) => g.sheetName)).toEqual(["Data"]);
  });
});

describe("through the CLI", () => {
  let dir: string;
  beforeAll(async () => {
    await ensureCliBuilt();
    dir = mkdtempSync(join(tmpdir(), "pp-ns-"));
    writeFileSync(join(dir, "plain.xlsx"), plain);
    writeFileSync(join(dir, "prefixed.xlsx"), prefixedPackage(plain));
    writeFileSync(join(dir, "strict.xlsx"), strictPackage(plain));
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  test("validate reports the same findings for the three files (a prefixed file is not a false pass)", () => {
    const out = (f: string) => {
      const r = poverty(dir, "validate", f, "--year", "2024", "--format", "json");
      return {
        code: r.code,
        findings: JSON.parse(r.stdout).files[0].findings.map(
          (x: { code: string; cell: string }) => `${x.code}@${x.cell}`,
        ),
      };
    };
    const expected = out("plain.xlsx");
    expect(expected.code).toBe(1);
    expect(out("prefixed.xlsx")).toEqual(expected);
    expect(out("strict.xlsx")).toEqual(expected);
  });
});
